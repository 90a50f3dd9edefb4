#!/usr/bin/env bash
# The contract checks CI runs (issue: contract diff in CI):
#   1. breaking-change gate: openapi/ vs the released baseline, allowed only with a major version bump;
#   2. public API: each library's C# surface vs its approved file (PublicApiTests): fails unless one comparison
#      passed per approved file, so a renamed test or a filter that matches nothing cannot pass;
#   3. upstream drift: openapi/ vs extract of Plaid's published spec in ../shared, exact (skipped when absent, failing under CI=true).
# Prints the three reports; exits non-zero when a check fails.
set -uo pipefail
cd "$(dirname "$0")/.."

spec=openapi/processor-balance-get.yaml
baseline=build/contract-baseline/processor-balance-get.yaml
upstream=../shared/plaid-openapi/2020-09-14.yml
diff_tool=(dotnet build/ContractDiff/bin/Release/net10.0/ContractDiff.dll)

major() { echo "${1%%.*}"; }

dotnet build build/ContractDiff -c Release -v:q -nologo >/dev/null || { echo "contract: FAIL (ContractDiff does not build)"; exit 2; }
result=0

baseline_version=$(tr -d '[:space:]' < build/contract-baseline/VERSION)
current_version=$(dotnet msbuild src/Plaid.Generated/Plaid.Generated.csproj -getProperty:Version -nologo | tr -d '[:space:]')
echo "== Contract diff: $baseline ($baseline_version) -> $spec ($current_version)"
"${diff_tool[@]}" --old "$baseline" --new "$spec" --format text
case $? in
  0) echo "contract: PASS (no breaking change)" ;;
  1) if [ "$(major "$current_version")" -gt "$(major "$baseline_version")" ]; then
       echo "contract: PASS (breaking change released as major version $current_version)"
     else
       echo "contract: FAIL (breaking change above without a major version bump: raise <Version> in src/Directory.Build.props above $baseline_version)"
       result=1
     fi ;;
  *) echo "contract: FAIL (could not compare the specs)"; result=1 ;;
esac

approved_dir=tests/Plaid.Generated.Tests/PublicApi
approved_count=$(find "$approved_dir" -name '*.approved.txt' | wc -l)
echo "== Public API: each package vs its $approved_dir/<package>.approved.txt ($approved_count files)"
api_log=$(mktemp)
# PLAID_NO_BUILD=1 (.ci/run, which has built the solution): test that build instead of building again.
dotnet test tests/Plaid.Generated.Tests ${PLAID_NO_BUILD:+--no-build} --filter "FullyQualifiedName~PublicApiTests" -nologo -v:q --logger "console;verbosity=normal" >"$api_log" 2>&1
api_status=$?
# A filter that matches nothing exits 0: count the passed comparisons ("     Passed: 3"), one per approved file.
api_passed=$(grep -Eo '^ +Passed: +[0-9]+$' "$api_log" | grep -Eo '[0-9]+$' | tail -1)
if [ "$api_status" -eq 0 ] && [ "${api_passed:-0}" -eq "$approved_count" ] && [ "$approved_count" -gt 0 ]; then
  echo "public API: PASS ($api_passed packages equal to their approved files)"
else
  sed -n '/Error Message:/,/Stack Trace:/p' "$api_log" | grep -v 'Stack Trace:' | head -200
  grep -q "Error Message:" "$api_log" || tail -30 "$api_log"
  echo "public API: FAIL (${api_passed:-no} comparisons passed, $approved_count approved files; see above)"
  result=1
fi
rm -f "$api_log"

echo "== Upstream drift: $spec vs extract of $upstream"
"${diff_tool[@]}" drift --fragment "$spec" --upstream "$upstream" --format text
case $? in
  0) if [ -f "$upstream" ]; then echo "drift: PASS (the fragment is exactly what extract cuts from upstream, descriptions aside)"
     else echo "drift: SKIPPED ($upstream is absent; under CI=true this fails)"; fi ;;
  1) echo "drift: FAIL (the fragment differs from upstream: bash build/sync-spec.sh $upstream brings it back in line)"; result=1 ;;
  *) echo "drift: FAIL (could not run the drift check)"; result=1 ;;
esac

exit "$result"
