#!/usr/bin/env bash
# End-to-end test of `pipeline run --executor slurm` on a real one-node Slurm
# cluster (start.sh): a small pipeline of built-in kinds, with a matrix (a job
# array) and per-stage resources, runs through sbatch into one store and
# locally into another; the stores' objects, run keys and workspace outputs
# must be byte-identical. Then: a rerun submits nothing, `status` shows a
# queued/running job, and a failing stage is reported with its log while its
# dependant is cancelled. Stops the cluster at exit (SLURM_KEEP=1 keeps it).
# Needs PIPELINE_BIN (the built executable). Every wait is bounded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${PIPELINE_BIN:?set PIPELINE_BIN to the built pipeline executable}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export SLURM_TMP=${SLURM_TMP:-/tmp/pipeline-slurm}
RUN_TIMEOUT=${SLURM_RUN_TIMEOUT:-300}

bash "$here/start.sh"
. "$SLURM_TMP/env.sh"
work=$(mktemp -d "$SLURM_TMP/run-test.XXXXXX")
cleanup() {
  # Cancel whatever this test left queued, then stop the daemons.
  ids=$(squeue -h -o '%i %j' 2>/dev/null | awk '$2 ~ /^pipeline:/ {print $1}' || true)
  [ -z "$ids" ] || scancel $ids 2>/dev/null || true
  rm -rf "$work"
  [ "${SLURM_KEEP:-0}" = 1 ] || bash "$here/stop.sh"
}
trap cleanup EXIT

pass=0; fails=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); echo "ok   $1"
  else fails=$((fails + 1)); echo "FAIL $1: expected [$2], got [$3]"; fi
}

write_pipeline() { # write_pipeline DIR [EXTRA_STAGES]
  mkdir -p "$1"
  cat >"$1/pipeline.json" <<JSON
{"version": 1, "stages": {
  "src": {"kind": "write", "params": {"files": {"words.txt": "alpha\nbeta\ngamma\n", "sub/n.txt": "3\n"}}},
  "up": {"matrix": {"n": [1, 2, 3]}, "kind": "shell", "deps": ["src"],
         "resources": {"cpus": 1, "mem": "100M", "time": "0:05:00"},
         "params": {"cmd": "cd \$OUT; tr a-z A-Z < \$IN_SRC/words.txt > out.txt; echo \${item.n} >> out.txt; head -c 4096 /dev/zero | tr '\\\\0' '\${item.n}' > blob.bin"}},
  "solo": {"kind": "shell", "deps": ["src"], "params": {"cmd": "cd \$OUT; sha256sum < \$IN_SRC/words.txt > sum.txt"}},
  "count": {"kind": "shell", "deps": ["up", "solo"], "resources": {"cpus": 2},
            "params": {"cmd": "cd \$OUT; cat \$IN_UP/*/out.txt > all.txt; wc -l < all.txt > lines.txt; cat \$IN_SOLO/sum.txt >> all.txt"}}${2:-}},
 "outputs": [{"stage": "count", "file": "all.txt", "path": "outputs/all.txt"}]}
JSON
}

# 1. The same pipeline through Slurm and locally, into two stores.
write_pipeline "$work/slurm"
write_pipeline "$work/local"
t0=$(date +%s.%N)
timeout "$RUN_TIMEOUT" "$bin" run --executor slurm --wait --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" \
  > "$work/slurm-run.out" 2>&1 || { cat "$work/slurm-run.out"; echo "FAIL slurm run"; exit 1; }
t1=$(date +%s.%N)
cat "$work/slurm-run.out"
timeout "$RUN_TIMEOUT" "$bin" run --file "$work/local/pipeline.json" --cache-dir "$work/store-local" > "$work/local-run.out" 2>&1 \
  || { cat "$work/local-run.out"; echo "FAIL local run"; exit 1; }
t2=$(date +%s.%N)
echo "time: slurm $(echo "$t1 - $t0" | bc)s, local $(echo "$t2 - $t1" | bc)s"

check "slurm summary" "6 ran, 0 cached, 0 failed" "$(tail -1 "$work/slurm-run.out" | sed 's/ in .*//')"
check "matrix submitted as one array" 3 "$(grep -c '^submit up@.* job [0-9]*_[0-2]' "$work/slurm-run.out")"
check "jobs submitted" "submitted 4 jobs for 6 stages, 0 cached" "$(grep '^submitted' "$work/slurm-run.out")"
check "object files identical" "" "$(diff -r "$work/store-slurm/objects" "$work/store-local/objects" 2>&1)"
check "object count" 11 "$(find "$work/store-slurm/objects" -type f | wc -l)"
check "run keys identical" "$(ls "$work/store-local/runs")" "$(ls "$work/store-slurm/runs")"
check "workspace output identical" same "$(cmp -s "$work/slurm/outputs/all.txt" "$work/local/outputs/all.txt" && echo same || echo differ)"
# The lock file holds no wall-clock or host fact, so the two agree byte for byte.
check "lock files identical" "" "$(diff "$work/slurm/pipeline.lock.json" "$work/local/pipeline.lock.json")"
up1=$(grep -o 'job [0-9]*_0' "$work/slurm-run.out" | head -1 | cut -d' ' -f2)
check "array task log names its stage" yes "$(grep -q 'up@' "$work/store-slurm/slurm/logs/up-$up1.log" 2>/dev/null && echo yes || ls "$work/store-slurm/slurm/logs")"
check "jobs.json lists every stage" 6 "$(grep -c '"stage"' "$work/store-slurm/slurm/jobs.json")"

# 2. A second Slurm run finds everything cached and submits nothing.
"$bin" run --executor slurm --wait --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" > "$work/rerun.out" 2>&1
check "rerun submits nothing" "submitted 0 jobs for 0 stages, 6 cached" "$(grep '^submitted' "$work/rerun.out")"

# 3. status shows a queued or running job while it is in Slurm's hands.
write_pipeline "$work/slurm" ', "slow": {"kind": "shell", "deps": ["src"], "params": {"cmd": "sleep 4; echo slow > $OUT/slow.txt"}}'
"$bin" run --executor slurm --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" slow > "$work/slow.out" 2>&1 \
  || { cat "$work/slow.out"; echo "FAIL submitting the slow stage"; exit 1; }
slow_status=$("$bin" status --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" | grep -E '^(queued|running) +slow ' | awk '{print $1}')
check "status shows the slow job queued or running" yes "$(case "$slow_status" in queued|running) echo yes ;; *) echo "'$slow_status'" ;; esac)"
for _ in $(seq 1 60); do
  "$bin" status --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" | grep -qE '^(queued|running) +slow ' || break
  sleep 1
done
check "slow stage done" "up to date  slow" "$("$bin" status --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" | grep ' slow$')"

# 4. A failing stage: reported with its log; its dependant is cancelled, not left pending.
write_pipeline "$work/slurm" ', "bad": {"kind": "shell", "deps": ["src"], "params": {"cmd": "echo about to fail >&2; exit 3"}}, "after-bad": {"kind": "shell", "deps": ["bad"], "params": {"cmd": "touch never.txt"}}'
set +e
timeout "$RUN_TIMEOUT" "$bin" run --executor slurm --wait --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" > "$work/bad.out" 2>&1
rc=$?
set -e
cat "$work/bad.out"
check "failed run exits 1" 1 "$rc"
check "failure names stage, state and exit" yes "$(grep -qE "^error: stage 'bad' failed: job [0-9]+ FAILED \(NonZeroExitCode, exit 1:0\); log: $work/store-slurm/slurm/logs/bad-[0-9]+.log" "$work/bad.out" && echo yes || echo no)"
badlog=$(sed -n "s/^error: stage 'bad' failed: .*; log: //p" "$work/bad.out")
check "failed job's log holds the command's stderr" yes "$(grep -q 'about to fail' "$badlog" 2>/dev/null && echo yes || echo no)"
check "dependant cancelled" yes "$(grep -qE '^skip after-bad \(an upstream job failed; cancelled job [0-9]+\)' "$work/bad.out" && echo yes || echo no)"
check "failed summary" "0 ran, 6 cached, 2 failed" "$(tail -1 "$work/bad.out" | sed 's/ in .*//')"
check "status reports the failed job with its log" yes "$("$bin" status --file "$work/slurm/pipeline.json" --cache-dir "$work/store-slurm" | grep -qE "^failed +bad \(job [0-9]+ FAILED, exit 1:0\); log: $badlog" && echo yes || echo no)"
check "nothing of ours left in the queue" "" "$(squeue -h -o '%i %j' | awk '$2 ~ /^pipeline:/')"

# 5. Independent stages run as concurrent jobs on one store: each job claims only
# its own stage (no store-wide lock while a stage computes), so four 3-second
# stages on 2 CPUs take about 2 x 3 s, not 4 x 3 s.
mkdir -p "$work/par"
cat >"$work/par/pipeline.json" <<'JSON'
{"version": 1, "stages": {"p": {"matrix": {"n": [1, 2, 3, 4]}, "kind": "shell", "resources": {"cpus": 1},
  "params": {"cmd": "sleep 3; echo ${item.n} > $OUT/n.txt"}}}}
JSON
t0=$(date +%s.%N)
timeout "$RUN_TIMEOUT" "$bin" run --executor slurm --wait --file "$work/par/pipeline.json" --cache-dir "$work/store-par" \
  > "$work/par.out" 2>&1 || { cat "$work/par.out"; echo "FAIL parallel slurm run"; exit 1; }
par=$(echo "$(date +%s.%N) - $t0" | bc)
echo "time: 4 x 3 s stages through slurm: ${par}s"
check "parallel summary" "4 ran, 0 cached, 0 failed" "$(tail -1 "$work/par.out" | sed 's/ in .*//')"
check "no job waited for a store-wide lock" "" "$(grep -l 'waiting for the store lock' "$work/store-par/slurm/logs/"* 2>/dev/null)"
check "4 x 3 s stages overlap (under 11 s)" yes "$([ "$(echo "$par < 11" | bc)" = 1 ] && echo yes || echo "no (${par}s)")"

echo "run-test.sh: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
