#!/usr/bin/env bash
# Install smoke test of the Debian package, the way a user meets it: build the .deb with CPack, check its
# file list and control data, run lintian, `apt-get install ./promptmask_*.deb`, use the installed
# binaries from / in a clean environment (env -i), start the installed GUI under Xvfb and read its window
# title, find the man page, then purge the package and check that /usr is exactly as it was.
#
#   package_smoke.sh BUILD_DIR SOURCE_DIR PYTHON   (PYTHON: with numpy and PIL, to compare masks)
# Exit 0: passed; 1: failed; 77: skipped (not root, or promptmask is installed already: never touch a
# user's own installation). Runs as root on CI's disposable machine.
set -uo pipefail
build=$1
source=$2
python=${3:-/usr/bin/python3}

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the package test installs a .deb: run it as root (CI does)"
    exit 77
fi
if dpkg-query -W -f='${Status}' promptmask 2>/dev/null | grep -q "installed"; then
    echo "SKIP: promptmask is installed on this machine already; the test will not replace it"
    exit 77
fi
for tool in cpack dpkg-deb apt-get lintian xvfb-run xdotool man "$python"; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (packaging/install-deps.sh installs it)"; exit 1; }
done

work=$(mktemp -d /tmp/promptmask-package.XXXXXX)
failures=0
installed=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# Packages present before the test: whatever apt pulls in for the .deb goes again at the end.
dpkg-query -W -f='${Package}\n' | sort >"$work/packages.before"
find /usr -xdev 2>/dev/null | sort >"$work/usr.before"

cleanup() {
    if ((installed)); then
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q promptmask >"$work/purge.log" 2>&1
        dpkg-query -W -f='${Package}\n' | sort >"$work/packages.after"
        mapfile -t added < <(comm -13 "$work/packages.before" "$work/packages.after")
        if ((${#added[@]})); then
            echo "purging what the package pulled in: ${added[*]}"
            DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q "${added[@]}" \
                >>"$work/purge.log" 2>&1
        fi
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# --- build the package -------------------------------------------------------------------------------
echo "== cpack"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
fi
deb=$(ls "$work"/pkg/promptmask_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no promptmask_*.deb in $work/pkg"; exit 1; }
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# --- file list ---------------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for wanted in \
    /usr/bin/promptmask /usr/bin/promptmask-cli \
    /usr/share/applications/promptmask.desktop \
    /usr/share/icons/hicolor/scalable/apps/promptmask.svg \
    /usr/share/icons/hicolor/16x16/apps/promptmask.png /usr/share/icons/hicolor/48x48/apps/promptmask.png \
    /usr/share/icons/hicolor/256x256/apps/promptmask.png \
    /usr/share/promptmask/translations/promptmask_de.qm /usr/share/promptmask/translations/promptmask_es.qm \
    /usr/share/promptmask/translations/promptmask_fr.qm /usr/share/promptmask/translations/promptmask_ja.qm \
    /usr/share/promptmask/translations/promptmask_zh_CN.qm \
    /usr/share/promptmask/models/demo-shapes/manifest.json /usr/share/promptmask/models/demo-shapes/model.pt \
    /usr/share/promptmask/samples/shapes_00.png \
    /usr/share/promptmask/tools/export_clipseg.py /usr/share/promptmask/tools/train_demo.py \
    /usr/share/man/man1/promptmask.1.gz /usr/share/man/man1/promptmask-cli.1.gz \
    /usr/share/doc/promptmask/copyright /usr/share/doc/promptmask/changelog.Debian.gz; do
    grep -qxF "$wanted" "$work/files" || fail "the package lacks $wanted"
done
grep -v -e '^/usr/' -e '^/$' "$work/files" | grep . && fail "files outside /usr (listed above)"
grep -q '^/usr/share/promptmask/samples/ground_truth' "$work/files" && fail "the samples' ground truth is packaged"

# --- control data ------------------------------------------------------------------------------------
dpkg-deb -f "$deb" >"$work/control"
cat "$work/control"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = promptmask ] || fail "Package is not promptmask"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is not $(dpkg --print-architecture)"
[ -n "$(field Version)" ] || fail "no Version"
depends=$(field Depends)
for lib in libtorch libqt6widgets6 libopencv-imgcodecs libopenblas0-pthread fonts-dejavu-core libc6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -q "qt6-translations-l10n" <<<"$(field Recommends)" || fail "Recommends lacks qt6-translations-l10n"
desktop_file=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/promptmask.desktop)
grep -q '^Exec=promptmask %F$' <<<"$desktop_file" || fail "the .desktop Exec line does not pass %F"
grep -q '^MimeType=.*image/png;.*image/jpeg;.*inode/directory;' <<<"$desktop_file" ||
    fail "the .desktop MimeType lacks images or folders"
grep -q '^Categories=.*Graphics;' <<<"$desktop_file" || fail "the .desktop file has no Graphics category"

# --- lintian: no errors (the warnings that stay are listed with their reasons in docs/PACKAGING.md) --
echo "== lintian"
lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1
cat "$work/lintian.log"
grep -q '^E: ' "$work/lintian.log" && fail "lintian reports errors"

# --- install -----------------------------------------------------------------------------------------
echo "== apt-get install"
if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "$deb" >"$work/install.log" 2>&1; then
    installed=1
else
    installed=1  # a half-installed package is purged too
    cat "$work/install.log"
    fail "apt-get install ./$(basename "$deb")"
    exit 1
fi

# The installed binaries as a user starts them: from /, without the build's or CTest's environment.
home="$work/home"
mkdir -p "$home"
run() { (cd / && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "$@"); }

version=$(run promptmask-cli --version) || fail "promptmask-cli --version failed"
echo "$version"
[[ $version =~ ^promptmask-cli\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "promptmask-cli --version printed '$version'"

# No --model: the CLI must find the installed demo model itself (the last place of the search order).
echo "== segment with the installed demo model"
if run promptmask-cli segment --image /usr/share/promptmask/samples/shapes_00.png --prompt "green ellipse" \
    --masks-out "$work/masks" --json >"$work/segment.json" 2>"$work/segment.err"; then
    "$python" - "$work/segment.json" "$work/masks/mask_000.png" \
        "$source/resources/samples/ground_truth/shapes_00/green_ellipse.png" <<'EOF' || fail "segment output"
import json, sys
from PIL import Image
import numpy as np
out = json.load(open(sys.argv[1]))
bundle = out["model"]["bundle"]
assert bundle.rstrip("/") == "/usr/share/promptmask/models/demo-shapes", f"model found at {bundle}"
mask = np.array(Image.open(sys.argv[2])) > 127
truth = np.array(Image.open(sys.argv[3]).convert("L")) > 127
iou = (mask & truth).sum() / max(1, (mask | truth).sum())
print(f"demo model, green ellipse on shapes_00: IoU {iou:.3f} against the ground truth")
assert iou >= 0.5, f"IoU {iou:.3f} < 0.5"
EOF
else
    cat "$work/segment.err"
    fail "promptmask-cli segment with the installed demo model"
fi

echo "== GUI under Xvfb"
cat >"$work/gui.sh" <<'EOF'
#!/usr/bin/env bash
# Starts the installed GUI, waits for its window, prints the window's title, closes it.
promptmask /usr/share/promptmask/samples &
pid=$!
win=""
for _ in $(seq 1 300); do
    win=$(xdotool search --pid "$pid" --onlyvisible --name PromptMask 2>/dev/null | head -1)
    [ -n "$win" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the GUI exited"; exit 1; }
    sleep 0.1
done
[ -n "$win" ] || { echo "no window appeared"; kill "$pid"; exit 1; }
# The title names the model once it is loaded: wait for that (the demo model loads in seconds).
title=""
for _ in $(seq 1 600); do
    title=$(xdotool getwindowname "$win")
    [[ $title == *"demo: synthetic shapes"* ]] && break
    sleep 0.1
done
echo "$title"
kill "$pid"
wait "$pid" 2>/dev/null
exit 0
EOF
title=$(run QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/gui.sh" 2>"$work/gui.err")
echo "window title: $title"
# "PromptMask — <first image> — <model name>": the installed GUI opened the folder and found the demo model.
[[ $title == "PromptMask — shapes_00.png — demo: synthetic shapes" ]] ||
    { cat "$work/gui.err"; fail "the installed GUI's window title is '$title'"; }

echo "== man"
page=$(run man -w promptmask) || fail "man -w promptmask"
[ "$page" = /usr/share/man/man1/promptmask.1.gz ] || fail "man -w promptmask found '$page'"
run man -w promptmask-cli >/dev/null || fail "man -w promptmask-cli"
zcat /usr/share/man/man1/promptmask-cli.1.gz | grep -q 'PROMPTMASK_MODEL' ||
    fail "promptmask-cli.1 does not document the model search order"

# --- remove: nothing of the package may stay in /usr ---------------------------------------------------
echo "== purge"
trap - EXIT
cleanup_work=$work
installed_files=$(dpkg -L promptmask)
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q promptmask >"$work/purge.log" 2>&1 ||
    fail "apt-get purge promptmask"
dpkg-query -W -f='${Package}\n' | sort >"$work/packages.after"
mapfile -t added < <(comm -13 "$work/packages.before" "$work/packages.after")
if ((${#added[@]})); then
    echo "purging what the package pulled in: ${added[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q "${added[@]}" >>"$work/purge.log" 2>&1 ||
        fail "apt-get purge ${added[*]}"
fi
while read -r f; do
    [[ $f == /usr/* && -f $f && ! -d $f ]] && fail "left after removal: $f"
done <<<"$installed_files"
find /usr -xdev 2>/dev/null | sort >"$work/usr.after"
left=$(comm -13 "$work/usr.before" "$work/usr.after")
[ -z "$left" ] || fail "new in /usr after removal:
$left"
rm -rf "$cleanup_work"

if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "package test passed"
