#!/usr/bin/env bash
# Installs what EqualityKit needs on Debian 12 and fetches the sources the web build compiles.
# Idempotent: a second run installs nothing and downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache git ca-certificates dpkg-dev python3
  nlohmann-json3-dev libexpected-dev libcpp-httplib-dev doctest-dev libcli11-dev
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  emscripten
  libssl-dev libsodium-dev libminizip-dev zlib1g-dev
  clang-14 libclang-rt-14-dev clang-format
  xvfb xauth imagemagick xdotool chromium fonts-liberation
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Dear ImGui's sources for the web build, from Debian's source package (never committed).
imgui_dir=third_party/imgui-1.86+ds
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  src_list=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$src_list" ] && ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "setup: enabling Debian source packages"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$src_list" >/dev/null
    as_root apt-get update
  fi
  mkdir -p third_party
  (cd third_party && apt-get source imgui)
fi

# Browser-test tooling from the npm registry, pinned by package-lock.json.
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
