#!/usr/bin/env bash
# End-to-end checks of the real release executable (PIPELINE_BIN) on a pipeline
# of built-in kinds: run, no-op, status after an edit, exit codes.
set -euo pipefail
bin=${PIPELINE_BIN:?set PIPELINE_BIN to the built pipeline executable}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
pass=0; fail=0
check() { if [ "$2" = "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $1: expected [$3], got [$2]"; fi; }

"$bin" --help >/dev/null; check help $? 0
cat > pipeline.json <<'JSON'
{"version": 1, "stages": {
  "src": {"kind": "write", "params": {"files": {"a.txt": "hi\n"}}},
  "up": {"matrix": {"n": [1, 2]}, "kind": "shell", "deps": ["src"], "params": {"cmd": "tr a-z A-Z < $IN_SRC/a.txt > out.txt; echo ${item.n} >> out.txt"}},
  "cat": {"kind": "shell", "deps": ["up"], "params": {"cmd": "cat $IN_UP/*/out.txt > all.txt"}}},
 "outputs": [{"stage": "cat", "file": "all.txt", "path": "outputs/all.txt"}]}
JSON
"$bin" run -j 2 | tail -1 | sed 's/in .*/in T/' > out1; check first-run "$(cat out1)" "4 ran, 0 cached, 0 failed in T"
check output "$(cat outputs/all.txt | tr '\n' ' ')" "HI 1 HI 2 "
"$bin" run | sed 's/in .*/in T/' > out2; check no-op "$(cat out2)" "0 ran, 4 cached, 0 failed in T"
echo edited > outputs/all.txt
check status-edit "$("$bin" status | grep cat)" "stale       cat (workspace output outputs/all.txt modified)"
"$bin" run >/dev/null; check restored "$(head -1 outputs/all.txt)" "HI"
set +e; "$bin" run nosuch 2>/dev/null; rc=$?; set -e; check bad-target $rc 2
echo "e2e: $pass passed, $fail failed"
[ $fail -eq 0 ]
