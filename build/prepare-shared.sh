#!/usr/bin/env bash
# Lays out ../shared/plaid-openapi as .ci/run expects it (see its README there), from a clone of plaid/plaid-openapi
# with its history (actions/checkout fetch-depth: 0): the hosted CI's stand-in for the reference copies this machine
# has. Usage: bash build/prepare-shared.sh PLAID_OPENAPI_CLONE [SHARED_DIR (default ../shared)]
#   2020-09-14.yml          Plaid's file at the version the fragment follows (openapi/...: info.version), so the
#                           drift check compares like with like; a newer upstream is the spec watch's business
#   history/2020-09-14_1.673.1.yml and history/2020-09-14_{1.40.3,1.496.0,1.627.4}.yml.gz  the eras the tests use
# Each file is Plaid's 2020-09-14.yml at the first commit that published that info.version; exits non-zero if one
# is missing from the clone's history.
set -euo pipefail
cd "$(dirname "$0")/.."
clone=${1:?usage: prepare-shared.sh PLAID_OPENAPI_CLONE [SHARED_DIR]}
shared=${2:-../shared}
current=$(sed -n 's/^  version: \(2020-09-14_[0-9.]*\)$/\1/p' openapi/processor-balance-get.yaml | head -1)
[ -n "$current" ] || { echo "prepare-shared: no info.version in openapi/processor-balance-get.yaml" >&2; exit 1; }

published() { # VERSION: Plaid's file as first published at that version
  local commit
  commit=$(git -C "$clone" log --reverse --format=%H -S"  version: $1" -- 2020-09-14.yml | sed -n 1p)
  [ -n "$commit" ] || { echo "prepare-shared: $1 is not in the history of $clone (fetch-depth: 0?)" >&2; return 1; }
  git -C "$clone" show "$commit:2020-09-14.yml"
}

mkdir -p "$shared/plaid-openapi/history"
published "$current" > "$shared/plaid-openapi/2020-09-14.yml"
published 2020-09-14_1.673.1 > "$shared/plaid-openapi/history/2020-09-14_1.673.1.yml"
for era in 1.40.3 1.496.0 1.627.4; do
  published "2020-09-14_$era" | gzip -9n > "$shared/plaid-openapi/history/2020-09-14_$era.yml.gz"
done
echo "prepare-shared: $shared/plaid-openapi holds $current and the eras 1.673.1, 1.40.3, 1.496.0, 1.627.4"
