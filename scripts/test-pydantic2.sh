#!/usr/bin/env bash
# Runs the Python client's pytest suite a second time under pydantic 2.x.
#
# Debian 12 ships only pydantic 1.10, and pydantic 2 needs its compiled pydantic-core, so the suite runs
# in a Debian 13 (trixie) root made with debootstrap from the Debian mirror: Python 3.13, pydantic 2.10,
# the same DB-API drivers, mypy, Node for pyright, and SQLAlchemy (2.0 there) for the client benchmark.
# The root is kept in $PRISMAPP_TRIXIE_ROOT
# (default /var/cache/prismapp/trixie) and reused by later runs.
#
# The generated package is plain Python, but `prismapp` itself is a Debian 12 binary: inside the root,
# PRISMAPP_BINARY is a wrapper that runs it through `chroot /host` (the host's / bound at /host). The
# repository, the build directory and /tmp are bound at the same paths, so working directories and
# schema paths mean the same thing on both sides.
#
# Usage: PRISMAPP_BINARY=build/prismapp bash scripts/test-pydantic2.sh [pytest args...]
#        bash scripts/test-pydantic2.sh --exec COMMAND [ARGS...]   (any command in the root, same binds;
#        e.g. the client benchmark: --exec bash bench/python/run.sh /usr/local/bin/prismapp)
# Needs root (debootstrap, mount, chroot).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BINARY=$(readlink -f "${PRISMAPP_BINARY:-$ROOT/build/prismapp}")
TRIXIE=${PRISMAPP_TRIXIE_ROOT:-/var/cache/prismapp/trixie}
MIRROR=${PRISMAPP_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PACKAGES=python3,python3-pydantic,python3-pytest,python3-pytest-asyncio,python3-psycopg2,python3-asyncpg,python3-pymysql,python3-aiosqlite,python3-sqlalchemy,mypy,nodejs

if [ "$(id -u)" -ne 0 ]; then
  echo "test-pydantic2: needs root (debootstrap, mount, chroot)" >&2
  exit 1
fi
if [ ! -x "$BINARY" ]; then
  echo "test-pydantic2: prismapp binary not found at $BINARY (set PRISMAPP_BINARY)" >&2
  exit 1
fi

# One run at a time per root: the bind mounts below sit at fixed places inside it.
mkdir -p "$(dirname "$TRIXIE")"
exec 9>"$TRIXIE.lock"
flock 9

# The marker names the package list, so a changed list makes a fresh root instead of a stale one.
MARKER="$TRIXIE/.prismapp-ready"
if [ ! -f "$MARKER" ] || [ "$(cat "$MARKER")" != "$PACKAGES" ]; then
  command -v debootstrap >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -q install --no-install-recommends debootstrap
  echo "test-pydantic2: making a Debian 13 root in $TRIXIE (debootstrap, about a minute)"
  rm -rf "$TRIXIE.tmp"
  mkdir -p "$(dirname "$TRIXIE")"
  if ! debootstrap --variant=minbase --include="$PACKAGES" trixie "$TRIXIE.tmp" "$MIRROR" > "$TRIXIE.log" 2>&1; then
    tail -20 "$TRIXIE.log" >&2
    echo "test-pydantic2: debootstrap failed (log: $TRIXIE.log)" >&2
    exit 1
  fi
  rm -rf "$TRIXIE"
  mv "$TRIXIE.tmp" "$TRIXIE"
  echo "$PACKAGES" > "$MARKER"
fi

# pyright (from npm on the host) is a Node program: bind its package and run it with the root's Node.
PYRIGHT_PKG=
if command -v pyright >/dev/null 2>&1; then
  PYRIGHT_PKG=$(dirname "$(readlink -f "$(command -v pyright)")")
fi

MOUNTS=()
cleanup() {
  local i
  for ((i=${#MOUNTS[@]}-1; i>=0; i--)); do
    umount -R "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
bind() {  # bind SRC at the same path (or DST) inside the root
  local src=$1 dst=$TRIXIE${2:-$1}
  mkdir -p "$dst"
  mount --rbind "$src" "$dst"
  mount --make-rslave "$dst"
  MOUNTS+=("$dst")
}
# /host first: the later binds would otherwise appear inside it as well (harmless, but slower to unmount).
bind / /host
bind /proc
bind /dev
bind /tmp
bind "$ROOT"
# ../shared (conformance corpora, oracle schemas) for the benchmark's 500-model schema
if [ -d "$ROOT/../shared" ]; then bind "$(cd "$ROOT/../shared" && pwd -P)"; fi
case "$BINARY" in "$ROOT"/*) ;; *) bind "$(dirname "$BINARY")" ;; esac
cp /etc/resolv.conf "$TRIXIE/etc/resolv.conf" 2>/dev/null || true

cat > "$TRIXIE/usr/local/bin/prismapp" <<'EOF'
#!/bin/sh
# Runs the Debian 12 prismapp binary in the host's root, in the same working directory.
exec /usr/sbin/chroot /host /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$PWD" "$PRISMAPP_HOST_BINARY" "$@"
EOF
chmod +x "$TRIXIE/usr/local/bin/prismapp"
if [ -n "$PYRIGHT_PKG" ]; then
  bind "$PYRIGHT_PKG" /opt/pyright
  printf '#!/bin/sh\nexec node /opt/pyright/index.js "$@"\n' > "$TRIXIE/usr/local/bin/pyright"
  chmod +x "$TRIXIE/usr/local/bin/pyright"
else
  rm -f "$TRIXIE/usr/local/bin/pyright"
fi

echo "test-pydantic2: $(chroot "$TRIXIE" /usr/bin/python3 -c 'import sys, pydantic; print("Python", sys.version.split()[0], "pydantic", pydantic.VERSION)')"
cd "$ROOT"
if [ "${1:-}" = --exec ]; then
  shift
  rc=0  # not exec: the EXIT trap must still unmount
  chroot "$TRIXIE" /usr/bin/env -C "$PWD" PRISMAPP_HOST_BINARY="$BINARY" HOME=/root \
    PATH=/usr/local/bin:/usr/bin:/bin "$@" || rc=$?
  exit $rc
fi
chroot "$TRIXIE" /usr/bin/env -C "$ROOT" \
  PRISMAPP_HOST_BINARY="$BINARY" PRISMAPP_BINARY=/usr/local/bin/prismapp \
  PRISMAPP_TEST_POSTGRES_URL="${PRISMAPP_TEST_POSTGRES_URL:-postgresql://postgres:postgres@127.0.0.1:5432/postgres}" \
  PRISMAPP_TEST_MYSQL_URL="${PRISMAPP_TEST_MYSQL_URL:-mysql://prisma:prisma@127.0.0.1:3306/}" \
  PRISMAPP_PY_RUNTIME_OVERLAY="${PRISMAPP_PY_RUNTIME_OVERLAY:-}" \
  HOME=/root PATH=/usr/local/bin:/usr/bin:/bin \
  /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/python "$@"
