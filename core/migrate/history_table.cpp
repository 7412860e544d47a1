#include "core/migrate/history_table.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/migrate/migrate_error.hpp"
#include "core/migrate/uuid.hpp"

namespace prismapp::migrate {
namespace {

std::string text_or_empty(const dialect::Value& v) { return v.value_or(""); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string migrations_table_ddl(std::string_view provider) {
  // The per-provider text belongs with the dialects; it lives here until the Dialect interface
  // grows a hook for it. SQLite: Prisma's exact statement (sqlite.rs create_migrations_table).
  (void)provider;
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

std::int64_t now_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string display_timestamp(std::string_view stored) {
  if (!all_digits(stored)) {
    // Text timestamps ("2024-01-31 12:00:00" from current_timestamp, or RFC 3339).
    std::string out(stored);
    if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
    if (!out.empty() && out.back() == 'Z') out.pop_back();
    return out + " UTC";
  }
  const std::int64_t millis = std::stoll(std::string(stored));
  const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  std::string out = buf;
  const int ms = static_cast<int>(millis % 1000);
  if (ms != 0) {
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03d", ms);
    out += frac;
  }
  return out + " UTC";
}

bool is_ignored_table(std::string_view name) {
  return name == kMigrationsTableName || name.rfind("sqlite_", 0) == 0;
}

std::optional<std::vector<MigrationRecord>> HistoryTable::load() {
  std::vector<dialect::Row> rows;
  try {
    rows = connection_.query(
        "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count "
        "FROM \"_prisma_migrations\" ORDER BY \"started_at\" ASC");
  } catch (const dialect::DatabaseError&) {
    // Like Prisma: any failure to read the table means "not initialized".
    return std::nullopt;
  }
  std::vector<MigrationRecord> records;
  for (const auto& row : rows) {
    if (row.size() < 8) continue;
    MigrationRecord r;
    r.id = text_or_empty(row[0]);
    r.checksum = text_or_empty(row[1]);
    r.finished_at = row[2];
    r.migration_name = text_or_empty(row[3]);
    r.logs = row[4];
    r.rolled_back_at = row[5];
    r.started_at = text_or_empty(row[6]);
    r.applied_steps_count = all_digits(text_or_empty(row[7])) ? std::stoll(*row[7]) : 0;
    records.push_back(std::move(r));
  }
  return records;
}

void HistoryTable::create() { connection_.execute_script(migrations_table_ddl(provider_)); }

void HistoryTable::initialize(const std::vector<std::string>& table_names) {
  if (std::find(table_names.begin(), table_names.end(), kMigrationsTableName) != table_names.end()) return;
  if (std::any_of(table_names.begin(), table_names.end(), [](const auto& t) { return !is_ignored_table(t); }))
    throw MigrateError("P3005",
                       "The database schema is not empty. Read more about how to baseline an existing production "
                       "database: https://pris.ly/d/migrate-baseline");
  create();
}

std::string HistoryTable::record_started(std::string_view migration_name, std::string_view checksum) {
  std::string id = new_uuid_v4();
  connection_.execute(
      "INSERT INTO \"_prisma_migrations\" (\"id\", \"checksum\", \"started_at\", \"migration_name\") VALUES (?, ?, ?, ?)",
      {id, std::string(checksum), std::to_string(now_millis()), std::string(migration_name)});
  return id;
}

void HistoryTable::record_successful_step(std::string_view id) {
  connection_.execute(
      "UPDATE \"_prisma_migrations\" SET \"applied_steps_count\" = (\"applied_steps_count\" + 1) WHERE \"id\" = ?",
      {std::string(id)});
}

void HistoryTable::record_finished(std::string_view id) {
  connection_.execute("UPDATE \"_prisma_migrations\" SET \"finished_at\" = ? WHERE \"id\" = ?",
                      {std::to_string(now_millis()), std::string(id)});
}

void HistoryTable::record_failed(std::string_view id, std::string_view logs) {
  connection_.execute("UPDATE \"_prisma_migrations\" SET \"logs\" = ? WHERE \"id\" = ?",
                      {std::string(logs), std::string(id)});
}

std::string HistoryTable::mark_applied(std::string_view migration_name, std::string_view checksum) {
  std::string id = new_uuid_v4();
  const std::string now = std::to_string(now_millis());
  connection_.execute(
      "INSERT INTO \"_prisma_migrations\" (\"id\", \"checksum\", \"logs\", \"started_at\", \"finished_at\", "
      "\"migration_name\") VALUES (?, ?, ?, ?, ?, ?)",
      {id, std::string(checksum), std::string(""), now, now, std::string(migration_name)});
  return id;
}

void HistoryTable::mark_rolled_back(std::string_view id) {
  connection_.execute("UPDATE \"_prisma_migrations\" SET \"rolled_back_at\" = ? WHERE \"id\" = ?",
                      {std::to_string(now_millis()), std::string(id)});
}

}  // namespace prismapp::migrate
