#include "core/migrate/apply_migrations.hpp"

#include <algorithm>

#include "core/migrate/checksum.hpp"
#include "core/migrate/database_error_text.hpp"
#include "core/migrate/migrate_error.hpp"

namespace prismapp::migrate {
namespace {

std::string trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

// Prisma's P3018 text. The database error code is the server's (SQLite's numeric result code,
// PostgreSQL's SQLSTATE, MySQL's error number).
std::string apply_error_message(std::string_view migration_name, const dialect::DatabaseError& error) {
  const DatabaseErrorText text = database_error_text(error);
  return "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read "
         "more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n"
         "Migration name: " +
         std::string(migration_name) + "\n\nDatabase error code: " + (text.code.empty() ? "1" : text.code) +
         "\n\nDatabase error:\n" + text.message + "\n";
}

}  // namespace

std::vector<std::string> table_names(dialect::Connection& connection) {
  const sql::SqlSchema schema = connection.describe();
  std::vector<std::string> names;
  for (const auto& table : schema.tables) names.push_back(table.name);
  return names;
}

void check_no_failed_migrations(const std::vector<MigrationRecord>& records) {
  std::string details;
  for (const auto& record : records) {
    if (!record.is_failed()) continue;
    const std::string logs = trim(record.logs.value_or(""));
    details += "The `" + record.migration_name + "` migration started at " + display_timestamp(record.started_at) +
               " failed" + (logs.empty() ? "" : " with the following logs:\n" + logs) + "\n";
  }
  if (details.empty()) return;
  throw MigrateError("P3009",
                     "migrate found failed migrations in the target database, new migrations will not be applied. "
                     "Read more about how to resolve migration issues in a production database: "
                     "https://pris.ly/d/migrate-resolve\n" +
                         details);
}

std::vector<std::string> apply_migrations(dialect::Connection& connection, const dialect::Dialect& dialect,
                                          const std::filesystem::path& migrations_dir,
                                          const ApplyingCallback& on_applying) {
  const std::string provider(dialect.provider());
  check_lock_provider(migrations_dir, provider);
  const auto folder = list_migrations(migrations_dir);

  connection.lock();
  HistoryTable history(connection, dialect);
  // The history table lives in the connection's own schema, which the described schemas
  // (`schemas = [...]` on PostgreSQL) need not include: a readable table counts as initialized.
  auto loaded = history.load();
  if (!loaded) {
    history.initialize(table_names(connection));
    loaded = history.load();
  }
  const auto records = loaded.value_or(std::vector<MigrationRecord>{});
  check_no_failed_migrations(records);

  std::vector<std::string> applied;
  for (const auto& migration : folder) {
    const bool done = std::any_of(records.begin(), records.end(), [&](const MigrationRecord& r) {
      return !r.rolled_back_at && r.migration_name == migration.name;
    });
    if (done) continue;
    const std::string script = migration.read_script();
    if (on_applying) on_applying(migration.name);
    const std::string id = history.record_started(migration.name, render_checksum(script));
    try {
      connection.execute_script(script);
    } catch (const dialect::DatabaseError& e) {
      const std::string message = apply_error_message(migration.name, e);
      history.record_failed(id, message);
      connection.unlock();
      throw MigrateError("P3018", message);
    }
    history.record_successful_step(id);
    history.record_finished(id);
    applied.push_back(migration.name);
  }
  connection.unlock();
  return applied;
}

}  // namespace prismapp::migrate
