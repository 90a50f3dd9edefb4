#!/usr/bin/env bash
# Builds Plaid.Generated (net10.0, Release) at a released commit, for the benchmarks' baseline job:
#   bash tests/Plaid.Generated.Benchmarks/build-baseline.sh [COMMIT]   (default: a14cc0d, release 3.0.0)
# prints the folder of the built assembly; pass it as PLAID_BASELINE_DIR to the benchmark run (docs/performance.md).
set -euo pipefail
commit=${1:-a14cc0d}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
out="$root/artifacts/baseline/$commit"
if [ ! -f "$out/Plaid.Generated.dll" ]; then
  source=$(mktemp -d)
  trap 'git -C "$root" worktree remove --force "$source" >/dev/null 2>&1 || true' EXIT
  git -C "$root" worktree add --detach "$source" "$commit" >/dev/null
  # ../shared is looked up beside the repository; the copy sits in /tmp, so point it at the real one when present.
  [ -e "$root/../shared" ] && [ ! -e "$source/../shared" ] && ln -s "$root/../shared" "$(dirname "$source")/shared" 2>/dev/null || true
  dotnet build "$source/src/Plaid.Generated/Plaid.Generated.csproj" -c Release -f net10.0 -o "$out" -nologo -v quiet >&2
fi
echo "$out"
