#!/usr/bin/env bash
# The newcomer test: follows README.md's quick start literally, in a scratch
# copy of the tracked tree, as a new user would (shared/ beside it, as in CI).
# Each ```sh command of the "Quick start" section must exit 0; the demo must
# print notes, and the test command must end with ctest's summary.
# usage: follow_readme.sh SOURCE_DIR SCRATCH_DIR
set -euo pipefail
src=$1
scratch=$2

rm -rf "$scratch"
mkdir -p "$scratch/main"
git -C "$src" ls-files -z | (cd "$src" && xargs -0 tar cf -) | tar xf - -C "$scratch/main"
ln -s "$(cd "$src/../shared" && pwd)" "$scratch/shared"

# The commands: every line inside a ```sh block of the Quick start section.
mapfile -t commands < <(awk '
  /^## / { in_quick = ($0 ~ /^## Quick start/) }
  in_quick && /^ *```sh/ { in_block = 1; next }
  in_quick && /^ *```/ { in_block = 0; next }
  in_quick && in_block { sub(/^ +/, ""); print }' "$scratch/main/README.md")
if [ "${#commands[@]}" -ne 2 ]; then
  echo "newcomer: expected 2 quick-start commands in README.md, found ${#commands[@]}" >&2
  exit 1
fi

cd "$scratch/main"
export RAPPORT_NEWCOMER=1   # the inner test run leaves this test out
for i in 0 1; do
  echo "newcomer: \$ ${commands[$i]}"
  bash -c "${commands[$i]}" > "$scratch/out$i.log" 2>&1 || {
    echo "newcomer: command $((i + 1)) failed; its last lines:" >&2
    tail -30 "$scratch/out$i.log" >&2
    exit 1
  }
done
grep -q "Top recipients" "$scratch/out0.log" || { echo "newcomer: the demo printed no notes" >&2; exit 1; }
tail -5 "$scratch/out1.log" | grep -qE "^100% tests passed, 0 tests failed out of [0-9]+" ||
  { echo "newcomer: the test command did not end with ctest's summary" >&2; tail -5 "$scratch/out1.log" >&2; exit 1; }
echo "newcomer: both README commands work from a scratch copy"
