#include "core/dialect/postgres/postgres_connection.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <memory>

#include "core/dialect/postgres/postgres_describer.hpp"
#include "core/dialect/postgres/postgres_errors.hpp"

namespace prismapp::dialect::postgres {
namespace {

constexpr std::chrono::seconds kAdvisoryLockTimeout{10};

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Server notices ("drop cascades to 3 other objects", "schema ... already exists, skipping") are
// informational; Prisma does not print them and libpq's default would write them to stderr.
void ignore_notice(void*, const char*) {}

Row read_row(const PGresult* r, int row) {
  const int n = PQnfields(r);
  Row out;
  out.reserve(static_cast<std::size_t>(n));
  for (int c = 0; c < n; ++c) {
    if (PQgetisnull(r, row, c)) out.emplace_back(std::nullopt);
    else out.emplace_back(std::string(PQgetvalue(r, row, c), static_cast<std::size_t>(PQgetlength(r, row, c))));
  }
  return out;
}

// The end of a dollar-quote tag starting at `i` ("$tag$" or "$$"), or npos when `i` is not one.
std::size_t dollar_tag_end(std::string_view sql, std::size_t i) {
  std::size_t j = i + 1;
  while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_' ||
                            static_cast<unsigned char>(sql[j]) >= 0x80))
    ++j;
  if (j < sql.size() && sql[j] == '$') {
    // "$1" is a parameter, not a tag: tags do not start with a digit.
    if (j > i + 1 && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) return std::string_view::npos;
    return j + 1;
  }
  return std::string_view::npos;
}

// Prisma's code for an error the server returned to a statement (quaint's postgres error.rs,
// through user-facing-errors), and the message it shows.
std::string statement_error_code(const ServerErrorFields& e) {
  if (e.code == "57014") return "P1008";  // canceled: our socket timeout
  return "";
}

[[noreturn]] void throw_connection_lost(PGconn* conn) {
  std::string text = PQerrorMessage(conn);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  throw DatabaseError("P1017", "Server has closed the connection.", "", text);
}

}  // namespace

std::string translate_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int n = 0;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    auto copy_until = [&](std::size_t end) {
      out.append(sql.substr(i, end - i));
      i = end;
    };
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const auto nl = sql.find('\n', i);
      copy_until(nl == std::string_view::npos ? sql.size() : nl);
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      // Block comments nest in PostgreSQL.
      int depth = 0;
      std::size_t j = i;
      while (j < sql.size()) {
        if (sql.compare(j, 2, "/*") == 0) { ++depth; j += 2; }
        else if (sql.compare(j, 2, "*/") == 0) { j += 2; if (--depth == 0) break; }
        else ++j;
      }
      copy_until(j);
    } else if (c == '\'' ) {
      // E'...' strings escape with backslashes; standard strings only by doubling quotes.
      const bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (escapes && sql[j] == '\\') { j += 2; continue; }
        if (sql[j] == '\'') {
          if (j + 1 < sql.size() && sql[j + 1] == '\'') { j += 2; continue; }
          ++j;
          break;
        }
        ++j;
      }
      copy_until(std::min(j, sql.size()));
    } else if (c == '"') {
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == '"') {
          if (j + 1 < sql.size() && sql[j + 1] == '"') { j += 2; continue; }
          ++j;
          break;
        }
        ++j;
      }
      copy_until(std::min(j, sql.size()));
    } else if (c == '$' && (i == 0 || !(std::isalnum(static_cast<unsigned char>(sql[i - 1])) || sql[i - 1] == '_'))) {
      const auto tag_end = dollar_tag_end(sql, i);
      if (tag_end == std::string_view::npos) {
        out += c;
        ++i;
        continue;
      }
      const std::string_view tag = sql.substr(i, tag_end - i);
      const auto close = sql.find(tag, tag_end);
      copy_until(close == std::string_view::npos ? sql.size() : close + tag.size());
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

PostgresConnection::PostgresConnection(PGconn* conn, PostgresUrl url) : conn_(conn), url_(std::move(url)) {}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

std::unique_ptr<PostgresConnection> PostgresConnection::open(const PostgresUrl& url) {
  const auto params = libpq_parameters(url);
  std::vector<const char*> keys, values;
  for (const auto& [k, v] : params) {
    keys.push_back(k.c_str());
    values.push_back(v.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* raw = PQconnectdbParams(keys.data(), values.data(), 0);
  if (raw == nullptr) throw DatabaseError("P1001", database_not_reachable_message(url));
  if (PQstatus(raw) != CONNECTION_OK) {
    const std::string text = PQerrorMessage(raw);
    PQfinish(raw);
    throw connection_error(url, text);
  }
  PQsetNoticeProcessor(raw, ignore_notice, nullptr);
  std::unique_ptr<PostgresConnection> conn(new PostgresConnection(raw, url));
  // Prisma's driver sets search_path to the URL's schema as a connection parameter; timestamps
  // are exchanged in UTC so _prisma_migrations reads the same whatever the server's zone.
  conn->execute_script("SET search_path = " + quote_identifier(url.schema) + "; SET TimeZone = 'UTC'");
  // Prisma's setup_connection: every schema-engine connection creates the URL's schema when it
  // does not exist yet (a `?schema=app` on an existing database just works).
  const auto exists = conn->query("SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = ?)", {url.schema});
  if (exists.empty() || exists[0].empty() || exists[0][0] != Value("t"))
    conn->execute_script("CREATE SCHEMA " + quote_identifier(url.schema));
  return conn;
}

std::vector<Row> PostgresConnection::run(std::string_view sql, const std::vector<Value>* params, Mode mode,
                                         std::optional<std::chrono::milliseconds> timeout, bool* timed_out) {
  if (!timeout && url_.socket_timeout) timeout = std::chrono::seconds(*url_.socket_timeout);
  const std::string text(sql);
  int sent = 0;
  if (params != nullptr && !params->empty()) {
    const std::string translated = translate_placeholders(sql);
    std::vector<const char*> values;
    values.reserve(params->size());
    for (const Value& v : *params) values.push_back(v ? v->c_str() : nullptr);
    sent = PQsendQueryParams(conn_, translated.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                             nullptr, 0);
  } else {
    sent = PQsendQuery(conn_, text.c_str());
  }
  if (sent == 0) {
    if (PQstatus(conn_) != CONNECTION_OK) throw_connection_lost(conn_);
    std::string msg = PQerrorMessage(conn_);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    throw DatabaseError("", msg);
  }

  // (A plain time point plus a flag: GCC 12 misreads an optional<time_point> as uninitialized.)
  const bool has_deadline = timeout.has_value();
  const auto deadline = std::chrono::steady_clock::now() + timeout.value_or(std::chrono::milliseconds(0));
  bool cancelled = false;
  std::vector<Row> rows;
  std::optional<ServerErrorFields> error;
  for (;;) {
    while (PQisBusy(conn_)) {
      int wait_ms = -1;
      if (has_deadline && !cancelled) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        wait_ms = static_cast<int>(std::max<long long>(0, left.count()));
      }
      pollfd pfd{PQsocket(conn_), POLLIN, 0};
      const int ready = poll(&pfd, 1, wait_ms);
      if (ready == 0 && has_deadline && !cancelled) {
        // Out of time: ask the server to cancel, then read what it answers (57014).
        cancelled = true;
        if (timed_out != nullptr) *timed_out = true;
        if (PGcancel* cancel = PQgetCancel(conn_)) {
          char buf[256];
          PQcancel(cancel, buf, sizeof buf);
          PQfreeCancel(cancel);
        }
        continue;
      }
      if (ready < 0 && errno == EINTR) continue;
      if (PQconsumeInput(conn_) == 0) throw_connection_lost(conn_);
    }
    Result r(PQgetResult(conn_));
    if (!r) break;
    switch (PQresultStatus(r.get())) {
      case PGRES_TUPLES_OK: {
        std::vector<Row> these;
        const int n = PQntuples(r.get());
        these.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) these.push_back(read_row(r.get(), i));
        rows = std::move(these);
        break;
      }
      case PGRES_FATAL_ERROR:
      case PGRES_NONFATAL_ERROR:
        if (!error) error = read_error_fields(r.get());
        break;
      default:
        break;
    }
  }
  if (PQstatus(conn_) != CONNECTION_OK) throw_connection_lost(conn_);
  if (error) {
    if (cancelled && timed_out == nullptr) {
      const unsigned secs = url_.socket_timeout.value_or(0);
      throw PostgresError("P1008", "Operations timed out after `" + std::to_string(secs) +
                              "s`. Context: The database failed to respond to a query within the configured timeout "
                              "(socket_timeout); the query was cancelled.",
                          *error, display_db_error(*error));
    }
    const std::string display = display_db_error(*error);
    std::string database_message = mode == Mode::Script ? migration_error_text(*error, sql) : display;
    throw PostgresError(statement_error_code(*error), display, *error, std::move(database_message));
  }
  return rows;
}

void PostgresConnection::execute_script(std::string_view sql) { run(sql, nullptr, Mode::Script, std::nullopt); }

void PostgresConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  run(sql, &params, Mode::Statement, std::nullopt);
}

std::vector<Row> PostgresConnection::query(std::string_view sql, const std::vector<Value>& params) {
  return run(sql, &params, Mode::Statement, std::nullopt);
}

sql::SqlSchema PostgresConnection::describe() { return describe(scope_.namespaces); }

sql::SqlSchema PostgresConnection::describe(const std::vector<std::string>& namespaces) {
  if (namespaces.empty()) return describe_postgres(*this, {url_.schema}, scope_.extensions, false);
  return describe_postgres(*this, namespaces, scope_.extensions, true);
}

void PostgresConnection::reset() { reset(scope_.namespaces); }

void PostgresConnection::reset(const std::vector<std::string>& namespaces) {
  for (const auto& ns : namespaces.empty() ? std::vector<std::string>{url_.schema} : namespaces) {
    // Prisma drops and recreates each schema; a missing one is created (DROP ... IF EXISTS keeps
    // a reset of a fresh database from failing).
    execute_script("DROP SCHEMA IF EXISTS " + quote_identifier(ns) + " CASCADE");
    execute_script("CREATE SCHEMA " + quote_identifier(ns));
  }
  // The migrations table may live in the search path's first schema only; Prisma ignores
  // failure here.
  try {
    execute_script("DROP TABLE IF EXISTS _prisma_migrations");
  } catch (const DatabaseError&) {
  }
}

void PostgresConnection::lock() {
  const char* disabled = std::getenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK");
  if (disabled != nullptr && *disabled != '\0') return;
  bool timed_out = false;
  try {
    run("SELECT pg_advisory_lock(72707369)", nullptr, Mode::Statement,
        std::chrono::duration_cast<std::chrono::milliseconds>(kAdvisoryLockTimeout), &timed_out);
  } catch (const DatabaseError&) {
    if (!timed_out) throw;
  }
  if (timed_out) {
    const std::string at = "`" + url_.host + "`:`" + std::to_string(url_.port) + "`";
    throw DatabaseError("P1002", "The database server at " + at +
                                     " was reached but timed out.\n\nPlease try again.\n\nPlease make sure your "
                                     "database server is running at " + at +
                                     ".\n\nContext: Timed out trying to acquire a postgres advisory lock (SELECT "
                                     "pg_advisory_lock(72707369)). Elapsed: 10000ms. See "
                                     "https://pris.ly/d/migrate-advisory-locking for details.\n");
  }
  locked_ = true;
}

void PostgresConnection::unlock() {
  if (!locked_) return;
  run("SELECT pg_advisory_unlock(72707369)", nullptr, Mode::Statement, std::nullopt);
  locked_ = false;
}

int PostgresConnection::server_version() const { return PQserverVersion(conn_); }

}  // namespace prismapp::dialect::postgres
