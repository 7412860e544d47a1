// A connection to one PostgreSQL database over libpq, behaving like the schema engine's
// connection (quaint/tokio-postgres):
// - the session's search_path is the URL's schema (created when missing, as Prisma's
//   setup_connection does) and its TimeZone is UTC;
// - execute_script sends the whole script in ONE simple-query message and does not wrap it:
//   PostgreSQL runs a multi-statement message in an implicit transaction (all or nothing) unless
//   the script has its own BEGIN/COMMIT;
// - execute/query take "?" placeholders (outside quotes, identifiers, dollar quotes and comments)
//   that become $1, $2, ...; every value travels as text, NULL as nullopt; results come back as
//   PostgreSQL's text output ("t"/"f" for booleans, "2024-01-01 00:00:00+00" for timestamptz).
// - server notices (e.g. "drop cascades to ...") are not printed;
// - `socket_timeout` in the URL bounds every round trip (P1008 when exceeded).
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/dialect/postgres/postgres_url.hpp"

typedef struct pg_conn PGconn;

namespace prismapp::dialect::postgres {

// "?" → "$n" outside string literals ('...', E'...'), quoted identifiers, dollar-quoted bodies
// and comments. Exposed for tests.
std::string translate_placeholders(std::string_view sql);

// PostgreSQL's quoting of an identifier: "a""b".
std::string quote_identifier(std::string_view name);

class PostgresConnection final : public Connection {
 public:
  // Throws DatabaseError with Prisma's codes (P1000, P1001, P1003, P1010, P1013).
  static std::unique_ptr<PostgresConnection> open(const PostgresUrl& url);
  static std::unique_ptr<PostgresConnection> open(const std::string& url) { return open(parse_postgres_url(url)); }

  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  void execute_script(std::string_view sql) override;
  void execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;

  // The datasource's `schemas` (when set) and whether extensions are described.
  void set_scope(const DescribeScope& scope) override { scope_ = scope; }

  // The scope's schemas, else the URL's schema (describe()), or the given schemas.
  sql::SqlSchema describe() override;
  sql::SqlSchema describe(const std::vector<std::string>& namespaces);

  // Prisma's reset: DROP SCHEMA "<schema>" CASCADE + CREATE SCHEMA "<schema>" for the scope's
  // schemas, else the URL's schema (or each given one), then drops _prisma_migrations if it still exists elsewhere.
  void reset() override;
  void reset(const std::vector<std::string>& namespaces);

  // pg_advisory_lock(72707369); waiting more than 10 s is P1002 (Prisma's text). Skipped when
  // PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK is set to anything non-empty.
  void lock() override;
  void unlock() override;

  const PostgresUrl& url() const { return url_; }
  const std::string& schema() const { return url_.schema; }
  // The server's version number (e.g. 150018).
  int server_version() const;
  PGconn* handle() const { return conn_; }

 private:
  PostgresConnection(PGconn* conn, PostgresUrl url);
  enum class Mode { Script, Statement };
  // One round trip: the simple-query protocol (Script, or Statement without parameters) or the
  // extended one (Statement with parameters). Returns the rows of the last result with rows.
  std::vector<Row> run(std::string_view sql, const std::vector<Value>* params, Mode mode,
                       std::optional<std::chrono::milliseconds> timeout, bool* timed_out = nullptr);

  PGconn* conn_;
  PostgresUrl url_;
  DescribeScope scope_;
  bool locked_ = false;
};

}  // namespace prismapp::dialect::postgres
