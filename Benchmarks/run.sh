#!/usr/bin/env bash
# `make bench`: every benchmark, printing figures (medians).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/engine.sh" "${PIPELINE_BIN:-}"
