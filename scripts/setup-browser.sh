#!/usr/bin/env bash
# Installs what the extension-host tests need from Debian: chromium (the browser that
# drives VS Code's web workbench) and libkrb5-dev (needed to build the native modules of
# code-server, see scripts/setup-vscode-server.sh). Idempotent: does nothing when both are
# already installed; runs `apt-get update` only when something is missing.
set -euo pipefail
DOCKYARD_LOG_TAG=setup-browser
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_apt_packages chromium libkrb5-dev

[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after installing the chromium package"
log "ok: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
