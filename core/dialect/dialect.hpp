// The boundary between generic migration code (core/diff, core/migrate) and one database.
// Everything a database knows lives in core/dialect/<name>/ behind these two interfaces; generic
// code never asks "which provider is this?".
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/migration_steps.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect {

class CalculatorHooks;  // calculator_hooks.hpp
class DifferHooks;      // differ_hooks.hpp
class Renderer;         // renderer.hpp
class IntrospectionHooks;  // introspection_hooks.hpp

// A database error with Prisma's code where one applies (P1001 unreachable, P1003 database
// missing, P1008 timeout, P1010 access denied, P3018 migration failed, ...). Messages never
// contain passwords.
struct DatabaseError : std::runtime_error {
  std::string code;  // "P1001" etc., or "" when Prisma has none
  // The database's own error, as migrate prints it in P3018/P3006 ("Database error code: 42P01",
  // "Database error:\n<message>"): the server's code (SQLSTATE on PostgreSQL, the numeric error
  // on MySQL) and its full text. Empty when the error did not come from the server.
  std::string database_code;
  std::string database_message;
  DatabaseError(std::string code_, const std::string& message) : std::runtime_error(message), code(std::move(code_)) {}
  DatabaseError(std::string code_, const std::string& message, std::string database_code_, std::string database_message_)
      : std::runtime_error(message),
        code(std::move(code_)),
        database_code(std::move(database_code_)),
        database_message(std::move(database_message_)) {}
};

// One value in a query row or parameter: NULL or text (enough for bookkeeping tables and checks;
// the Python client has its own drivers).
using Value = std::optional<std::string>;
using Row = std::vector<Value>;

// What describe() and reset() cover, from the datasource (Prisma passes the same `Namespaces` and
// preview features to its connector): the schemas of `schemas = [...]` (multi-schema PostgreSQL;
// empty: the connection's own schema) and whether extensions are part of the described schema
// (the postgresqlExtensions preview feature). Databases without either ignore it.
struct DescribeScope {
  std::vector<std::string> namespaces;
  bool extensions = false;
};

class Connection {
 public:
  virtual ~Connection() = default;
  // Set once after connecting, before describe()/reset(); the default scope is the connection's
  // own schema.
  virtual void set_scope(const DescribeScope& scope) { (void)scope; }
  // Runs a multi-statement script as written (migration.sql, db execute). A database without
  // transactional DDL (MySQL) that fails part-way says in the error how many statements ran.
  virtual void execute_script(std::string_view sql) = 0;
  // One statement with positional parameters ("?" placeholders; dialects translate).
  virtual void execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // The live structure, read in a few batched catalog queries.
  virtual sql::SqlSchema describe() = 0;
  // Drops every table/view/enum/... of the database or schema (migrate reset, db push --force-reset).
  virtual void reset() = 0;
  // Migration advisory lock (released by unlock or when the connection closes), as Prisma takes
  // it: PostgreSQL pg_advisory_lock(72707369), MySQL GET_LOCK('prisma_migrate', 10); a 10 s
  // timeout ends in P1002; PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK set (non-empty) skips locking.
  virtual void lock() = 0;
  virtual void unlock() = 0;
};

class Dialect {
 public:
  virtual ~Dialect() = default;
  virtual std::string_view provider() const = 0;  // "sqlite", "postgresql", "mysql"

  // ---- URLs -----------------------------------------------------------------------------------
  // Whether a connection string belongs to this database (by its scheme), for the commands that
  // take a bare URL (migrate diff --from-url, db execute --url).
  virtual bool accepts_url(std::string_view url) const = 0;
  // The URL to connect with, from the URL as written. base_dir is where relative paths start
  // (SQLite `file:` paths: the schema's folder); other databases return it unchanged. Throws
  // DatabaseError P1013 when the URL is malformed.
  virtual std::string resolve_url(const std::string& written_url, const std::filesystem::path& base_dir) const {
    (void)base_dir;
    return written_url;
  }
  // What the CLI prints about a database (Prisma's getDbInfo): `PostgreSQL database "mydb",
  // schema "public" at "localhost:5432"`, `SQLite database "dev.db" at "file:./dev.db"`.
  struct UrlInfo {
    std::string database_kind;          // "PostgreSQL", "MySQL", "SQLite"
    std::string database;               // "mydb", "dev.db"
    std::optional<std::string> schema;  // PostgreSQL only: "public"
    std::string location;               // "localhost:5432"; SQLite: the URL as written
  };
  virtual UrlInfo url_info(const std::string& written_url) const = 0;

  // ---- connections ----------------------------------------------------------------------------
  virtual std::unique_ptr<Connection> connect(const std::string& url) const = 0;
  // For commands that only read a database (db pull): a missing database is an error (P1003)
  // and nothing is created. Servers never create databases on connect, so by default: connect().
  virtual std::unique_ptr<Connection> connect_existing(const std::string& url) const { return connect(url); }
  // migrate dev, db push and migrate reset create a missing database first (Prisma's
  // ensure_database_exists); `created_message` is then the CLI's line about it:
  // "SQLite database dev.db created at file:./dev.db",
  // "PostgreSQL database mydb created at localhost:5432".
  struct CreatingConnection {
    std::unique_ptr<Connection> connection;
    std::optional<std::string> created_message;
  };
  virtual CreatingConnection connect_creating(const std::string& url, const std::string& written_url) const = 0;
  // A fresh, empty database for replaying migrations (the shadow database), and its disposal.
  struct ShadowDatabase {
    std::unique_ptr<Connection> connection;
    std::string url;  // for messages (password masked)
    virtual ~ShadowDatabase() = default;
  };
  virtual std::unique_ptr<ShadowDatabase> create_shadow_database(const std::string& main_url,
                                                                 const std::optional<std::string>& shadow_url) const = 0;

  // ---- per-stage policies ---------------------------------------------------------------------
  // Each stage's policy interface is declared beside this file and implemented per database in
  // core/dialect/<name>/: the generic stage code (core/diff/...) is written once against it.
  // - CalculatorHooks (calculator_hooks.hpp): column types for scalar fields incl. @db.* native
  //   types, how defaults are stored, native enums or not, identifier length limits, ...
  // - DifferHooks (differ_hooks.hpp): whether a column change needs a table redefinition (SQLite),
  //   type equality and castability, index/foreign-key renames versus recreation, ...
  // - Renderer (renderer.hpp): the SQL statements of each migration step.
  virtual const CalculatorHooks& calculator_hooks() const = 0;
  virtual const DifferHooks& differ_hooks() const = 0;
  virtual const Renderer& renderer() const = 0;
  // IntrospectionHooks (introspection_hooks.hpp): what `db pull` needs beyond the described schema.
  virtual const IntrospectionHooks& introspection_hooks() const = 0;

  // ---- the `_prisma_migrations` table -----------------------------------------------------------
  // Prisma's exact CREATE TABLE statement for this database (its connector's
  // create_migrations_table), so either tool can take over a database the other started.
  virtual std::string migrations_table_ddl() const = 0;
  // How a point in time is bound for the table's timestamp columns, the way Prisma's driver
  // writes it (SQLite: integer milliseconds; PostgreSQL: timestamptz text; MySQL: DATETIME(3)).
  virtual Value timestamp_parameter(std::int64_t unix_millis) const = 0;
  // Tables of the database's own that never count as user tables (SQLite's sqlite_*).
  virtual bool is_system_table(std::string_view table_name) const {
    (void)table_name;
    return false;
  }
};

// The registered dialects by provider name ("sqlite", "postgresql", "mysql").
const Dialect* find_dialect(std::string_view provider);
// The dialect whose accepts_url takes this connection string, or nullptr.
const Dialect* find_dialect_for_url(std::string_view url);

}  // namespace prismapp::dialect
