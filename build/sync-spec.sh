#!/usr/bin/env bash
# Follow Plaid's spec in one command: bash build/sync-spec.sh UPSTREAM_FILE (e.g. ../shared/plaid-openapi/2020-09-14.yml).
# The steps, their output and exit codes (0 nothing to do, 1 a person is needed, 2 a step could not run) are
# ContractDiff's `sync` verb: see `bash build/sync-spec.sh --help`. CONTRACT_DIFF_DLL: an already built ContractDiff.dll.
root=$(dirname "$0")/..; [ -n "${CONTRACT_DIFF_DLL:-}" ] || build=$(dotnet build "$root/build/ContractDiff" -c Release -v:q -nologo 2>&1) || { echo "$build" >&2; echo "sync: ContractDiff does not build" >&2; exit 2; }; exec dotnet "${CONTRACT_DIFF_DLL:-$root/build/ContractDiff/bin/Release/net10.0/ContractDiff.dll}" sync --repository "$root" "$@"
