# On a fresh Debian/Ubuntu machine with Swift 6:
#   make demo   installs what is missing, builds, opens the console against the built-in sandbox
#   make test   installs what is missing, builds, runs every test
#   make release  the optimised, self-contained build into .build/release
#   make bench  the performance suite (README "Performance"); not part of `make test`

SWIFT ?= swift
PACKAGES := libncurses-dev libcurl4-openssl-dev libmicrohttpd-dev tmux openssl
BIN := .build/debug/lead-console
# What `make screenshots` needs beyond PACKAGES: a virtual X server, a terminal, the grabber.
SCREENSHOT_PACKAGES := xvfb xterm imagemagick xdotool fonts-dejavu-core

.PHONY: demo test build deps format lint

demo: build
	$(BIN) --sandbox

# Unit tests first, then the end-to-end ones on their own: those block their threads while they
# watch a terminal or a child process, which would starve the unit tests' timing checks. Then
# each fuzz target briefly.
test: build lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter 'LeadCoreTests|LeadUITests'
	$(SWIFT) test --skip-build --filter LeadConsoleTests
	@$(MAKE) --no-print-directory fuzz-smoke

build: deps
	$(SWIFT) build

# Installs the Debian packages that are missing: as root directly, else through sudo; where
# neither is possible it prints the exact apt line to run.
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "Installing:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "Cannot install packages here. Run:"; \
	  echo "  sudo apt-get install -y$$missing"; \
	  exit 1; \
	fi

# The toolchain's formatter, with the rules in .swift-format; `make test` checks it.
format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Fuzz/Package.swift Fuzz/Sources

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Fuzz/Package.swift \
	  Fuzz/Sources

# Real PNGs of the console in an xterm under Xvfb, into screenshots/; the same deps step,
# with the screenshot packages.
.PHONY: screenshots
screenshots: build
	@$(MAKE) --no-print-directory deps PACKAGES="$(SCREENSHOT_PACKAGES)"
	LEAD_CONSOLE=$(BIN) bash screenshots/take-screenshots.sh

# --- Fuzzing -------------------------------------------------------------------------------
# The libFuzzer targets of Fuzz/ (a package of its own, so the normal build never links them),
# built with the address sanitizer. Each starts from its seeds in Fuzz/Corpus/<name>/ and
# writes what it learns to $(FUZZ_WORK)/<name>/, a crashing input to $(FUZZ_WORK)/<name>-crash-*.
#   make fuzz FUZZ_SECONDS=600   runs each target for that many seconds (default 60)
#   make fuzz-smoke              runs each briefly (at most FUZZ_SMOKE_RUNS inputs, 20 s)
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_RUNS ?= 5000
FUZZ_BUILD ?= Fuzz/.build
FUZZ_WORK ?= $(FUZZ_BUILD)/corpus
# name in Fuzz/Corpus : product
FUZZ_TARGETS := answer-classifier:FuzzAnswerClassifier schema-loader:FuzzSchemaLoader \
  history-log:FuzzHistoryLog form-encoding:FuzzFormEncoding
# Both flags are needed: -Xswiftc alone builds binaries that silently test nothing.
FUZZ_BUILD_FLAGS := -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address

.PHONY: fuzz fuzz-smoke fuzz-build
# SwiftPM does not notice a change to the main package's manifest (a new target) from here:
# the cached build plan is dropped so each build plans afresh.
fuzz-build: deps
	@rm -f $(FUZZ_BUILD)/release.yaml $(FUZZ_BUILD)/release/description.json
	@for target in $(FUZZ_TARGETS); do \
	  $(SWIFT) build --package-path Fuzz --scratch-path $(FUZZ_BUILD) $(FUZZ_BUILD_FLAGS) \
	    --product "$${target#*:}" || exit 1; \
	done

fuzz: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run FUZZ_LIMIT="-max_total_time=$(FUZZ_SECONDS)"

fuzz-smoke: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run \
	  FUZZ_LIMIT="-runs=$(FUZZ_SMOKE_RUNS) -max_total_time=20"

# One target after another; the first crash stops the run and names the input it kept. The Swift
# backtracer stays off: under the address sanitizer it only buries libFuzzer's own report.
.PHONY: fuzz-run
fuzz-run:
	@for target in $(FUZZ_TARGETS); do \
	  name="$${target%%:*}"; product="$${target#*:}"; \
	  mkdir -p "$(FUZZ_WORK)/$$name"; \
	  echo "fuzz: $$product ($(FUZZ_LIMIT))"; \
	  SWIFT_BACKTRACE=enable=no "$(FUZZ_BUILD)/release/$$product" $(FUZZ_LIMIT) -timeout=10 -print_final_stats=1 \
	    -artifact_prefix="$(FUZZ_WORK)/$$name-" "$(FUZZ_WORK)/$$name" "Fuzz/Corpus/$$name" \
	    || { echo "fuzz: $$product failed; the input is in $(FUZZ_WORK)/$$name-*"; exit 1; }; \
	done

# --- Benchmark -----------------------------------------------------------------------------
# `make bench`: the performance suite of README "Performance". Installs the tools it compares
# against, builds in release mode, writes its inputs into $(BENCH_DIR) (logs of 1,000,000 and
# 100,000 leads, 10,000 leads waiting for `retry`, a 300-field schema; each kept while its
# settings and size match), then `lead-bench run` starts the sandbox, runs every measure
# several times and prints the table (also written to $(BENCH_DIR)/results.md).
#   make bench BENCH_FLAGS=--quick   fewer repetitions, shorter retry runs
BENCH_PACKAGES := dialog wrk apache2-utils jq tmux valgrind
BENCH_DIR ?= .build/bench
BENCH_FLAGS ?=
BENCH_BIN := .build/release

.PHONY: bench release
# The build to ship: optimised, with the Swift runtime and Foundation linked in, so a start
# loads a dozen fewer shared libraries and binds none of their symbols (README "Performance").
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

bench: release
	@$(MAKE) --no-print-directory deps PACKAGES="$(PACKAGES) $(BENCH_PACKAGES)"
	$(BENCH_BIN)/lead-bench generate --leads 1000000 --out $(BENCH_DIR)/history-1000000.jsonl
	$(BENCH_BIN)/lead-bench generate --leads 100000 --seed 2 \
	  --out $(BENCH_DIR)/history-100000.jsonl
	$(BENCH_BIN)/lead-bench generate --leads 10000 --seed 3 --all-not-delivered \
	  --out $(BENCH_DIR)/retry-10000.jsonl
	$(BENCH_BIN)/lead-bench generate-schema --fields 300 --out $(BENCH_DIR)/schema-300.json
	$(BENCH_BIN)/lead-bench run --inputs $(BENCH_DIR) --console $(BENCH_BIN)/lead-console \
	  --out $(BENCH_DIR)/results.md $(BENCH_FLAGS)
