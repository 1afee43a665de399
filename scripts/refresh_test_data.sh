#!/usr/bin/env bash
# Refresh tests/data from ../shared/fixtures (the team's source of samples). The tests never read ../shared:
# a clone with nothing beside it must pass, so the copy lives in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
src=../shared/fixtures
[ -d "$src" ] || { echo "没有找到 $src" >&2; exit 1; }
for kind in expected images jielong orders realworld statements; do
  mkdir -p "tests/data/$kind"
  cp -r "$src/$kind/." "tests/data/$kind/"
done
echo "tests/data refreshed from $src"
