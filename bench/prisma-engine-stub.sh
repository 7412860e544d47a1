#!/bin/sh
# Stands in for Prisma's native schema engine so that the npm `prisma` CLI skips its engine
# download (impossible offline) when benchmarked: validate/format never call it.
[ "$1" = "--version" ] && { echo "schema-engine-stub 0.0.0"; exit 0; }
exit 1
