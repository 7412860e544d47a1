#!/usr/bin/env bash
# Python client benchmarks (issue 6): prismapp's generated client vs hand-written SQL on the same driver
# vs SQLAlchemy 1.4 ORM, plus `prismapp generate` and `import <pkg>` times on the 500-model schema.
# Results are Markdown tables on stdout; docs/benchmarks.md ("Python client") records them.
#
# Usage: bash bench/python/run.sh [prismapp-binary]
#   PG_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres  also run the query benchmarks on PostgreSQL
#   ROUNDS=N  rounds per measurement (default 5; the best round counts)
#   PRISMAPP_PY_RUNTIME_OVERLAY=1  copy generators/python/runtime/** over the generated packages
#   PYTHON=/usr/bin/python3  interpreter with pydantic, psycopg2 and SQLAlchemy 1.4
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/prismapp}
py=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "prismapp binary not found at $bin" >&2; exit 1; }

schema_models='
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  age       Int      @default(0)
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  posts     Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  views    Int    @default(0)
  authorId Int?
  author   User?  @relation(fields: [authorId], references: [id])
}
'

# $1 provider, $2 url, $3 directory
setup() {
  mkdir -p "$3/prisma"
  cat > "$3/prisma/schema.prisma" <<SCHEMA
datasource db {
  provider = "$1"
  url      = "$2"
}

generator client {
  provider  = "prisma-client-py"
  interface = "sync"
  output    = "../benchclient"
  recursive_type_depth = -1
}
$schema_models
SCHEMA
  (cd "$3" && "$bin" db push --schema prisma/schema.prisma --skip-generate --accept-data-loss >/dev/null \
            && "$bin" generate --schema prisma/schema.prisma >/dev/null)
  overlay "$3/benchclient"
}

# PRISMAPP_PY_RUNTIME_OVERLAY=1: use generators/python/runtime/** from the source tree instead of the
# runtime embedded in the binary (to measure runtime changes without rebuilding prismapp).
overlay() {
  if [ "${PRISMAPP_PY_RUNTIME_OVERLAY:-}" = 1 ]; then cp -r "$root/generators/python/runtime/." "$1/"; fi
}

echo "### Queries"
setup sqlite "file:./bench.db" "$work/sqlite"
"$py" "$here/bench.py" "$work/sqlite" benchclient sqlite "file:$work/sqlite/prisma/bench.db"
if [ -n "${PG_URL:-}" ]; then
  dbname="prismapp_bench_py_$$"
  "$py" -c "import psycopg2,sys; c=psycopg2.connect(sys.argv[1]); c.autocommit=True; c.cursor().execute('CREATE DATABASE $dbname')" "$PG_URL"
  pg_db_url="${PG_URL%/*}/$dbname"
  setup postgresql "$pg_db_url" "$work/pg"
  echo
  "$py" "$here/bench.py" "$work/pg" benchclient postgresql "$pg_db_url" || true
  "$py" -c "import psycopg2,sys; c=psycopg2.connect(sys.argv[1]); c.autocommit=True; c.cursor().execute('DROP DATABASE IF EXISTS $dbname WITH (FORCE)')" "$PG_URL"
fi

echo
echo "### 500-model schema: generate and import"
big="$work/big"
mkdir -p "$big/prisma"
src=${LARGE_SCHEMA:-/work/shared/oracle/schemas/large-sqlite6.prisma}
{
  cat "$src"
  printf '\ngenerator client {\n  provider  = "prisma-client-py"\n  interface = "asyncio"\n  output    = "../bigclient"\n  recursive_type_depth = -1\n  enable_experimental_decimal = true\n}\n'
} > "$big/prisma/schema.prisma"
export DATABASE_URL="file:./big.db"
best_ms() {  # best wall time in ms of 5 runs of a command
  local best=999999 s e t
  for _ in 1 2 3 4 5; do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); [ "$t" -lt "$best" ] && best=$t
  done
  echo "$best"
}
(cd "$big" && "$bin" generate --schema prisma/schema.prisma >/dev/null) || { echo "generate failed on the 500-model schema" >&2; exit 1; }
overlay "$big/bigclient"
gen_ms=$(cd "$big" && best_ms "$bin" generate --schema prisma/schema.prisma)
overlay "$big/bigclient"
lines=$(cat "$big"/bigclient/*.py | wc -l)
# import with a cold bytecode cache (first import after generate) and with a warm one. Python must
# be allowed to write its bytecode cache, or every "warm" import compiles 300k lines again (some
# environments set PYTHONDONTWRITEBYTECODE=1; the figure would then be the cold one, ~2 s).
unset PYTHONDONTWRITEBYTECODE
rm -rf "$big"/bigclient/__pycache__
s=$(date +%s%N); (cd "$big" && "$py" -c "import bigclient") ; e=$(date +%s%N); cold_ms=$(( (e - s) / 1000000 ))
imp_ms=$(cd "$big" && best_ms "$py" -c "import bigclient")
py_ms=$(best_ms "$py" -c "pass")
# The import alone, timed inside the process (the wall time above also holds the interpreter's exit,
# whose final garbage collections walk every class the package made: ~0.3 s of it).
inproc_ms=$(cd "$big" && for _ in 1 2 3 4 5; do
  "$py" -c "import time; t = time.perf_counter(); import bigclient; print(round((time.perf_counter() - t) * 1000))"
done | sort -n | head -1)
echo "| measurement ($(grep -c "^model" "$src") models) | time |"
echo "|---|---|"
echo "| \`prismapp generate\` (best of 5) | ${gen_ms} ms |"
echo "| generated package size | ${lines} lines of Python |"
echo "| \`python3 -c 'import bigclient'\`, first import (writes .pyc) | ${cold_ms} ms |"
echo "| \`python3 -c 'import bigclient'\`, warm (best of 5) | ${imp_ms} ms (interpreter start alone: ${py_ms} ms) |"
echo "| \`import bigclient\` timed inside the process, warm (best of 5) | ${inproc_ms} ms |"
