#!/usr/bin/env bash
# Prints the body of CHANGELOG.md's section for a version (the lines under its "## VERSION" heading, up to the next
# "## " heading), the text of that version's GitHub release. Usage:
#   bash build/changelog-section.sh [--released] VERSION [CHANGELOG (default CHANGELOG.md)]
# --released (the release workflow): also refuse a heading still marked "(unreleased)".
# Exits 1 when the section is missing or empty (or unreleased under --released), 2 on a usage error.
set -euo pipefail
released=false
[ "${1:-}" = --released ] && { released=true; shift; }
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: changelog-section.sh [--released] VERSION [CHANGELOG]" >&2; exit 2; }
version=$1 file=${2:-$(dirname "$0")/../CHANGELOG.md}
[ -f "$file" ] || { echo "changelog-section: $file does not exist" >&2; exit 2; }

# The heading is "## 3.0.0", "## 3.0.0 (unreleased)" or "## 3.0.0 (2026-12-07)"; 3.0.0 must not match 3.0.0-rc.1 or 13.0.0.
heading=$(awk -v v="$version" 'index($0, "## " v) == 1 && (length($0) == length(v) + 3 || substr($0, length(v) + 4, 1) == " ") { print; exit }' "$file")
[ -n "$heading" ] || { echo "changelog-section: $file has no '## $version' section" >&2; exit 1; }
if $released && [[ $heading == *"(unreleased)"* ]]; then
  echo "changelog-section: '$heading' is still marked unreleased: give it the release date in $file before tagging" >&2
  exit 1
fi
body=$(awk -v h="$heading" '$0 == h { inside = 1; next } inside && /^## / { exit } inside { print }' "$file" \
  | sed -e '/./,$!d' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
[ -n "$body" ] || { echo "changelog-section: the '$heading' section of $file is empty" >&2; exit 1; }
printf '%s\n' "$body"
