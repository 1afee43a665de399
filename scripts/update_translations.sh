#!/bin/sh
# Extract every tr("…") and QT_TR_NOOP("…") of the app (UI and core) into resources/i18n/microshop_<lang>.ts (default: en)
# for Qt Linguist, then compile the translations into .qm files that the app loads with
# MICROSHOP_LANG=<lang>. Run from the repository root.
set -e
lang="${1:-en}"
pyside6-lupdate $(find microshop -name '*.py' | sort) -ts "resources/i18n/microshop_${lang}.ts"
pyside6-lrelease "resources/i18n/microshop_${lang}.ts" -qm "resources/i18n/microshop_${lang}.qm"
