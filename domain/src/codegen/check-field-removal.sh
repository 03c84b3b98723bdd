#!/usr/bin/env bash
# Proves that the schema reaches the compiler: removes one field from one type of schema.graphql in a scratch
# copy of the repository (the working tree is not touched), compiles the domain module offline and expects the
# build to fail with an error that names the field (e.g. getVlanId).
#   domain/src/codegen/check-field-removal.sh [input VlanInput vlanId]
# Exit 0 when the compile breaks naming the field, 1 otherwise. Needs JAVA_HOME / mvn as for any build.
set -euo pipefail
kind=${1:-input}; type=${2:-VlanInput}; field=${3:-vlanId}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -C "$repo" --exclude=target --exclude=node_modules --exclude=.git -cf - pom.xml schema.graphql domain | tar -C "$scratch" -xf -
mkdir -p "$scratch/.mvn"
awk -v open="$kind $type " -v field="$field" '
  index($0, open) == 1 { inside = 1 }
  inside && $0 ~ "^  " field ":" { removed = 1; next }
  inside && $0 ~ /^}/ { inside = 0 }
  { print }
  END { if (!removed) { print "no field " field " in " open > "/dev/stderr"; exit 2 } }' \
  "$repo/schema.graphql" > "$scratch/schema.graphql"
echo "removed '$field' from '$kind $type'; compiling the domain in $scratch ..."
# the scratch reactor holds the parent and the domain only
sed -i -e '/<module>\(storage\|routeros\|ui-vaadin\|server\|e2e\)<\/module>/d' "$scratch/pom.xml"
capital="$(tr '[:lower:]' '[:upper:]' <<< "${field:0:1}")${field:1}"
constant=$(sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' <<< "$field" | tr '[:lower:]' '[:upper:]')
if out=$(cd "$scratch" && mvn -B -q -o -pl domain compile 2>&1); then
  echo "FAIL: the build still compiles without $type.$field"; exit 1
fi
errors=$(grep -E '\[ERROR\] .*\.java|symbol:|location:' <<< "$out" | sort -u | head -20)
echo "$errors"
if grep -Eq "get$capital|set$capital|\b$field\b|\b$constant\b" <<< "$errors"; then
  echo "OK: removing $type.$field breaks compilation, naming it"
else
  echo "FAIL: the build broke, but no error names $field"; echo "$out" | tail -30; exit 1
fi
