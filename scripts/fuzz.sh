#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake option PRISMAPP_FUZZ, clang, ASan + UBSan) into fuzz-build/
# and runs fuzz_schema. See docs/fuzzing.md.
# Usage: scripts/fuzz.sh [seconds, default 600] [extra libFuzzer flags...]
# Seeds: fuzz/corpus/ plus every .prisma file of ../shared/conformance and fixtures/. New inputs
# go to fuzz-build/corpus; findings are fuzz-build/crash-*|leak-*|timeout-*|oom-* files.
# Reproduce one with: fuzz-build/fuzz_schema fuzz-build/crash-<hash>
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_TO_RUN=${1:-600}
shift || true
OUT="$ROOT/fuzz-build"

CXX=${CXX:-clang++} cmake -S "$ROOT" -B "$OUT" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPRISMAPP_FUZZ=ON -DPRISMAPP_BUILD_TESTS=OFF -DPRISMAPP_WERROR=OFF >/dev/null
cmake --build "$OUT" -j "${JOBS:-2}" --target fuzz_schema

mkdir -p "$OUT/corpus" "$OUT/seeds"
cp "$ROOT"/fuzz/corpus/* "$OUT/seeds/" 2>/dev/null || true
[ -d "$ROOT/../shared/conformance" ] && find "$ROOT/../shared/conformance" -name '*.prisma' -size -64k \
  -exec cp {} "$OUT/seeds/" \; 2>/dev/null || true
find "$ROOT/fixtures" -name '*.prisma' -size -64k -exec cp {} "$OUT/seeds/" \; 2>/dev/null || true

cd "$OUT"
exec ./fuzz_schema -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536 "$@" corpus seeds
