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
start=$(date +%s)
bash "$here/crash.sh" "$work" | tee "$work/crash.log"
bash "$here/fulldisk.sh" "$work" | tee "$work/fulldisk.log"
p=$(sed -n 's/^[a-z]*: \([0-9]*\) passed.*/\1/p' "$work/crash.log" "$work/fulldisk.log" | paste -sd+ | bc)
f=$(sed -n 's/^[a-z]*: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$work/crash.log" "$work/fulldisk.log" | paste -sd+ | bc)
s=$(grep -c '^SKIP' "$work/fulldisk.log")
echo "reliability: $p passed, $f failed$([ "$s" = 0 ] || echo ", $s skipped") in $(( $(date +%s) - start )) s"
[ "$f" = 0 ]
