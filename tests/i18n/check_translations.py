#!/usr/bin/python3
"""Every user-visible string of the GUI has a finished translation, and the .ts files are up to date.

For each translations/*.ts:
  * counts unfinished, empty and vanished (obsolete) entries of the committed file: any fails;
  * runs lupdate over the GUI sources into a scratch copy (so a string added to the code but never
    extracted counts as missing) and fails when the result differs from the committed file (stale:
    run packaging/i18n/update.sh and commit);
  * checks that each translation keeps the source's placeholders (%1, %2, %n): one that drops a
    placeholder shows wrong numbers or file names.

    check_translations.py LUPDATE SOURCE_DIR            check (the i18n tests)
    check_translations.py --update LUPDATE SOURCE_DIR   regenerate the .ts files in place, then report
Exit 0: complete and current; 1: problems (listed); 2: tool error.
"""

import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:n|L?\d)")
# The same options as the update_translations target (app/gui/CMakeLists.txt).
LUPDATE_OPTIONS = ["-silent", "-no-obsolete", "-locations", "none"]


def gui_sources(root):
    """Every file the GUI's strings come from; app/gui/CMakeLists.txt globs the same."""
    ui = [p for p in (root / "ui").rglob("*") if p.suffix in (".cpp", ".h")]
    gui = [p for p in (root / "app" / "gui").glob("*") if p.suffix in (".cpp", ".h")]
    return [str(p) for p in sorted(ui) + sorted(gui)]


def lupdate(tool, root, ts):
    # -I ui: includes are spelled from ui/ ("document/ImageSession.h"); lupdate needs them to know classes.
    run = subprocess.run([tool, *LUPDATE_OPTIONS, "-I", str(root / "ui"), *gui_sources(root), "-ts", str(ts)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"lupdate failed on {ts.name}:\n{run.stdout}{run.stderr}")


def problems_in(ts_path):
    """(unfinished, empty, vanished, placeholder problems) of one .ts file, each a list of descriptions."""
    unfinished, empty, vanished, placeholders = [], [], [], []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            where = f"{name}: {source!r}"
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                vanished.append(where)
                continue
            numerus = message.get("numerus") == "yes"
            texts = [f.text or "" for f in translation.iter("numerusform")] if numerus else [translation.text or ""]
            if kind == "unfinished":
                unfinished.append(where)
                continue
            if not texts or not all(t.strip() for t in texts):
                empty.append(where)
                continue
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                have = sorted(set(PLACEHOLDER.findall(text)))
                # A plural form may spell the number out ("ein Bild") only when %n is the sole placeholder.
                if have != wanted and not (numerus and set(wanted) - set(have) <= {"%n"}):
                    placeholders.append(f"{where}: placeholders {wanted} but the translation {text!r} has {have}")
    return unfinished, empty, vanished, placeholders


def report(ts):
    unfinished, empty, vanished, placeholders = problems_in(ts)
    count = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
    print(f"{ts.name}: {count} messages, {len(unfinished)} unfinished, {len(empty)} empty, "
          f"{len(vanished)} vanished, {len(placeholders)} placeholder problems")
    for label, items in (("unfinished", unfinished), ("empty", empty), ("vanished", vanished),
                         ("placeholders", placeholders)):
        for item in items:
            print(f"  {label}: {item}")
    return len(unfinished) + len(empty) + len(vanished) + len(placeholders)


def main(argv):
    update = "--update" in argv
    args = [a for a in argv if a != "--update"]
    if len(args) != 2:
        print(__doc__)
        return 2
    tool, root = args[0], Path(args[1])
    ts_files = sorted((root / "translations").glob("*.ts"))
    if not ts_files:
        print(f"no translations/*.ts under {root}")
        return 1
    failures = 0
    try:
        if update:
            for ts in ts_files:
                lupdate(tool, root, ts)
                failures += report(ts)
            return 1 if failures else 0
        with tempfile.TemporaryDirectory() as tmp:
            for ts in ts_files:
                failures += report(ts)
                scratch = Path(tmp) / ts.name
                shutil.copy(ts, scratch)
                lupdate(tool, root, scratch)
                committed = ts.read_text(encoding="utf-8").splitlines()
                fresh = scratch.read_text(encoding="utf-8").splitlines()
                if committed != fresh:
                    failures += 1
                    print(f"{ts.name} is stale: lupdate over the sources changes it "
                          "(run packaging/i18n/update.sh, translate, commit):")
                    diff = list(difflib.unified_diff(committed, fresh, "committed", "lupdate", lineterm="", n=1))
                    print("\n".join(diff[:80]))
                    fresh_problems = sum(len(p) for p in problems_in(scratch))
                    if fresh_problems:
                        print(f"  after lupdate: {fresh_problems} entries need a translation")
    except RuntimeError as e:
        print(e)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
