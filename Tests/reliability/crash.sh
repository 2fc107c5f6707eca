#!/usr/bin/env bash
# Crash campaign: the mini study killed with SIGKILL at 20 and SIGINT at 5
# seeded random moments. After each kill: no object in the store is wrong, a
# rerun succeeds, reruns no stage that had a run record before the kill,
# gives artifacts byte-identical to an uninterrupted run, and `verify` is clean.
# Usage: crash.sh WORKDIR   (BIN, SEED, KILLS, INTS from the environment)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$1; bin=${BIN:?}; seed=${SEED:-8}; kills=${KILLS:-20}; ints=${INTS:-5}
fixture="$here/../fixtures/mini-study/pipeline.json"

# Reference: two uninterrupted runs in fresh folders; they must agree byte for
# byte, and the faster one's duration scales the kill moments (the slower one
# mostly measures other load on the machine).
t_ref=
for r in ref ref2; do
  mkdir -p "$work/$r"; cp "$fixture" "$work/$r/"
  t0=$(date +%s.%N)
  (cd "$work/$r" && "$bin" run >run.out 2>run.err) || { bad "reference run failed: $(tail -3 "$work/$r/run.err")"; echo "crash: $pass passed, $fail failed"; exit 1; }
  t=$(echo "$(date +%s.%N) - $t0" | bc)
  if [ -z "$t_ref" ] || [ "$(echo "$t < $t_ref" | bc)" = 1 ]; then t_ref=$t; fi
  artifacts "$work/$r" > "$work/$r.artifacts"
done
ref="$work/ref"
cmp -s "$work/ref.artifacts" "$work/ref2.artifacts" && ok "two uninterrupted runs give identical artifacts" \
  || bad "two uninterrupted runs differ: $(diff "$work/ref.artifacts" "$work/ref2.artifacts" | head -4 | tr '\n' ' ')"
echo "reference run: $(printf %.1f "$t_ref") s, $(wc -l < "$work/ref.artifacts") artifacts"

# The moments: fractions of 0.95 x the reference duration from a seeded
# generator, so the campaign is the same sequence on every machine (scaled to
# its speed); a kill that lands after the run finished still checks the rerun.
fractions=$(awk -v seed="$seed" -v n=$((kills + ints)) 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%.4f\n", 0.95 * rand() }')

i=0; midrun=0
for f in $fractions; do
  i=$((i + 1))
  sig=KILL; [ $i -gt "$kills" ] && sig=INT
  delay=$(echo "$f * $t_ref" | bc -l | xargs printf %.2f)
  d="$work/trial-$i"; mkdir -p "$d"; cp "$fixture" "$d/"
  cd "$d"
  "$bin" run -v >run1.out 2>run1.err & pid=$!
  sleep "$delay"
  kill -s "$sig" "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null; rc=$?   # no "Killed" job notice
  before=$(recorded_stages .pipeline)
  running=$(awk '/^run  /{r[$2]=1} /^done /{delete r[$2]} END{for (s in r) printf "%s ", s}' run1.out)
  label="$sig#$i at ${delay}s (rc $rc; records $(echo "$before" | grep -c .); running: ${running:-none})"
  problems=""
  [ $rc -eq 0 ] || midrun=$((midrun + 1))
  case "$sig:$rc" in KILL:137|INT:130|*:0) ;; *) problems+=" unexpected exit $rc;";; esac
  wrong=$(wrong_objects .pipeline); [ -z "$wrong" ] || problems+=" wrong objects after kill: $wrong;"
  "$bin" run -v >run2.out 2>run2.err; rc2=$?
  [ $rc2 -eq 0 ] || problems+=" rerun exit $rc2: $(tail -2 run2.err | tr '\n' ' ');"
  again=$(awk '/^run  /{print $2}' run2.out | sort | comm -12 - <(echo "$before"))
  [ -z "$again" ] || problems+=" finished stages ran again: $again;"
  cached=$(awk '/^skip .* \(cached\)$/{print $2}' run2.out | sort)
  [ "$(comm -23 <(echo "$before") <(echo "$cached") | grep -c .)" = 0 ] || problems+=" recorded stages not reported cached;"
  artifacts . > artifacts
  cmp -s artifacts "$work/ref.artifacts" || problems+=" artifacts differ: $(diff artifacts "$work/ref.artifacts" | head -4 | tr '\n' ' ');"
  extra=$(find outputs -type f | sort | comm -23 - <(cd "$ref" && find outputs -type f | sort))
  [ -z "$extra" ] || problems+=" stray workspace files: $extra;"
  temps=$(find . -maxdepth 1 -name '.tmp-*'; find .pipeline/tmp -mindepth 1 -maxdepth 1 2>/dev/null)
  [ -z "$temps" ] || problems+=" temp files left after the rerun: $temps;"
  v=$("$bin" verify 2>&1); vrc=$?
  [ $vrc -eq 0 ] || problems+=" verify exit $vrc: $(echo "$v" | tail -1);"
  cd "$work"
  resumed=$(grep -c ': resuming after epoch' "$d/run2.out")
  if [ -z "$problems" ]; then ok "$label; rerun ran $(grep -c '^run  ' "$d/run2.out"), cached $(echo "$cached" | grep -c .), resumed $resumed"
  else bad "$label:$problems"; fi
  [ -n "$problems" ] || rm -rf "$d"   # keep failed trials for inspection
done
echo "signals that landed mid-run: $midrun of $((kills + ints))"
echo "crash: $pass passed, $fail failed"
[ $fail -eq 0 ]
