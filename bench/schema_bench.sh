#!/usr/bin/env bash
# Benchmarks `prismapp validate` and `prismapp format` on generated 50/500/2000-model schemas, and
# (optionally) Prisma 7 on the same files, side by side. Results go to stdout as a Markdown table;
# docs/benchmarks.md records them.
#
# prismapp (Prisma 6.19 behaviour) needs `url` in the datasource, Prisma 7 rejects it: prismapp
# runs on the generated schema with `url = env("DATABASE_URL")` (set below), Prisma 7 on the same
# text without that line. Both files are canonical (already formatted), so `format` measures the
# usual case of a formatted schema and both commands succeed: the whole pipeline is measured.
#
# Usage: bench/schema_bench.sh [prismapp-binary]
#   PRISMA_DIR=/path/with/node_modules/.bin/prisma  also measure Prisma (see docs/benchmarks.md)
#   RUNS=N  repetitions per measurement (default 20)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/build/prismapp}
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "prismapp binary not found at $bin (build first: bash scripts/build.sh)" >&2; exit 1; }

# Mean wall time in ms over $runs runs, and peak RSS in MB of one run, of a command.
measure() {
  local start end total=0 rss
  "$@" >/dev/null 2>&1 || true   # warm the page cache
  for _ in $(seq "$runs"); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    total=$((total + end - start))
  done
  rss=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1)
  awk -v t="$total" -v n="$runs" -v r="$rss" 'BEGIN { printf "%.1f ms | %.1f MB", t / n / 1e6, r / 1024 }'
}

prisma_env=(env PRISMA_SCHEMA_ENGINE_BINARY="$here/prisma-engine-stub.sh" CHECKPOINT_DISABLE=1
            PRISMA_HIDE_UPDATE_MESSAGE=1 NO_COLOR=1)

echo "| schema | command | prismapp (mean, peak RSS) | Prisma 7 (mean, peak RSS) |"
echo "|---|---|---|---|"
for provider in sqlite postgresql; do
  case $provider in
    sqlite) export DATABASE_URL="file:./dev.db" ;;
    postgresql) export DATABASE_URL="postgresql://user:secret@localhost:5432/bench" ;;
  esac
  for n in 50 500 2000; do
    schema="$work/large$n-$provider.prisma"
    /usr/bin/python3 "$here/gen_schema.py" "$provider" "$n" 1 > "$schema"
    # The generator's output is not in canonical layout: format it once, and fail loudly if that
    # does not work (the measurements below would then time an error path).
    out=$("$bin" format --schema "$schema" 2>&1) || { echo "format of $schema failed: $out" >&2; exit 1; }
    out=$("$bin" validate --schema "$schema" 2>&1) || { echo "validate of $schema failed: $out" >&2; exit 1; }
    schema_prisma7="$work/large$n-$provider-prisma7.prisma"
    grep -v '^  url  *= env("DATABASE_URL")$' "$schema" > "$schema_prisma7"
    ours_v=$(measure "$bin" validate --schema "$schema")
    ours_f=$(measure "$bin" format --schema "$schema")
    theirs_v="-"; theirs_f="-"
    if [ -n "${PRISMA_DIR:-}" ] && [ "$n" -eq 500 ]; then
      p="$PRISMA_DIR/node_modules/.bin/prisma"
      runs_saved=$runs; runs=3
      theirs_v=$(measure "${prisma_env[@]}" "$p" validate --schema "$schema_prisma7")
      theirs_f=$(measure "${prisma_env[@]}" "$p" format --schema "$schema_prisma7")
      runs=$runs_saved
    fi
    echo "| $n models, $provider | validate | $ours_v | $theirs_v |"
    echo "| $n models, $provider | format | $ours_f | $theirs_f |"
  done
done
