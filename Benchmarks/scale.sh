#!/usr/bin/env bash
# Engine scale: a pipeline of N trivial `write` stages (matrix i x j, each
# writing one ~15-byte file, no deps, no workspace outputs), from an empty store:
#   first run (`pipeline run -j 2`), no-op run, `pipeline status`,
# each with wall time and peak resident memory (/usr/bin/time -v). The no-op
# run is measured twice: as the no-ops right after the first run, whose note
# on the lock file spares them reading the records (docs/engine.md, "A lock
# file the store has checked is taken as read"), and "checking", with that
# note removed before each run, so every cached stage's record is read and
# compared with its lock entry (as after a `git pull` changed the lock file).
# Targets (issue 14): first run of 10,000 stages <= 20 s and of 100,000 <= 10x
# that; no-op run and status of 10,000 <= 0.25 s; peak memory < 300 MB at
# 100,000 stages (and linear). The checking no-op (once, after the lock file
# changed outside a run) is printed beside them, with no target of its own.
# Usage: Benchmarks/scale.sh [path/to/release/pipeline] [results.json]
# Environment: SCALE_SIZES (default "1000 10000 100000"; SKIP_100K=1 drops 100000).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${PIPELINE_BIN:-$here/.build/release/pipeline}}
results=${2:-}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")  # the runs cd into their folders
[ -x "$bin" ] || { echo "scale.sh: build first: swift build -c release --product pipeline" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "scale.sh: /usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }
sizes=${SCALE_SIZES:-"1000 10000 100000"}
[ -n "${SKIP_100K:-}" ] && sizes=$(echo "$sizes" | tr ' ' '\n' | grep -vx 100000 | tr '\n' ' ')

work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), binary $bin"

repeat=${SCALE_REPEAT:-5}

# One measured command, `times` times: the median wall seconds and the largest
# peak RSS (KB) appended to $work/figures.
measure() {  # label n dir times args...  ($before, if set, runs in dir before each run, untimed)
  local label=$1 n=$2 dir=$3 times=$4; shift 4
  : > "$work/runs"
  for _ in $(seq "$times"); do
    [ -z "${before:-}" ] || (cd "$dir" && eval "$before")
    (cd "$dir" && /usr/bin/time -f '%e %M' -o "$work/t" "$bin" "$@" > "$work/out" 2>&1) || {
      echo "scale.sh: '$label' on $n stages failed:" >&2; tail -5 "$work/out" >&2; exit 1; }
    tail -1 "$work/t" >> "$work/runs"
  done
  read -r wall rss_kb < <(python3 -c 'import statistics,sys; r=[l.split() for l in open(sys.argv[1])]; print(statistics.median(float(a) for a,_ in r), max(int(b) for _,b in r))' "$work/runs")
  echo "$n $label $wall $rss_kb $(tail -1 "$work/out" | tr -s ' ')" >> "$work/figures"
}

for n in $sizes; do
  dir=$work/p$n
  mkdir -p "$dir"
  python3 - "$n" "$dir/pipeline.json" <<'PY'
import json, sys
n = int(sys.argv[1])
j = 100 if n >= 100 else n
stage = {"matrix": {"i": list(range(n // j)), "j": list(range(j))}, "kind": "write",
         "params": {"files": {"out.txt": "i=${item.i} j=${item.j}\n"}}}
json.dump({"version": 1, "stages": {"w": stage}}, open(sys.argv[2], "w"))
PY
  measure first "$n" "$dir" 1 run -j 2
  measure noop "$n" "$dir" "$repeat" run -j 2
  before="rm -rf .pipeline/verified" measure checking "$n" "$dir" "$repeat" run -j 2
  measure status "$n" "$dir" "$repeat" status
done

python3 - "$work/figures" "$results" <<'PY'
import json, sys
rows = [l.split(None, 4) for l in open(sys.argv[1])]
fig = {}
for n, label, wall, rss, last in rows:
    fig.setdefault(int(n), {})[label] = {"seconds": float(wall), "peak_rss_mb": round(int(rss) / 1024, 1), "last_line": last.strip()}
def target(n, label):
    if label == "first" and n == 10000: return 20.0
    if label == "first" and n == 100000: return 200.0
    if label in ("noop", "status") and n == 10000: return 0.25
    return None
names = {"first": "first run", "checking": "no-op run (checking)", "noop": "no-op run", "status": "status"}
ok = True
for n in sorted(fig):
    for label in ("first", "checking", "noop", "status"):
        f = fig[n][label]
        t = target(n, label)
        verdict = ""
        if t is not None:
            verdict = f"  target <= {t:g} s: " + ("ok" if f["seconds"] <= t else "MISSED")
            ok &= f["seconds"] <= t
        if n == 100000 and f["peak_rss_mb"] >= 300: verdict += "  memory target < 300 MB: MISSED"; ok = False
        print(f"{n:>7,} stages  {names[label]:21s} {f['seconds']:8.3f} s  peak RSS {f['peak_rss_mb']:6.1f} MB{verdict}")
    print(f"{'':16s}({fig[n]['first']['last_line']})")
if sys.argv[2]:
    try: results = json.load(open(sys.argv[2]))
    except (FileNotFoundError, json.JSONDecodeError): results = {}
    results["engine_scale"] = {str(n): fig[n] for n in sorted(fig)}
    json.dump(results, open(sys.argv[2], "w"), indent=2, sort_keys=True)
    open(sys.argv[2], "a").write("\n")
PY
