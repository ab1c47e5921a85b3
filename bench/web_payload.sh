#!/usr/bin/env bash
# Web build payload and time to first frame in headless Chromium, as ratios against a bare
# Dear ImGui app (bench/web/baseline_main.cpp) built the same way in the same run.
# Needs the web build (cmake --preset wasm && cmake --build build-wasm) and build/bin/eqkit-server.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
[ -f build-bench-web/build.ninja ] || emcmake cmake -S bench/web -B build-bench-web -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null
cmake --build build-bench-web -j2 >/dev/null

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
serve() {  # serve ROOT: starts eqkit-server on a free port; sets URL to its address
  local log
  log=$(mktemp)
  build/bin/eqkit-server --port 0 --root "$1" --quiet >"$log" &
  pids+=($!)
  until [ -s "$log" ]; do sleep 0.1; done
  URL=$(head -1 "$log" | awk '{print $NF}')
}
serve build-wasm/web; app_url=$URL
serve build-bench-web; base_url=$URL

node bench/web_first_frame.mjs "$(cat <<JSON
[{"name": "Dear ImGui bare app (baseline)", "url": "${base_url}", "ready": "eqkit_ready"},
 {"name": "EqualityKit canvas app", "url": "${app_url}app.html", "ready": "eqkit_ready"},
 {"name": "EqualityKit accessible face", "url": "${app_url}", "ready": "eqkit_accessible_ready"}]
JSON
)"
