#!/usr/bin/env bash
# Builds a baseline of the linter at a git revision for scripts/ab-bench.mjs:
#   scripts/ab-baseline.sh <rev> <dir>      e.g. scripts/ab-baseline.sh HEAD /tmp/dockyard-baseline
# The baseline gets its own copy of dockerfile-ast (and the two packages it patches through), so
# the two builds' prototype patches never meet in one process. Run from the repository root after
# `npm ci`.
set -euo pipefail
rev="${1:?usage: scripts/ab-baseline.sh <rev> <dir>}"
dir="${2:?usage: scripts/ab-baseline.sh <rev> <dir>}"
repo="$(pwd)"
rm -rf "$dir"
git worktree add --detach -q "$dir" "$rev"
mkdir -p "$dir/node_modules"
for d in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  b="$(basename "$d")"
  case "$b" in
    dockerfile-ast | vscode-languageserver-textdocument | vscode-languageserver-types) cp -r "$d" "$dir/node_modules/$b" ;;
    *) ln -s "$d" "$dir/node_modules/$b" ;;
  esac
done
(cd "$dir" && npm run build >/dev/null)
echo "baseline of $rev built in $dir; compare with: node scripts/ab-bench.mjs $dir"
