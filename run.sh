#!/usr/bin/env bash
# Builds EqualityKit and serves the web app on 127.0.0.1 (PORT, default 8080).
# The desktop app is build/bin/eqkit-desktop and the command line is build/bin/eqkit.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
scripts/build.sh
exec build/bin/eqkit-server --host 127.0.0.1 --port "${PORT:-8080}" --root build-wasm/web
