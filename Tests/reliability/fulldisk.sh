#!/usr/bin/env bash
# Full disk: the mini study with its store on a 20 MB tmpfs. The first large
# write fails: one clear error per failed stage (its file and "No space left on device"), exit
# 1, no run record for the failed stage, no wrong object, no staging left. After
# the tmpfs grows, the next run succeeds and matches the reference artifacts.
# Needs root (mount); otherwise it says so and counts as skipped.
# Usage: fulldisk.sh WORKDIR   (BIN from the environment; WORKDIR/ref.artifacts
# from crash.sh when present)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$1; bin=${BIN:?}
fixture="$here/../fixtures/mini-study/pipeline.json"
mnt="$work/small"; mkdir -p "$mnt"
if ! mount -t tmpfs -o size=20m tmpfs "$mnt" 2>"$work/mount.err"; then
  echo "SKIP full disk: cannot mount a tmpfs here ($(head -1 "$work/mount.err")); run as root to include it"
  echo "fulldisk: 0 passed, 0 failed, 1 skipped"
  exit 0
fi
trap 'cd /; umount "$mnt" 2>/dev/null' EXIT
d="$work/fulldisk"; mkdir -p "$d"; cp "$fixture" "$d/"; cd "$d"
store="$mnt/store"

"$bin" run --cache-dir "$store" >run1.out 2>run1.err; rc=$?
[ $rc -eq 1 ] && ok "full store: exit 1" || bad "full store: exit $rc (expected 1)"
# Every stage that hit the full disk gives one error line naming its file and
# the cause (download always; a stage running beside it may fail too).
errors=$(grep -c '^error: ' run1.err)
enospc=$(grep '^error: ' run1.err | grep -c 'No space left on device')
grep -q "^error: stage 'download' failed: .*No space left on device" run1.err && [ "$errors" -ge 1 ] && [ "$errors" = "$enospc" ] \
  && ok "full store: $errors error line(s), each naming the file and ENOSPC: $(grep '^error: ' run1.err | cut -c1-120)" \
  || bad "full store: expected error lines naming ENOSPC, got: $(cat run1.err)"
failed=$(sed -n "s/^error: stage '\([^']*\)' failed.*/\1/p" run1.err)
recorded=$(recorded_stages "$store")
echo "$recorded" | grep -qx "${failed:-none}" && bad "failed stage '$failed' has a run record" || ok "no run record for the failed stage '$failed'"
wrong=$(wrong_objects "$store")
[ -z "$wrong" ] && ok "no wrong object in the full store" || bad "wrong objects: $wrong"
left=$(find "$store/tmp" -mindepth 1 | head -3)
[ -z "$left" ] && ok "no staging left in tmp/" || bad "staging left: $left"
echo "store after the failure: $(du -sh "$store" | cut -f1) used of 20M, records: $(echo $recorded)"

mount -o remount,size=400m "$mnt"
"$bin" run -v --cache-dir "$store" >run2.out 2>run2.err; rc=$?
[ $rc -eq 0 ] && ok "after growing the tmpfs: rerun succeeds ($(tail -1 run2.out))" || bad "rerun exit $rc: $(tail -3 run2.err)"
again=$(awk '/^run  /{print $2}' run2.out | sort | comm -12 - <(echo "$recorded"))
[ -z "$again" ] && ok "stages finished before the failure did not run again" || bad "ran again: $again"
if [ -f "$work/ref.artifacts" ]; then
  artifacts . > artifacts
  cmp -s artifacts "$work/ref.artifacts" && ok "artifacts identical to the reference run" || bad "artifacts differ: $(diff artifacts "$work/ref.artifacts" | head -4)"
fi
"$bin" verify --cache-dir "$store" >verify.out 2>&1 && ok "verify clean: $(tail -1 verify.out)" || bad "verify: $(cat verify.out)"
echo "fulldisk: $pass passed, $fail failed"
[ $fail -eq 0 ]
