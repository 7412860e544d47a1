// The `_prisma_migrations` table, read and written exactly as Prisma's schema engine does
// (sql_migration_persistence.rs), so Prisma and prismapp can take turns on one database:
//   - a started migration gets a row with a new v4 UUID, the script's checksum and started_at;
//   - success increments applied_steps_count and sets finished_at;
//   - failure stores the error in logs and leaves finished_at NULL (a "failed" migration);
//   - resolve --rolled-back sets rolled_back_at; resolve --applied inserts a finished row.
// Timestamps are bound as Prisma's driver binds them (Dialect::timestamp_parameter: integer
// milliseconds on SQLite, timestamptz on PostgreSQL, DATETIME(3) on MySQL); any stored form is
// understood on read.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"

namespace prismapp::migrate {

inline constexpr const char* kMigrationsTableName = "_prisma_migrations";

struct MigrationRecord {
  std::string id;
  std::string checksum;
  std::optional<std::string> finished_at;  // as stored
  std::string migration_name;
  std::optional<std::string> logs;
  std::optional<std::string> rolled_back_at;
  std::string started_at;
  std::int64_t applied_steps_count = 0;

  bool is_failed() const { return !finished_at && !rolled_back_at; }
  bool is_applied() const { return finished_at && !rolled_back_at; }
};

// A stored timestamp the way Prisma prints a chrono DateTime<Utc>: "2024-01-31 12:00:00.123 UTC".
std::string display_timestamp(std::string_view stored);
// Milliseconds since the epoch, now.
std::int64_t now_millis();

class HistoryTable {
 public:
  HistoryTable(dialect::Connection& connection, const dialect::Dialect& dialect)
      : connection_(connection), dialect_(dialect) {}

  // All rows ordered by started_at; nullopt when the table does not exist.
  std::optional<std::vector<MigrationRecord>> load();
  // Creates the table (no checks: baselining and resolve --applied use this).
  void create();
  // Before applying migrations: creates the table when missing, but refuses (P3005) when the
  // database already holds other tables. `table_names` is what the database contains.
  void initialize(const std::vector<std::string>& table_names);

  std::string record_started(std::string_view migration_name, std::string_view checksum);
  void record_successful_step(std::string_view id);
  void record_finished(std::string_view id);
  void record_failed(std::string_view id, std::string_view logs);
  // resolve --applied: a finished row with empty logs.
  std::string mark_applied(std::string_view migration_name, std::string_view checksum);
  void mark_rolled_back(std::string_view id);

 private:
  // `"_prisma_migrations"` / `` `_prisma_migrations` `` and the same for columns.
  std::string q(std::string_view identifier) const;

  dialect::Connection& connection_;
  const dialect::Dialect& dialect_;
};

// Tables migrate ignores when deciding whether a database is empty (the database's own system
// tables and the migrations table itself).
bool is_ignored_table(const dialect::Dialect& dialect, std::string_view name);

}  // namespace prismapp::migrate
