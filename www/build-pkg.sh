#!/usr/bin/env bash
# Trunk post-build hook: builds the library (js-api + ui) and binds it into $TRUNK_STAGING_DIR/pkg,
# so that any page can `import init, { mount, similarity, discounts } from './pkg/discount_lab.js'`.
set -euo pipefail
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then flag=--release; dir=release; else flag=; dir=debug; fi
cargo build --lib --target wasm32-unknown-unknown --features ui $flag
wasm-bindgen --target web --out-dir "${TRUNK_STAGING_DIR:-dist}/pkg" "target/wasm32-unknown-unknown/$dir/discount_lab.wasm"
