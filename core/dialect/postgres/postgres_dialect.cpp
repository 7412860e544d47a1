#include "core/dialect/postgres/postgres_dialect.hpp"

#include <cstdio>
#include <ctime>
#include <random>

#include "core/dialect/postgres/postgres_calculator_hooks.hpp"
#include "core/dialect/postgres/postgres_connection.hpp"
#include "core/dialect/postgres/postgres_differ_hooks.hpp"
#include "core/dialect/postgres/postgres_introspection.hpp"
#include "core/dialect/postgres/postgres_errors.hpp"
#include "core/dialect/postgres/postgres_renderer.hpp"
#include "core/dialect/postgres/postgres_url.hpp"

namespace prismapp::dialect::postgres {
namespace {

// Prisma's new_shadow_database_name: "prisma_migrate_shadow_db_" + a v4 UUID.
std::string new_uuid_v4() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> byte(0, 255);
  unsigned char b[16];
  for (auto& x : b) x = static_cast<unsigned char>(byte(rd));
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return out;
}

// Connects to a maintenance database of the server the URL names (Prisma's
// create_postgres_admin_conn): "postgres", then "template1", then "defaultdb", skipping those that
// do not exist or refuse access. The URL's schema parameter is dropped.
std::unique_ptr<PostgresConnection> admin_connection(const PostgresUrl& url) {
  for (const char* candidate : {"postgres", "template1", "defaultdb"}) {
    PostgresUrl admin = url;
    admin.database = candidate;
    admin.schema = "public";
    try {
      return PostgresConnection::open(admin);
    } catch (const DatabaseError& e) {
      if (e.code == "P1003" || e.code == "P1010") continue;
      throw;
    }
  }
  throw DatabaseError("P3000",
                      "Failed to create database: Prisma could not connect to a default database (`postgres` or "
                      "`template1`), it cannot create the specified database.");
}

// A shadow database Prisma-style: created on the main server, dropped WITH (FORCE) at the end.
struct CreatedShadowDatabase final : Dialect::ShadowDatabase {
  std::unique_ptr<PostgresConnection> main;  // where the shadow database was created from
  std::string name;
  ~CreatedShadowDatabase() override {
    connection.reset();  // our own session must be gone before the drop
    if (!main) return;
    try {
      main->execute_script("DROP DATABASE IF EXISTS " + quote_identifier(name) + " WITH (FORCE)");
    } catch (const DatabaseError&) {
      // PostgreSQL < 13 has no WITH (FORCE); Prisma falls back to the plain statement.
      try {
        main->execute_script("DROP DATABASE IF EXISTS " + quote_identifier(name));
      } catch (const DatabaseError&) {
      }
    }
  }
};

bool same_database(const PostgresUrl& a, const PostgresUrl& b) {
  return a.host == b.host && a.port == b.port && a.database == b.database && a.schema == b.schema;
}

}  // namespace

bool PostgresDialect::accepts_url(std::string_view url) const { return is_postgres_url(url); }

Dialect::UrlInfo PostgresDialect::url_info(const std::string& written_url) const {
  const PostgresUrl url = parse_postgres_url(written_url);
  UrlInfo info;
  info.database_kind = "PostgreSQL";
  info.database = url.database;
  info.schema = url.schema;
  // Prisma's getDbLocation: a socket folder as "unix:<path>", else host, with ":port" only when
  // the URL writes one.
  const auto host_param = url.params.find("host");
  if (host_param != url.params.end() && host_param->second.starts_with('/')) {
    info.location = "unix:" + host_param->second;
  } else {
    const bool port_written = [&] {
      const std::string_view w = written_url;
      const auto scheme_end = w.find("://");
      const auto rest = w.substr(scheme_end + 3);
      const auto authority = rest.substr(0, rest.find_first_of("/?#"));
      const auto hostport = authority.substr(authority.rfind('@') == std::string_view::npos ? 0 : authority.rfind('@') + 1);
      const auto colon = hostport.rfind(':');
      return colon != std::string_view::npos && hostport.find(']', colon) == std::string_view::npos && colon + 1 < hostport.size();
    }();
    info.location = url.url_host.value_or(url.host);
    if (port_written) info.location += ":" + std::to_string(url.port);
  }
  return info;
}

std::unique_ptr<Connection> PostgresDialect::connect(const std::string& url) const {
  return PostgresConnection::open(parse_postgres_url(url));
}

Dialect::CreatingConnection PostgresDialect::connect_creating(const std::string& url_text, const std::string&) const {
  const PostgresUrl url = parse_postgres_url(url_text);
  CreatingConnection out;
  try {
    out.connection = PostgresConnection::open(url);
    return out;
  } catch (const DatabaseError& e) {
    if (e.code != "P1003") throw;
  }
  // Prisma's create_database: CREATE DATABASE from a maintenance database, then the schema.
  {
    auto admin = admin_connection(url);
    try {
      admin->execute_script("CREATE DATABASE " + quote_identifier(url.database));
    } catch (const DatabaseError& e) {
      // Another process created it meanwhile (42P04 duplicate_database, or the unique index of
      // pg_database when both raced): fine, it exists now.
      if (e.database_code != "42P04" && e.database_code != "23505") throw;
    }
  }
  out.connection = PostgresConnection::open(url);  // creates the URL's schema too
  out.created_message = "PostgreSQL database " + url.database + " created at " + url_info(url_text).location;
  return out;
}

std::unique_ptr<Dialect::ShadowDatabase> PostgresDialect::create_shadow_database(
    const std::string& main_url, const std::optional<std::string>& shadow_url) const {
  if (shadow_url) {
    const PostgresUrl shadow = parse_postgres_url(*shadow_url);
    // Prisma's validate_connection_infos_do_not_match: replaying migrations into the main
    // database would destroy it. (An empty main_url: no main database, migrate diff.)
    if (!main_url.empty() && (main_url == *shadow_url || same_database(parse_postgres_url(main_url), shadow)))
      throw DatabaseError("", "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
    auto conn = PostgresConnection::open(shadow);
    conn->reset();
    auto out = std::make_unique<ShadowDatabase>();
    out->connection = std::move(conn);
    out->url = mask_password(*shadow_url);
    return out;
  }
  const PostgresUrl main = parse_postgres_url(main_url);
  auto out = std::make_unique<CreatedShadowDatabase>();
  out->name = "prisma_migrate_shadow_db_" + new_uuid_v4();
  out->main = PostgresConnection::open(main);
  // Failing here (no CREATEDB) becomes P3014 in the migrate layer.
  out->main->execute_script("CREATE DATABASE " + quote_identifier(out->name));
  PostgresUrl shadow = main;
  shadow.database = out->name;
  try {
    out->connection = PostgresConnection::open(shadow);  // creates the URL's schema in it
  } catch (...) {
    out.reset();  // drops the database again
    throw;
  }
  out->url = mask_password(with_database(main_url, out->name));
  return out;
}

const CalculatorHooks& PostgresDialect::calculator_hooks() const { return postgres_calculator_hooks(); }
const DifferHooks& PostgresDialect::differ_hooks() const { return postgres_differ_hooks(); }
const IntrospectionHooks& PostgresDialect::introspection_hooks() const { return postgres_introspection_hooks(); }
const Renderer& PostgresDialect::renderer() const { return postgres_renderer(); }

std::string PostgresDialect::migrations_table_ddl() const {
  // Prisma's exact statement (sql-schema-connector flavour/postgres.rs create_migrations_table).
  return "CREATE TABLE _prisma_migrations (\n"
         "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
         "    checksum                VARCHAR(64) NOT NULL,\n"
         "    finished_at             TIMESTAMPTZ,\n"
         "    migration_name          VARCHAR(255) NOT NULL,\n"
         "    logs                    TEXT,\n"
         "    rolled_back_at          TIMESTAMPTZ,\n"
         "    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
         "    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
         ");\n";
}

// tokio-postgres binds a chrono DateTime<Utc> as timestamptz; as text, PostgreSQL takes ISO 8601
// with an explicit UTC offset: "2024-01-02 03:04:05.678+00".
Value PostgresDialect::timestamp_parameter(std::int64_t unix_millis) const {
  const std::time_t secs = static_cast<std::time_t>(unix_millis >= 0 ? unix_millis / 1000 : (unix_millis - 999) / 1000);
  const int millis = static_cast<int>(unix_millis - static_cast<std::int64_t>(secs) * 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d+00", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return std::string(buf);
}

const PostgresDialect& postgres_dialect() {
  static const PostgresDialect instance;
  return instance;
}

}  // namespace prismapp::dialect::postgres
