#!/usr/bin/env bash
# Smoke test of the one-node cluster: the Slurm behaviours the pipeline relies on.
#  1. afterok chains: B runs after A and sees A's output.
#  2. job arrays: --array=0-2 runs three tasks; a job afterok on the array
#     runs only after all of them; afterok:ID_1 waits for task 1 only.
#  3. failure: a job exiting 3 ends FAILED with ExitCode=3:0 and its log holds
#     its stderr; a job afterok on it stays PENDING with
#     Reason=DependencyNeverSatisfied until scancel'ed (then CANCELLED).
# Starts the cluster (start.sh) and stops it at exit unless SLURM_KEEP=1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SLURM_TMP=${SLURM_TMP:-/tmp/pipeline-slurm}
export SLURM_TMP
JOB_TIMEOUT=${SLURM_JOB_TIMEOUT:-60}

bash "$here/start.sh"
. "$SLURM_TMP/env.sh"
. "$here/lib.sh"
work=$(mktemp -d "$SLURM_TMP/smoke.XXXXXX")
submitted=()
cleanup() {
  # Leave no job behind, then no daemon (unless asked to keep them).
  [ ${#submitted[@]} -eq 0 ] || scancel "${submitted[@]}" 2>/dev/null || true
  rm -rf "$work"
  [ "${SLURM_KEEP:-0}" = 1 ] || bash "$here/stop.sh"
}
trap cleanup EXIT

fails=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected '$2', got '$3'"; fails=$((fails + 1)); fi
}
submit() { local id; id=$(sbatch --parsable --chdir="$work" "$@"); id=${id%%;*}; submitted+=("$id"); echo "$id"; }

# 1. afterok chain
a=$(submit -J smoke-a -o "$work/a-%j.log" --wrap 'sleep 1; echo from-a > a.txt')
b=$(submit -J smoke-b -o "$work/b-%j.log" --dependency=afterok:$a --wrap 'cat a.txt > b.txt; echo from-b >> b.txt')

# 2. array and a job after the whole array
arr=$(submit -J smoke-arr -o "$work/arr-%A_%a.log" --array=0-2 --wrap 'echo "task $SLURM_ARRAY_TASK_ID" > arr-$SLURM_ARRAY_TASK_ID.txt')
t1=$(submit -J smoke-t1 -o "$work/t1-%j.log" --dependency=afterok:${arr}_1 --wrap 'cat arr-1.txt > t1.txt')
c=$(submit -J smoke-c -o "$work/c-%j.log" --dependency=afterok:$arr --wrap 'cat arr-0.txt arr-1.txt arr-2.txt > c.txt')

# 3. failure and its dependant
f=$(submit -J smoke-fail -o "$work/fail-%j.log" --wrap 'echo "stage exploded" >&2; exit 3')
g=$(submit -J smoke-after-fail -o "$work/g-%j.log" --dependency=afterok:$f --wrap 'touch g.txt')

wait_jobs "$JOB_TIMEOUT" "$a" "$b" "$arr" "$t1" "$c" "$f" "$g"

check "A then B (afterok)" "$(printf 'from-a\nfrom-b')" "$(cat "$work/b.txt" 2>/dev/null)"
check "B completed" COMPLETED "$(job_field "$b" JobState)"
check "array: three tasks completed" "$(printf 'COMPLETED\nCOMPLETED\nCOMPLETED')" "$(job_field "$arr" JobState)"
check "array task ids" "$(printf '0\n1\n2')" "$(job_field "$arr" ArrayTaskId | sort -n)"
check "after one array task (afterok:ID_1)" "task 1" "$(cat "$work/t1.txt" 2>/dev/null)"
check "after array (afterok on the array job id)" "$(printf 'task 0\ntask 1\ntask 2')" "$(cat "$work/c.txt" 2>/dev/null)"
check "failed job state" FAILED "$(job_field "$f" JobState)"
check "failed job exit code" 3:0 "$(job_field "$f" ExitCode)"
flog=$(job_field "$f" StdOut)
check "failed job log path" "$work/fail-$f.log" "$flog"
check "failed job log holds its stderr" "stage exploded" "$(cat "$flog" 2>/dev/null)"
check "dependant of failed job: state" PENDING "$(job_field "$g" JobState)"
check "dependant of failed job: reason" DependencyNeverSatisfied "$(job_field "$g" Reason)"
echo "     failed job $f: $(timeout 10 scontrol show job -o "$f" | tr ' ' '\n' | grep -E '^(JobState|Reason|ExitCode|StdOut)=' | tr '\n' ' ')"
scancel "$g"
wait_jobs 20 "$g"
check "dependant after scancel" CANCELLED "$(job_field "$g" JobState)"
check "dependant never ran" no "$([ -e "$work/g.txt" ] && echo yes || echo no)"

if [ "$fails" -ne 0 ]; then echo "smoke.sh: $fails check(s) failed" >&2; exit 1; fi
echo "smoke.sh: all checks passed"
