#!/usr/bin/env bash
# The web build's WRES import against the native build's, 100,000 staff, measured in the same run.
#
#   [WASM_BUILD=build-wasm] bench/wres_web_bench.sh [BUILD_DIR] [RUNS] [THINK_MS]
#   (defaults: build-bench, 5, 2000; bench/wres_bench.sh runs it after the national figures)
#
# RUNS rounds, each of them, one after another: native, bench/wres_import_time (BUILD_DIR, the
# native preset's flags) reading the synthetic files into counts, five times in a fresh process,
# the first after a pause of THINK_MS as a user of the desktop app checks the columns;
# web, what ships, the accessible face of the web build in WASM_BUILD (web/index.html over
# eqkit-core.wasm, as built) in a fresh page of Chromium (bench/wres_web_time.mjs): THINK_MS after
# the page is usable the files are picked, their columns shown for THINK_MS and taken as
# proposed, and "Import the files" pressed, as a user does, timed from the import page opening
# to the import report opening; then the same in a page kept from warming up. Both time the
# import alone (files into counts; the indicators after it take under a millisecond).
#   first import   the first of a fresh process; a user's first import in a fresh page, with the
#                  page's idle-time warm-up (eqkit/workforce_warm_up.hpp) done or not, as it was
#   later import   the best later one: of the process's other four, of three more in the page
#   no warm-up     a fresh page's first import with idle callbacks taken away, so no warm-up
# Reported: the best of the rounds for each, and the median of the rounds' web/native ratios
# (native and web of one round ran seconds apart, so on a machine in the same state).
# EQKIT_BENCH_VERBOSE=1 also prints each round's line (as above) on standard error.
# Goal (issue 10): the web build within 2x of native. The machine is shared: run it under
# `chrt -f 50` when others are busy, and compare only figures from the same run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")
runs=${2:-5}
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

# One native process: "first later", the import's milliseconds in round 0 and the best later round.
native_once() {
  "$build/bin/wres_import_time" "$root/plugins/wres/indicators.json" "$work/data" 5 "$think" |
    awk '{ match($0, /import [0-9.]+ ms/); t[NR] = substr($0, RSTART + 7, RLENGTH - 10) + 0 }
      END { b = t[2]; for (i = 3; i <= NR; i++) if (t[i] < b) b = t[i]; print t[1], b }'
}
# One fresh page: "first later idle" (bench/wres_web_time.mjs).
web_once() { (cd "$root/bench" && node wres_web_time.mjs "$wasm/web" "$work/data" 1 "$think"); }
# The machine is shared and its speed changes from one second to the next, so native and web
# take turns: each round is a native process, a page and a page without the warm-up, close in
# time. A line per round: "native_first native_later web_first web_later idle cold_first".
rounds=$(for ((i = 0; i < runs; i++)); do
  # $(...) waits for each to exit: under chrt -f overlapping browsers can starve each other.
  native=$(native_once)
  web=$(web_once)
  cold=$(EQKIT_NO_WARM_UP=1 web_once)
  read -r nf nl <<<"$native"
  read -r wf wl idle <<<"$web"
  read -r cf _ _ <<<"$cold"
  echo "$nf $nl $wf $wl $idle $cf"
done)
# The best of column $1 over the rounds; the median over the rounds of column $1 / column $2.
best() { echo "$rounds" | awk -v c="$1" 'NR == 1 || $c < b { b = $c } END { print b }'; }
median_ratio() {
  echo "$rounds" | awk -v a="$1" -v b="$2" '{ print $a / $b }' | sort -g |
    awk '{ r[NR] = $1 } END { print (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2) }'
}
[ -n "${EQKIT_BENCH_VERBOSE:-}" ] && echo "$rounds" >&2
native_first=$(best 1)
native_later=$(best 2)
web_first=$(best 3)
web_later=$(best 4)
cold_first=$(best 6)
idle=$(echo "$rounds" | awk '{ print $5 }' | sort -n | tail -1)
ratio() { echo "$1 / $2" | bc -l; }
mib=$(($(cat "$work/data"/{staff,recruitment,disciplinary,training,board}.csv | wc -c) / 1048576))
printf 'web build in Chromium %s against native, 100000 staff (%d MiB of CSV), the import, %d rounds:\n' \
  "$(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')" "$mib" "$runs"
printf '  web: the accessible face as built, a fresh page, the files imported through its pages %s ms\n' "$think"
printf '  after it was usable (its idle-time warm-up had last run %s ms after that)\n' "$idle"
printf '                            best of the rounds                 median of each round'"'"'s web/native\n'
printf '  first import:             native %5.0f ms, web %5.0f ms (%.1fx)   %.1fx\n' \
  "$native_first" "$web_first" "$(ratio "$web_first" "$native_first")" "$(median_ratio 3 1)"
printf '  a later import:           native %5.0f ms, web %5.0f ms (%.1fx)   %.1fx\n' \
  "$native_later" "$web_later" "$(ratio "$web_later" "$native_later")" "$(median_ratio 4 2)"
printf '  first import, no warm-up:                  web %5.0f ms (%.1fx)   %.1fx\n' \
  "$cold_first" "$(ratio "$cold_first" "$native_first")" "$(median_ratio 6 1)"
