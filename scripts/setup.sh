#!/usr/bin/env bash
# Installs what EqualityKit needs on Debian 12 and fetches the sources the web build compiles.
# Idempotent: a second run installs nothing and downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache git ca-certificates dpkg-dev python3
  python3-jsonschema
  nlohmann-json3-dev libexpected-dev libcpp-httplib-dev doctest-dev libcli11-dev
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  emscripten autoconf automake libtool
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

# Fetches a Debian source package into third_party/ (never committed), enabling deb-src once.
fetch_source() {
  local src_list=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$src_list" ] && ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "setup: enabling Debian source packages"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$src_list" >/dev/null
    as_root apt-get update
  fi
  mkdir -p third_party
  (cd third_party && apt-get source "$1") && return 0
  # A mirror may list a security update whose files it does not hold (seen: zlib's deb12u1
  # answered 404); fall back to the other versions the index lists, newest first.
  local version
  for version in $(apt-cache showsrc "$1" | awk '/^Version:/ {print $2}' | sort -Vru); do
    echo "setup: retrying $1 at version $version"
    (cd third_party && apt-get source "$1=$version") && return 0
  done
  echo "setup: could not fetch Debian's source package $1" >&2
  return 1
}

# Dear ImGui's sources for the web build, from Debian's source package.
imgui_dir=third_party/imgui-1.86+ds
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  fetch_source imgui
fi

# Evidence packs (toolchain.md §4): CMake compiles contrib/minizip from Debian's zlib source in
# both builds, and zlib itself in the web build (cmake/Minizip.cmake); libsodium is built for
# wasm here, once, out of its source tree, into third_party/sodium-wasm (lib/, include/).
zlib_dir=third_party/zlib-1.2.13.dfsg
if [ ! -f "$zlib_dir/contrib/minizip/zip.c" ]; then
  fetch_source zlib
fi
sodium_dir=third_party/libsodium-1.0.18
sodium_wasm=$PWD/third_party/sodium-wasm
if [ ! -f "$sodium_wasm/lib/libsodium.a" ]; then
  [ -f "$sodium_dir/autogen.sh" ] || fetch_source libsodium
  echo "setup: building libsodium for WebAssembly (about a minute)"
  # Debian's source has no configure script; autogen.sh makes it (with Debian's autotools'
  # config.guess/config.sub: it would otherwise try to download newer ones).
  [ -x "$sodium_dir/configure" ] ||
    (cd "$sodium_dir" && DO_NOT_UPDATE_CONFIG_SCRIPTS=1 ./autogen.sh -s >autogen.log 2>&1)
  rm -rf third_party/sodium-wasm-build && mkdir -p third_party/sodium-wasm-build
  (cd third_party/sodium-wasm-build &&
    NODE_PATH=/usr/share/nodejs emconfigure "../libsodium-1.0.18/configure" --disable-shared \
      --enable-minimal --without-pthreads --disable-ssp --disable-asm \
      --host=wasm32-unknown-emscripten --prefix="$sodium_wasm" >configure.log &&
    NODE_PATH=/usr/share/nodejs emmake make -j2 >make.log && make install >install.log) ||
    { echo "setup: building libsodium failed; see third_party/sodium-wasm-build/*.log" >&2; exit 1; }
  rm -rf third_party/sodium-wasm-build
fi

# Browser-test tooling from the npm registry, pinned by package-lock.json.
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
