// Reads the structure of a live SQLite database into a SqlSchema, the way Prisma's
// sql-schema-describer (sqlite.rs) sees it, in five catalog queries: containers from
// sqlite_master, then all table columns, all view columns (when there are views), all indexes
// and all foreign keys through the table-valued pragma functions joined over sqlite_master.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::sqlite {

sql::SqlSchema describe_sqlite(Connection& conn);

// ---- the pieces, exposed for tests --------------------------------------------------------------

// SQLite's internal tables and Cloudflare D1's bookkeeping, which Prisma never shows.
// (_prisma_migrations is described; the migrate layer filters it.)
bool is_ignored_sqlite_table(std::string_view name);

// The family of a declared column type, by Prisma's table (INTEGER/INT → Int, BIGINT → BigInt,
// *CHAR*/TEXT → String, *DECIMAL*/*NUMERIC* → Decimal, DATETIME/DATE/TIMESTAMP → DateTime,
// JSONB → Json, ...; anything else Unsupported). full_data_type is the declared type lowercased,
// as Prisma reports it (db pull prints Unsupported("...") with it).
sql::ColumnType sqlite_column_type(std::string_view declared, sql::ColumnArity arity);

// A `PRAGMA table_info` dflt_value read for a column of the given family; nullopt for NULL.
std::optional<sql::DefaultValue> sqlite_default_value(std::string_view raw, sql::ColumnTypeFamily family);

// Named foreign keys found in a CREATE TABLE statement: table constraints
// `CONSTRAINT "name" FOREIGN KEY ("a", "b") REFERENCES "t" ...` and column constraints
// `"a" INTEGER CONSTRAINT "name" REFERENCES "t"`. PRAGMA foreign_key_list has no names.
struct NamedForeignKey {
  std::string name;
  std::vector<std::string> columns;
  std::string referenced_table;
};
std::vector<NamedForeignKey> sqlite_named_foreign_keys(std::string_view create_table_sql);

}  // namespace prismapp::dialect::sqlite
