#!/usr/bin/env bash
# Installs the dependencies, builds prismapp, then runs init / validate / format on a fresh
# SQLite project in a temporary directory.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}

bash "$ROOT/scripts/install-deps.sh"
BUILD_DIR=$BUILD_DIR bash "$ROOT/scripts/build.sh"
BIN=$BUILD_DIR/prismapp

PROJECT=$(mktemp -d "${TMPDIR:-/tmp}/prismapp-quickstart-XXXXXX")
cd "$PROJECT"
echo
echo "\$ prismapp init            (in $PROJECT)"
"$BIN" init
echo "\$ prismapp validate"
"$BIN" validate
echo "\$ prismapp format"
"$BIN" format
echo
echo "quickstart: done. The project is in $PROJECT; the binary is $BIN"
echo "(install it on PATH with: cmake --install $BUILD_DIR)"
