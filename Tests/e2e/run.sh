#!/usr/bin/env bash
# End-to-end checks of the real release executable (PIPELINE_BIN).
set -euo pipefail
bin=${PIPELINE_BIN:?set PIPELINE_BIN to the built pipeline executable}
"$bin" --help >/dev/null
echo "e2e: 1 passed, 0 failed"
