#!/usr/bin/env bash
# Builds everything with warnings as errors and runs every test: unit, CLI, server, UI,
# fuzz-corpus replay, browser tests against the real web build, and the core under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
scripts/build.sh
cmake --preset asan >/dev/null
cmake --build build-asan -j2
ctest --test-dir build-asan --output-on-failure -j2
ctest --test-dir build --output-on-failure -j2
