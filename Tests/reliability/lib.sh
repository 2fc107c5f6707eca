# Shared helpers of the reliability campaign (sourced, not run).
# Every check prints one PASS/FAIL line; the driver counts them.

pass=0; fail=0
ok()  { pass=$((pass+1)); echo "PASS $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }

# Objects whose content does not hash to their name (there must be none: a
# killed run may leave garbage in tmp/, never a wrong object).
wrong_objects() {
  local store=$1 f h
  [ -d "$store/objects" ] || return 0
  find "$store/objects" -type f | sort | while read -r f; do
    h=$(sha256sum "$f" | cut -d' ' -f1)
    [ "$h" = "$(basename "$(dirname "$f")")$(basename "$f")" ] || echo "$f"
  done
}

# Records whose named objects are missing or of the wrong size are fine
# (the engine reruns their stage); this lists stages with a *valid* record.
recorded_stages() {
  local store=$1 r
  [ -d "$store/runs" ] || return 0
  for r in "$store"/runs/*.json; do
    [ -e "$r" ] || continue
    jq -r .stage "$r"
  done | sort
}

# The artifacts of a finished project, one "stage file hash" line each, plus
# every workspace output file with its hash: byte identity of all results.
# The volatile outputs hold wall-clock seconds by design and are left out of
# dependents' keys: train's timing.json and the report's timings.md (also in
# the workspace as outputs/timings.md).
artifacts() {
  local dir=$1
  jq -r '.stages | to_entries[] | .key as $s | .value.outputs | to_entries[] | "\($s) \(.key) \(.value.hash)"' "$dir/pipeline.lock.json" \
    | grep -v -e ' timing.json ' -e ' timings.md ' | sort
  (cd "$dir" && find outputs -type f ! -name timings.md | sort | xargs sha256sum)
}
