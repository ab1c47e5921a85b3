#!/usr/bin/env bash
# Evidence pack throughput against the hardware's hashing speed, measured in the same run.
#
#   bench/pack_throughput.sh [EQKIT] [MIB] [FILES]   (defaults: build/bin/eqkit, 1024, 1000)
#
# Makes MIB MiB of random (incompressible, like PDFs and photos) evidence in FILES files, adds
# them to a workspace, then times, over the same bytes with a warm page cache, best of 3:
#   openssl dgst -sha256   the baseline: the CPU's SHA-256 speed
#   sha256sum, zip -0      for comparison (zip only when installed)
#   eqkit pack export      reuses the hashes taken when the evidence was added
#   eqkit pack verify      hashes every file again
# and prints throughput as a ratio to openssl (goal: at least 0.9) with peak RSS from
# /usr/bin/time -v (goal: under 64 MiB, and not growing with the pack: the same export and
# verify are also measured on the first tenth of the files). Needs GNU time (apt-get install time).
set -euo pipefail
eqkit=$(realpath "${1:-$(dirname "$0")/../build/bin/eqkit}")
mib=${2:-1024}
files=${3:-1000}
work=$(mktemp -d -p "${BENCH_DIR:-/tmp}" eqkit-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

echo "pack_throughput: $mib MiB in $files files, in $work"
# Sizes vary from half to one and a half times the mean, and add up to the total exactly.
python3 - "$mib" "$files" <<'PY'
import os, sys
total, files = int(sys.argv[1]) << 20, int(sys.argv[2])
mean = total // files
sizes = [mean + (1 if i % 2 == 0 else -1) * (mean * ((i // 2) % 7)) // 14 for i in range(files)]
sizes[-1] += total - sum(sizes)
os.mkdir("in")
for i, size in enumerate(sizes):
    with open(f"in/evidence-{i:04d}.bin", "wb") as f:
        while size > 0:
            f.write(os.urandom(min(size, 1 << 20)))
            size -= min(size, 1 << 20)
PY
bytes=$(du -cb in/* | tail -1 | cut -f1)

"$eqkit" workspace new ws >/dev/null
"$eqkit" assess new --framework eds2022 --workspace ws >/dev/null
"$eqkit" workspace new small >/dev/null
start=$(date +%s.%N)
n=0
for f in in/*; do
  "$eqkit" evidence add ws "$f" --title "$(basename "$f")" --item eds2022:1A --added-by bench >/dev/null
  if ((n < files / 10)); then
    "$eqkit" evidence add small "$f" --title "$(basename "$f")" --added-by bench >/dev/null
  fi
  n=$((n + 1))
done
added=$(echo "$(date +%s.%N) - $start" | bc)
blobs=(ws/evidence/sha256/*)
cat "${blobs[@]}" >/dev/null  # warm the page cache for everyone alike

# Runs a command 3 times; prints "best_seconds peak_rss_kib cpu_seconds_of_best". The file it
# writes (or "-") is removed before each run, outside the timing, as for every writer alike.
measure() {
  local output=$1 best="" rss=0 cpu=""
  shift
  for _ in 1 2 3; do
    [ "$output" = "-" ] || rm -f "$output"
    /usr/bin/time -v -o time.txt "$@" >/dev/null 2>err.txt || { cat err.txt >&2; return 1; }
    local s r c
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); t=0; for(i=1;i<=n;i++) t=t*60+p[i]; print t}' time.txt)
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' time.txt)
    c=$(awk -F': ' '/User time|System time/ {t+=$2} END {print t}' time.txt)
    if [ -z "$best" ] || (($(echo "$s < $best" | bc))); then best=$s cpu=$c; fi
    ((r > rss)) && rss=$r
  done
  echo "$best $rss $cpu"
}

row() {  # name seconds rss cpu
  local mibs ratio
  mibs=$(echo "scale=0; $bytes / 1048576 / $2" | bc)
  ratio=$(echo "scale=2; $baseline / $2" | bc)
  printf '  %-34s %6.2f s %6s MiB/s %5s x openssl  CPU %5.2f s  peak RSS %4d MiB\n' \
    "$1" "$2" "$mibs" "$ratio" "$4" $(($3 / 1024))
}

read -r baseline base_rss base_cpu < <(measure - openssl dgst -sha256 "${blobs[@]}")
cpu=$base_cpu
echo
echo "Same $bytes bytes, warm page cache, best of 3 (ratio = openssl time / this time);" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
row "openssl dgst -sha256 (baseline)" "$baseline" "$base_rss" "$cpu"
read -r s r cpu < <(measure - sha256sum "${blobs[@]}"); row "sha256sum" "$s" "$r" "$cpu"
if command -v zip >/dev/null; then
  read -r s r cpu < <(measure out.zip zip -0 -q out.zip "${blobs[@]}")
  row "zip -0 (store; CRC-32, no SHA-256)" "$s" "$r" "$cpu"
fi
read -r export_s export_rss export_cpu < <(measure pack.zip "$eqkit" pack export ws --out pack.zip)
row "eqkit pack export" "$export_s" "$export_rss" "$export_cpu"
read -r verify_s verify_rss verify_cpu < <(measure - "$eqkit" pack verify pack.zip)
row "eqkit pack verify" "$verify_s" "$verify_rss" "$verify_cpu"
"$eqkit" pack verify pack.zip | head -1

read -r _ small_export_rss _ < <(measure small.zip "$eqkit" pack export small --out small.zip)
read -r _ small_verify_rss _ < <(measure - "$eqkit" pack verify small.zip)
echo
echo "Peak RSS for a pack of $(ls small/evidence/sha256 | wc -l) files ($(du -b small.zip | cut -f1) bytes):" \
  "export $((small_export_rss / 1024)) MiB, verify $((small_verify_rss / 1024)) MiB" \
  "(the full pack: $((export_rss / 1024)) and $((verify_rss / 1024)) MiB)"
echo "Adding the $files files one by one (eqkit evidence add, each hashed and flushed to disk):" \
  "${added} s"
echo
echo "Ratios: export $(echo "scale=2; $baseline / $export_s" | bc) x, verify" \
  "$(echo "scale=2; $baseline / $verify_s" | bc) x openssl dgst -sha256 (goal: 0.9 or more);" \
  "peak RSS export $((export_rss / 1024)) MiB, verify $((verify_rss / 1024)) MiB (goal: under 64)"
# On a busy machine wall times measure the contention as much as the work: the CPU time each
# spent is the steadier comparison (verify hashes on a second thread, so its CPU time includes
# the hand-over).
echo "CPU time ratios (openssl's CPU seconds / each one's): export" \
  "$(echo "scale=2; $base_cpu / $export_cpu" | bc) x, verify" \
  "$(echo "scale=2; $base_cpu / $verify_cpu" | bc) x"
