#!/usr/bin/env bash
# Regenerates translations/*.ts from the GUI sources (lupdate, the same options and files as the
# update_translations target and the i18n test) and lists every entry still to translate.
# Exit 0 when all five languages are complete; translate what it lists, then run it again.
set -euo pipefail
cd "$(dirname "$0")/../.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
exec python3 tests/i18n/check_translations.py --update "$lupdate" .
