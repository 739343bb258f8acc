#!/usr/bin/env bash
# Installs the Debian packages Samla needs to build, run and test.
# Idempotent: installs only what is missing, and runs apt-get update only then.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  libgl-dev libxkbcommon-dev
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qt-labs-settings
  libsodium-dev libsqlcipher-dev sqlcipher libsqlite3-dev
  libquazip1-qt6-dev libxml2-utils libboost-dev libssl-dev libqrencode-dev libzxing-dev
  # samla-server's PostgreSQL backend, and the throwaway cluster the *_pg sync tests start
  libpqxx-dev postgresql
  # the sync clock-skew test runs devices under libfaketime (tst_sync_skew)
  faketime libfaketime
  # photos and audio recorded in the app (notes), the interval prompt's sound
  qt6-multimedia-dev qml6-module-qtmultimedia
  # choosing files (an enrolment QR image, a photo, a scheme) from a dialog
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
  fonts-dejavu-core xvfb xauth poppler-utils
  # the libFuzzer targets (tests/fuzz, scripts/fuzz.sh); libFuzzer ships with clang
  clang
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js runs the FHIR schema validator in the tests; any node will do.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "samla: all build dependencies are installed"
  exit 0
fi

echo "samla: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
