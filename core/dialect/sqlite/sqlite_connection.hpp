// A connection to one SQLite database file (or an in-memory database), over the sqlite3 C API.
// Behaves like Prisma's schema engine connection (rusqlite): foreign keys enforced, a busy
// timeout instead of failing at once on a locked file, errors worded "SQLite database error\n<msg>".
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/dialect/sqlite/sqlite_url.hpp"

struct sqlite3;

namespace prismapp::dialect::sqlite {

// An error reported by SQLite. what() is Prisma's generic wording ("SQLite database error\n" +
// sqlite_message); code is "P1008" when the database stayed locked past the busy timeout.
// The migrate layer builds P3018/P3006 from sqlite_message and extended_code (Prisma prints the
// extended code as "Database error code").
struct SqliteError : DatabaseError {
  int extended_code = 0;
  std::string sqlite_message;
  // Where in the SQL text handed to execute_script/execute/query the failure is: the byte offset
  // SQLite pinpointed (syntax errors) or the start of the failing statement; 1-based line/column.
  std::optional<std::size_t> offset;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string statement;  // the failing statement's text, when known

  SqliteError(std::string code_, const std::string& message, int extended, std::string sqlite_msg)
      : DatabaseError(std::move(code_), message), extended_code(extended), sqlite_message(std::move(sqlite_msg)) {}
};

struct OpenOptions {
  // Prisma creates a missing database file for migrate/db push, but db pull reports P1003.
  bool create_if_missing = true;
  // rusqlite's default busy timeout, which Prisma's schema engine keeps unless the URL sets
  // socket_timeout (seconds).
  std::chrono::milliseconds busy_timeout{5000};
};

// Whether execute_script may run `sql` inside one transaction without changing its meaning
// (no PRAGMA, no transaction control of its own). Exposed for tests.
bool can_run_in_one_transaction(std::string_view sql);

class SqliteConnection final : public Connection {
 public:
  // Throws DatabaseError P1003 (missing file, create_if_missing off), P1013 (bad path) or
  // SqliteError (cannot open).
  static std::unique_ptr<SqliteConnection> open(const SqliteUrl& url, OpenOptions options = {});
  static std::unique_ptr<SqliteConnection> open_in_memory();

  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // True when open() created the file, so the CLI can print
  // "SQLite database dev.db created at file:./dev.db".
  bool created_database() const { return created_; }
  const std::string& file_path() const { return file_path_; }

  void execute_script(std::string_view sql) override;
  void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  sql::SqlSchema describe() override;
  // Empties the database, keeping the file (Prisma truncates it): every table, index, view and
  // trigger is gone and the file is a fresh, empty database.
  void reset() override;
  // Prisma's SQLite migration lock: `PRAGMA main.locking_mode=EXCLUSIVE`, so once this
  // connection touched the file no other process can write it until unlock() or close.
  // (SQLite has no advisory locks; this is the file lock itself.) A second connection of our
  // own to the same file will then see "database is locked": keep one connection per file.
  void lock() override;
  void unlock() override;

  void set_foreign_keys(bool enabled);
  sqlite3* handle() const { return db_; }

 private:
  SqliteConnection(sqlite3* db, std::string file_path, bool created);
  sqlite3* db_;
  std::string file_path_;
  bool created_ = false;
  bool locked_ = false;
};

}  // namespace prismapp::dialect::sqlite
