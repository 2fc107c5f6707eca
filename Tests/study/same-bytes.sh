#!/usr/bin/env bash
# After the study was regenerated from an empty store: every committed result
# (outputs/ and pipeline.lock.json) must be byte-identical to what git holds.
# Volatile files (wall-clock times and host facts) are left out. On a
# difference, names each file and prints its first differing lines; exit 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
volatile=(':!outputs/timings.md')
paths=(outputs pipeline.lock.json "${volatile[@]}")
changed=$(git status --porcelain --untracked-files=all -- "${paths[@]}")
if [ -z "$changed" ]; then
  echo "same-bytes: outputs/ and pipeline.lock.json are byte-identical to the committed ones ($(git ls-files -- "${paths[@]}" | wc -l) files)"
  exit 0
fi
echo "same-bytes: FAILED: the regenerated study differs from the committed one:"
echo "$changed" | sed 's/^/  /'
git --no-pager diff --stat -- "${paths[@]}" | tail -n 20
for f in $(git diff --name-only -- "${paths[@]}"); do
  echo "--- first differing lines of $f:"
  git --no-pager diff --unified=0 --no-color -- "$f" | grep -E '^[-+][^-+]' | head -n 12
done
exit 1
