#!/usr/bin/env bash
# Kills eqkit with SIGKILL at random moments while it saves a workspace, KILLS times, and checks
# after every kill that the workspace still loads and that every stored evidence file is whole.
#
#   bench/kill_during_save.sh [KILLS] [EQKIT]     (defaults: 200, build/bin/eqkit)
#
# The saves killed are `eqkit evidence add` of files up to 4 MiB (copy, hash, fsync, rename,
# then workspace.json), `eqkit assess set` (assessment file) and `eqkit pack import` (evidence
# files, an assessment file, then workspace.json). A kill must leave the old state
# or the new one: `eqkit evidence list` exits 0, each evidence file is stored under its SHA-256,
# and nothing half-written carries a real name. ctest runs a short version (30 kills).
set -euo pipefail
kills=${1:-200}
eqkit=$(realpath "${2:-$(dirname "$0")/../build/bin/eqkit}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "kill_during_save: FAILED after kill $1: $2" >&2
  exit 1
}

"$eqkit" workspace new ws >/dev/null
"$eqkit" assess new --framework eds2022 --workspace ws >/dev/null
# A pack to import again and again: every import adds a renamed copy of its assessment.
"$eqkit" workspace new source >/dev/null
"$eqkit" assess new --framework freda --workspace source >/dev/null
head -c 3000000 /dev/urandom >source.bin
"$eqkit" evidence add source source.bin --title "From the pack" --item freda:F --added-by bench >/dev/null
"$eqkit" pack export source --out source.zip >/dev/null

landed=0
for ((i = 1; i <= kills; i++)); do
  if ((i % 5 == 0)); then
    "$eqkit" pack import source.zip --into ws >/dev/null 2>&1 &
  elif ((i % 4 == 0)); then
    "$eqkit" assess set ws/assessments/eds2022.json 1A --score $((RANDOM % 4)) \
      --note "kill $i: $(head -c 3000 /dev/urandom | base64 -w0)" >/dev/null 2>&1 &
  else
    head -c $((RANDOM * 128)) /dev/urandom >"file$i.bin"
    "$eqkit" evidence add ws "file$i.bin" --title "Kill $i" --item eds2022:1A \
      --added-by bench >/dev/null 2>&1 &
  fi
  pid=$!
  sleep "$(printf '0.%03d' $((RANDOM % 40)))"
  if kill -9 "$pid" 2>/dev/null; then landed=$((landed + 1)); fi
  wait "$pid" 2>/dev/null || true
  rm -f "file$i.bin"

  "$eqkit" evidence list ws --json >list.json 2>err.txt || fail "$i" "the workspace does not load: $(cat err.txt)"
  "$eqkit" assess score ws/assessments/eds2022.json >/dev/null 2>err.txt ||
    fail "$i" "the assessment does not load: $(cat err.txt)"
  for blob in ws/evidence/sha256/*; do
    [ -e "$blob" ] || continue
    name=$(basename "$blob")
    sum=$(sha256sum "$blob" | cut -d' ' -f1)
    [ "$name" = "$sum" ] || fail "$i" "evidence/sha256/$name holds different content ($sum)"
  done
  python3 - "$i" <<'PY' || fail "$i" "an evidence file listed in workspace.json is missing"
import json, os, sys
listed = json.load(open("list.json"))["evidence"]
for e in listed:
    if e["kind"] == "file":
        path = os.path.join("ws/evidence/sha256", e["sha256"])
        if not os.path.isfile(path) or os.path.getsize(path) != e["size"]:
            sys.exit(1)
PY
done
pieces=$(python3 -c 'import json; print(len(json.load(open("list.json"))["evidence"]))')
echo "kill_during_save: $kills kills ($landed while eqkit was still saving); the workspace loaded" \
  "after every one ($pieces pieces of evidence saved in the end)"
