#!/usr/bin/env bash
# Installs the dependencies, builds prismapp, then on a fresh SQLite project in a temporary
# directory runs init / validate / format, adds a model, creates and applies the first migration
# with `migrate dev` and checks it with `migrate status`.
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
# A model to migrate: init's schema has only the generator and the datasource.
cat >> prisma/schema.prisma <<'PRISMA'

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
}
PRISMA
# CI=true: migrate dev must never stop for a prompt in a script.
echo "\$ prismapp migrate dev --name init"
CI=true "$BIN" migrate dev --name init
echo "\$ prismapp migrate status"
CI=true "$BIN" migrate status
echo
echo "quickstart: done. The project is in $PROJECT; the binary is $BIN"
echo "(install it on PATH with: cmake --install $BUILD_DIR)"
