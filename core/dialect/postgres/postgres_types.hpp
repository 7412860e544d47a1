// PostgreSQL column types shared by the calculator hooks, the renderer and the describer: the DDL
// spelling of a Prisma native type ("VarChar(255)" → "VARCHAR(255)") and the serial types that
// stand for auto-incrementing integer columns.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::postgres {

// "VarChar(255)" → "VARCHAR(255)", "DoublePrecision" → "DOUBLE PRECISION", "Decimal(65,30)" →
// "DECIMAL(65,30)". Unknown names are returned unchanged.
std::string ddl_type_for_native(std::string_view native_type);

// What a column is declared as in CREATE TABLE / ALTER COLUMN ... TYPE: the enum type (qualified
// in multi-schema mode), the Unsupported(...) text, SERIAL/BIGSERIAL/SMALLSERIAL for
// auto-increment in CREATE TABLE / ADD COLUMN, with "[]" for lists.
std::string column_type_sql(const sql::SqlSchema& schema, const sql::Column& column, bool serial);

}  // namespace prismapp::dialect::postgres
