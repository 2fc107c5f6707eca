# The two newcomer commands: `make run` (the whole study) and `make test`.
# Each installs the missing Debian packages first (with sudo when not root).
SHELL := /bin/bash
APT_PACKAGES := libopenblas-dev zlib1g-dev libssl-dev gnuplot-nox dataset-fashion-mnist hyperfine
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/pipeline
JOBS ?=
CI_STORE ?= .pipeline-ci

.PHONY: deps build run test unit e2e bench study-check reliability test-slurm clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@# The example project's scripts (examples/sales-report) read params.yaml with PyYAML.
	@python3 -c 'import yaml' 2>/dev/null || { echo "installing: PyYAML (pip)"; python3 -m pip install -q pyyaml; }

build: deps
	swift build -c release --product pipeline

# The whole study; outputs/report.md, its figures and outputs/metrics.json.
run: build
	$(BIN) run all $(if $(JOBS),-j $(JOBS))

unit: deps
	swift build --build-tests
	swift test --skip-build --parallel

e2e: build
	PIPELINE_BIN=$(abspath $(BIN)) bash Tests/e2e/run.sh

test: unit e2e

# A real one-node Slurm on localhost (installs slurm-wlm and munge; needs root or sudo): docs/slurm.md.
test-slurm: build
	PIPELINE_BIN=$(abspath $(BIN)) bash Tests/slurm/run-test.sh

# CI: the whole study from an empty store; its results must be byte-identical to
# the committed ones (Tests/study/same-bytes.sh), and within tolerance (pipeline check).
study-check: build
	rm -rf $(CI_STORE)
	$(BIN) run all --cache-dir $(CI_STORE)
	bash Tests/study/same-bytes.sh
	$(BIN) check

bench: build
	PIPELINE_BIN=$(abspath $(BIN)) bash Benchmarks/run.sh

# The slow campaign (crash x25 and full disk on the mini study): docs/reliability.md.
reliability: build
	PIPELINE_BIN=$(abspath $(BIN)) bash Tests/reliability/run.sh

clean:
	rm -rf .build
