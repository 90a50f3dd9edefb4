#!/usr/bin/env bash
# Proves the libraries work as NuGet packages: packs src/Plaid.Generated and src/Plaid.Generated.Testing
# into a folder feed, checks what the packages hold, then restores them into fresh projects that have no
# project reference (build/package-consumer/): a console app that calls the client against an in-memory
# handler, and an NUnit project that tests against FakePlaidHandler (ITEM_LOGIN_REQUIRED, the Capital One
# rule, one Plaid.Generated activity per call).
# Needs no network for the Plaid.Generated packages themselves; exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
# A version no earlier run used, so the global packages folder never serves a stale copy.
version="$(dotnet msbuild src/Plaid.Generated/Plaid.Generated.csproj -getProperty:Version -nologo | tr -d '[:space:]')-check.$(date +%s).$$"
packages_root=${NUGET_PACKAGES:-$HOME/.nuget/packages}
cleanup() {
  rm -rf "$work" "$packages_root/plaid.generated/${version,,}" "$packages_root/plaid.generated.testing/${version,,}"
  rmdir "$packages_root/plaid.generated" "$packages_root/plaid.generated.testing" 2>/dev/null || true
}
trap cleanup EXIT

fail() { echo "package: FAIL ($*)"; exit 1; }

echo "== dotnet pack src/Plaid.Generated ($version)"
dotnet pack src/Plaid.Generated -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null \
  || fail "dotnet pack failed"

nupkg="$work/feed/Plaid.Generated.$version.nupkg"
[ -f "$nupkg" ] || fail "no $nupkg"
[ -f "$work/feed/Plaid.Generated.$version.snupkg" ] || fail "no symbol package (.snupkg)"
contents=$(unzip -Z1 "$nupkg")
for entry in README.md lib/net10.0/Plaid.Generated.dll lib/net10.0/Plaid.Generated.xml; do
  grep -qx "$entry" <<<"$contents" || fail "$entry missing from the package"
done
dependencies=$(unzip -p "$nupkg" Plaid.Generated.nuspec | sed -n '/<group targetFramework="net/,/<\/group>/p' | grep -o '<dependency id="[^"]*"' | sed 's/.*id="//;s/"//' | sort -u | tr '\n' ' ')
[ "$dependencies" = "Newtonsoft.Json " ] || fail "runtime dependencies are '$dependencies', expected only Newtonsoft.Json"
echo "package: contents OK (README, XML docs, symbols; depends only on Newtonsoft.Json)"

echo "== dotnet pack src/Plaid.Generated.Testing ($version)"
dotnet pack src/Plaid.Generated.Testing -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null \
  || fail "dotnet pack of Plaid.Generated.Testing failed"
testing_nupkg="$work/feed/Plaid.Generated.Testing.$version.nupkg"
[ -f "$testing_nupkg" ] || fail "no $testing_nupkg"
testing_contents=$(unzip -Z1 "$testing_nupkg")
for entry in README.md lib/net10.0/Plaid.Generated.Testing.dll lib/net10.0/Plaid.Generated.Testing.xml; do
  grep -qx "$entry" <<<"$testing_contents" || fail "$entry missing from Plaid.Generated.Testing"
done
testing_dependencies=$(unzip -p "$testing_nupkg" Plaid.Generated.Testing.nuspec | grep -o '<dependency id="[^"]*" version="[^"]*"' | sed 's/.*id="//;s/" version="/ /;s/"//' | sort -u | tr '\n' ' ')
[ "$testing_dependencies" = "Plaid.Generated $version " ] \
  || fail "Plaid.Generated.Testing depends on '$testing_dependencies', expected only Plaid.Generated $version"
echo "package: Plaid.Generated.Testing OK (depends only on Plaid.Generated $version)"

# Outside the repository, so no Directory.Build.props or Directory.Packages.props applies.
consumer="$work/consumer"
mkdir -p "$consumer"
cp "$repo"/build/package-consumer/Program.cs "$consumer/"
sed "s/PLAID_GENERATED_VERSION/$version/" "$repo/build/package-consumer/Consumer.csproj.in" > "$consumer/Consumer.csproj"
# Plaid.Generated comes only from the folder feed (source mapping), everything else from the usual feed.
cat > "$consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Plaid.Generated" /><package pattern="Plaid.Generated.Testing" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
cp "$repo/global.json" "$consumer/"

echo "== consumer project: restore Plaid.Generated $version from the folder feed and run"
dotnet run --project "$consumer/Consumer.csproj" -nologo || fail "the consumer project did not build or its checks failed"

# The test framework's versions come from the repository's own pins, so there is one place to bump them.
pin() { grep -o "Include=\"$1\" Version=\"[^\"]*\"" "$repo/Directory.Packages.props" | sed 's/.*Version="//;s/"//'; }
mkdir -p "$consumer/tests"
cp "$repo"/build/package-consumer/tests/*.cs "$consumer/tests/"
sed -e "s/PLAID_GENERATED_VERSION/$version/" \
    -e "s/MICROSOFT_NET_TEST_SDK_VERSION/$(pin Microsoft.NET.Test.Sdk)/" \
    -e "s/NUNIT3TESTADAPTER_VERSION/$(pin NUnit3TestAdapter)/" \
    -e "s/NUNIT_VERSION/$(pin NUnit)/" \
    "$repo/build/package-consumer/tests/ConsumerTests.csproj.in" > "$consumer/tests/ConsumerTests.csproj"
echo "== consumer tests: NUnit against FakePlaidHandler from Plaid.Generated.Testing $version"
dotnet test "$consumer/tests/ConsumerTests.csproj" -nologo || fail "the consumer's FakePlaidHandler tests did not build or failed"
bash "$repo/build/check-frameworks.sh" || fail "the .NET 8 and .NET Framework proofs (build/check-frameworks.sh) failed"
echo "package: PASS"
