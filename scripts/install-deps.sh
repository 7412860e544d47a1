#!/usr/bin/env bash
# Installs prismapp's build and test dependencies on Debian 12 (bookworm).
# Idempotent: does nothing when every package is already installed; runs `apt-get update` only
# when the package lists are missing or an install attempt fails.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config git
  libcli11-dev libfmt-dev libsqlite3-dev libpqxx-dev libmysqlcppconn-dev libjemalloc-dev
  libtomlplusplus-dev libdtl-dev nlohmann-json3-dev catch2
  clang-14 libclang-rt-14-dev
  python3 python3-pytest sqlite3
  # The generated Python client and its tests: pydantic 1.10, the DB-API drivers, pytest-asyncio,
  # mypy for the typing tests, SQLAlchemy 1.4 for the client benchmark.
  python3-pydantic python3-typing-extensions python3-psycopg2 python3-asyncpg python3-pymysql
  python3-pytest-asyncio mypy python3-sqlalchemy
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

# pyright (the typing tests of the generated client run it in strict mode) comes from npm.
PYRIGHT_VERSION=1.1.414
install_pyright() {
  if command -v pyright >/dev/null 2>&1; then return 0; fi
  if command -v npm >/dev/null 2>&1; then
    echo "install-deps: installing pyright@$PYRIGHT_VERSION from npm"
    npm install -g --no-fund --no-audit "pyright@$PYRIGHT_VERSION" >/dev/null || echo "install-deps: pyright could not be installed; the typing tests will say so" >&2
  else
    echo "install-deps: npm not found, so no pyright; the typing tests will say so" >&2
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages are installed"
  install_pyright
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}) and not root (no sudo either)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
APT=("${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 -y -q)
echo "install-deps: installing ${missing[*]}"
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' || true)" ]; then
  "${APT[@]}" update
fi
if ! "${APT[@]}" install --no-install-recommends "${missing[@]}"; then
  "${APT[@]}" update
  "${APT[@]}" install --no-install-recommends "${missing[@]}"
fi
install_pyright
