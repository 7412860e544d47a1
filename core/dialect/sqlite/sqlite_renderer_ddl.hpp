// Building blocks of SQLite DDL shared by the step renderers: column definitions, default
// literals, CREATE TABLE (also under the temporary name of a redefinition) and CREATE INDEX.
#pragma once
#include <string>
#include <string_view>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::sqlite_ddl {

std::string quote(std::string_view identifier);                   // "name"
std::string quote_string(std::string_view value);                 // 'it''s'
std::string render_default(const sql::DefaultValue& value);       // 'x', 0, true, CURRENT_TIMESTAMP, ...
std::string render_column(const sql::SqlSchema& schema, sql::ColumnId column);
// CREATE TABLE "<as_name>" (...), the definition of `table` under another name.
std::string render_create_table(const sql::SqlSchema& schema, sql::TableId table, std::string_view as_name);
std::string render_create_index(const sql::SqlSchema& schema, sql::IndexId index);

}  // namespace prismapp::dialect::sqlite_ddl
