// The boundary between generic migration code (core/diff, core/migrate) and one database.
// Everything a database knows lives in core/dialect/<name>/ behind these two interfaces; generic
// code never asks "which provider is this?".
#pragma once
#include <cstdint>
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

// A database error with Prisma's code where one applies (P1001 unreachable, P1003 database
// missing, P1008 timeout, P1010 access denied, P3018 migration failed, ...). Messages never
// contain passwords.
struct DatabaseError : std::runtime_error {
  std::string code;  // "P1001" etc., or "" when Prisma has none
  DatabaseError(std::string code_, const std::string& message) : std::runtime_error(message), code(std::move(code_)) {}
};

// One value in a query row or parameter: NULL or text (enough for bookkeeping tables and checks;
// the Python client has its own drivers).
using Value = std::optional<std::string>;
using Row = std::vector<Value>;

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs a multi-statement script as written (migration.sql, db execute).
  virtual void execute_script(std::string_view sql) = 0;
  // One statement with positional parameters ("?" placeholders; dialects translate).
  virtual void execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // The live structure, read in a few batched catalog queries.
  virtual sql::SqlSchema describe() = 0;
  // Drops every table/view/enum/... of the database or schema (migrate reset, db push --force-reset).
  virtual void reset() = 0;
  // Migration advisory lock (released by unlock or when the connection closes).
  virtual void lock() = 0;
  virtual void unlock() = 0;
};

class Dialect {
 public:
  virtual ~Dialect() = default;
  virtual std::string_view provider() const = 0;  // "sqlite", "postgresql", "mysql"

  // ---- connections ----------------------------------------------------------------------------
  virtual std::unique_ptr<Connection> connect(const std::string& url) const = 0;
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
};

// The registered dialects ("sqlite" now; "postgresql" and "mysql" join with their folders).
const Dialect* find_dialect(std::string_view provider);

}  // namespace prismapp::dialect
