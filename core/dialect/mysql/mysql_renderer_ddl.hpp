// Building blocks of MySQL DDL shared by the step renderers (Prisma's sql-ddl mysql.rs and the
// helpers of flavour/mysql/renderer.rs): identifiers, default literals, column definitions,
// CREATE TABLE with inline indexes and primary key, CREATE INDEX, ADD FOREIGN KEY.
#pragma once
#include <string>
#include <string_view>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::mysql_ddl {

std::string quote(std::string_view identifier);    // `name`
std::string quote_string(std::string_view value);  // 'it''s'
// The DEFAULT expression of a column ('x', 1, true, CURRENT_TIMESTAMP(3), (expr) as written).
std::string render_default(const sql::Column& column, const sql::DefaultValue& value);
// `name` TYPE NOT NULL|NULL [AUTO_INCREMENT] [DEFAULT ...], as in CREATE TABLE and ADD COLUMN.
std::string render_column(const sql::SqlSchema& schema, sql::ColumnId column);
// `col`(length) DESC, ...: index, unique and primary key column lists.
std::string render_index_columns(const sql::SqlSchema& schema, const sql::Index& index);
std::string render_create_table(const sql::SqlSchema& schema, sql::TableId table);
std::string render_create_index(const sql::SqlSchema& schema, sql::IndexId index);
std::string render_drop_index(const sql::SqlSchema& schema, sql::IndexId index);
std::string render_add_foreign_key(const sql::SqlSchema& schema, sql::ForeignKeyId foreign_key);

}  // namespace prismapp::dialect::mysql_ddl
