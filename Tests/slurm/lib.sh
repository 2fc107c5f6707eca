# Helpers shared by the Slurm test scripts (sourced, not run).
# Job-state polling without accounting: `scontrol show job -o ID` prints one
# line per job (one per task for an array) while the job is younger than
# MinJobAge; JobState= and Reason= are read from it.

# job_field ID FIELD: the values of FIELD for every line (task) of job ID.
job_field() {
  timeout 10 scontrol show job -o "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# job_settled ID: true when every task of ID has finished, or waits on a
# dependency that can never be satisfied (Slurm leaves those PENDING forever).
job_settled() {
  local line state reason any=0
  while IFS= read -r line; do
    any=1
    state=$(tr ' ' '\n' <<<"$line" | sed -n 's/^JobState=//p')
    reason=$(tr ' ' '\n' <<<"$line" | sed -n 's/^Reason=//p')
    case "$state" in
      COMPLETED|FAILED|CANCELLED|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL|PREEMPTED|BOOT_FAIL|DEADLINE) ;;
      PENDING) [ "$reason" = DependencyNeverSatisfied ] || return 1 ;;
      *) return 1 ;;
    esac
  done < <(timeout 10 scontrol show job -o "$1" 2>/dev/null)
  [ "$any" = 1 ]
}

# wait_jobs TIMEOUT ID...: wait until every job is settled; non-zero on timeout.
wait_jobs() {
  local limit=$1; shift
  local deadline=$(( $(date +%s) + limit )) id pending
  while :; do
    pending=""
    for id in "$@"; do job_settled "$id" || pending="$pending $id"; done
    [ -z "$pending" ] && return 0
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "wait_jobs: still not settled after ${limit}s:$pending" >&2
      squeue -t all -o '%i %j %T %r' >&2 || true
      return 1
    fi
    sleep 1
  done
}
