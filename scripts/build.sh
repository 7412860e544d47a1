#!/usr/bin/env bash
# Configures and builds prismapp (Release, ninja, at most 2 jobs) into build/.
#   BUILD_DIR=path  build elsewhere     JOBS=n  parallel jobs     extra args go to cmake configure
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-2}

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "$BUILD_DIR" -j "$JOBS"
echo "build: $BUILD_DIR/prismapp"
