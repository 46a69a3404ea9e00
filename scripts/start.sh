#!/usr/bin/env bash
# Starts VS Code (its own server + web workbench, from the npm package code-server) with Dockyard
# installed, on the demo project examples/demo, and prints the URL to open in a browser.
# Runs in the foreground until Ctrl-C.
#
# Usage: scripts/start.sh [--host ADDR] [--port N] [--folder DIR] [--no-package]
#   --host ADDR   address to listen on (default 127.0.0.1, or $DOCKYARD_HOST)
#   --port N      port (default 8080, or $PORT)
#   --folder DIR  folder to open (default examples/demo)
#   --no-package  reuse the last built .vsix instead of building the extension again
#
# What it does: npm ci (when node_modules was not installed from this package-lock.json), builds the extension and packs it
# with vsce into .vscode-test/start/dockyard.vsix, installs VS Code's server once per machine
# (scripts/setup-vscode-server.sh, ~5 minutes the first time), installs the .vsix into the server's
# extensions dir (.vscode-test/start/extensions), and starts the server. Settings and state are kept
# in .vscode-test/start/ between runs. On a non-loopback address a connection token is required
# (it is part of the printed URL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DOCKYARD_LOG_TAG=start
. scripts/lib.sh
REPO="$(pwd)"

host="${DOCKYARD_HOST:-127.0.0.1}"
port="${PORT:-8080}"
folder="examples/demo"
package=1
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host="${2:?--host needs a value}"; shift 2 ;;
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --folder) folder="${2:?--folder needs a value}"; shift 2 ;;
    --no-package) package=0; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number: $port"
folder="$(cd "$folder" 2>/dev/null && pwd)" || die "folder not found: $folder"

state="$REPO/.vscode-test/start"
vsix="$state/dockyard.vsix"
mkdir -p "$state"

# 1. dependencies
if ! deps_up_to_date; then
  log "npm ci"
  npm ci --no-audit --no-fund || die "npm ci failed"
  deps_stamp
fi

# 2. the extension, packed as users get it
if [ "$package" -eq 1 ] || [ ! -f "$vsix" ]; then
  log "building the extension (npm run bundle:prod)"
  npm run --silent bundle:prod || die "npm run bundle:prod failed"
  icon="$(node -p 'require("./package.json").icon || ""')"
  if [ -n "$icon" ] && [ ! -f "$icon" ]; then
    die "package.json names the icon '$icon', which does not exist: vsce cannot pack the extension"
  fi
  log "packing $vsix (vsce package)"
  rm -f "$vsix"
  # A local build: the flags let vsce pack without a repository URL or LICENSE, and leave the
  # README's relative links alone; </dev/null keeps it from asking questions.
  node_modules/.bin/vsce package --no-dependencies --allow-missing-repository --skip-license \
    --no-rewrite-relative-links \
    --out "$vsix" </dev/null || die "vsce package failed"
  [ -f "$vsix" ] || die "vsce reported success but $vsix does not exist"
fi

# 3. VS Code's server (machine-wide cache)
server_env="$(bash scripts/setup-vscode-server.sh)" || die "scripts/setup-vscode-server.sh failed"
eval "$server_env"

server_args=(
  "$DOCKYARD_SERVER_MAIN"
  --extensions-dir "$state/extensions"
  --server-data-dir "$state/server-data"
  --user-data-dir "$state/user-data"
)

# 4. install the .vsix into the server's extensions dir (replaces an older build of it)
log "installing $(basename "$vsix") into $state/extensions"
"$DOCKYARD_NODE24" "${server_args[@]}" --install-extension "$vsix" --force \
  || die "installing $vsix into VS Code's server failed"
"$DOCKYARD_NODE24" "${server_args[@]}" --list-extensions --show-versions 2>/dev/null \
  | grep -qi '^dockyard\.dockyard@' || die "dockyard.dockyard is not listed as installed after --install-extension"

# 5. start
# Defaults for this demo server (VS Code's "Remote" settings; edit them in the settings UI).
machine_settings="$state/user-data/Machine/settings.json"
if [ ! -f "$machine_settings" ]; then
  mkdir -p "$(dirname "$machine_settings")"
  cat > "$machine_settings" <<'JSON'
{
  "git.openRepositoryInParentFolders": "never",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false
}
JSON
fi

node -e '
  const s = require("net").createServer();
  s.once("error", (e) => { console.error(`port ${process.argv[2]} on ${process.argv[1]} is not free: ${e.code}`); process.exit(1); });
  s.listen(+process.argv[2], process.argv[1], () => s.close());
' "$host" "$port" || die "choose another port with --port N or PORT=N"

token_args=(--without-connection-token)
query=""
case "$host" in
  127.*|localhost|::1) ;;
  *)
    token="$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
    token_args=(--connection-token "$token")
    query="tkn=$token&"
    ;;
esac

log "starting VS Code's server on $host:$port"
# setsid: the server gets its own process group (with its extension host, terminals and
# whatever they start), so stop() ends all of it and nothing else.
setsid "$DOCKYARD_NODE24" "${server_args[@]}" \
  --host "$host" --port "$port" "${token_args[@]}" \
  --accept-server-license-terms --disable-telemetry --disable-workspace-trust \
  > "$state/server.log" 2>&1 &
server_pid=$!

stop() {
  trap - INT TERM HUP EXIT
  if kill -0 "$server_pid" 2>/dev/null; then
    log "stopping the server"
    kill -TERM -- "-$server_pid" 2>/dev/null || kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap stop EXIT

url_host="$host"
[[ "$host" == *:* ]] && url_host="[$host]"
wait_for_http "http://$url_host:$port/version" 90 "$server_pid"
url="http://$url_host:$port/?${query}folder=$(node -p 'encodeURIComponent(process.argv[1])' "$folder")"

cat <<EOF

  Dockyard is running in VS Code, on $folder.
  Open:  $url

  Server log: $state/server.log
  Press Ctrl-C to stop.

EOF

set +e
wait "$server_pid"
rc=$?
set -e
log "the server exited (code $rc); last lines of $state/server.log:"
tail -n 20 "$state/server.log" >&2 || true
exit "$rc"
