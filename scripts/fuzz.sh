#!/usr/bin/env bash
# Fuzzes each parser with libFuzzer (clang, ASan + UBSan) for SECONDS (default 60) each.
# New crashers land in tests/fuzz/corpus/<target>/ so ctest replays them from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DEQKIT_BUILD_UI=OFF -DEQKIT_FUZZ=ON -DEQKIT_SANITIZE=ON >/dev/null
ninja -C build-fuzz fuzz_framework fuzz_assessment fuzz_pack fuzz_manifest fuzz_csv fuzz_counts
for target in framework assessment pack manifest csv counts; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/$target/* "$work"/
  echo "fuzzing $target for ${seconds}s"
  build-fuzz/bin/fuzz_$target -max_total_time="$seconds" -artifact_prefix=tests/fuzz/corpus/$target/crash- \
    "$work" tests/fuzz/corpus/$target
  rm -rf "$work"
done
