#include "core/migrate/history_table.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/dialect/renderer.hpp"
#include "core/migrate/migrate_error.hpp"
#include "core/migrate/uuid.hpp"

namespace prismapp::migrate {
namespace {

std::string text_or_empty(const dialect::Value& v) { return v.value_or(""); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

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
    // PostgreSQL prints timestamptz in the session's zone, which the connection sets to UTC.
    if (out.ends_with("+00:00")) out.resize(out.size() - 6);
    if (out.ends_with("+00")) out.resize(out.size() - 3);
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

bool is_ignored_table(const dialect::Dialect& dialect, std::string_view name) {
  return name == kMigrationsTableName || dialect.is_system_table(name);
}

std::string HistoryTable::q(std::string_view identifier) const { return dialect_.renderer().quote(identifier); }

std::optional<std::vector<MigrationRecord>> HistoryTable::load() {
  std::vector<dialect::Row> rows;
  try {
    rows = connection_.query(
        "SELECT " + q("id") + ", " + q("checksum") + ", " + q("finished_at") + ", " + q("migration_name") + ", " +
        q("logs") + ", " + q("rolled_back_at") + ", " + q("started_at") + ", " + q("applied_steps_count") + " FROM " +
        q(kMigrationsTableName) + " ORDER BY " + q("started_at") + " ASC");
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

void HistoryTable::create() { connection_.execute_script(dialect_.migrations_table_ddl()); }

void HistoryTable::initialize(const std::vector<std::string>& table_names) {
  if (std::find(table_names.begin(), table_names.end(), kMigrationsTableName) != table_names.end()) return;
  if (std::any_of(table_names.begin(), table_names.end(), [&](const auto& t) { return !is_ignored_table(dialect_, t); }))
    throw MigrateError("P3005",
                       "The database schema is not empty. Read more about how to baseline an existing production "
                       "database: https://pris.ly/d/migrate-baseline");
  create();
}

std::string HistoryTable::record_started(std::string_view migration_name, std::string_view checksum) {
  std::string id = new_uuid_v4();
  connection_.execute(
      "INSERT INTO " + q(kMigrationsTableName) + " (" + q("id") + ", " + q("checksum") + ", " + q("started_at") + ", " +
          q("migration_name") + ") VALUES (?, ?, ?, ?)",
      {id, std::string(checksum), dialect_.timestamp_parameter(now_millis()), std::string(migration_name)});
  return id;
}

void HistoryTable::record_successful_step(std::string_view id) {
  connection_.execute(
      "UPDATE " + q(kMigrationsTableName) + " SET " + q("applied_steps_count") + " = (" + q("applied_steps_count") +
          " + 1) WHERE " + q("id") + " = ?",
      {std::string(id)});
}

void HistoryTable::record_finished(std::string_view id) {
  connection_.execute("UPDATE " + q(kMigrationsTableName) + " SET " + q("finished_at") + " = ? WHERE " + q("id") + " = ?",
                      {dialect_.timestamp_parameter(now_millis()), std::string(id)});
}

void HistoryTable::record_failed(std::string_view id, std::string_view logs) {
  connection_.execute("UPDATE " + q(kMigrationsTableName) + " SET " + q("logs") + " = ? WHERE " + q("id") + " = ?",
                      {std::string(logs), std::string(id)});
}

std::string HistoryTable::mark_applied(std::string_view migration_name, std::string_view checksum) {
  std::string id = new_uuid_v4();
  const dialect::Value now = dialect_.timestamp_parameter(now_millis());
  connection_.execute(
      "INSERT INTO " + q(kMigrationsTableName) + " (" + q("id") + ", " + q("checksum") + ", " + q("logs") + ", " +
          q("started_at") + ", " + q("finished_at") + ", " + q("migration_name") + ") VALUES (?, ?, ?, ?, ?, ?)",
      {id, std::string(checksum), std::string(""), now, now, std::string(migration_name)});
  return id;
}

void HistoryTable::mark_rolled_back(std::string_view id) {
  connection_.execute("UPDATE " + q(kMigrationsTableName) + " SET " + q("rolled_back_at") + " = ? WHERE " + q("id") +
                          " = ?",
                      {dialect_.timestamp_parameter(now_millis()), std::string(id)});
}

}  // namespace prismapp::migrate
