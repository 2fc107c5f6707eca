#!/usr/bin/env bash
# End-to-end checks of the example project examples/sales-report (Python
# scripts on a small CSV, run by shell stages) with the release executable
# PIPELINE_BIN: an edit of its data reruns exactly the stages that read it; a
# params key reruns only its users; a comment in a script reruns that stage and,
# by early cutoff, nothing after it; a deleted in-place output is restored
# without rerunning; Ctrl-C in the middle leaves no process, temp or record.
set -euo pipefail
bin=${PIPELINE_BIN:?set PIPELINE_BIN to the built pipeline executable}
example=$(cd "$(dirname "$0")/../../examples/sales-report" && pwd)
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "FAIL example project: needs python3 with PyYAML (make deps installs it)"; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$example" "$work/ex"; cd "$work/ex"
rm -rf .pipeline pipeline.lock.json data/clean.csv report.md
pass=0; fail=0
check() { if [ "$2" = "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL example $1: expected [$3], got [$2]"; fi; }
# The stages a run ran, sorted, from its `run  X (...)` lines.
ran() { grep '^run  ' "$1" | sed 's/^run  \([^ ]*\).*/\1/' | sort | tr '\n' ' ' || true; }
summary() { tail -1 "$1" | sed 's/ in .*//'; }

"$bin" run -j 2 > out 2> err; check first-run "$(summary out)" "4 ran, 0 cached, 0 failed"
check report "$(head -1 report.md)" "# Sales, January 2026"
check prep-log "$("$bin" log prep)" "kept 14 rows"
"$bin" run > out 2>> err; check no-op "$(summary out)" "0 ran, 4 cached, 0 failed"
"$bin" status -q; check status-fresh $? 0

# Data: a price change in a row prep drops (0 units) reruns both readers of
# sales.csv; their outputs are unchanged, so stats and report stay cached.
sed -i 's/^2026-01-04,E,kettle,0,29.90$/2026-01-04,E,kettle,0,31.00/' data/sales.csv
check status-data "$("$bin" status | grep -c 'input file data/sales.csv changed')" 2
set +e; "$bin" status --exit-code > /dev/null; rc=$?; set -e; check status-exit-code $rc 1
"$bin" run > out 2>> err; check data-reruns-readers "$(ran out)" "count prep "
# A region renamed: only stats reads regions.csv; its result changes, so report follows.
sed -i 's/^N,North$/N,Nord/' data/regions.csv
"$bin" run > out 2>> err; check regions-reruns "$(ran out)" "report stats "
check regions-in-report "$(grep -c '| Nord |' report.md)" 1

# Params: report.top is used by report only; a comment or an unused key changes nothing.
sed -i 's/^  top: 3 /  top: 2 /' params.yaml
check status-param "$("$bin" status | grep ' report ')" "stale       report (params.yaml: report.top 3 -> 2)"
"$bin" run > out 2>> err; check param-reruns-user "$(ran out)" "report "
printf '  unused: 1  # not a key of any stage\n' >> params.yaml
"$bin" run > out 2>> err; check unused-param "$(summary out)" "0 ran, 4 cached, 0 failed"
sed -i 's/^  min_units: 1 /  min_units: 2 /' params.yaml
"$bin" run > out 2>> err; check min-units "$(ran out)" "prep report stats "

# A comment in a script: that stage reruns, writes the same bytes, nothing after it runs.
printf '# a comment that changes nothing\n' >> src/prep.py
check status-script "$("$bin" status | grep ' prep ')" "stale       prep (input file src/prep.py changed)"
"$bin" run > out 2>> err; check comment-cutoff "$(ran out)" "prep "

# A deleted in-place output (and workspace output) comes back from the store, nothing reruns.
before=$(sha256sum data/clean.csv report.md)
rm data/clean.csv report.md
check status-deleted "$("$bin" status | grep ' prep ')" "stale       prep (workspace output data/clean.csv missing)"
"$bin" run > out 2>> err; check restore-summary "$(summary out)" "0 ran, 4 cached, 0 failed"
check restore-lines "$(grep '^copy ' out | sort | tr '\n' ' ')" "copy data/clean.csv copy report.md "
check restore-bytes "$(sha256sum data/clean.csv report.md)" "$before"

# Ctrl-C while stats runs (made slow): exit 130, its python process gone, no
# staging or temp file left, stats still stale, the lock file keeps its old entry.
sed -i 's/^N,Nord$/N,North/' data/regions.csv
lock_before=$(sha256sum pipeline.lock.json)
pidfile=$work/stats.pid
EXAMPLE_SLOW_STATS=$pidfile "$bin" run > out 2> err & runner=$!
for _ in $(seq 200); do [ -s "$pidfile" ] && break; sleep 0.05; done
check slow-started "$([ -s "$pidfile" ] && echo yes)" yes
kill -INT "$runner"
set +e; wait "$runner"; rc=$?; set -e
check interrupt-exit $rc 130
child=$(cat "$pidfile" 2>/dev/null || echo 0)
gone=yes; if [ "$child" != 0 ] && kill -0 "$child" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$child/status" 2>/dev/null; then gone=no; fi
check interrupt-no-process "$gone" yes
check interrupt-no-staging "$(ls -A .pipeline/tmp | wc -l)" 0
check interrupt-no-temps "$(find . -name '.tmp-*' | wc -l)" 0
check interrupt-lock-kept "$(sha256sum pipeline.lock.json)" "$lock_before"
check interrupt-stale "$("$bin" status | grep ' stats ')" "stale       stats (input file data/regions.csv changed)"
check interrupt-recorded "$("$bin" show stats | grep '^last run [a-z]* at' | sed 's/ at .*//')" "last run interrupted"
"$bin" run > out 2>> err; check after-interrupt "$(ran out)" "report stats "

# An experiment on a params-file key: only report reruns, in a private copy;
# params.yaml, report.md and the lock file stay as they are until exp apply.
before=$(sha256sum params.yaml report.md pipeline.lock.json)
"$bin" run -S params.yaml:report.top=7 --name top7 > out 2>> err; check exp-ran "$(ran out)" "report "
check exp-untouched "$(sha256sum params.yaml report.md pipeline.lock.json)" "$before"
check exp-show "$("$bin" exp show --all | awk '{print $1, $2}' | tr '\n' ' ')" "Experiment Overrides baseline - top7 params.yaml:report.top=7 "
check exp-bad-key "$("$bin" run -S params.yaml:report.nope=1 2>&1; echo "rc=$?")" "error: -S params.yaml:report.nope=1: no stage lists key 'report.nope' of params.yaml in its paramsFiles
rc=2"
"$bin" exp apply top7 > out 2>> err; check exp-apply "$(grep '^copy ' out)" "copy report.md"
check exp-applied "$([ "$(sha256sum report.md)" != "$(echo "$before" | sed -n 2p)" ] && echo changed)" changed
"$bin" run > out 2>> err; check exp-back "$(summary out)" "0 ran, 4 cached, 0 failed"
check exp-back-bytes "$(sha256sum params.yaml report.md pipeline.lock.json)" "$before"

echo "e2e example: $pass passed, $fail failed"
[ $fail -eq 0 ]
