#include "core/dialect/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "core/dialect/sqlite/sqlite_describer.hpp"

namespace prismapp::dialect::sqlite {
namespace {

// Finalizes on scope exit, whatever path leaves the function.
struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

void locate(SqliteError& err, std::string_view sql, std::size_t offset) {
  if (offset > sql.size()) offset = sql.size();
  err.offset = offset;
  err.line = 1;
  err.column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (sql[i] == '\n') {
      ++err.line;
      err.column = 1;
    } else {
      ++err.column;
    }
  }
}

SqliteError make_error(sqlite3* db, int rc) {
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = extended & 0xff;
  // Prisma maps SQLITE_BUSY to a socket timeout (P1008); SQLITE_LOCKED is the same situation
  // within one process (shared cache), so it gets the same code.
  std::string code = (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? "P1008" : "";
  const std::string what = "SQLite database error\n" + message;
  return SqliteError(std::move(code), what, extended, std::move(message));
}

// The byte offset of the syntax error SQLite found while preparing `stmt_start`, when it knows.
std::optional<std::size_t> prepare_error_offset(sqlite3* db) {
#if SQLITE_VERSION_NUMBER >= 3038000
  const int off = sqlite3_error_offset(db);
  if (off >= 0) return static_cast<std::size_t>(off);
#else
  (void)db;
#endif
  return std::nullopt;
}

std::size_t skip_space(std::string_view sql, std::size_t pos) {
  while (pos < sql.size() && (sql[pos] == ' ' || sql[pos] == '\n' || sql[pos] == '\r' || sql[pos] == '\t')) ++pos;
  return pos;
}

// Prepares the statement starting at `pos` of `sql`. Returns null for a tail with no statement
// (whitespace, comments); sets `next` to where the following statement starts.
Statement prepare_at(sqlite3* db, std::string_view sql, std::size_t pos, std::size_t& next) {
  sqlite3_stmt* raw = nullptr;
  const char* start = sql.data() + pos;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db, start, static_cast<int>(sql.size() - pos), &raw, &tail);
  Statement stmt(raw);
  if (rc != SQLITE_OK) {
    SqliteError err = make_error(db, rc);
    const auto local = prepare_error_offset(db);
    locate(err, sql, pos + local.value_or(skip_space(sql, pos) - pos));
    throw err;
  }
  next = tail != nullptr ? static_cast<std::size_t>(tail - sql.data()) : sql.size();
  return stmt;
}

void bind(sqlite3* db, sqlite3_stmt* stmt, const std::vector<Value>& params) {
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size()))
    throw DatabaseError("", "SQLite database error\nwrong number of parameters: the statement takes " +
                                std::to_string(expected) + ", " + std::to_string(params.size()) + " given");
  for (int i = 0; i < expected; ++i) {
    const Value& v = params[static_cast<std::size_t>(i)];
    const int rc = v ? sqlite3_bind_text(stmt, i + 1, v->data(), static_cast<int>(v->size()), SQLITE_TRANSIENT)
                     : sqlite3_bind_null(stmt, i + 1);
    if (rc != SQLITE_OK) throw make_error(db, rc);
  }
}

Row read_row(sqlite3_stmt* stmt) {
  const int n = sqlite3_column_count(stmt);
  Row row;
  row.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
      row.emplace_back(std::nullopt);
      continue;
    }
    // Text of any storage class: integers and reals print as SQLite does, blobs come back raw.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
    row.emplace_back(std::string(text != nullptr ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
  }
  return row;
}

// Steps to completion, collecting rows when asked. Errors carry the statement's position.
void run(sqlite3* db, sqlite3_stmt* stmt, std::string_view sql, std::size_t stmt_pos, std::vector<Row>* rows) {
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return;
    if (rc == SQLITE_ROW) {
      if (rows != nullptr) rows->push_back(read_row(stmt));
      continue;
    }
    SqliteError err = make_error(db, rc);
    locate(err, sql, skip_space(sql, stmt_pos));
    if (const char* text = sqlite3_sql(stmt)) err.statement = text;
    throw err;
  }
}

// Prepares the one statement of `sql`; anything after it but comments and whitespace is an error
// (execute/query are for single statements; scripts go through execute_script).
Statement prepare_single(sqlite3* db, std::string_view sql) {
  std::size_t next = 0;
  Statement stmt = prepare_at(db, sql, 0, next);
  if (!stmt) throw DatabaseError("", "SQLite database error\nthe query is empty");
  std::size_t after = 0;
  if (next < sql.size() && prepare_at(db, sql, next, after))
    throw DatabaseError("", "SQLite database error\nonly one statement may be executed at a time");
  return stmt;
}

}  // namespace

SqliteConnection::SqliteConnection(sqlite3* db, std::string file_path, bool created)
    : db_(db), file_path_(std::move(file_path)), created_(created) {}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

std::unique_ptr<SqliteConnection> SqliteConnection::open(const SqliteUrl& url, OpenOptions options) {
  if (url.in_memory) return open_in_memory();
  if (url.socket_timeout_seconds) options.busy_timeout = std::chrono::seconds(*url.socket_timeout_seconds);

  std::error_code ec;
  const std::filesystem::path path(url.file_path);
  const bool existed = std::filesystem::exists(path, ec);
  if (!existed) {
    if (!options.create_if_missing)
      throw DatabaseError("P1003", "Database `" + sqlite_database_name(url) + "` does not exist at `" + url.file_path + "`.");
    // Like Prisma's create_database: the parent folders appear with the file.
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  }

  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(url.file_path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(raw, url.file_path, !existed));
  if (rc != SQLITE_OK) throw make_error(raw, rc);  // conn closes the half-open handle

  sqlite3_busy_timeout(raw, static_cast<int>(options.busy_timeout.count()));
  // Prisma's bundled SQLite is built with SQLITE_DEFAULT_FOREIGN_KEYS=1; the system library is
  // not, so turn enforcement on explicitly. Reading the schema also makes SQLite create the file
  // now and report a non-database file at once ("file is not a database").
  conn->execute("PRAGMA foreign_keys = ON");
  conn->query("SELECT count(*) FROM sqlite_master");
  return conn;
}

std::unique_ptr<SqliteConnection> SqliteConnection::open_in_memory() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(raw, ":memory:", false));
  if (rc != SQLITE_OK) throw make_error(raw, rc);
  conn->execute("PRAGMA foreign_keys = ON");
  return conn;
}

// Whether a script can run inside one transaction without changing its meaning: SQLite DDL is
// transactional, but PRAGMAs such as foreign_keys are no-ops inside a transaction (table
// redefinitions rely on them), and a script's own BEGIN/COMMIT/SAVEPOINT cannot nest. The scan is
// lexical and conservative: it looks at the first word of every statement, skipping comments
// and quoted text, and answers false on anything it does not recognise as plain.
bool can_run_in_one_transaction(std::string_view sql) {
  static constexpr std::string_view kUnsafe[] = {"PRAGMA", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT",
                                                 "RELEASE", "VACUUM", "ATTACH", "DETACH"};
  bool statement_start = true;
  std::size_t i = 0;
  auto upper = [](char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c); };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const auto close = sql.find("*/", i + 2);
      if (close == std::string_view::npos) return false;
      i = close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const char close_char = c == '[' ? ']' : c;
      const auto close = sql.find(close_char, i + 1);
      if (close == std::string_view::npos) return false;
      i = close + 1;
      statement_start = false;
    } else if (c == ';') {
      statement_start = true;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      if (statement_start) {
        std::string word;
        while (i < sql.size() && ((sql[i] >= 'a' && sql[i] <= 'z') || (sql[i] >= 'A' && sql[i] <= 'Z')))
          word += upper(sql[i++]);
        for (auto unsafe : kUnsafe)
          if (word == unsafe) return false;
        statement_start = false;
        if (word.empty()) ++i;
      } else {
        ++i;
      }
    }
  }
  return true;
}

void SqliteConnection::execute_script(std::string_view sql) {
  std::size_t pos = 0;
  // In autocommit mode every statement is its own transaction with its own journal sync: a
  // 500-table migration took ~1.9 s that way and ~0.13 s in one transaction. When the script is
  // plain DDL/DML, run it in one transaction; a failure then also leaves nothing half-applied.
  const bool wrap = sqlite3_get_autocommit(db_) != 0 && can_run_in_one_transaction(sql);
  if (wrap) sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
  try {
    while (pos < sql.size()) {
      std::size_t next = sql.size();
      Statement stmt = prepare_at(db_, sql, pos, next);
      if (stmt) run(db_, stmt.get(), sql, pos, nullptr);
      if (next <= pos) break;
      pos = next;
    }
    if (wrap) {
      char* error = nullptr;
      if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, &error) != SQLITE_OK) {
        sqlite3_free(error);
        throw make_error(db_, sqlite3_errcode(db_));
      }
    }
  } catch (const SqliteError&) {
    // A script that opened a transaction and failed inside it would otherwise leave this
    // connection in that transaction, and the migrate layer's bookkeeping after the failure
    // would silently join it. Undo the script's partial transaction instead.
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SqliteConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  Statement stmt = prepare_single(db_, sql);
  bind(db_, stmt.get(), params);
  run(db_, stmt.get(), sql, 0, nullptr);
}

std::vector<Row> SqliteConnection::query(std::string_view sql, const std::vector<Value>& params) {
  Statement stmt = prepare_single(db_, sql);
  bind(db_, stmt.get(), params);
  std::vector<Row> rows;
  run(db_, stmt.get(), sql, 0, &rows);
  return rows;
}

sql::SqlSchema SqliteConnection::describe() { return describe_sqlite(*this); }

void SqliteConnection::reset() {
  // SQLite's documented way to empty a database in place, through the open connection: with
  // SQLITE_DBCONFIG_RESET_DATABASE set, VACUUM rewrites the file as a new, empty database.
  // Unlike truncating the file under the connection (Prisma), no stale page cache is possible.
  int ignored = 0;
  sqlite3_db_config(db_, SQLITE_DBCONFIG_RESET_DATABASE, 1, &ignored);
  const int rc = sqlite3_exec(db_, "VACUUM", nullptr, nullptr, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_RESET_DATABASE, 0, &ignored);
  if (rc != SQLITE_OK) throw make_error(db_, rc);
}

void SqliteConnection::lock() {
  execute("PRAGMA main.locking_mode = EXCLUSIVE");
  // The lock is only taken at the next access to the file: take it now, so that the lock is
  // held from here on rather than from the first migration statement.
  query("SELECT count(*) FROM sqlite_master");
  locked_ = true;
}

void SqliteConnection::unlock() {
  if (!locked_) return;
  execute("PRAGMA main.locking_mode = NORMAL");
  // Leaving exclusive mode releases the file lock at the next access, so make one.
  query("SELECT count(*) FROM sqlite_master");
  locked_ = false;
}

void SqliteConnection::set_foreign_keys(bool enabled) {
  execute(enabled ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
}

}  // namespace prismapp::dialect::sqlite
