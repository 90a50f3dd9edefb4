#!/usr/bin/env bash
# Runs the release workflow's scripts locally, as .github/workflows/release.yml does, and checks what they do:
#   build/changelog-section.sh on CHANGELOG.md (the release text of 3.0.0 and 1.0.0; unreleased and absent versions refused);
#   build/release-baseline.sh in a throwaway clone tagged v<Version> (the baseline moves to the tag's fragment and
#   version in one commit; again is a no-op; a missing tag, a tag of another <Version>, a step back are refused).
# Needs only git. Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
checks=0
fail() { echo "release scripts: FAIL ($*)"; exit 1; }
ok() { checks=$((checks + 1)); }

section=$(bash build/changelog-section.sh 3.0.0 CHANGELOG.md)
[[ $section == "Generated from Plaid's spec"* ]] || fail "3.0.0's section does not start with its first line"
grep -q '^### ' <<<"$section" && ok || fail "3.0.0's section lost its subsections"
! grep -q '^## ' <<<"$section" && ok || fail "3.0.0's section runs into the next version"
[ "$(bash build/changelog-section.sh 1.0.0 CHANGELOG.md | sed -n 1p)" = "$(sed -n '/^## 1\.0\.0$/{n;n;p;q}' CHANGELOG.md)" ] && ok || fail "1.0.0's section"
! bash build/changelog-section.sh --released 3.0.0 CHANGELOG.md 2>/dev/null && ok || fail "--released accepted an (unreleased) heading"
! bash build/changelog-section.sh 3.0 CHANGELOG.md 2>/dev/null && ok || fail "3.0 matched 3.0.0's heading"
! bash build/changelog-section.sh 9.9.9 CHANGELOG.md 2>/dev/null && ok || fail "a version without a section gave text"

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
git clone -q --depth 1 "file://$repo" "$work/clone"
cp build/release-baseline.sh "$work/clone/build/"
cd "$work/clone"
git add -A && git -c user.name=test -c user.email=test@localhost commit -qm "the script under test" --allow-empty
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@localhost GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@localhost
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Directory.Build.props | sed -n 1p)
before=$(git rev-parse HEAD)

! bash build/release-baseline.sh "$version" 2>/dev/null && ok || fail "moved the baseline without a tag v$version"
git tag "v$version"
bash build/release-baseline.sh "$version" --commit >/dev/null
[ "$(cat build/contract-baseline/VERSION)" = "$version" ] && ok || fail "VERSION is not $version"
cmp -s openapi/processor-balance-get.yaml build/contract-baseline/processor-balance-get.yaml && ok || fail "the baseline is not v$version's fragment"
[ "$(git rev-list --count "$before..HEAD")" = 1 ] && [ -z "$(git status --porcelain)" ] && ok || fail "not exactly one clean commit"
[ "$(git diff --name-only "$before" HEAD | sort | tr '\n' ' ')" = "build/contract-baseline/VERSION build/contract-baseline/processor-balance-get.yaml " ] && ok \
  || fail "the commit touches more than the baseline"
[ "$(bash build/release-baseline.sh "$version" --commit)" = "release-baseline: the baseline is $version already" ] \
  && [ "$(git rev-list --count "$before..HEAD")" = 1 ] && ok || fail "a second run was not a no-op"
git tag v0.9.0
! bash build/release-baseline.sh 0.9.0 2>/dev/null && ok || fail "v0.9.0 (whose <Version> is $version) moved the baseline"
echo "release scripts: PASS ($checks checks: changelog-section.sh on CHANGELOG.md, release-baseline.sh in a clone tagged v$version)"
