#!/usr/bin/env bash
# The project's single test command: ./scripts/test.sh
# Works on a fresh clone on a fresh machine (Debian, root or sudo, npm registry + apt):
#   1. npm ci            when node_modules was not installed from this package-lock.json
#   2. npm run build     (esbuild bundle + tsc to out/)
#   3. npm run lint      (skipped only while the repo has no eslint config)
#   4. npm run test:unit (node --test)
#   5. scripts/setup-browser.sh + scripts/setup-vscode-server.sh (cached after the first run)
#   6. node test/host/run-web.mjs: the extension-host suite in a real VS Code (server + web workbench)
# The very last line is the total over unit and host tests: `N passed, M failed`
# (a failed step that is not a test run, e.g. the build or lint, counts as one failure).
# Exits non-zero when any step fails. Logs of each step: test-results/*.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DOCKYARD_LOG_TAG=test
. scripts/lib.sh

mkdir -p test-results
passed=0
failed=0
failed_steps=()
t0=$(date +%s)

step() { printf '\n==> %s\n' "$*"; }
step_failed() { failed_steps+=("$1"); failed=$((failed + 1)); }

finish() {
  local rc=$?
  trap - EXIT
  if [ "$rc" -ne 0 ] && [ "${#failed_steps[@]}" -eq 0 ]; then
    step_failed "scripts/test.sh (exit $rc)"
  fi
  printf '\n'
  if [ "${#failed_steps[@]}" -gt 0 ]; then
    printf 'FAILED: %s\n' "${failed_steps[@]}"
    [ "$rc" -ne 0 ] || rc=1
  fi
  printf 'total time %ss\n' "$(( $(date +%s) - t0 ))"
  printf '%s passed, %s failed\n' "$passed" "$failed"
  exit "$rc"
}
trap finish EXIT

# Runs a step whose failure ends the run (later steps depend on it).
must() {
  local name="$1"; shift
  step "$name"
  if ! "$@"; then
    step_failed "$name"
    exit 1
  fi
}

# Sums the last `ℹ pass N` / `# pass N` and `ℹ fail N` / `# fail N` lines of node --test output.
count_node_test() {
  local file="$1" p f
  p=$(sed 's/\x1b\[[0-9;]*m//g' "$file" | grep -aE '^(ℹ|#) pass [0-9]+' | tail -n1 | grep -oE '[0-9]+$' || true)
  f=$(sed 's/\x1b\[[0-9;]*m//g' "$file" | grep -aE '^(ℹ|#) fail [0-9]+' | tail -n1 | grep -oE '[0-9]+$' || true)
  echo "${p:-} ${f:-}"
}

# 1. dependencies
if ! deps_up_to_date; then
  must "npm ci" npm ci --no-audit --no-fund
  deps_stamp
else
  step "npm ci (skipped: node_modules is up to date with package-lock.json)"
fi

# 2. build
must "npm run build" npm run build

# 3. lint
shopt -s nullglob
eslint_configs=(eslint.config.js eslint.config.mjs eslint.config.cjs eslint.config.ts .eslintrc .eslintrc.*)
shopt -u nullglob
if [ "${#eslint_configs[@]}" -gt 0 ]; then
  step "npm run lint"
  npm run lint || step_failed "npm run lint"
else
  step "npm run lint (skipped: no eslint config yet)"
fi

# 4. unit tests
step "npm run test:unit"
unit_log=test-results/unit.log
unit_ok=1
npm run test:unit 2>&1 | tee "$unit_log" || unit_ok=0
read -r up uf <<<"$(count_node_test "$unit_log")"
if [ -z "${up:-}" ] || [ -z "${uf:-}" ]; then
  log "no pass/fail summary found in the unit test output"
  step_failed "npm run test:unit (no summary)"
else
  passed=$((passed + up))
  failed=$((failed + uf))
  if [ "$unit_ok" -eq 0 ]; then
    failed_steps+=("npm run test:unit")
    [ "$uf" -gt 0 ] || failed=$((failed + 1))   # it failed without a failing test: count it
  fi
fi
printf 'unit: %s passed, %s failed\n' "${up:-0}" "${uf:-0}"

# 5. a real VS Code + browser for the host tests
must "scripts/setup-browser.sh" bash scripts/setup-browser.sh
step "scripts/setup-vscode-server.sh"
if ! server_env="$(bash scripts/setup-vscode-server.sh)"; then
  step_failed "scripts/setup-vscode-server.sh"
  exit 1
fi
eval "$server_env"
export DOCKYARD_NODE24 DOCKYARD_SERVER_MAIN

# 6. extension-host tests
step "node test/host/run-web.mjs"
host_log=test-results/host.log
host_ok=1
node test/host/run-web.mjs 2>&1 | tee "$host_log" || host_ok=0
host_line=$(grep -aE '^host: [0-9]+ passed, [0-9]+ failed$' "$host_log" | tail -n1 || true)
if [ -n "$host_line" ]; then
  hp=$(sed -E 's/^host: ([0-9]+) passed.*/\1/' <<<"$host_line")
  hf=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$host_line")
  passed=$((passed + hp))
  failed=$((failed + hf))
  if [ "$host_ok" -eq 0 ]; then
    failed_steps+=("host tests (test/host/run-web.mjs)")
    [ "$hf" -gt 0 ] || failed=$((failed + 1))
  fi
else
  step_failed "host tests (test/host/run-web.mjs printed no result)"
fi

[ "${#failed_steps[@]}" -eq 0 ] || exit 1
exit 0
