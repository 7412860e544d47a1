// Column defaults as PostgreSQL prints them (pg_get_expr) → DefaultValue, the way Prisma's
// describer classifies them (sql-schema-describer/src/postgres/default.rs): literals with their
// casts, now()/CURRENT_TIMESTAMP, ARRAY[...] and '{...}' lists; anything else is dbgenerated.
#pragma once
#include <optional>
#include <string>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::postgres {

std::optional<sql::DefaultValue> parse_column_default(const std::string& expression, const sql::ColumnType& type);

}  // namespace prismapp::dialect::postgres
