#!/usr/bin/env bash
# Engine overhead: a no-op `pipeline run` and `pipeline status` on a fully cached
# pipeline of 100 stages whose workspace outputs total 50 MB. Target: < 50 ms median each.
# Usage: Benchmarks/engine.sh [path/to/release/pipeline]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${PIPELINE_BIN:-$here/.build/release/pipeline}}
[ -x "$bin" ] || { echo "engine.sh: build first: swift build -c release --product pipeline" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "engine.sh: hyperfine is not installed" >&2; exit 2; }

work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cd "$work"

# 10 generators + 10x8 transforms + 10 summaries = 100 stages; each generator and
# transform writes a 0.6 MB file (deterministic bytes) that is copied to outputs/.
{
  echo '{"version": 1, "stages": {'
  echo '  "gen": {"matrix": {"i": [0,1,2,3,4,5,6,7,8,9]}, "kind": "shell",'
  echo '          "params": {"cmd": "head -c 600000 /dev/zero | tr \"\\\\0\" \"${item.i}\" > $OUT/data.bin", "outputs": ["data.bin"]}},'
  echo '  "xf": {"matrix": {"i": [0,1,2,3,4,5,6,7,8,9], "j": [1,2,3,4,5,6,7,8]}, "kind": "shell", "deps": ["gen@${item.i}"],'
  echo '         "params": {"cmd": "cat $IN_GEN/data.bin | tr 0-9 a-j > $OUT/x.bin; echo ${item.j} >> $OUT/x.bin", "outputs": ["x.bin"]}},'
  echo '  "sum": {"matrix": {"i": [0,1,2,3,4,5,6,7,8,9]}, "kind": "shell", "deps": ["xf@${item.i}-*"],'
  echo '          "params": {"cmd": "cat $IN_XF/*/x.bin | sha256sum > $OUT/sum.txt", "outputs": ["sum.txt"]}}'
  echo '},'
  echo '"outputs": [{"stage": "gen@0", "path": "outputs/gen0"}'
  for i in 1 2 3 4 5 6 7 8 9; do echo ", {\"stage\": \"gen@$i\", \"path\": \"outputs/gen$i\"}"; done
  for i in 0 1 2 3 4 5 6 7 8 9; do for j in 1 2 3 4 5 6 7 8; do
    echo ", {\"stage\": \"xf@$i-$j\", \"file\": \"x.bin\", \"path\": \"outputs/xf/$i-$j.bin\"}"
  done; done
  echo ']}'
} > pipeline.json

"$bin" run -j 2 >/dev/null
size=$(du -sm outputs | cut -f1)
stages=$("$bin" dag | wc -l)
echo "engine benchmark: $stages stages, ${size} MB of workspace outputs, binary $bin"
# Wall-clock medians depend on the machine's load: say what it was.
echo "load: $(uptime | sed 's/.*load average: //')"
"$bin" run | tail -1

hyperfine --warmup 3 --runs 30 --export-json "$work/bench.json" -N "$bin run" "$bin status" >/dev/null
python3 - "$work/bench.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    name = r["command"].split("/")[-1]
    median = r["median"] * 1000
    print(f"{name:20s} median {median:6.1f} ms  (mean {r['mean']*1000:.1f} ms, target < 50 ms: {'ok' if median < 50 else 'MISSED'})")
PY
