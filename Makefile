# Discount Lab — `make serve` and `make test` install what is missing, then build / test.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_BINDGEN_VERSION := 0.2.130
TRUNK_VERSION := 0.21.14
WASM_TARGET := wasm32-unknown-unknown

.PHONY: all tools browser node-deps dist serve test test-native test-wasm test-e2e bench bench-browser lint fmt clean

all: dist

## Toolchain: the wasm target, wasm-bindgen CLI (matching the crate exactly) and Trunk.
tools:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)$$" \
		|| cargo install trunk --version $(TRUNK_VERSION) --locked

## Debian's Chromium and ChromeDriver for the browser tiers.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y chromium chromium-driver; \
	fi

## playwright-core (drives the system Chromium; never downloads a browser).
node-deps:
	@[ -f node_modules/playwright-core/package.json ] || npm ci --no-audit --no-fund

dist: tools
	trunk build --release

serve: tools
	trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload

test: test-native test-wasm test-e2e

test-native:
	cargo test

test-wasm: tools browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
		cargo test --target $(WASM_TARGET) --features ui --test browser

test-e2e: dist browser node-deps
	node --test --test-concurrency=1 tests/e2e/

bench:
	cargo bench --bench similarity
	cargo bench --bench strategies

bench-browser: dist browser node-deps
	node tests/e2e/bench-browser.mjs

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --features ui --lib --bins --test browser -- -D warnings

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf dist
