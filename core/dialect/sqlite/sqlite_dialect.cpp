#include "core/dialect/sqlite/sqlite_dialect.hpp"

#include <system_error>

#include "core/dialect/sqlite/sqlite_calculator_hooks.hpp"
#include "core/dialect/sqlite/sqlite_differ_hooks.hpp"
#include "core/dialect/sqlite/sqlite_introspection.hpp"
#include "core/dialect/sqlite/sqlite_renderer.hpp"
#include "core/dialect/sqlite/sqlite_url.hpp"

namespace prismapp::dialect::sqlite {
namespace {

bool same_file(const SqliteUrl& a, const SqliteUrl& b) {
  if (a.in_memory || b.in_memory) return false;
  std::error_code ec;
  if (std::filesystem::equivalent(a.file_path, b.file_path, ec)) return true;
  return std::filesystem::weakly_canonical(a.file_path, ec) == std::filesystem::weakly_canonical(b.file_path, ec);
}

}  // namespace

bool SqliteDialect::accepts_url(std::string_view url) const { return is_sqlite_url(url); }

std::string SqliteDialect::resolve_url(const std::string& written_url, const std::filesystem::path& base_dir) const {
  parse_sqlite_url(written_url);  // P1013 for malformed URLs
  return rebase_sqlite_url(written_url, base_dir);
}

Dialect::UrlInfo SqliteDialect::url_info(const std::string& written_url) const {
  return UrlInfo{"SQLite", sqlite_database_name(parse_sqlite_url(written_url)), std::nullopt, written_url};
}

std::unique_ptr<Connection> SqliteDialect::connect(const std::string& url) const { return connect_sqlite(url); }

std::unique_ptr<Connection> SqliteDialect::connect_existing(const std::string& url) const {
  OpenOptions options;
  options.create_if_missing = false;
  return connect_sqlite(url, options);
}

Dialect::CreatingConnection SqliteDialect::connect_creating(const std::string& url, const std::string& written_url) const {
  auto conn = connect_sqlite(url);
  CreatingConnection out;
  if (conn->created_database()) out.created_message = database_created_message(written_url);
  out.connection = std::move(conn);
  return out;
}

std::string SqliteDialect::migrations_table_ddl() const {
  // Prisma's exact statement (sql-schema-connector flavour/sqlite.rs create_migrations_table).
  return "CREATE TABLE \"_prisma_migrations\" (\n"
         "    \"id\"                    TEXT PRIMARY KEY NOT NULL,\n"
         "    \"checksum\"              TEXT NOT NULL,\n"
         "    \"finished_at\"           DATETIME,\n"
         "    \"migration_name\"        TEXT NOT NULL,\n"
         "    \"logs\"                  TEXT,\n"
         "    \"rolled_back_at\"        DATETIME,\n"
         "    \"started_at\"            DATETIME NOT NULL DEFAULT current_timestamp,\n"
         "    \"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
         ");\n";
}

// Prisma's SQLite driver (quaint) stores chrono DateTimes as integer milliseconds.
Value SqliteDialect::timestamp_parameter(std::int64_t unix_millis) const { return std::to_string(unix_millis); }

bool SqliteDialect::is_system_table(std::string_view table_name) const { return table_name.starts_with("sqlite_"); }

std::unique_ptr<SqliteConnection> SqliteDialect::connect_sqlite(const std::string& url, const OpenOptions& options) const {
  return SqliteConnection::open(parse_sqlite_url(url), options);
}

std::unique_ptr<Dialect::ShadowDatabase> SqliteDialect::create_shadow_database(
    const std::string& main_url, const std::optional<std::string>& shadow_url) const {
  auto shadow = std::make_unique<ShadowDatabase>();
  if (!shadow_url) {
    shadow->connection = SqliteConnection::open_in_memory();
    shadow->url = ":memory:";
    return shadow;
  }
  // Prisma's validate_connection_infos_do_not_match: replaying migrations into the main database
  // would destroy it.
  // (An empty main_url: no main database, as in migrate diff --from-migrations.)
  if (!main_url.empty() && same_file(parse_sqlite_url(main_url), parse_sqlite_url(*shadow_url)))
    throw DatabaseError("", "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
  auto conn = connect_sqlite(*shadow_url);
  conn->reset();
  shadow->connection = std::move(conn);
  shadow->url = *shadow_url;
  return shadow;
}

const CalculatorHooks& SqliteDialect::calculator_hooks() const { return sqlite_calculator_hooks(); }
const DifferHooks& SqliteDialect::differ_hooks() const { return sqlite_differ_hooks(); }
const IntrospectionHooks& SqliteDialect::introspection_hooks() const { return sqlite_introspection_hooks(); }
const Renderer& SqliteDialect::renderer() const { return sqlite_renderer(); }

const SqliteDialect& sqlite_dialect() {
  static const SqliteDialect instance;
  return instance;
}

std::string database_created_message(const std::string& written_url) {
  const auto url = parse_sqlite_url(written_url);
  return "SQLite database " + sqlite_database_name(url) + " created at " + written_url;
}

}  // namespace prismapp::dialect::sqlite
