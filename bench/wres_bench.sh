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
# web build against the native one on 100,000 staff (bench/wres_web_bench.sh; goal: within 2x).
# Needs GNU time (apt-get install time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-$root/build-bench}")
# Absolute: the web bench at the end runs from another folder.
if [ -n "${WASM_BUILD:-}" ]; then
  WASM_BUILD=$(realpath -m "$WASM_BUILD")
  export WASM_BUILD
fi
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
"$root/bench/wres_web_bench.sh" "$build" "$runs"
