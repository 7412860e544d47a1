// The SQLite dialect: connections to database files, the in-memory shadow database, and the
// SQLite policies of the calculator, differ and renderer.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/dialect/dialect.hpp"
#include "core/dialect/sqlite/sqlite_connection.hpp"

namespace prismapp::dialect::sqlite {

class SqliteDialect final : public Dialect {
 public:
  std::string_view provider() const override { return "sqlite"; }

  // `file:` / `sqlite:` URLs; relative `file:` paths are rebased onto base_dir.
  bool accepts_url(std::string_view url) const override;
  std::string resolve_url(const std::string& written_url, const std::filesystem::path& base_dir) const override;
  UrlInfo url_info(const std::string& written_url) const override;

  // Opens (creating when missing, like migrate dev / db push) the file the URL names. Relative
  // `file:` paths must already be rebased onto the schema folder (rebase_sqlite_url).
  std::unique_ptr<Connection> connect(const std::string& url) const override;
  // P1003 "Database `dev.db` does not exist at `/path/dev.db`." instead of creating the file.
  std::unique_ptr<Connection> connect_existing(const std::string& url) const override;
  // The same with the SQLite-specific result: created_database() for the CLI's
  // "SQLite database dev.db created at file:./dev.db" line, and options (db pull must not create).
  std::unique_ptr<SqliteConnection> connect_sqlite(const std::string& url, const OpenOptions& options = {}) const;
  CreatingConnection connect_creating(const std::string& url, const std::string& written_url) const override;

  // Prisma replays migrations into a private in-memory database; a configured shadowDatabaseUrl
  // is used instead (emptied first) and must not be the main database.
  std::unique_ptr<ShadowDatabase> create_shadow_database(const std::string& main_url,
                                                         const std::optional<std::string>& shadow_url) const override;

  const CalculatorHooks& calculator_hooks() const override;
  const DifferHooks& differ_hooks() const override;
  const Renderer& renderer() const override;
  const IntrospectionHooks& introspection_hooks() const override;

  std::string migrations_table_ddl() const override;
  Value timestamp_parameter(std::int64_t unix_millis) const override;
  bool is_system_table(std::string_view table_name) const override;
};

const SqliteDialect& sqlite_dialect();

// The CLI's line after creating the file: "SQLite database dev.db created at file:./dev.db".
std::string database_created_message(const std::string& written_url);

}  // namespace prismapp::dialect::sqlite
