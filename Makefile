# Two commands for a fresh Debian/Ubuntu machine with Swift 6:
#   make demo   installs what is missing, builds, opens the console against the built-in sandbox
#   make test   installs what is missing, builds, runs every test

SWIFT ?= swift
PACKAGES := libncurses-dev libcurl4-openssl-dev libmicrohttpd-dev tmux
BIN := .build/debug/lead-console
# What `make screenshots` needs beyond PACKAGES: a virtual X server, a terminal, the grabber.
SCREENSHOT_PACKAGES := xvfb xterm imagemagick xdotool fonts-dejavu-core

.PHONY: demo test build deps format lint

demo: build
	$(BIN) --sandbox

test: build lint
	$(SWIFT) test

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
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# Real PNGs of the console in an xterm under Xvfb, into screenshots/; the same deps step,
# with the screenshot packages.
.PHONY: screenshots
screenshots: build
	@$(MAKE) --no-print-directory deps PACKAGES="$(SCREENSHOT_PACKAGES)"
	LEAD_CONSOLE=$(BIN) bash screenshots/take-screenshots.sh
