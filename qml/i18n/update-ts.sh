#!/usr/bin/env bash
# Refreshes samla_sv.ts and samla_en.ts from the sources (qsTr() in qml/, tr() and
# QCoreApplication::translate() anywhere under app/). New strings arrive as
# "unfinished": translate them (Qt Linguist, or by hand) and tst_translations passes.
set -euo pipefail
cd "$(dirname "$0")/../.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$LUPDATE" -locations none -no-obsolete -target-language sv_SE app qml -ts qml/i18n/samla_sv.ts
# English is the source language: only plural forms need an English "translation".
"$LUPDATE" -locations none -no-obsolete -pluralonly -target-language en_GB app qml -ts qml/i18n/samla_en.ts
