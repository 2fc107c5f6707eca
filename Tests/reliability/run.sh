#!/usr/bin/env bash
# `make reliability`: the slow campaign against the release binary (crash and
# full disk on the mini study). Prints one summary line:
#   reliability: N passed, M failed
# Environment: PIPELINE_BIN (required), SEED (default 8), KILLS (20), INTS (5),
# KEEP=1 keeps the work folder.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export BIN=${PIPELINE_BIN:?set PIPELINE_BIN to the built pipeline executable}
work=$(mktemp -d /tmp/reliability.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
# Run copies: bash reads a script as it goes, so editing the checkout mid-run
# would otherwise change the campaign under way.
mkdir -p "$work/scripts/reliability" "$work/scripts/fixtures/mini-study"
cp "$here"/*.sh "$work/scripts/reliability/"
cp "$here/../fixtures/mini-study/pipeline.json" "$work/scripts/fixtures/mini-study/"
start=$(date +%s)
p=0; f=0; s=0
for part in crash fulldisk; do
  bash "$work/scripts/reliability/$part.sh" "$work" | tee "$work/$part.log"
  line=$(grep -E "^$part: [0-9]+ passed, [0-9]+ failed" "$work/$part.log" | tail -1)
  if [ -z "$line" ]; then
    echo "FAIL $part: ended without its summary line"; f=$((f + 1)); continue
  fi
  p=$((p + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
  s=$((s + $(grep -c '^SKIP' "$work/$part.log")))
done
echo "reliability: $p passed, $f failed$([ "$s" = 0 ] || echo ", $s skipped") in $(( $(date +%s) - start )) s"
[ "$f" = 0 ]
