// Building blocks of PostgreSQL DDL shared by the step renderers (Prisma's postgres renderer):
// column definitions, default expressions, CREATE TABLE, CREATE INDEX and foreign keys.
#pragma once
#include <string>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::postgres {

// '…' / 123 / true / CURRENT_TIMESTAMP / ARRAY[...]::TYPE[] / the dbgenerated expression; "" when
// the database gets no default (sequences, dbgenerated()).
std::string render_default(const sql::SqlSchema& schema, const sql::Column& column, const sql::DefaultValue& value);
// `    "name" TYPE NOT NULL DEFAULT x` (with Prisma's indentation, also after ADD COLUMN).
std::string render_column(const sql::SqlSchema& schema, sql::ColumnId column);
std::string render_create_table(const sql::SqlSchema& schema, sql::TableId table);
std::string render_create_index(const sql::SqlSchema& schema, sql::IndexId index);
std::string render_add_foreign_key(const sql::SqlSchema& schema, sql::ForeignKeyId foreign_key);
// The SQL name of an operator class given by its Prisma name (JsonbPathOps → jsonb_path_ops);
// raw(...) texts come back unchanged.
std::string operator_class_sql(const std::string& prisma_name);

}  // namespace prismapp::dialect::postgres
