#!/usr/bin/env bash
# Desktop smoke test and screenshots: starts eqkit-desktop under Xvfb, drives it with the
# keyboard (xdotool), screenshots each step into OUT_DIR, and checks that it renders, starts an
# EDS 2022 assessment with Enter, scores with a key press, asks "Save changes?" on Ctrl+Q and
# exits cleanly after Discard.
#   desktop_smoke.sh APP PLUGINS_DIR OUT_DIR
set -euo pipefail
app=$(realpath "$1") plugins=$(realpath "$2") out=$(realpath -m "$3")
if [ "${EQKIT_INSIDE_XVFB:-}" != 1 ]; then
  for tool in xvfb-run xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (scripts/setup.sh)"; exit 1; }
  done
  mkdir -p "$out"
  export EQKIT_INSIDE_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

fail() { echo "FAIL: $*"; cat "$work/log"; exit 1; }
shot() {  # name: screenshot the whole screen and check it is not blank
  import -window root "$out/$1.png"
  local spread
  spread=$(convert "$out/$1.png" -colorspace Gray -format "%[fx:standard_deviation]" info:)
  echo "screenshot $out/$1.png (grey spread $spread)"
  awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "$1.png is blank"
}
alive() { kill -0 "$pid" 2>/dev/null || fail "eqkit-desktop exited early ($1)"; }

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
XDG_CONFIG_HOME="$work/config" "$app" --plugins "$plugins" --library "$work/library" > "$work/log" 2>&1 &
pid=$!
wid=""
for _ in $(seq 50); do
  wid=$(xdotool search --name '^EqualityKit' 2>/dev/null | head -1 || true)
  [ -n "$wid" ] && break
  sleep 0.2
done
[ -n "$wid" ] || { cat "$work/log"; fail "no EqualityKit window appeared"; }
sleep 1.5
alive "start"
shot desktop-1-picker
xdotool windowfocus --sync "$wid"
xdotool key Return
sleep 1
xdotool type 2
sleep 0.5
xdotool key Down
sleep 0.5
xdotool type 3
sleep 1
alive "assess"
title=$(xdotool getwindowname "$wid")
echo "window title: $title"
[ "$title" = "EDS 2022 assessment – EqualityKit (unsaved changes)" ] || fail "unexpected title: $title"
shot desktop-2-assess
xdotool key ctrl+2
sleep 0.5
alive "evidence library"
shot desktop-5-evidence
[ -f "$work/library/workspace.json" ] || fail "the evidence library was not made in --library DIR"
xdotool key ctrl+1
sleep 0.5
xdotool key ctrl+q
sleep 1
alive "Save changes?"
shot desktop-3-save-changes
xdotool key Right
sleep 0.5
shot desktop-4-discard-focused
xdotool key space
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then fail "still running after Discard"; fi
wait "$pid" && status=0 || status=$?
[ "$status" = 0 ] || { cat "$work/log"; fail "exit status $status"; }
echo "PASS: desktop app starts, renders, scores by keyboard and closes"
