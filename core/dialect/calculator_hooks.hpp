// What the calculator (validated Prisma schema → target SqlSchema, core/diff/calculator.hpp) asks
// of a database. Prisma's SqlSchemaCalculatorFlavour: the generic walk over models, indexes and
// relations is written once; only the answers below differ per database. Each database implements
// this in core/dialect/<name>/<name>_calculator_hooks.cpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/schema/connector/connector.hpp"
#include "core/schema/connector/native_type.hpp"
#include "core/schema/connector/scalar_type.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect {

// How columns of a Prisma enum type are stored.
enum class EnumStorage {
  Text,       // SQLite: a plain text column; enum values are only checked by the client
  NamedType,  // PostgreSQL: one database enum per Prisma enum (CREATE TYPE), in the enum's schema
  PerColumn,  // MySQL: an inline ENUM('A', 'B') per column, named `{table}_{column}`
};

// What makes the rows of an implicit many-to-many join table (`_AToB`) unique.
enum class JoinTableUniqueness {
  UniqueIndex,  // `_AToB_AB_unique` unique index (SQLite, MySQL, SQL Server)
  PrimaryKey,   // `_AToB_AB_pkey` primary key (PostgreSQL, CockroachDB since Prisma 5)
};

class CalculatorHooks {
 public:
  virtual ~CalculatorHooks() = default;

  // Prisma's datamodel connector: identifier length limit (constraint names are truncated to it),
  // named primary keys, the referential actions that decide the default onDelete, native types.
  virtual const schema::connector::Connector& connector() const = 0;

  // The namespace of tables without @@schema: "" where the database has none (SQLite, MySQL).
  // PostgreSQL takes it from the connection URL, so callers may override it.
  virtual std::string default_namespace() const { return ""; }

  // DDL spelling of a built-in scalar column. `native_type` is the field's @db.* type or else the
  // connector's default native type for the scalar (absent on SQLite, where every scalar maps to
  // one fixed type).
  virtual std::string column_data_type(schema::connector::ScalarType scalar,
                                       const std::optional<schema::connector::NativeTypeInstance>& native_type) const = 0;

  virtual EnumStorage enum_storage() const = 0;
  // DDL spelling of an enum column stored as text (EnumStorage::Text).
  virtual std::string enum_text_data_type() const { return "TEXT"; }
  // DDL spelling of an inline enum column (EnumStorage::PerColumn), e.g. MySQL's ENUM('A', 'B').
  virtual std::string per_column_enum_data_type(const sql::Enum& column_enum) const { return column_enum.name; }

  // Whether a field becomes an auto-incrementing column without @default(autoincrement()).
  // SQLite: an INTEGER column that is the whole primary key is the rowid, which auto-increments.
  virtual bool is_implicit_autoincrement_primary_key(schema::connector::ScalarType scalar,
                                                     bool is_sole_primary_key_field) const {
    (void)scalar;
    (void)is_sole_primary_key_field;
    return false;
  }

  // The column default that @default(autoincrement()) leaves besides the auto_increment flag:
  // none on SQLite/MySQL, a sequence on PostgreSQL, unique_rowid() on CockroachDB.
  virtual std::optional<sql::DefaultValue> autoincrement_default() const { return std::nullopt; }

  // Whether column defaults are named constraints (SQL Server: `{table}_{column}_df` or `map:`).
  virtual bool has_named_defaults() const { return false; }

  // MySQL: ADD FOREIGN KEY creates an index named after the constraint when no index covers the
  // key; the calculated schema then holds it too (sql::add_implicit_foreign_key_indexes), so
  // described and calculated schemas agree and a dropped relation drops its index.
  virtual bool creates_foreign_key_indexes() const { return false; }

  virtual JoinTableUniqueness join_table_uniqueness() const { return JoinTableUniqueness::UniqueIndex; }

  // onDelete/onUpdate of both join table foreign keys (Cascade everywhere but SQL Server self
  // relations, where cascade cycles are forbidden).
  virtual sql::ForeignKeyAction join_table_foreign_key_action(bool self_relation) const {
    (void)self_relation;
    return sql::ForeignKeyAction::Cascade;
  }
};

}  // namespace prismapp::dialect
