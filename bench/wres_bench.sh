#!/usr/bin/env bash
# WRES from a national-scale synthetic workforce, against pandas and DuckDB in the same run.
#
#   [WASM_BUILD=build-wasm] bench/wres_bench.sh [BUILD_DIR] [STAFF] [RUNS]
#   (defaults: build-bench, 1500000, 3)
#
# Makes STAFF synthetic staff (bench/workforce_synth.cpp, seeded; fictional people) with matching
# recruitment, disciplinary, training, board and survey files, then computes the nine indicators
# from the CSV files with
#   eqkit wres compute    EqualityKit (native, Release build)
#   pandas                bench/wres_pandas.py on Debian's /usr/bin/python3 (python3-pandas)
#   DuckDB                bench/wres_duckdb.mjs (npm @duckdb/node-api in bench/node_modules)
# checks that all three give the same figures, and prints, best of RUNS with a warm page cache:
# wall time, CPU time, peak RSS (GNU time -v), peak RSS as a multiple of the input, and the speed
# ratios (goals: faster than DuckDB, at least 10x pandas, peak at most 1.5x the input). Then the
# web build: the same import of a 100,000-staff folder with the web build's core library (as
# it ships: its flags, its optimisation), run in a page in Chromium, against the native build
# (goal: within 2x). Needs GNU time (apt-get install time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")
staff=${2:-1500000}
runs=${3:-3}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
/usr/bin/python3 -c 'import pandas' 2>/dev/null || { echo "needs pandas: apt-get install python3-pandas" >&2; exit 2; }
[ -d "$root/bench/node_modules/@duckdb/node-api" ] || (cd "$root/bench" && npm ci --no-audit --no-fund)

if [ ! -x "$build/bin/eqkit" ] || [ ! -x "$build/bin/wres_synth" ]; then
  # The flags the desktop app and CLI ship with: the native preset's.
  (cd "$root" && cmake --preset native -B "$build" -DEQKIT_BUILD_UI=OFF -DEQKIT_BUILD_TESTS=OFF) \
    >/dev/null
  ninja -C "$build" -j2 eqkit wres_synth wres_import_time >/dev/null
fi
work=$(mktemp -d -p "${BENCH_DIR:-/tmp}" eqkit-wres-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$build/bin/wres_synth" "$work/data" "$staff" 42 >/dev/null
data=$work/data
staff_bytes=$(stat -c %s "$data/staff.csv")
input_bytes=$(cat "$data"/*.csv | wc -c)
cat "$data"/*.csv >/dev/null  # a warm page cache for everyone alike

# Runs a command RUNS times; prints "best_wall_s cpu_s_of_best peak_kib_of_best".
measure() {
  local best="" line
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.json" 2>"$work/err.txt" || {
      cat "$work/err.txt" >&2; exit 1; }
    line=$(awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
      /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
      END { printf "%.3f %.3f %d\n", w, u + s, m }' "$work/time.txt")
    if [ -z "$best" ] || awk -v a="$line" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then
      best=$line
    fi
  done
  echo "$best"
}

cd "$data"
eq=$(measure "$build/bin/eqkit" --plugins "$root/plugins" wres compute --staff staff.csv \
     --recruitment recruitment.csv --disciplinary disciplinary.csv --training training.csv \
     --board board.csv --survey survey.csv --suppress-below 0 --json -)
cp "$work/out.json" "$work/eqkit.json"
pd=$(measure /usr/bin/python3 "$root/bench/wres_pandas.py" "$data")
cp "$work/out.json" "$work/pandas.json"
dd=$(cd "$root/bench" && measure node wres_duckdb.mjs "$data")
cp "$work/out.json" "$work/duckdb.json"

# The same figures from all three (to 1e-9), or the benchmark is void.
/usr/bin/python3 - "$work" <<'PY'
import json, math, sys
w = sys.argv[1]
eq = {str(i["number"]): i["value"] for i in json.load(open(f"{w}/eqkit.json"))["indicators"]}
for name in ("pandas", "duckdb"):
    other = json.load(open(f"{w}/{name}.json"))
    for k in ("1", "2", "3", "4", "5", "6", "7", "8", "9"):
        if not math.isclose(eq[k], other[str(k)], rel_tol=1e-9, abs_tol=1e-9):
            sys.exit(f"{name} disagrees on indicator {k}: {other[str(k)]} vs eqkit {eq[k]}")
print("all three agree on indicators 1 to 9:", ", ".join(f"{k}={eq[k]:.6g}" for k in sorted(eq)))
PY

echo
echo "wres_bench: $staff staff; staff.csv $((staff_bytes / 1048576)) MiB, all inputs $((input_bytes / 1048576)) MiB; best of $runs"
printf '%-18s %9s %9s %10s %14s\n' "" "wall s" "CPU s" "peak MiB" "peak / input"
row() {
  read -r wall cpu kib <<<"$2"
  printf '%-18s %9.2f %9.2f %10.1f %13.2fx\n' "$1" "$wall" "$cpu" "$(echo "$kib / 1024" | bc -l)" \
         "$(echo "$kib * 1024 / $input_bytes" | bc -l)"
}
row "eqkit" "$eq"
row "DuckDB" "$dd"
row "pandas" "$pd"
read -r eq_wall eq_cpu _ <<<"$eq"; read -r dd_wall dd_cpu _ <<<"$dd"; read -r pd_wall pd_cpu _ <<<"$pd"
printf 'eqkit is %.1fx faster than DuckDB (CPU %.1fx) and %.1fx faster than pandas (CPU %.1fx)\n' \
  "$(echo "$dd_wall / $eq_wall" | bc -l)" "$(echo "$dd_cpu / $eq_cpu" | bc -l)" \
  "$(echo "$pd_wall / $eq_wall" | bc -l)" "$(echo "$pd_cpu / $eq_cpu" | bc -l)"

# ---- the web build against the native one, 100,000 staff -----------------------------------
# What ships: bench/wres_import_time.cpp linked against the web build's own core library
# (WASM_BUILD, a tree configured with the wasm preset and built), so its code is compiled with
# the web build's flags, run where users run it: a page in Chromium (bench/wres_web_time.mjs).
wasm=$(realpath -m "${WASM_BUILD:-$root/build-wasm}")
if ! command -v em++ >/dev/null || [ ! -e "$wasm/core/libeqkit_core.a" ]; then
  echo "web build: skipped (no em++, or no web build in $wasm: set WASM_BUILD)"
  exit 0
fi
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # toolchain.md G1
web=$work/web
mkdir -p "$web"
"$build/bin/wres_synth" "$work/small" 100000 7 >/dev/null
cache() { sed -n "s/^$1:[A-Z]*=//p" "$wasm/CMakeCache.txt"; }
src=$(cache CMAKE_HOME_DIRECTORY)
# -msimd128 and the inlining limit: CMakeLists.txt adds them to every web build object and link.
# The files are preloaded into the page's memory file system, as the web app holds the files a
# user picks.
(cd "$work" && em++ $(cache CMAKE_CXX_FLAGS_RELEASE) -msimd128 -std=c++20 -DJSON_NOEXCEPTION \
     -I"$src/core/include" -isystem "$wasm/hostinc" "$src/bench/wres_import_time.cpp" \
     "$wasm/core/libeqkit_core.a" -sALLOW_MEMORY_GROWTH=1 -sDISABLE_EXCEPTION_CATCHING=1 \
     -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=200 \
     -sINVOKE_RUN=0 -sEXPORTED_RUNTIME_METHODS=callMain --preload-file small@/small \
     --preload-file "$root/plugins/wres/indicators.json@/indicators.json" -o "$web/bench.js")
cat >"$web/index.html" <<'HTML'
<!doctype html><html lang="en"><title>wres_import_time</title>
<script>
  window.lines = [];
  var Module = {
    print: (text) => window.lines.push(text),
    printErr: (text) => window.lines.push(text),
    onRuntimeInitialized: () => setTimeout(() => {
      const rounds = new URLSearchParams(location.search).get('rounds') || '5';
      Module.callMain(['/indicators.json', '/small', rounds]);
      window.finished = true;
    }),
  };
</script><script src="bench.js"></script></html>
HTML
# In-program milliseconds for the import and the nine indicators: round 0 in a fresh process or
# page (cold: the JavaScript engine is still compiling the web build), and the best later round
# (warm: a second import in the same page). Best of RUNS processes or pages of 5 rounds each.
best_of() { awk '{ if (NR == 1 || $1 < c) c = $1; if (NR == 1 || $2 < w) w = $2 } END { print c, w }'; }
native_times() {
  for ((i = 0; i < runs; i++)); do
    "$build/bin/wres_import_time" "$root/plugins/wres/indicators.json" "$work/small" 5 |
      awk '{ gsub("ms", "", $3); t[NR] = $3 }
        END { b = t[2]; for (i = 3; i <= NR; i++) if (t[i] < b) b = t[i]; print t[1], b }'
  done
}
read -r native_cold native_warm < <(native_times | best_of)
read -r web_cold web_warm < <(cd "$root/bench" && node wres_web_time.mjs "$web" 5 "$runs" | best_of)
mib=$(($(cat "$work/small"/*.csv | wc -c) / 1048576))
printf 'web build in Chromium %s, 100000 staff (%d MiB of CSV), import and indicators:\n' \
  "$(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')" "$mib"
printf '  first import in a fresh process or page: native %.0f ms, web %.0f ms (%.1fx)\n' \
  "$native_cold" "$web_cold" "$(echo "$web_cold / $native_cold" | bc -l)"
printf '  a later import in the same process or page: native %.0f ms, web %.0f ms (%.1fx)\n' \
  "$native_warm" "$web_warm" "$(echo "$web_warm / $native_warm" | bc -l)"
