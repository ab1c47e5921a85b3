#!/usr/bin/env bash
# Configures (first time only) and builds the native tree (build/) and the web build (build-wasm/).
# Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc needs Debian's acorn (toolchain.md G1)

cmake --preset native >/dev/null   # re-applies the preset; quick when nothing changed
cmake --build build -j2
cmake --preset wasm >/dev/null
cmake --build build-wasm -j2
