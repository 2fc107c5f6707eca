#!/usr/bin/env bash
# End-to-end checks of the real release executable (PIPELINE_BIN) on a pipeline
# of built-in kinds (run, no-op, status after an edit, exit codes), then on the
# mini study of Tests/fixtures/mini-study (report, no-op, status), then the
# example project (Tests/e2e/example.sh).
set -euo pipefail
bin=${PIPELINE_BIN:?set PIPELINE_BIN to the built pipeline executable}
fixtures=$(cd "$(dirname "$0")/../fixtures" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
pass=0; fail=0
check() { if [ "$2" = "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $1: expected [$3], got [$2]"; fi; }

"$bin" --help >/dev/null; check help $? 0
cat > pipeline.json <<'JSON'
{"version": 1, "stages": {
  "src": {"kind": "write", "params": {"files": {"a.txt": "hi\n"}}},
  "up": {"matrix": {"n": [1, 2]}, "kind": "shell", "deps": ["src"], "params": {"cmd": "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt; echo ${item.n} >> $OUT/out.txt"}},
  "cat": {"kind": "shell", "deps": ["up"], "params": {"cmd": "cat $IN_UP/*/out.txt > $OUT/all.txt"}}},
 "outputs": [{"stage": "cat", "file": "all.txt", "path": "outputs/all.txt"}]}
JSON
"$bin" run -j 2 | tail -1 | sed 's/in .*/in T/' > out1; check first-run "$(cat out1)" "4 ran, 0 cached, 0 failed in T"
check output "$(cat outputs/all.txt | tr '\n' ' ')" "HI 1 HI 2 "
"$bin" run | sed 's/in .*/in T/' > out2; check no-op "$(cat out2)" "0 ran, 4 cached, 0 failed in T"
echo edited > outputs/all.txt
check status-edit "$("$bin" status | grep cat)" "stale       cat (workspace output outputs/all.txt modified)"
"$bin" run >/dev/null; check restored "$(head -1 outputs/all.txt)" "HI"
set +e; "$bin" run nosuch 2>/dev/null; rc=$?; set -e; check bad-target $rc 2

# The mini study (seconds): every stage kind of the study on 1,200 images.
mkdir study; cp "$fixtures/mini-study/pipeline.json" study/; cd study
set +e; "$bin" run all --cache-dir store > run.out 2> run.err; rc=$?; set -e
check study-run $rc 0; [ $rc -eq 0 ] || cat run.err
check study-summary "$(tail -1 run.out | sed 's/in .*/in T/')" "18 ran, 0 cached, 0 failed in T"
check study-report "$(head -1 outputs/report.md 2>/dev/null)" "# Activation functions on FashionMNIST"
check study-figures "$(ls outputs/figures 2>/dev/null | grep -c '\.svg$')" 6
check study-no-cr "$(grep -c $'\r' run.out || true)" 0
check study-no-op "$("$bin" run all --cache-dir store | sed 's/in .*/in T/')" "0 ran, 18 cached, 0 failed in T"
check study-status "$("$bin" status --cache-dir store | tail -1)" "18 up to date, 0 stale"
# `check` against a reference copy: equal passes; an accuracy moved by 5 points fails and is named.
mkdir -p ref/outputs; cp outputs/metrics.json ref/outputs/
check study-check "$("$bin" check --reference-dir ref; echo "rc=$?")" "outputs/metrics.json: ok (within tolerance of ref)
rc=0"
python3 - <<'PY'
import json; p = "ref/outputs/metrics.json"; m = json.load(open(p))
m["test_accuracy"]["relu"]["42"] += 5; json.dump(m, open(p, "w"))
PY
set +e; "$bin" check --reference-dir ref > check.out; rc=$?; set -e
check study-check-fails $rc 1
check study-check-names "$(grep -c '^  test_accuracy.relu.42: ' check.out)" 1
cd ..
echo "e2e: $pass passed, $fail failed"
# The example project (examples/sales-report): its own checks and count.
example=0; bash "$here/example.sh" || example=$?
[ $fail -eq 0 ] && [ $example -eq 0 ]
