#!/usr/bin/env bash
# Installs the dependencies, builds prismapp, then on a fresh SQLite project in a temporary
# directory runs init / validate / format, adds two models, creates and applies the first migration
# with `migrate dev`, checks it with `migrate status`, generates the Python client and runs a short
# example script with it against the embedded SQLite database.
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
  posts Post[]
}

model Post {
  id       Int     @id @default(autoincrement())
  title    String
  author   User    @relation(fields: [authorId], references: [id])
  authorId Int
}
PRISMA
# CI=true: migrate dev must never stop for a prompt in a script.
echo "\$ prismapp migrate dev --name init"
CI=true "$BIN" migrate dev --name init
echo "\$ prismapp migrate status"
CI=true "$BIN" migrate status
# The built-in Python client (init's generator block: provider = "prisma-client-py"), written to
# ./prisma so that `from prisma import Prisma` works from the project root. `migrate dev` already
# generated it (as Prisma does); `generate` is the command to rerun after editing the schema.
echo "\$ prismapp generate"
"$BIN" generate
echo "\$ /usr/bin/python3 example_client.py"
cp "$ROOT/scripts/example_client.py" example_client.py
/usr/bin/python3 example_client.py
echo
echo "quickstart: done. The project is in $PROJECT; the binary is $BIN"
echo "(install it on PATH with: cmake --install $BUILD_DIR)"
