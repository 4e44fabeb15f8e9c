# Northstar. The README promises two commands on a fresh Debian 12 machine:
#   make run    install what is missing, build, open the window on the workspace (demo on first run)
#   make test   install what is missing, then every check and test, end-to-end ones under Xvfb
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# A target dir outside the clone survives fresh clones, so CI is not a cold build every time.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/northstar/target
export CARGO_TERM_COLOR ?= never
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(HOME)/.cargo/bin
TAURI_DRIVER := $(CARGO_BIN)/tauri-driver
APT_PACKAGES := build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev \
	libayatana-appindicator3-dev librsvg2-dev libxdo-dev xvfb xauth x11-utils python3-xlib \
	webkit2gtk-driver dbus dbus-x11 poppler-utils qpdf fonts-dejavu-core hyperfine \
	python3-icalendar
# Two programs, side by side: `northstar` (the command line: the core only, no GTK or WebKit) and
# `northstar-window`, which `northstar` alone execs. APP is what a user runs.
APP := $(CARGO_TARGET_DIR)/debug/northstar
RELEASE_CLI := $(CARGO_TARGET_DIR)/release/northstar

.PHONY: help setup deps-apt deps-tools ui-deps ui-build app run test lint fmt check-rust \
	test-rust test-ui bindings build package bench screenshot clean

help:
	@echo "make run     build and open Northstar (installs what is missing)"
	@echo "make test    every check and test, end to end under Xvfb included"
	@echo "make build   the release programs, northstar and northstar-window (path printed last)"
	@echo "make package a .deb of both programs, checked by desktop-file-validate, appstreamcli, lintian"
	@echo "make lint    rustfmt, clippy and the UI type check"
	@echo "make bench   benchmarks (not part of make test)"

setup: deps-apt deps-tools ui-deps

# Only the Debian packages that are missing are installed (apt-get update once, first).
deps-apt:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# tauri-driver 2.x (its newest release is a 3.0 alpha, which we do not want).
deps-tools:
	@[ -x "$(TAURI_DRIVER)" ] || cargo install tauri-driver --version '^2' --locked
	@command -v npm >/dev/null || { echo "Node.js 20+ and npm are needed: apt-get install nodejs npm"; exit 1; }

ui-deps: ui/node_modules/.installed
ui/node_modules/.installed: ui/package.json ui/package-lock.json
	npm --prefix ui ci --no-audit --no-fund
	touch $@

ui-build: ui-deps
	npm --prefix ui run build

app: ui-build
	cargo build -p northstar -p northstar-cli

run: setup app
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		echo "No display here. Run it headless with: xvfb-run -a $(APP)"; exit 1; fi
	$(APP)

test: setup lint test-ui test-rust
	@echo "make test: all checks passed"

lint: ui-build
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	npm --prefix ui run check

fmt:
	cargo fmt --all

test-ui: ui-deps
	npm --prefix ui test

# The app is built first: the end-to-end tests drive that binary in a real window under Xvfb.
test-rust: app
	xvfb-run -a -s "-screen 0 1280x900x24" cargo test --workspace

bindings:
	UPDATE_BINDINGS=1 cargo test -p northstar typescript_bindings_are_up_to_date

build: setup ui-build
	cargo build --release -p northstar -p northstar-cli --features northstar/custom-protocol
	@echo "$(RELEASE_CLI)"

# Issue 12: a .deb made by the Tauri bundler (npm's @tauri-apps/cli, in ui/) from the release
# build: the window as the bundle's main binary with its desktop entry and icons, the command line
# beside it as /usr/bin/northstar, AppStream metainfo, copyright and changelog. What only this
# build knows (target paths, the maintainer, the libc version) comes from deb_config.py as a
# second config. Programs in a package are stripped (lintian), so the release ones are, in place.
# tests/it/package.rs then checks the contents and runs desktop-file-validate, appstreamcli and
# lintian on it.
PACKAGE_TOOLS := desktop-file-utils appstream lintian
TARGET_ABS := $(abspath $(CARGO_TARGET_DIR))
DEB_DIR := $(TARGET_ABS)/release/bundle/deb

package: build
	@$(MAKE) --no-print-directory deps-apt APT_PACKAGES="$(PACKAGE_TOOLS)"
	strip --strip-unneeded --remove-section=.comment --remove-section=.note \
		$(TARGET_ABS)/release/northstar $(TARGET_ABS)/release/northstar-window
	python3 src-tauri/packaging/deb_config.py $(TARGET_ABS) > $(TARGET_ABS)/deb.conf.json
	rm -rf $(DEB_DIR)
	cd src-tauri && ../ui/node_modules/.bin/tauri bundle --ci --bundles deb --features custom-protocol \
		--config packaging/deb.conf.json --config $(TARGET_ABS)/deb.conf.json
	NORTHSTAR_DEB="$$(ls $(DEB_DIR)/*.deb)" cargo test -p northstar-tests --test it package:: -- --nocapture
	@ls $(DEB_DIR)/*.deb

bench: setup build
	cargo bench -p northstar-core --bench scorecard
	cargo bench -p northstar-core --bench report
	cargo bench -p northstar-core --bench alignment
	cargo bench -p northstar-core --bench risks
	cargo bench -p northstar-core --bench compliance
	cargo bench -p northstar-core --bench agenda
	cargo bench -p northstar-core --bench backup
	cargo bench -p northstar-core --bench exchange
	@# Issue 13: the command line starts in milliseconds (budget 5 ms), on a demo workspace.
	rm -rf $(CARGO_TARGET_DIR)/bench-cli-ws
	$(RELEASE_CLI) --data-dir $(CARGO_TARGET_DIR)/bench-cli-ws projects >/dev/null
	hyperfine -N --warmup 5 \
		"$(RELEASE_CLI) --version" \
		"$(RELEASE_CLI) --data-dir $(CARGO_TARGET_DIR)/bench-cli-ws projects"
	hyperfine --warmup 3 --runs 15 -N \
		"$(RELEASE_CLI) --data-dir $(CARGO_TARGET_DIR)/bench-ws export pdf 'LaunchPad – v0 Readiness' -o $(CARGO_TARGET_DIR)/bench-demo.pdf"
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/startup.sh
	@# Issue 13: against a bare Tauri 2 window (built by the script), demo and large workspaces.
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/bare.sh
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/pages.sh
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/scorecard.sh
	@# Issue 7: `reading add` as a whole process within 30 ms of `northstar projects` (a fresh demo workspace).
	rm -rf $(CARGO_TARGET_DIR)/bench-align-ws
	hyperfine --warmup 3 --runs 20 -N \
		"$(RELEASE_CLI) --data-dir $(CARGO_TARGET_DIR)/bench-align-ws projects" \
		"$(RELEASE_CLI) --data-dir $(CARGO_TARGET_DIR)/bench-align-ws reading add 'LaunchPad – v0 Readiness' 'Keep the onboarding API reliable during beta' 98.7"
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/alignment.sh
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/risks.sh
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/compliance.sh
	NORTHSTAR_BIN=$(RELEASE_CLI) bash tests/bench/tray.sh

clean:
	rm -rf ui/dist ui/node_modules
