#!/usr/bin/env bash
# Configures (first time only) and builds the native tree (build/) and the web build (build-wasm/).
# Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc needs Debian's acorn (toolchain.md G1)

[ -f build/build.ninja ] || cmake --preset native
cmake --build build -j2
[ -f build-wasm/build.ninja ] || cmake --preset wasm
cmake --build build-wasm -j2
