#include "core/dialect/sqlite/sqlite_dialect.hpp"

#include <system_error>

#include "core/dialect/sqlite/sqlite_calculator_hooks.hpp"
#include "core/dialect/sqlite/sqlite_differ_hooks.hpp"
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

std::unique_ptr<Connection> SqliteDialect::connect(const std::string& url) const { return connect_sqlite(url); }

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
