#!/usr/bin/env bash
# Follow Plaid's spec in one command (issue: spec sync):
#   bash build/sync-spec.sh UPSTREAM_FILE      e.g. ../shared/plaid-openapi/2020-09-14.yml
# 1. extracts our operations from UPSTREAM_FILE into openapi/processor-balance-get.yaml, keeping our
#    descriptions (from the current fragment, then from the released one);
# 2. regenerates the client and builds it;
# 3. prints the contract diff against the released baseline, the version bump it calls for and whether
#    <Version> satisfies it, the public API diff with its re-approve command, the members that need a
#    description, and a draft CHANGELOG.md entry.
# Exits 0 when nothing needs a person; 1 while something does (undocumented members, a breaking change
# without a major version, an unapproved public API); 2 when a step cannot run.
set -uo pipefail
if [ $# -ne 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "usage: bash build/sync-spec.sh UPSTREAM_FILE   (Plaid's full 2020-09-14.yml, any version)" >&2
  exit 2
fi
upstream=$(cd "$(dirname "$1")" 2>/dev/null && echo "$PWD/$(basename "$1")" || echo "$1")
cd "$(dirname "$0")/.."
upstream=$(realpath -s --relative-to=. "$upstream" 2>/dev/null || echo "$upstream") # as printed: relative to the repository

operations=("POST /processor/balance/get")
spec=openapi/processor-balance-get.yaml
baseline=build/contract-baseline/processor-balance-get.yaml
project=src/Plaid.Generated/Plaid.Generated.csproj
needs_person=()
# SYNC_BUILD_ARGS: extra arguments for the build and test commands (a test that restored once passes --no-restore).
read -r -a build_args <<<"${SYNC_BUILD_ARGS:-}"

# CONTRACT_DIFF_DLL: an already built ContractDiff.dll to use instead of building build/ContractDiff (tests pass their own).
if [ -n "${CONTRACT_DIFF_DLL:-}" ]; then
  diff_tool=(dotnet "$CONTRACT_DIFF_DLL")
else
  diff_tool=(dotnet build/ContractDiff/bin/Release/net10.0/ContractDiff.dll)
  dotnet build build/ContractDiff -c Release -v:q -nologo >/dev/null || { echo "sync: ContractDiff does not build" >&2; exit 2; }
fi

echo "== Extract ${operations[*]} from $upstream"
operation_args=()
for operation in "${operations[@]}"; do operation_args+=(--operation "$operation"); done
previous=$(mktemp)
cp "$spec" "$previous"
extract_log=$(mktemp)
trap 'rm -f "$previous" "$extract_log" "${diff_log:-}" "${api_log:-}"' EXIT
"${diff_tool[@]}" extract --upstream "$upstream" "${operation_args[@]}" --out "$spec" \
  --descriptions-from "$previous" --descriptions-from "$baseline" | tee "$extract_log"
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "sync: extract failed, $spec is unchanged" >&2; exit 2; }
git --no-pager diff --stat -- "$spec" 2>/dev/null || true

echo "== Regenerate and build $project"
dotnet build "$project" "${build_args[@]}" -v:q -nologo >/dev/null 2>&1 || {
  dotnet build "$project" "${build_args[@]}" -v:q -nologo 2>&1 | grep -E "error" | sort -u | head -20
  echo "sync: the client does not build from the new spec" >&2
  exit 2
}
echo "built (src/Plaid.Generated/obj/Generated/PlaidClient.g.cs regenerated)"

baseline_version=$(tr -d '[:space:]' < build/contract-baseline/VERSION)
current_version=$(dotnet msbuild "$project" -getProperty:Version -nologo | tr -d '[:space:]')
echo "== Contract diff: released $baseline_version -> $spec"
diff_log=$(mktemp)
"${diff_tool[@]}" --old "$baseline" --new "$spec" --format text | tee "$diff_log"
diff_exit=${PIPESTATUS[0]}
[ "$diff_exit" -le 1 ] || { echo "sync: could not compare the specs" >&2; exit 2; }

IFS=. read -r base_major base_minor base_patch <<<"${baseline_version%%-*}"
IFS=. read -r cur_major cur_minor cur_patch <<<"${current_version%%-*}"
bump=$(sed -n 's/^Version bump: //p' "$diff_log")
if [ "$bump" = major ]; then
  next="$((base_major + 1)).0.0"
  satisfied=$([ "$cur_major" -gt "$base_major" ] && echo yes || echo no)
elif [ "$bump" = patch ]; then
  next="$base_major.$base_minor.$((base_patch + 1))"
  satisfied=$([ "$(printf '%s\n' "$baseline_version" "$current_version" | sort -V | tail -1)" = "$current_version" ] && [ "$current_version" != "$baseline_version" ] && echo yes || echo no)
else
  next="$base_major.$((base_minor + 1)).0"
  satisfied=$([ "$cur_major" -gt "$base_major" ] || { [ "$cur_major" -eq "$base_major" ] && [ "$cur_minor" -gt "$base_minor" ]; } && echo yes || echo no)
fi
rm -f "$diff_log"
echo "== Version: the changes call for a $bump bump over $baseline_version (at least $next); <Version> is $current_version: $([ "$satisfied" = yes ] && echo "satisfied" || echo "NOT satisfied, raise it in src/Directory.Build.props")"
if [ "$bump" = major ] && [ "$satisfied" = no ]; then
  needs_person+=("a breaking change without a major version: raise <Version> to $next")
fi
release_version=$([ "$satisfied" = yes ] && echo "$current_version" || echo "$next")

echo "== Public API: Plaid.Generated vs tests/Plaid.Generated.Tests/PublicApi/Plaid.Generated.approved.txt"
api_log=$(mktemp)
if dotnet test tests/Plaid.Generated.Tests "${build_args[@]}" --filter "FullyQualifiedName~PublicApiTests" -nologo -v:q --logger "console;verbosity=normal" >"$api_log" 2>&1; then
  echo "public API: equal to the approved file"
else
  sed -n '/Error Message:/,/Stack Trace:/p' "$api_log" | grep -v -e 'Stack Trace:' -e 'Error Message:' | head -200
  grep -q "Error Message:" "$api_log" || tail -30 "$api_log"
  needs_person+=("the public API changed: review the diff above and re-approve it")
fi
rm -f "$api_log"

echo "== Members that need a description (write them in $spec)"
undescribed=$(grep '^new, write a description: ' "$extract_log" | sed 's/^new, write a description: /  /')
if [ -n "$undescribed" ]; then
  echo "$undescribed"
  needs_person+=("$(echo "$undescribed" | wc -l | tr -d ' ') member(s) new upstream have no description")
else
  echo "  none"
fi

echo "== Draft CHANGELOG.md entry"
"${diff_tool[@]}" --old "$baseline" --new "$spec" --format changelog --library-version "$release_version"

echo "=="
if [ ${#needs_person[@]} -eq 0 ]; then
  echo "sync: done, nothing needs a person (review the diff of $spec and commit it with the CHANGELOG entry)"
  exit 0
fi
echo "sync: needs a person:"
printf '  - %s\n' "${needs_person[@]}"
exit 1
