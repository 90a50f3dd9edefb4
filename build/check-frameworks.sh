#!/usr/bin/env bash
# Proves the packages on the frameworks they claim (README, "Supported frameworks"), on a machine with only the
# .NET 10 SDK: packs Plaid.Generated, .Testing, .DependencyInjection and the plaid-balance tool into a folder feed and
# checks what each holds (lib/netstandard2.0, lib/net8.0, lib/net10.0; the tool's net8.0 and net10.0 builds; the
# netstandard2.0 dependencies), then
#   .NET 8:           publishes build/package-consumer-net8 self-contained for linux-x64 (the .NET 8 runtime pack comes
#                     from the package feed) and runs it: a success, a Plaid error, the Capital One rule,
#                     FakePlaidHandler, AddPlaidClient with ValidateOnStart, all on Environment.Version 8;
#   .NET Framework:   compiles build/package-consumer-net462 for net462 against the packages (reference assemblies from
#                     Microsoft.NETFramework.ReferenceAssemblies) with warnings as errors; it cannot run here. On Windows
#                     with PLAID_RUN_NET462=1 (the CI workflow's windows job) it also runs on the machine's .NET Framework,
#                     and the .NET 8 consumer is published for win-x64.
# Package validation (strict, every target framework the same public API) runs inside each dotnet pack.
# Called by build/check-package.sh with its folder feed and version (FEED VERSION: the packages are not packed again);
# runs alone too, packing its own. Exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
[ $# -ne 2 ] || feed=$1 version=$2
source build/package-feed.sh frameworks
if [ $# -eq 2 ]; then
  package_ids=() # check-package.sh's feed and version: it removes them
else
  feed="$work/feed"
fi

fail() { echo "frameworks: FAIL ($*)"; exit 1; }
windows=false; [ "${OS:-}" = Windows_NT ] && windows=true
rid=linux-x64; $windows && rid=win-x64

if [ $# -ne 2 ]; then
  pack_packages "$feed" || fail "dotnet pack failed (package validation runs here)"
fi

for package in Plaid.Generated Plaid.Generated.Testing Plaid.Generated.DependencyInjection; do
  contents=$(unzip -Z1 "$feed/$package.$version.nupkg")
  for target in netstandard2.0 net8.0 net10.0; do
    for file in "$package.dll" "$package.xml"; do
      grep -qx "lib/$target/$file" <<<"$contents" || fail "lib/$target/$file missing from $package"
    done
  done
done
tool_contents=$(unzip -Z1 "$feed/Plaid.Generated.Cli.$version.nupkg")
for target in net8.0 net10.0; do
  grep -qx "tools/$target/any/Plaid.Generated.Cli.dll" <<<"$tool_contents" || fail "the tool package has no $target build"
done
# What `dotnet tool install` picks on a machine with only the .NET 8 runtime: a build that asks for nothing newer.
unzip -p "$feed/Plaid.Generated.Cli.$version.nupkg" tools/net8.0/any/Plaid.Generated.Cli.runtimeconfig.json \
  | grep -q '"version": "8\.0\.' || fail "the tool's net8.0 build does not run on the .NET 8 runtime (runtimeconfig.json)"

# The dependencies of one target framework's group in a package's nuspec, sorted, space-separated.
group_dependencies() {
  unzip -p "$feed/$1.$version.nupkg" "$1.nuspec" | sed -n "/<group targetFramework=\"$2\"/,/<\/group>/p" \
    | grep -o '<dependency id="[^"]*"' | sed 's/.*id="//;s/"//' | sort | tr '\n' ' '
}
for target in net8.0 net10.0; do
  [ "$(group_dependencies Plaid.Generated "$target")" = "Newtonsoft.Json System.Threading.RateLimiting " ] \
    || fail "Plaid.Generated for $target depends on '$(group_dependencies Plaid.Generated "$target")', expected only Newtonsoft.Json and System.Threading.RateLimiting"
done
expected="Microsoft.Bcl.TimeProvider Newtonsoft.Json System.Diagnostics.DiagnosticSource System.Memory System.Text.Json System.Threading.RateLimiting "
[ "$(group_dependencies Plaid.Generated .NETStandard2.0)" = "$expected" ] \
  || fail "Plaid.Generated for netstandard2.0 depends on '$(group_dependencies Plaid.Generated .NETStandard2.0)', expected '$expected' (README lists each)"
echo "frameworks: packages hold netstandard2.0, net8.0 and net10.0 (the tool net8.0 and net10.0); dependencies as the README lists them"

# A consumer folder outside the repository (no Directory.*.props applies): the packages from the folder feed only.
consumer() {
  local folder="$work/$1"
  mkdir -p "$folder"
  cp "$repo/build/$1/Program.cs" "$repo/global.json" "$folder/"
  sed -e "s/PLAID_GENERATED_VERSION/$version/" \
      -e "s/MICROSOFT_EXTENSIONS_CONFIGURATION_VERSION/$(pin Microsoft.Extensions.Configuration)/" \
      -e "s/MICROSOFT_NETFRAMEWORK_REFERENCEASSEMBLIES_VERSION/$(pin Microsoft.NETFramework.ReferenceAssemblies)/" \
      "$repo/build/$1/Consumer.csproj.in" > "$folder/Consumer.csproj"
  feed_nuget_config "$folder" "$feed"
  echo "$folder"
}

net8=$(consumer package-consumer-net8)
echo "== .NET 8: dotnet publish -r $rid --self-contained, then run on the .NET 8 runtime"
dotnet publish "$net8/Consumer.csproj" -c Release -r "$rid" -o "$net8/out" -nologo -v:q || fail "the .NET 8 consumer did not restore or build (a restore warning counts)"
"$net8/out/Consumer" || fail "the .NET 8 consumer's checks failed"

net462=$(consumer package-consumer-net462)
echo "== .NET Framework 4.6.2: dotnet build against the packages, warnings as errors"
dotnet build "$net462/Consumer.csproj" -c Release -nologo -v:q || fail "the net462 consumer did not restore or compile without warnings"
grep -q "lib/netstandard2.0/Plaid.Generated.dll" "$net462/obj/project.assets.json" \
  || fail "the net462 consumer did not resolve Plaid.Generated's netstandard2.0 build"

net462_result=compiled
if [ "${PLAID_RUN_NET462:-}" = 1 ]; then
  $windows || fail "PLAID_RUN_NET462=1 needs Windows (.NET Framework)"
  echo "== .NET Framework 4.6.2: run the consumer on this machine's .NET Framework"
  "$net462/bin/Release/net462/Consumer.exe" || fail "the net462 consumer's checks failed on .NET Framework"
  net462_result=ran
fi

echo "frameworks: PASS in $(( $(date +%s) - started )) s (.NET 8 ran, net462 $net462_result)"
