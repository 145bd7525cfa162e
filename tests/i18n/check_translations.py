#!/usr/bin/python3
"""Every user-visible string of the GUI has a finished translation.

Runs lupdate over the GUI sources into a scratch copy of each translations/*.ts
(so a string added to the code but never extracted counts as missing), then
checks that every message is translated, not marked unfinished, and keeps the
source's placeholders (%1, %2, %n): a translation that drops one shows wrong
numbers or file names.

    check_translations.py LUPDATE SOURCE_DIR
Exit 0: complete; 1: missing or broken translations (listed); 2: tool error.
"""

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:n|L?\d)")


def gui_sources(root):
    return sorted(str(p) for p in (root / "ui").rglob("*.cpp")) + sorted(str(p) for p in (root / "ui").rglob("*.h")) + \
        [str(root / "app" / "gui" / "main.cpp")]


def problems_in(ts_path):
    found = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            texts = forms if message.get("numerus") == "yes" else [translation.text or "" if translation is not None else ""]
            where = f"{name}: {source!r}"
            if kind in ("unfinished", "missing") or not all(t.strip() for t in texts):
                found.append(f"{where}: not translated")
                continue
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                have = sorted(set(PLACEHOLDER.findall(text)))
                # A plural form may spell the number out ("ein Bild") only when %n is the sole placeholder.
                if have != wanted and not (message.get("numerus") == "yes" and set(wanted) - set(have) <= {"%n"}):
                    found.append(f"{where}: placeholders {wanted} but the translation {text!r} has {have}")
    return found


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    lupdate, root = sys.argv[1], Path(sys.argv[2])
    ts_files = sorted((root / "translations").glob("*.ts"))
    if not ts_files:
        print(f"no translations/*.ts under {root}")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files:
            scratch = Path(tmp) / ts.name
            shutil.copy(ts, scratch)
            run = subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none",
                                  # ui/ includes are spelled from ui/ ("shell/MainWindow.h"): lupdate must
                                  # find the class declarations to name contexts pm::ui::MainWindow.
                                  "-I", str(root / "ui"), *gui_sources(root),
                                  "-ts", str(scratch)], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"lupdate failed on {ts.name}:\n{run.stdout}{run.stderr}")
                return 2
            problems = problems_in(scratch)
            count = sum(1 for _ in ET.parse(scratch).getroot().iter("message"))
            print(f"{ts.name}: {count} messages, {len(problems)} problems")
            for p in problems:
                print(f"  {p}")
            failures += len(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
