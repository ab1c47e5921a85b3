#!/usr/bin/env bash
# The web build's evidence pack export against the native one, on the same workspace, in the
# same run (issue #9: "the web build's export of a 100 MiB pack within 3x the native time").
#
#   bench/pack_web_export.sh [NATIVE_BUILD] [WASM_BUILD] [MIB] [FILES]
#     defaults: build, build-wasm, 100, 100
#
# Both sides run bench/pack_export_time.cpp, which calls eqkit::LibraryApi::export_pack as the
# web faces do: natively from NATIVE_BUILD/bin, and compiled by em++ against WASM_BUILD's
# libraries (eqkit_evidence with libsodium and zlib/minizip from Debian's sources, -O2 as
# shipped) and run by node with NODERAWFS (the host's files, no browser: this measures the
# WebAssembly code, not IndexedDB). Best of 5 in-program times, warm page cache; ratio = web/native.
set -euo pipefail
root=$(realpath "$(dirname "$0")/..")
native=$(realpath "${1:-$root/build}")
wasm=$(realpath "${2:-$root/build-wasm}")
mib=${3:-100}
files=${4:-100}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # toolchain.md G1
for f in "$native/bin/eqkit" "$native/bin/pack_export_time" "$wasm/core/libeqkit_evidence.a"; do
  [ -e "$f" ] || { echo "$f is missing: build both trees first (scripts/build.sh)" >&2; exit 2; }
done
work=$(mktemp -d -p "${BENCH_DIR:-/tmp}" eqkit-web-export-XXXXXX)
trap 'rm -rf "$work"' EXIT

# The benchmark program for the web, linked like the web core (no exceptions, memory growth).
echo '{"type": "commonjs"}' >"$work/package.json"  # em++ writes CommonJS
# The headers must be those the libraries were built from: that tree's sources.
cache() { sed -n "s/^$1:[A-Z]*=//p" "$wasm/CMakeCache.txt"; }
src=$(cache CMAKE_HOME_DIRECTORY)
em++ -O2 -std=c++20 -DJSON_NOEXCEPTION -I"$src/core/include" -I"$src/plugins/include" \
     -isystem "$wasm/hostinc" "$src/bench/pack_export_time.cpp" \
     "$wasm/plugins/libeqkit_plugins.a" "$wasm/core/libeqkit_evidence.a" \
     "$wasm/core/libeqkit_core.a" "$wasm/libeqkit_minizip_lib.a" "$wasm/libeqkit_zlib.a" \
     "$(cache EQKIT_SODIUM_WASM)/lib/libsodium.a" \
     -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sWASM_ASYNC_COMPILATION=0 \
     -sDISABLE_EXCEPTION_CATCHING=1 -o "$work/pack_export_time.js"

# Random (incompressible) evidence, added through the CLI to one workspace.
python3 - "$mib" "$files" "$work/in" <<'PY'
import os, sys
total, files, out = int(sys.argv[1]) << 20, int(sys.argv[2]), sys.argv[3]
os.mkdir(out)
for i in range(files):
    size = total // files + (total % files if i == files - 1 else 0)
    with open(f"{out}/evidence-{i:04d}.bin", "wb") as f:
        f.write(os.urandom(size))
PY
"$native/bin/eqkit" workspace new "$work/ws" >/dev/null
"$native/bin/eqkit" assess new --framework eds2022 --workspace "$work/ws" >/dev/null
for f in "$work"/in/*; do
  "$native/bin/eqkit" evidence add "$work/ws" "$f" --title "$(basename "$f")" \
    --item eds2022:1A --added-by bench >/dev/null
done
cat "$work"/ws/evidence/sha256/* >/dev/null  # warm the page cache for both alike

best() {  # the smallest "export <ms> ms" of 5 rounds in one process
  "$@" 5 | awk '{ if (best == "" || $2 < best) best = $2 } END { print best }'
}
native_ms=$(best "$native/bin/pack_export_time" "$root/plugins" "$work/ws" "$work/native.zip")
web_ms=$(best node "$work/pack_export_time.js" "$root/plugins" "$work/ws" "$work/web.zip")
bytes=$(stat -c %s "$work/native.zip")
same=$(cmp -s "$work/native.zip" "$work/web.zip" && echo "byte-identical" || echo "DIFFERENT bytes")
"$native/bin/eqkit" pack verify "$work/web.zip" >/dev/null && verified="verifies" || verified="FAILS verify"
echo "Evidence pack export, $mib MiB in $files files ($bytes bytes), best of 5, warm cache;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores:"
printf '  native (%s)  %8.1f ms  %6.0f MiB/s\n' "$(basename "$native")" "$native_ms" \
  "$(echo "$bytes / 1048576 / ($native_ms / 1000)" | bc -l)"
printf '  web build (node, NODERAWFS)  %8.1f ms  %6.0f MiB/s\n' "$web_ms" \
  "$(echo "$bytes / 1048576 / ($web_ms / 1000)" | bc -l)"
printf 'Ratio web / native: %.2fx (goal: within 3x); the web pack is %s to the native one and %s.\n' \
  "$(echo "$web_ms / $native_ms" | bc -l)" "$same" "$verified"
