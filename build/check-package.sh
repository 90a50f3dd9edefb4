#!/usr/bin/env bash
# Proves the library works as a NuGet package: packs src/Plaid.Generated into a folder feed,
# checks what the package holds, then restores it into a fresh console project that has no
# project reference (build/package-consumer/) and calls the client against an in-memory handler.
# Needs no network for Plaid.Generated itself; exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
# A version no earlier run used, so the global packages folder never serves a stale copy.
version="$(dotnet msbuild src/Plaid.Generated/Plaid.Generated.csproj -getProperty:Version -nologo | tr -d '[:space:]')-check.$(date +%s).$$"
packages_root=${NUGET_PACKAGES:-$HOME/.nuget/packages}
cleanup() {
  rm -rf "$work" "$packages_root/plaid.generated/${version,,}"
  rmdir "$packages_root/plaid.generated" 2>/dev/null || true
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
dependencies=$(unzip -p "$nupkg" Plaid.Generated.nuspec | grep -o '<dependency id="[^"]*"' | sed 's/.*id="//;s/"//' | sort -u | tr '\n' ' ')
[ "$dependencies" = "Newtonsoft.Json " ] || fail "runtime dependencies are '$dependencies', expected only Newtonsoft.Json"
echo "package: contents OK (README, XML docs, symbols; depends only on Newtonsoft.Json)"

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
    <packageSource key="local"><package pattern="Plaid.Generated" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
cp "$repo/global.json" "$consumer/"

echo "== consumer project: restore Plaid.Generated $version from the folder feed and run"
dotnet run --project "$consumer/Consumer.csproj" -nologo || fail "the consumer project did not build or its checks failed"
echo "package: PASS"
