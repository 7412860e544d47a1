#!/usr/bin/env bash
# Times `prismapp generate` handing the full DMMF of the oracle's 500-model schema to a generator
# (issue 7 goal: at most 1 s and 300 MB). The generator is bench/null_generator.py, which answers
# the protocol without parsing the 63 MB request, so the figure is prismapp's own: loading and
# validating the schema, building the DMMF, serialising the request and writing it to the pipe.
#
# Usage: bench/generate_bench.sh [prismapp-binary]     RUNS=N (default 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=$(realpath "${1:-$root/build/prismapp}")
runs=${RUNS:-5}
schema=${SCHEMA:-$root/../shared/oracle/schemas/large-sqlite.prisma}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/prisma"
# The oracle schema is in Prisma 7 form (no url); prismapp follows Prisma 6.19, which needs one.
/usr/bin/python3 - "$schema" "$work/prisma/schema.prisma" "$here/null_generator.py" <<'PY'
import sys
src, dst, gen = sys.argv[1:4]
text = open(src).read()
block = 'datasource db {\n  provider = "sqlite"\n}'
assert block in text, "expected a sqlite datasource without url"
text = text.replace(block, 'datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n\n'
                    'generator null {\n  provider = "/usr/bin/python3 ' + gen + '"\n  output   = "../out"\n}', 1)
open(dst, "w").write(text)
PY
cd "$work"
"$bin" generate >/dev/null  # warm the page cache
echo "| run | wall | peak RSS | user CPU | system CPU |"
echo "|---|---|---|---|---|"
for i in $(seq "$runs"); do
  /usr/bin/time -f "| $i | %e s | %M KB | %U s | %S s |" "$bin" generate 2>&1 >/dev/null | tail -n 1
done
