#include "core/dialect/mysql/mysql_dialect.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <random>

#include "core/dialect/mysql/mysql_calculator_hooks.hpp"
#include "core/dialect/mysql/mysql_connection.hpp"
#include "core/dialect/mysql/mysql_differ_hooks.hpp"
#include "core/dialect/mysql/mysql_introspection.hpp"
#include "core/dialect/mysql/mysql_renderer.hpp"
#include "core/dialect/mysql/mysql_script.hpp"
#include "core/dialect/mysql/mysql_url.hpp"

namespace prismapp::dialect::mysql {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Prisma refuses to migrate MySQL's own databases (flavour/mysql.rs, SystemDatabase).
void check_not_system_database(const MysqlUrl& url) {
  const std::string name = lower(url.database);
  if (name == "mysql" || name == "information_schema" || name == "performance_schema" || name == "sys")
    throw DatabaseError("P3004", "The `" + url.database +
                                     "` database is a system database, it should not be altered with prisma migrate. "
                                     "Please connect to another database.");
}

// A random (version 4) UUID in its usual text form: Prisma names shadow databases
// `prisma_migrate_shadow_db_<uuid>`.
std::string new_uuid() {
  std::random_device device;
  std::mt19937_64 generator((static_cast<std::uint64_t>(device()) << 32) ^ device() ^
                            static_cast<std::uint64_t>(std::time(nullptr)));
  unsigned char bytes[16];
  for (auto& b : bytes) b = static_cast<unsigned char>(generator() & 0xff);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return out;
}

// The same server, no database selected: for CREATE/DROP DATABASE.
std::unique_ptr<MysqlConnection> open_server(const MysqlUrl& url) {
  MysqlUrl server = url;
  server.database.clear();
  return MysqlConnection::open(server);
}

// Prisma's validate_connection_infos_do_not_match: replaying migrations into the main database
// would destroy it.
bool same_database(const MysqlUrl& a, const MysqlUrl& b) {
  return a.host == b.host && a.port == b.port && a.socket == b.socket && a.database == b.database;
}

// A shadow database this command created on the main database's server: dropped when done.
struct CreatedShadowDatabase final : Dialect::ShadowDatabase {
  std::unique_ptr<MysqlConnection> server;  // the server-level connection that created it
  std::string name;
  ~CreatedShadowDatabase() override {
    connection.reset();  // close the shadow connection before dropping its database
    try {
      if (server) server->execute("DROP DATABASE IF EXISTS " + quote_mysql_identifier(name));
    } catch (const DatabaseError&) {
      // Best effort, like Prisma: a leftover shadow database is harmless and named as such.
    }
  }
};

}  // namespace

bool MysqlDialect::accepts_url(std::string_view url) const { return is_mysql_url(url); }

std::string MysqlDialect::resolve_url(const std::string& written_url, const std::filesystem::path&) const {
  parse_mysql_url(written_url);  // P1013 for malformed URLs
  return written_url;
}

Dialect::UrlInfo MysqlDialect::url_info(const std::string& written_url) const {
  const MysqlUrl url = parse_mysql_url(written_url);
  return UrlInfo{"MySQL", url.database, std::nullopt, url.host + ":" + std::to_string(url.port)};
}

std::unique_ptr<Connection> MysqlDialect::connect(const std::string& url) const {
  const MysqlUrl parsed = parse_mysql_url(url);
  check_not_system_database(parsed);
  return MysqlConnection::open(parsed);
}

Dialect::CreatingConnection MysqlDialect::connect_creating(const std::string& url, const std::string& written_url) const {
  (void)written_url;
  const MysqlUrl parsed = parse_mysql_url(url);
  check_not_system_database(parsed);
  CreatingConnection out;
  try {
    out.connection = MysqlConnection::open(parsed);
    return out;
  } catch (const DatabaseError& e) {
    if (e.code != "P1003") throw;
  }
  // Prisma's create_database: on the server, with its character set and collation.
  open_server(parsed)->execute("CREATE DATABASE " + quote_mysql_identifier(parsed.database) +
                               " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  out.connection = MysqlConnection::open(parsed);
  out.created_message = "MySQL database " + parsed.database + " created at " + parsed.host + ":" + std::to_string(parsed.port);
  return out;
}

std::unique_ptr<Dialect::ShadowDatabase> MysqlDialect::create_shadow_database(
    const std::string& main_url, const std::optional<std::string>& shadow_url) const {
  if (shadow_url) {
    const MysqlUrl shadow = parse_mysql_url(*shadow_url);
    if (!main_url.empty() && same_database(parse_mysql_url(main_url), shadow))
      throw DatabaseError("", "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
    auto conn = MysqlConnection::open(shadow);
    conn->reset();
    auto out = std::make_unique<ShadowDatabase>();
    out->connection = std::move(conn);
    out->url = *shadow_url;
    return out;
  }
  if (main_url.empty())
    throw DatabaseError("", "You must pass the --shadow-database-url if you want to diff a migrations directory.");
  const MysqlUrl main = parse_mysql_url(main_url);
  auto out = std::make_unique<CreatedShadowDatabase>();
  out->name = "prisma_migrate_shadow_db_" + new_uuid();
  out->server = MysqlConnection::open(main);
  // Prisma reports a failing CREATE DATABASE as the shadow database creation error (P3014),
  // which the generic code wraps around this one (P1010 when the user may not create databases).
  out->server->execute("CREATE DATABASE " + quote_mysql_identifier(out->name));
  MysqlUrl shadow = main;
  shadow.database = out->name;
  out->url = mysql_url_with_database(main_url, out->name);
  out->connection = MysqlConnection::open(shadow);
  return out;
}

const CalculatorHooks& MysqlDialect::calculator_hooks() const { return mysql_calculator_hooks(); }
const DifferHooks& MysqlDialect::differ_hooks() const { return mysql_differ_hooks(); }
const IntrospectionHooks& MysqlDialect::introspection_hooks() const { return mysql_introspection_hooks(); }
const Renderer& MysqlDialect::renderer() const { return mysql_renderer(); }

std::string MysqlDialect::migrations_table_ddl() const {
  // Prisma's exact statement (sql-schema-connector flavour/mysql.rs create_migrations_table).
  return "CREATE TABLE _prisma_migrations (\n"
         "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
         "    checksum                VARCHAR(64) NOT NULL,\n"
         "    finished_at             DATETIME(3),\n"
         "    migration_name          VARCHAR(255) NOT NULL,\n"
         "    logs                    TEXT,\n"
         "    rolled_back_at          DATETIME(3),\n"
         "    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
         "    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
         ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n";
}

// Prisma binds chrono DateTime<Utc> values; in a DATETIME(3) column that is the UTC wall-clock
// time with milliseconds.
Value MysqlDialect::timestamp_parameter(std::int64_t unix_millis) const {
  const std::time_t seconds = static_cast<std::time_t>(unix_millis / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(unix_millis % 1000));
  return std::string(buf);
}

const MysqlDialect& mysql_dialect() {
  static const MysqlDialect instance;
  return instance;
}

}  // namespace prismapp::dialect::mysql
