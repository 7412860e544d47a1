#!/usr/bin/env bash
# Benchmarks the migration commands on PostgreSQL with the generated 500-model schema, prismapp and
# (optionally) Prisma 6.19 side by side on the same server, and prints a Markdown table.
#
# Usage: bench/migrate_bench_pg.sh [prismapp-binary]
#   PGBASE=postgresql://postgres:postgres@127.0.0.1:5432   the server (a superuser: databases are created)
#   RUNS=N        prismapp repetitions per command (default 5); every run starts from a freshly
#                 created database (and for `diff`, a migrations folder made beforehand), prepared
#                 outside the timed region.
#   PRISMA6_DIR=dir  a folder with node_modules holding prisma@6.19.3, @prisma/adapter-pg@6.19.3 and
#                 pg (npm install ... there). Prisma runs through the oracle's driver-adapter config
#                 (../shared/oracle/configs/prisma.config.pg.v6.ts, WASM schema engine) with the
#                 oracle's timer fix (bin/unref-long-timers.js); PRISMA_RUNS (default 2) runs each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/build/prismapp}
runs=${RUNS:-5}
prisma_runs=${PRISMA_RUNS:-2}
pgbase=${PGBASE:-postgresql://postgres:postgres@127.0.0.1:5432}
oracle=$root/../shared/oracle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "prismapp binary not found at $bin (build first: bash scripts/build.sh)" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export CI=true NO_COLOR=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

psql_admin() { psql "$pgbase/postgres" -qAt -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
fresh_db() { psql_admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; psql_admin "CREATE DATABASE $1"; }

/usr/bin/python3 "$here/gen_schema.py" postgresql 500 1 > "$work/schema.prisma"

# prepare TOOL SCENARIO: a fresh project in $work/p and fresh databases; for "diff" a migrations
# folder made by the same tool's migrate dev.
prepare() {
  local tool=$1 scenario=$2
  rm -rf "$work/p"; mkdir -p "$work/p"
  cp "$work/schema.prisma" "$work/p/schema.prisma"
  if [ "$tool" = prisma ]; then
    ln -sfn "$PRISMA6_DIR/node_modules" "$work/p/node_modules"
    cp "$oracle/configs/prisma.config.pg.v6.ts" "$work/p/prisma.config.ts"
  fi
  fresh_db bench_main; fresh_db bench_shadow
  if [ "$scenario" = diff ]; then
    (cd "$work/p" && run_tool "$tool" migrate dev --name init --skip-generate --skip-seed >/dev/null 2>&1)
  fi
}

# The tool as one exec'd command, so /usr/bin/time measures the tool itself.
cat > "$work/run_tool" <<WRAP
#!/usr/bin/env bash
tool=\$1; shift
if [ "\$tool" = prisma ]; then
  export NODE_OPTIONS="--require $oracle/bin/unref-long-timers.js" PRISMA_SCHEMA_ENGINE_BINARY=$oracle/bin/schema-engine-stub \\
    PRISMA_QUERY_ENGINE_LIBRARY=$work/empty.so.node
  exec "${PRISMA6_DIR:-/nonexistent}/node_modules/.bin/prisma" "\$@"
fi
exec "$bin" "\$@"
WRAP
chmod +x "$work/run_tool"
run_tool() { "$work/run_tool" "$@"; }
: > "$work/empty.so.node"
export DATABASE_URL=$pgbase/bench_main

# measure TOOL N SCENARIO ARGS...: "mean ms | peak MB" over N fresh runs; fails loudly on errors.
measure() {
  local tool=$1 n=$2 scenario=$3; shift 3
  local start end total=0 rss=0 r
  for _ in $(seq "$n"); do
    prepare "$tool" "$scenario"
    start=$(date +%s%N)
    (cd "$work/p" && run_tool "$tool" "$@" >"$work/out" 2>"$work/err") || { cat "$work/out" "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
    total=$((total + end - start))
  done
  prepare "$tool" "$scenario"
  (cd "$work/p" && /usr/bin/time -f '%M' -o "$work/time" "$work/run_tool" "$tool" "$@" >/dev/null 2>&1) || true
  r=$(tail -n 1 "$work/time")
  awk -v t="$total" -v n="$n" -v r="$r" 'BEGIN { printf "%.0f ms | %.1f MB", t / n / 1e6, r / 1024 }'
}

commands=(
  "dev|migrate dev --name init --skip-generate --skip-seed"
  "push|db push --skip-generate"
  "diff|migrate diff --from-migrations migrations --to-schema-datamodel schema.prisma --shadow-database-url $pgbase/bench_shadow --script"
)
echo "PostgreSQL 15 on 127.0.0.1, 500 models (\`gen_schema.py postgresql 500 1\`), fresh databases each run."
echo "prismapp: mean of $runs runs.${PRISMA6_DIR:+ Prisma 6.19.3 (WASM schema engine + @prisma/adapter-pg): mean of $prisma_runs runs.}"
echo
echo "| command | prismapp mean | prismapp peak RSS | Prisma 6.19 mean | Prisma 6.19 peak RSS |"
echo "|---|---|---|---|---|"
for entry in "${commands[@]}"; do
  scenario=${entry%%|*}; args=${entry#*|}
  # Prisma 6.19's diff takes the shadow database from the adapter config, not the flag.
  mine=$(measure prismapp "$runs" "$scenario" $args)
  theirs="not run | -"
  if [ -n "${PRISMA6_DIR:-}" ]; then
    pargs=${args/ --shadow-database-url $pgbase\/bench_shadow/}
    theirs=$(measure prisma "$prisma_runs" "$scenario" $pargs)
  fi
  echo "| \`${args%% --shadow*}\` | $mine | $theirs |"
done
psql_admin "DROP DATABASE IF EXISTS bench_main WITH (FORCE)"; psql_admin "DROP DATABASE IF EXISTS bench_shadow WITH (FORCE)"
