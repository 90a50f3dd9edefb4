#!/usr/bin/env bash
# Moves the contract baseline to a released version: build/contract-baseline/processor-balance-get.yaml becomes the
# fragment as tagged (git tag vVERSION) and build/contract-baseline/VERSION becomes VERSION. The release workflow runs
# it on the default branch once the packages are on NuGet, and commits the result; a person runs the same command
# to redo it. Usage: bash build/release-baseline.sh VERSION [--commit]
# Refuses: a tag vVERSION that does not exist, a tag whose <Version> (src/Directory.Build.props) is not VERSION, and a
# VERSION not above the baseline's (running it again for the same version with the same fragment changes nothing).
# --commit: commits the two files ("Contract baseline: VERSION, as released").
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: release-baseline.sh VERSION [--commit]}
commit=${2:-}
tag="v$version"
baseline=build/contract-baseline
fail() { echo "release-baseline: $*" >&2; exit 1; }

git rev-parse -q --verify "refs/tags/$tag^{commit}" >/dev/null || fail "no tag $tag (fetch the tags: git fetch --tags)"
tagged_version=$(git show "$tag:src/Directory.Build.props" | sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' | sed -n 1p)
[ "$tagged_version" = "$version" ] || fail "$tag has <Version>$tagged_version</Version> in src/Directory.Build.props, not $version"

current=$(tr -d '[:space:]' < "$baseline/VERSION")
fragment=$(git show "$tag:openapi/processor-balance-get.yaml")
if [ "$current" = "$version" ]; then
  [ "$fragment" = "$(cat "$baseline/processor-balance-get.yaml")" ] || fail "the baseline is $version already, with another fragment than $tag's"
  echo "release-baseline: the baseline is $version already"; exit 0
fi
# The newer of two MAJOR.MINOR.PATCH[-pre] versions (a release outranks its prereleases).
newest=$(printf '%s\n%s\n' "$current" "$version" | sed '/-/!s/$/_/' | sort -V | tail -1 | sed 's/_$//')
[ "$newest" = "$version" ] || fail "$version is not above the baseline's $current"

printf '%s\n' "$fragment" > "$baseline/processor-balance-get.yaml"
printf '%s\n' "$version" > "$baseline/VERSION"
echo "release-baseline: $baseline is $version ($tag's fragment; was $current)"
if [ "$commit" = --commit ]; then
  git add "$baseline/processor-balance-get.yaml" "$baseline/VERSION"
  git commit -q -m "Contract baseline: $version, as released (build/release-baseline.sh $version)"
  echo "release-baseline: committed $(git rev-parse --short HEAD)"
fi
