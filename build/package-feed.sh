# Sourced by build/check-package.sh and build/check-frameworks.sh: what both need to use the packages from a folder
# feed. After `source build/package-feed.sh SUFFIX` (from the repository's root):
#   $repo, $work    the repository and a temporary folder, removed on exit with the version's copies in the global
#                   packages folder (cleanup, trapped on EXIT);
#   $version        the repository's <Version>-SUFFIX.<time>.<pid>: one no earlier run used, so the global packages
#                   folder never serves a stale copy (or the one set before sourcing);
#   package_ids     the five packages;
#   feed_nuget_config FOLDER FEED   writes FOLDER/nuget.config: Plaid.Generated* only from FEED, the rest as usual;
#   pack_packages FEED  packs the five packages into FEED with $version, in one dotnet pack (one restore, and one
#                   Release build of what they share); returns non-zero with the output shown when it fails;
#   pin ID          the version Directory.Packages.props pins for ID.
repo=$(pwd)
work=$(mktemp -d)
[ -n "${version:-}" ] || version="$(dotnet msbuild src/Plaid.Generated/Plaid.Generated.csproj -getProperty:Version -nologo | tr -d '[:space:]')-$1.$(date +%s).$$"
packages_root=${NUGET_PACKAGES:-$HOME/.nuget/packages}
package_ids=(Plaid.Generated Plaid.Generated.Testing Plaid.Generated.DependencyInjection Plaid.Generated.RateLimiting.Redis Plaid.Generated.Cli)

cleanup() {
  rm -rf "$work"
  local id
  for id in "${package_ids[@]}"; do
    rm -rf "${packages_root:?}/${id,,}/${version,,}"
    rmdir "$packages_root/${id,,}" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Git Bash on Windows: dotnet is a native program, so a path written into a file (nuget.config) must be a Windows one.
native() { if command -v cygpath >/dev/null; then cygpath -m "$1"; else echo "$1"; fi; }

feed_nuget_config() {
  cat > "$1/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$(native "$2")" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Plaid.Generated" /><package pattern="Plaid.Generated.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
}

pin() { grep -o "Include=\"$1\" Version=\"[^\"]*\"" "$repo/Directory.Packages.props" | sed 's/.*Version="//;s/"//'; }

pack_packages() {
  local projects=() id
  for id in "${package_ids[@]}"; do projects+=("\"src/$id/$id.csproj\""); done
  local IFS=,
  echo "{ \"solution\": { \"path\": \"$(native "$repo/Plaid.Generated.sln")\", \"projects\": [${projects[*]}] } }" > "$work/packages.slnf"
  echo "== dotnet pack ${package_ids[*]} ($version)"
  dotnet pack "$work/packages.slnf" -c Release -p:PackageOutputPath="$(native "$1")" -p:Version="$version" -nologo -v:q >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log"; return 1; }
}
