#!/usr/bin/env bash
# The web build's WRES import against the native build's, 100,000 staff, measured in the same run.
#
#   [WASM_BUILD=build-wasm] bench/wres_web_bench.sh [BUILD_DIR] [RUNS] [THINK_MS]
#   (defaults: build-bench, 3, 2000; bench/wres_bench.sh runs it after the national figures)
#
# Native: bench/wres_import_time (BUILD_DIR, the native preset's flags) reads the synthetic files
# into counts, five rounds in each of RUNS fresh processes. Web: what ships, the accessible face
# of the web build in WASM_BUILD (web/index.html over eqkit-core.wasm, as built), in RUNS fresh
# pages of Chromium (bench/wres_web_time.mjs): THINK_MS after the page is usable, the files are
# picked, their columns shown for THINK_MS and taken as proposed, and "Import the files" pressed,
# as a user does; timed from the import page opening to the import report opening. Both time the import alone (files
# into counts; the indicators after it take under a millisecond). Reported, best of RUNS:
#   first import   round 0 of a fresh process; a user's first import in a fresh page, with the
#                  page's idle-time warm-up (eqkit/workforce_warm_up.hpp) done or not, as it was
#   later import   the best later round; the best of three more imports in the same page
#   no warm-up     a fresh page's first import with idle callbacks taken away, so no warm-up
# Goal (issue 10): the web build within 2x of native. The machine is shared: run it under
# `chrt -f 50` when others are busy, and compare only figures from the same run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")
runs=${2:-3}
think=${3:-2000}
wasm=$(realpath -m "${WASM_BUILD:-$root/build-wasm}")
if [ ! -e "$wasm/web/eqkit-core.wasm" ] || [ ! -e "$wasm/web/index.html" ]; then
  echo "web build: skipped (no web build in $wasm: set WASM_BUILD)"
  exit 0
fi
if [ ! -x "$build/bin/wres_import_time" ] || [ ! -x "$build/bin/wres_synth" ]; then
  (cd "$root" && cmake --preset native -B "$build" -DEQKIT_BUILD_UI=OFF -DEQKIT_BUILD_TESTS=OFF) \
    >/dev/null
  ninja -C "$build" -j2 wres_synth wres_import_time >/dev/null
fi
work=$(mktemp -d -p "${BENCH_DIR:-/tmp}" eqkit-wres-web-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$build/bin/wres_synth" "$work/data" 100000 7 >/dev/null
cat "$work/data"/*.csv >/dev/null  # a warm page cache for both

# Prints "first later" per process: the import's milliseconds in round 0 and the best later round.
native_times() {
  for ((i = 0; i < runs; i++)); do
    "$build/bin/wres_import_time" "$root/plugins/wres/indicators.json" "$work/data" 5 |
      awk '{ match($0, /import [0-9.]+ ms/); t[NR] = substr($0, RSTART + 7, RLENGTH - 10) + 0 }
        END { b = t[2]; for (i = 3; i <= NR; i++) if (t[i] < b) b = t[i]; print t[1], b }'
  done
}
# The best of each column of "first later [idle]" lines.
best_of() {
  awk '{ for (i = 1; i <= NF; i++) if (NR == 1 || $i < b[i]) b[i] = $i }
       END { for (i = 1; i <= NF; i++) printf "%s%s", b[i], (i < NF ? " " : "\n") }'
}
read -r native_first native_later < <(native_times | best_of)
web_lines=$(cd "$root/bench" && node wres_web_time.mjs "$wasm/web" "$work/data" "$runs" "$think")
read -r web_first web_later _ < <(echo "$web_lines" | best_of)
idle=$(echo "$web_lines" | awk '{ print $3 }' | sort -n | tail -1)
read -r cold_first _ < <(cd "$root/bench" &&
  EQKIT_NO_WARM_UP=1 node wres_web_time.mjs "$wasm/web" "$work/data" "$runs" "$think" | best_of)

ratio() { echo "$1 / $2" | bc -l; }
mib=$(($(cat "$work/data"/{staff,recruitment,disciplinary,training,board}.csv | wc -c) / 1048576))
printf 'web build in Chromium %s against native, 100000 staff (%d MiB of CSV), the import, best of %d:\n' \
  "$(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')" "$mib" "$runs"
printf '  web: the accessible face as built, a fresh page, the files imported through its pages %s ms\n' "$think"
printf '  after it was usable (its idle-time warm-up had last run %s ms after that)\n' "$idle"
printf '  first import:             native %5.0f ms, web %5.0f ms (%.1fx)\n' \
  "$native_first" "$web_first" "$(ratio "$web_first" "$native_first")"
printf '  a later import:           native %5.0f ms, web %5.0f ms (%.1fx)\n' \
  "$native_later" "$web_later" "$(ratio "$web_later" "$native_later")"
printf '  first import, no warm-up:                  web %5.0f ms (%.1fx)\n' \
  "$cold_first" "$(ratio "$cold_first" "$native_first")"
