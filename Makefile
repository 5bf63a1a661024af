# Discount Lab — `make serve` and `make test` install what is missing, then build / test.
# Prerequisites: rustup with a Rust toolchain, Node.js (18+) and npm, and for `make test` root or sudo
# with Debian's apt (for Chromium). Every install below is skipped when its tool is already there.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
WASM := target/$(WASM_TARGET)/release/discount_lab.wasm
PORT ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all prereqs tools node browser node-deps dist serve test test-native test-wasm test-e2e test-fuzz data-summary \
	bench bench-browser lint fmt clean

all: dist

## What cannot be installed for you: say so plainly.
prereqs:
	@command -v cargo >/dev/null && command -v rustup >/dev/null \
		|| { echo "Discount Lab needs Rust through rustup (https://rustup.rs), then run make again." >&2; exit 1; }

## The wasm target and the wasm-bindgen CLI (matching the wasm-bindgen crate exactly).
tools: prereqs
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

## Node.js serves dist/ and runs the end-to-end tests (Debian's nodejs if the machine has none).
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { $(SUDO) apt-get update \
		&& DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends nodejs npm; }

## Debian's Chromium and ChromeDriver for the browser tiers (without recommended packages: 26, not 116).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive \
		$(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

## playwright-core (drives the system Chromium; never downloads a browser) and axe-core.
node-deps: node
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

## The static site: the library (engine, Yew interface, JS API) compiled once to wasm32 and bound
## into dist/pkg/, beside the page, its script, the worker, the stylesheet, the font and the embed page.
dist: tools
	cargo build --lib --release --target $(WASM_TARGET) --features ui
	rm -rf dist.tmp && mkdir -p dist.tmp/fonts
	wasm-bindgen --target web --out-dir dist.tmp/pkg $(WASM)
	cp index.html www/main.js www/worker.js www/style.css www/embed.html dist.tmp/
	cp www/fonts/lab-cjk.woff2 www/fonts/OFL.txt dist.tmp/fonts/
	rm -rf dist && mv dist.tmp dist

serve: dist node
	node www/serve.mjs dist $(PORT)

test: test-native test-wasm test-e2e
	@$(MAKE) --no-print-directory data-summary

# Tests that need MovieLens-100k (never shipped: read from ../shared) skip without it and
# record the skip in target/skipped/; this line says which, so a skip is never silent.
# DISCOUNT_LAB_REQUIRE_MOVIELENS=1 makes a missing ../shared a failure instead.
test-native:
	@rm -rf target/skipped
	cargo test
	cargo test --benches --no-run
	@$(MAKE) --no-print-directory data-summary

data-summary:
	@if [ -d target/skipped ]; then \
		echo "SKIPPED: MovieLens-100k not found at ../shared/data/ml-100k; $$(ls target/skipped | wc -l) test files ran without it: $$(ls target/skipped | tr '\n' ' ')"; \
	else echo "MovieLens-100k: found at ../shared/data/ml-100k; every test that reads it ran."; fi

# Release, so the dependencies built for `dist` are reused (a debug wasm build of Yew takes minutes).
test-wasm: tools browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
		cargo test --release --target $(WASM_TARGET) --features ui --test browser

test-e2e: dist browser node-deps
	node --test --test-concurrency=1 tests/e2e/

# A longer random-interaction run: `make test-fuzz FUZZ_ACTIONS=5000 FUZZ_SEED=7`.
test-fuzz: dist browser node-deps
	FUZZ_ACTIONS=$${FUZZ_ACTIONS:-3000} node --test tests/e2e/fuzz.test.mjs

bench:
	cargo bench --bench similarity
	cargo bench --bench strategies
	cargo bench --bench predict

bench-browser: dist browser node-deps
	node tests/e2e/bench-browser.mjs

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --features ui --lib --test browser -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf dist dist.tmp
