#!/usr/bin/env bash
# Installs (apt) and starts the databases the integration tests use, on 127.0.0.1:
#   PostgreSQL 15  port 5432  user postgres / password postgres
#   MariaDB        port 3306  user prisma   / password prisma  (all privileges; root keeps socket auth)
# Tolerates servers that are already running; no systemd needed. Every wait is bounded.
set -euo pipefail

WAIT_SECONDS=${WAIT_SECONDS:-60}
export DEBIAN_FRONTEND=noninteractive

SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "start-test-dbs: installing ${missing[*]}"
  # Do not let package scripts start services through a (missing) init system.
  if ! "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 -y -q install --no-install-recommends "${missing[@]}"; then
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 -y -q update
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 -y -q install --no-install-recommends "${missing[@]}"
  fi
}

wait_for() {  # wait_for NAME COMMAND...
  local name=$1; shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "start-test-dbs: $name did not become ready within ${WAIT_SECONDS}s" >&2
      return 1
    fi
    sleep 1
  done
  echo "start-test-dbs: $name is ready"
}

# --- PostgreSQL 15 ----------------------------------------------------------------------------
ensure_packages postgresql-15 postgresql-client-15
if ! pg_lsclusters -h 2>/dev/null | awk '$1=="15" && $2=="main"' | grep -q .; then
  "${SUDO[@]}" pg_createcluster 15 main --port 5432
fi
if ! pg_lsclusters -h | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
  "${SUDO[@]}" pg_ctlcluster 15 main start || true
fi
wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432
as_postgres psql -q -v ON_ERROR_STOP=1 -c "ALTER USER postgres PASSWORD 'postgres'" >/dev/null

# --- PostgreSQL TLS, for the tests of sslmode / sslcert / sslaccept / sslidentity ----------------
# A private CA, a server certificate for 127.0.0.1 and localhost, and a client identity (PKCS#12,
# password "prismapp") for the role prismapp_tls_client, which pg_hba.conf admits by certificate
# only. Generated once into $PG_TLS_DIR (the tests read ca.crt and client.p12 there).
PG_TLS_DIR=${PRISMAPP_TEST_POSTGRES_TLS_DIR:-/var/lib/postgresql/prismapp-tls}
ensure_packages openssl
if [ ! -f "$PG_TLS_DIR/client.p12" ]; then
  "${SUDO[@]}" mkdir -p "$PG_TLS_DIR"
  (
    cd "$PG_TLS_DIR"
    q() { "${SUDO[@]}" "$@" >/dev/null 2>&1; }
    q openssl req -x509 -new -nodes -newkey rsa:2048 -days 3650 -subj "/CN=prismapp test CA" -keyout ca.key -out ca.crt
    q openssl req -new -nodes -newkey rsa:2048 -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
    echo "subjectAltName=IP:127.0.0.1,DNS:localhost" | "${SUDO[@]}" tee server.ext >/dev/null
    q openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -extfile server.ext -out server.crt
    q openssl req -new -nodes -newkey rsa:2048 -subj "/CN=prismapp_tls_client" -keyout client.key -out client.csr
    q openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -out client.crt
    q openssl pkcs12 -export -inkey client.key -in client.crt -certfile ca.crt -passout pass:prismapp -out client.p12
  )
  "${SUDO[@]}" chown -R postgres:postgres "$PG_TLS_DIR"
  "${SUDO[@]}" chmod 600 "$PG_TLS_DIR/server.key" "$PG_TLS_DIR/ca.key" "$PG_TLS_DIR/client.key"
  "${SUDO[@]}" chmod 644 "$PG_TLS_DIR/ca.crt" "$PG_TLS_DIR/client.p12" "$PG_TLS_DIR/server.crt"
fi
if [ "$(as_postgres psql -tAc 'SHOW ssl')" != "on" ] || \
   [ "$(as_postgres psql -tAc 'SHOW ssl_ca_file')" != "$PG_TLS_DIR/ca.crt" ]; then
  as_postgres psql -q -v ON_ERROR_STOP=1 \
    -c "ALTER SYSTEM SET ssl_cert_file = '$PG_TLS_DIR/server.crt'" \
    -c "ALTER SYSTEM SET ssl_key_file = '$PG_TLS_DIR/server.key'" \
    -c "ALTER SYSTEM SET ssl_ca_file = '$PG_TLS_DIR/ca.crt'" \
    -c "ALTER SYSTEM SET ssl = on" >/dev/null
fi
PG_HBA=$(as_postgres psql -tAc 'SHOW hba_file')
if ! "${SUDO[@]}" grep -q prismapp_tls_client "$PG_HBA"; then
  "${SUDO[@]}" sed -i '1i hostssl all prismapp_tls_client 127.0.0.1/32 cert' "$PG_HBA"
fi
as_postgres psql -q -v ON_ERROR_STOP=1 -c "SELECT pg_reload_conf()" \
  -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'prismapp_tls_client') THEN CREATE ROLE prismapp_tls_client LOGIN; END IF; END \$\$" >/dev/null
sleep 1
if [ "$(as_postgres psql -tAc 'SHOW ssl')" != "on" ]; then
  echo "start-test-dbs: PostgreSQL did not turn TLS on (see its log)" >&2
  exit 1
fi
echo "start-test-dbs: PostgreSQL TLS is on (CA $PG_TLS_DIR/ca.crt)"

# --- MariaDB -----------------------------------------------------------------------------------
ensure_packages mariadb-server mariadb-client
if ! mysqladmin ping --silent >/dev/null 2>&1; then
  if ! "${SUDO[@]}" service mariadb start >/dev/null 2>&1; then
    "${SUDO[@]}" mkdir -p /run/mysqld
    "${SUDO[@]}" chown mysql:mysql /run/mysqld 2>/dev/null || true
    ("${SUDO[@]}" nohup mysqld_safe --bind-address=127.0.0.1 --port=3306 >/tmp/prismapp-mysqld.log 2>&1 &)
  fi
fi
wait_for MariaDB mysqladmin ping --silent
"${SUDO[@]}" mysql -u root <<'SQL'
CREATE USER IF NOT EXISTS 'prisma'@'localhost' IDENTIFIED BY 'prisma';
CREATE USER IF NOT EXISTS 'prisma'@'127.0.0.1' IDENTIFIED BY 'prisma';
CREATE USER IF NOT EXISTS 'prisma'@'%' IDENTIFIED BY 'prisma';
GRANT ALL PRIVILEGES ON *.* TO 'prisma'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'prisma'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'prisma'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
wait_for "MariaDB (TCP, user prisma)" mysqladmin ping --silent -h 127.0.0.1 -P 3306 -u prisma -pprisma

echo "PRISMAPP_TEST_POSTGRES_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres"
echo "PRISMAPP_TEST_POSTGRES_TLS_DIR=$PG_TLS_DIR"
echo "PRISMAPP_TEST_MYSQL_URL=mysql://prisma:prisma@127.0.0.1:3306/"
