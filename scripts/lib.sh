# shellcheck shell=bash
# Shared helpers for Dockyard's scripts. Source it: `. "$(dirname "$0")/lib.sh"`.
# Every script that sources this runs with `set -euo pipefail`.

# Versions of VS Code's server used by the host tests and scripts/start.sh.
# Changing one of them changes the cache key, so a new install happens next time.
DOCKYARD_CODE_SERVER_VERSION="${DOCKYARD_CODE_SERVER_VERSION:-4.139.1}"
DOCKYARD_NODE_MAJOR="${DOCKYARD_NODE_MAJOR:-24}"
DOCKYARD_CACHE="${DOCKYARD_CACHE:-${HOME:-/root}/.cache/dockyard}"
DOCKYARD_SERVER_DIR="$DOCKYARD_CACHE/vscode-server/code-server-${DOCKYARD_CODE_SERVER_VERSION}-node${DOCKYARD_NODE_MAJOR}"

log() { printf '[%s] %s\n' "${DOCKYARD_LOG_TAG:-dockyard}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${DOCKYARD_LOG_TAG:-dockyard}" "$*" >&2; exit 1; }


# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# ensure_apt_packages PKG...: installs the Debian packages that are not installed yet.
# Runs `apt-get update` once, and only when something has to be installed.
ensure_apt_packages() {
  local missing=() p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install these packages by hand: ${missing[*]}"
  log "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed: ${missing[*]}"
  for p in "${missing[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
      || die "package $p is still not installed after apt-get install"
  done
}

# wait_for_http URL SECONDS [PID]: waits until URL answers (any HTTP status).
# Fails early when PID (the server) has exited.
wait_for_http() {
  local url="$1" limit="$2" pid="${3:-}" start
  start=$(date +%s)
  while :; do
    if node -e '
      const http = require("http");
      const req = http.get(process.argv[1], (res) => { res.resume(); process.exit(0); });
      req.on("error", () => process.exit(1));
      req.setTimeout(2000, () => { req.destroy(); process.exit(1); });
    ' "$url"; then
      return 0
    fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      die "server (pid $pid) exited before $url answered"
    fi
    if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
      die "$url did not answer within ${limit}s"
    fi
    sleep 0.5
  done
}

# True when node_modules was installed from the current package-lock.json: compares the lock
# file's hash with the stamp `deps_stamp` writes after `npm ci` (content, not mtimes, so a fresh
# checkout or a git worktree with an unchanged lock file does not reinstall).
deps_up_to_date() {
  [ -f node_modules/.package-lock.json ] && [ -f node_modules/.dockyard-lock.sha256 ] \
    && [ "$(sha256sum package-lock.json | cut -d' ' -f1)" = "$(cat node_modules/.dockyard-lock.sha256)" ]
}
deps_stamp() {
  sha256sum package-lock.json | cut -d' ' -f1 > node_modules/.dockyard-lock.sha256
}
