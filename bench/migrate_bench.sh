#!/usr/bin/env bash
# Benchmarks prismapp's SQLite migration commands on the generated 500-model schema and prints a
# Markdown table with Prisma 6.19's figures beside them. Prisma is not re-run here: its numbers
# come from the oracle harness's measurements on this machine kind
# (../shared/oracle/artefacts/timings.tsv, one /usr/bin/time run each, WASM schema engine).
#
# Usage: bench/migrate_bench.sh [prismapp-binary]
#   RUNS=N  repetitions per measurement (default 5); every run gets a fresh project/database,
#           prepared outside the timed region, so each one does the full work.
#   TIMINGS=path  the oracle's timings.tsv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/build/prismapp}
runs=${RUNS:-5}
timings=${TIMINGS:-$root/../shared/oracle/artefacts/timings.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "prismapp binary not found at $bin (build first: bash scripts/build.sh)" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

export DATABASE_URL=file:./dev.db CI=true NO_COLOR=1
/usr/bin/python3 "$here/gen_schema.py" sqlite 500 1 > "$work/schema.prisma"

# A fresh project in $work/p: the schema, and for "diff" a migrations folder made by migrate dev.
prepare() {
  rm -rf "$work/p"; mkdir -p "$work/p/prisma"
  cp "$work/schema.prisma" "$work/p/prisma/schema.prisma"
  if [ "$1" = diff ]; then
    (cd "$work/p" && "$bin" migrate dev --name init >/dev/null 2>&1)
    rm -f "$work/p/prisma/shadow.db"
  fi
}

# "mean ms | peak MB" of the command for scenario $1 over $runs fresh runs; fails loudly if the
# command fails (a benchmark of an error path is worthless).
measure() {
  local scenario=$1; shift
  local start end total=0 rss=0 r
  for _ in $(seq "$runs"); do
    prepare "$scenario"
    start=$(date +%s%N)
    (cd "$work/p" && "$@" >/dev/null 2>"$work/err") || { cat "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
    total=$((total + end - start))
  done
  for _ in 1 2; do  # peak RSS: the larger of two extra runs under /usr/bin/time
    prepare "$scenario"
    r=$(cd "$work/p" && /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1)
    [ "$r" -gt "$rss" ] && rss=$r
  done
  awk -v t="$total" -v n="$runs" -v r="$rss" 'BEGIN { printf "%.1f ms | %.1f MB", t / n / 1e6, r / 1024 }'
}

# "wall ms | peak MB" of one oracle label, or "not measured".
prisma() {
  awk -F'\t' -v l="$1" '$1 == l && $3 == 0 { printf "%.0f ms | %.1f MB", $4 * 1000, $5 / 1024; found = 1 }
                        END { if (!found) printf "not measured | -" }' "$timings"
}

dev=$(measure dev "$bin" migrate dev --name init)
push=$(measure push "$bin" db push --skip-generate)
diff=$(measure diff "$bin" migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma \
       --shadow-database-url file:./shadow.db --exit-code)

echo "SQLite, 500 models (\`gen_schema.py sqlite 500 1\`), fresh project/database each run; prismapp: mean of $runs runs."
echo "Prisma 6.19.3 columns: measured by the oracle harness on this machine kind (timings.tsv, single run, WASM"
echo "schema engine + driver adapter), not re-run here."
echo
echo "| command | prismapp mean | prismapp peak RSS | Prisma 6.19 wall | Prisma 6.19 peak RSS |"
echo "|---|---|---|---|---|"
echo "| \`migrate dev --name init\` | $dev | $(prisma v6-migrate-dev-large500-sqlite) |"
echo "| \`db push --skip-generate\` | $push | $(prisma v6-db-push-large500-sqlite) |"
echo "| \`migrate diff --from-migrations … --shadow-database-url file:./shadow.db\` | $diff | $(prisma v6-migrate-diff-from-migrations-large500-sqlite) |"
echo
echo "Prisma 6.19 has no SQLite \`--from-migrations\` figure: the oracle found that command failing on SQLite"
echo "(P3006 / wrong output with the driver adapters); its nearest SQLite figure, \`migrate diff --from-empty\`, was $(prisma v6-migrate-diff-empty-large500-sqlite)."
