#!/usr/bin/env bash
# Proves the four packages work as NuGet packages, as a new user gets them: packs Plaid.Generated,
# Plaid.Generated.Testing, Plaid.Generated.DependencyInjection and Plaid.Generated.Cli (the plaid-balance tool)
# into a folder feed, checks what each package holds (its own README, the LICENSE, XML docs, dependencies), then
# uses each from the feed in places that have no project reference (build/package-consumer/):
#   - a console app that calls the client against an in-memory handler;
#   - an NUnit project that tests against FakePlaidHandler (ITEM_LOGIN_REQUIRED, the Capital One rule, one
#     Plaid.Generated activity per call);
#   - a host with AddPlaidClient whose options are validated at start (ValidateOnStart), calling once through
#     FakePlaidHandler as the primary handler;
#   - the tool, installed with `dotnet tool install --tool-path`: `plaid-balance --version` and the offline table.
# Needs no network for the Plaid.Generated packages themselves; exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source build/package-feed.sh check

fail() { echo "package: FAIL ($*)"; exit 1; }

pack_packages "$work/feed" || fail "dotnet pack failed"

# check ID ENTRY...: the package of src/ID holds its own README (src/ID/README.md, not the repository's), the LICENSE
# and every ENTRY.
check() {
  local id=$1; shift
  local nupkg="$work/feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "no $nupkg"
  local contents
  contents=$(unzip -Z1 "$nupkg")
  for entry in README.md LICENSE "$@"; do
    grep -qx "$entry" <<<"$contents" || fail "$entry missing from $id"
  done
  cmp -s <(unzip -p "$nupkg" README.md) "src/$id/README.md" || fail "$id's README.md is not src/$id/README.md"
  cmp -s <(unzip -p "$nupkg" LICENSE) LICENSE || fail "$id's LICENSE is not the repository's"
  unzip -p "$nupkg" "$id.nuspec" | grep -q '<license type="expression">MIT</license>' || fail "$id does not declare the MIT license"
}

# dependencies ID: the package's dependencies on .NET 8 and .NET 10 (its net* groups; build/check-frameworks.sh checks
# the netstandard2.0 group) as id@version, sorted, each followed by a space.
dependencies() {
  unzip -p "$work/feed/$1.$version.nupkg" "$1.nuspec" | sed -n '/<group targetFramework="net[0-9]/,/<\/group>/p' | grep -o '<dependency id="[^"]*" version="[^"]*"' \
    | sed 's/.*id="//;s/" version="/@/;s/"//' | sort -u | tr '\n' ' '
}

check Plaid.Generated lib/net10.0/Plaid.Generated.dll lib/net10.0/Plaid.Generated.xml
[ -f "$work/feed/Plaid.Generated.$version.snupkg" ] || fail "no symbol package (.snupkg)"
[ "$(dependencies Plaid.Generated | sed 's/@[^ ]*//g')" = "Newtonsoft.Json System.Threading.RateLimiting " ] \
  || fail "runtime dependencies are '$(dependencies Plaid.Generated)', expected only Newtonsoft.Json and System.Threading.RateLimiting"
echo "package: Plaid.Generated OK (README, LICENSE, XML docs, symbols; depends only on Newtonsoft.Json and System.Threading.RateLimiting)"

check Plaid.Generated.Testing lib/net10.0/Plaid.Generated.Testing.dll lib/net10.0/Plaid.Generated.Testing.xml
[ "$(dependencies Plaid.Generated.Testing)" = "Plaid.Generated@$version " ] \
  || fail "Plaid.Generated.Testing depends on '$(dependencies Plaid.Generated.Testing)', expected only Plaid.Generated $version"
echo "package: Plaid.Generated.Testing OK (depends only on Plaid.Generated $version)"

check Plaid.Generated.DependencyInjection lib/net10.0/Plaid.Generated.DependencyInjection.dll lib/net10.0/Plaid.Generated.DependencyInjection.xml
grep -qF "Plaid.Generated@$version " <<<"$(dependencies Plaid.Generated.DependencyInjection)" \
  || fail "Plaid.Generated.DependencyInjection does not depend on Plaid.Generated $version: '$(dependencies Plaid.Generated.DependencyInjection)'"
echo "package: Plaid.Generated.DependencyInjection OK (depends on Plaid.Generated $version)"

check Plaid.Generated.RateLimiting.Redis lib/net10.0/Plaid.Generated.RateLimiting.Redis.dll lib/net10.0/Plaid.Generated.RateLimiting.Redis.xml
grep -qF "Plaid.Generated@$version " <<<"$(dependencies Plaid.Generated.RateLimiting.Redis)" \
  || fail "Plaid.Generated.RateLimiting.Redis does not depend on Plaid.Generated $version: '$(dependencies Plaid.Generated.RateLimiting.Redis)'"
echo "package: Plaid.Generated.RateLimiting.Redis OK (depends on Plaid.Generated $version)"

check Plaid.Generated.Cli tools/net10.0/any/Plaid.Generated.Cli.dll tools/net10.0/any/DotnetToolSettings.xml
unzip -p "$work/feed/Plaid.Generated.Cli.$version.nupkg" Plaid.Generated.Cli.nuspec | grep -q '<packageType name="DotnetTool"' \
  || fail "Plaid.Generated.Cli is not a DotnetTool package"
echo "package: Plaid.Generated.Cli OK (a dotnet tool package)"

# Outside the repository, so no Directory.Build.props or Directory.Packages.props applies.
consumer="$work/consumer"
mkdir -p "$consumer"
cp "$repo"/build/package-consumer/Program.cs "$consumer/"
sed "s/PLAID_GENERATED_VERSION/$version/" "$repo/build/package-consumer/Consumer.csproj.in" > "$consumer/Consumer.csproj"
# Plaid.Generated comes only from the folder feed (source mapping), everything else from the usual feed.
feed_nuget_config "$consumer" "$work/feed"
cp "$repo/global.json" "$consumer/"

echo "== consumer project: restore Plaid.Generated $version from the folder feed and run"
dotnet run --project "$consumer/Consumer.csproj" -nologo || fail "the consumer project did not build or its checks failed"

# The test framework's versions come from the repository's own pins (pin), so there is one place to bump them.
mkdir -p "$consumer/tests"
cp "$repo"/build/package-consumer/tests/*.cs "$consumer/tests/"
sed -e "s/PLAID_GENERATED_VERSION/$version/" \
    -e "s/MICROSOFT_NET_TEST_SDK_VERSION/$(pin Microsoft.NET.Test.Sdk)/" \
    -e "s/NUNIT3TESTADAPTER_VERSION/$(pin NUnit3TestAdapter)/" \
    -e "s/NUNIT_VERSION/$(pin NUnit)/" \
    "$repo/build/package-consumer/tests/ConsumerTests.csproj.in" > "$consumer/tests/ConsumerTests.csproj"
echo "== consumer tests: NUnit against FakePlaidHandler from Plaid.Generated.Testing $version"
dotnet test "$consumer/tests/ConsumerTests.csproj" -nologo || fail "the consumer's FakePlaidHandler tests did not build or failed"
echo "== host with AddPlaidClient: Plaid.Generated.DependencyInjection $version from the folder feed, FakePlaidHandler as primary handler"
mkdir -p "$consumer/di"
cp "$repo"/build/package-consumer/di/Program.cs "$consumer/di/"
sed -e "s/PLAID_GENERATED_VERSION/$version/" \
    -e "s/MICROSOFT_EXTENSIONS_HOSTING_VERSION/$(pin Microsoft.Extensions.Hosting)/" \
    "$repo/build/package-consumer/di/DependencyInjectionConsumer.csproj.in" > "$consumer/di/DependencyInjectionConsumer.csproj"
dotnet run --project "$consumer/di/DependencyInjectionConsumer.csproj" -nologo || fail "the AddPlaidClient host did not build or its checks failed"

echo "== dotnet tool install Plaid.Generated.Cli $version --tool-path, from the folder feed"
tools="$work/tools"
(cd "$consumer" && dotnet tool install Plaid.Generated.Cli --version "$version" --tool-path "$tools" --configfile "$consumer/nuget.config") \
  || fail "dotnet tool install of Plaid.Generated.Cli failed"
# Offline mode needs neither credential set.
plaid_balance() { env -u PLAID_CLIENT_ID -u PLAID_SECRET "$tools/plaid-balance" "$@"; }
version_output=$(plaid_balance --version) || fail "plaid-balance --version exited $?"
echo "$version_output"
[ "$(head -1 <<<"$version_output")" = "plaid-balance $version" ] || fail "plaid-balance --version does not print plaid-balance $version"
table=$(plaid_balance 2>/dev/null) || fail "plaid-balance (offline table) exited $?"
echo "$table"
grep -q "^Plaid Checking  0000  depository/checking .* 1zlMf$" <<<"$table" || fail "plaid-balance printed no offline table row for Plaid Checking"
bash "$repo/build/check-frameworks.sh" "$work/feed" "$version" || fail "the .NET 8 and .NET Framework proofs (build/check-frameworks.sh) failed"
echo "package: PASS (four packages packed, each used from the folder feed; .NET 8 and .NET Framework proofs)"
