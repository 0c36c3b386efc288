#!/bin/bash
# Times `porthole build` cold, unchanged and after one edit, and one edit in watch mode, as in
# docs/decisions/2026-12-01-compile-speed.md. Run from the repository root after
# `npx tsc -b packages/cli`; it edits <article> (appending sentences) and restores it.
#
#   packages/kb-compiler/bench/rebuild-timings.sh /tmp/wc-scale en/atl/message-maps-atl.md [label]
set -euo pipefail
content=$1
article=$content/$2
label=${3:-$(git rev-parse --short HEAD)}
work=$(mktemp -d)
cp "$article" "$work/original.md"
trap 'cp "$work/original.md" "$article"; rm -rf "$work"' EXIT

row() {
  local name=$1
  shift
  local before after wall user sys rss
  before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/output" 2>&1
  after=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall user sys rss <"$work/time"
  printf '%-8s %-22s wall %6.2f s  cpu %6.2f s (%s+%s)  rss %5d MB  load %s→%s\n' \
    "$label" "$name" "$wall" "$(echo "$user + $sys" | bc)" "$user" "$sys" $((rss / 1024)) \
    "$before" "$after"
}
build=(node packages/cli/bin/porthole.js build "$content" --out)

rm -rf node_modules/.cache/porthole
row "cold --no-cache" "${build[@]}" "$work/fresh" --no-cache
row "cold (writes cache)" "${build[@]}" "$work/cached"
for i in 1 2 3; do row "unchanged $i" "${build[@]}" "$work/cached"; done
for i in 1 2; do
  printf '\nOne more sentence, edit %s.\n' "$i" >>"$article"
  row "one edit $i" "${build[@]}" "$work/cached"
done
rm -rf "$work/fresh"
row "after edits --no-cache" "${build[@]}" "$work/fresh" --no-cache
if diff -r "$work/cached" "$work/fresh" >/dev/null; then
  echo "$label: the cached output equals the --no-cache output"
else
  echo "$label: THE CACHED OUTPUT DIFFERS"
fi
cp "$work/original.md" "$article"
# Edits the article in the middle of the folder three times, and restores it.
row "watch: 3 edits" node --conditions=source --import tsx packages/kb-compiler/bench/watch-edit.ts "$content"
cat "$work/output"
