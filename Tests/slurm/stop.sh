#!/usr/bin/env bash
# Stop the test cluster started by start.sh: slurmd, slurmctld, then munged.
# Kills only the pids recorded in pid files; idempotent (nothing running = ok).
# Each daemon gets SIGTERM, a bounded wait, then SIGKILL.
set -uo pipefail

SLURM_TMP=${SLURM_TMP:-/tmp/pipeline-slurm}
STOP_TIMEOUT=${SLURM_STOP_TIMEOUT:-20}

stop_pidfile() {
  local name=$1 pidfile=$2 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "stop.sh: stopping $name (pid $pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $(( STOP_TIMEOUT * 10 ))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop.sh: $name did not exit in ${STOP_TIMEOUT}s, killing" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
}

stop_pidfile slurmd "$SLURM_TMP/run/slurmd.pid"
stop_pidfile slurmctld "$SLURM_TMP/run/slurmctld.pid"
# munged is shared machine state; stop it only if asked (default: yes, we started it).
if [ "${SLURM_STOP_MUNGE:-1}" = 1 ]; then
  stop_pidfile munged /run/munge/munged.pid
fi
exit 0
