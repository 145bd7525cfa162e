#!/bin/bash
# Crash recovery, the way a user meets it: the real `promptmask` under Xvfb, driven with xdotool. Paint a
# brush stroke, wait for the edit journal, SIGKILL the app; start it again on the same folder, press
# Restore (Alt+R) and save (Ctrl+S). The saved mask must contain the stroke: its area must exceed, by
# most of the stroke, the area saved from a third start that is given no journal (same model, same
# prompt). Usage: gui_kill_restore.sh PROMPTMASK MODEL_BUNDLE PYTHON WORKDIR
set -u
APP=$1 MODEL=$2 PY=$3 W=$4
fail() { echo "FAIL: $*"; import -window root "$W/failure.png" 2>/dev/null; [ -n "${PID:-}" ] && kill -9 "$PID" 2>/dev/null; exit 1; }
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x900x24" bash "$0" "$@"
fi
rm -rf "$W" && mkdir -p "$W/ds" "$W/home"
export HOME=$W/home XDG_CONFIG_HOME=$W/home/.config XDG_DATA_HOME=$W/home/.local/share QT_QPA_PLATFORM=xcb
"$PY" - "$W/ds" <<'PYEOF' || fail "fixture"
import sys, PIL.Image, PIL.ImageDraw
im = PIL.Image.new("RGB", (400, 300), (235, 235, 235))
d = PIL.ImageDraw.Draw(im)
d.ellipse((40, 40, 160, 160), fill=(220, 30, 30))
d.rectangle((230, 120, 350, 240), fill=(30, 60, 220))
im.save(f"{sys.argv[1]}/scene.png")
PYEOF
JSON=$W/ds/scene.json JOURNAL=$W/ds/.promptmask/journal.json

start_app() {
  "$APP" --model "$MODEL" "$W/ds" >"$W/app$1.log" 2>&1 &
  PID=$!
  WIN=$(xdotool search --sync --onlyvisible --pid $PID --name PromptMask | head -1)
  [ -n "$WIN" ] || fail "no window"
  xdotool windowmove $WIN 0 0 windowsize --sync $WIN 1200 850 windowfocus --sync $WIN
  sleep 1  # let the layout settle before keys arrive
  # As a person does: click the canvas (above the image) so that keys go to it, not to the image filter.
  eval "$(xdotool getwindowgeometry --shell $WIN)"
  xdotool mousemove --window $WIN $((WIDTH / 2)) 100 click 1
}
save_when_ready() {  # Ctrl+S until the model has segmented and the file is written (or 60 tries)
  for _ in $(seq 60); do
    xdotool key --window $WIN ctrl+s
    sleep 1
    [ -s "$JSON" ] && return 0
  done
  fail "no $JSON after 60 saves: $(tail -5 "$W/app$1.log")"
}
area() {
  "$PY" - "$JSON" <<'PYEOF'
import json, sys, PIL.Image, PIL.ImageDraw
doc = json.load(open(sys.argv[1]))
m = PIL.Image.new("L", (doc["imageWidth"], doc["imageHeight"]), 0)
d = PIL.ImageDraw.Draw(m)
for s in doc["shapes"]:
    if s["label"] == "a red circle":
        d.polygon([tuple(p) for p in s["points"]], fill=255)
print(sum(1 for v in m.getdata() if v))
PYEOF
}

# 1. Label, paint a thick stroke far from the circle, wait for the journal, SIGKILL.
start_app 1
xdotool key --window $WIN t
sleep 0.5
xdotool type --window $WIN --delay 30 "a red circle"
xdotool key --window $WIN Return
sleep 1
xdotool mousemove --window $WIN $((WIDTH / 2)) 100 click 1  # back to the canvas, as after typing
xdotool key --window $WIN p
for _ in $(seq 6); do xdotool key --window $WIN bracketright; done  # a wider brush
# The canvas fits the 400x300 image into the middle of the window: paint across its lower left.
eval "$(xdotool getwindowgeometry --shell $WIN)"
X0=$((WIDTH / 2 - 120)) Y0=$((HEIGHT / 2 + 60))
xdotool mousemove --window $WIN $X0 $Y0 mousedown 1
for i in $(seq 1 20); do xdotool mousemove --window $WIN $((X0 + i * 6)) $((Y0 + i)); sleep 0.02; done
xdotool mouseup 1
for _ in $(seq 100); do [ -s "$JOURNAL" ] && break; sleep 0.2; done
[ -s "$JOURNAL" ] || fail "no journal after the stroke: $(tail -5 "$W/app1.log")"
grep -q '"scene.png"' "$JOURNAL" || fail "the journal does not name scene.png: $(head -c 200 "$JOURNAL")"
kill -9 $PID; wait $PID 2>/dev/null
[ ! -e "$JSON" ] || fail "the stroke was saved before the kill; nothing left to recover"

# 2. Next start: the banner offers Restore; Alt+R restores, Ctrl+S saves.
start_app 2
xdotool key --window $WIN alt+r
sleep 1
save_when_ready 2
restored=$(area)
kill -9 $PID; wait $PID 2>/dev/null
[ ! -e "$JOURNAL" ] || grep -q '"images":\[\]' "$JOURNAL" || true

# 3. Control: a start without any journal gives the model's mask alone.
rm -f "$JOURNAL" "$JSON"
start_app 3
save_when_ready 3
control=$(area)
xdotool key --window $WIN ctrl+q
wait $PID 2>/dev/null
echo "saved area of 'a red circle': restored $restored px, without the journal $control px"
[ "$restored" -ge $((control + 300)) ] || fail "the restored stroke is not in the saved mask"
echo "ok: the brush stroke survived SIGKILL and was restored on the next start"
