// How the MySQL describer reads one information_schema.COLUMNS row (Prisma's sql-schema-describer
// mysql.rs get_column_type and the default parsing of get_all_columns), MySQL 8 and MariaDB:
//   - MariaDB quotes string defaults ('abc'), spells NULL defaults `NULL`, writes expressions
//     bare (current_timestamp(3), uuid()); MySQL 8 gives string defaults unquoted and flags
//     expressions with EXTRA = DEFAULT_GENERATED.
//   - tinyint(1) is a Boolean column unless its default is neither 0 nor 1; bit(1) too.
//   - MariaDB JSON columns are LONGTEXT with CHECK (json_valid(`col`)): the caller says so.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::mysql {

struct ColumnRow {
  std::string table_name;
  std::string column_name;
  std::string data_type;    // "varchar", lower case
  std::string column_type;  // "varchar(191)", "int(10) unsigned", "enum('a','b')"
  std::optional<std::uint32_t> character_maximum_length;
  std::optional<std::uint32_t> numeric_precision;
  std::optional<std::uint32_t> numeric_scale;
  std::optional<std::uint32_t> datetime_precision;
  std::optional<std::string> column_default;
  bool nullable = false;
  std::string extra;  // lower case: "auto_increment", "default_generated", ...
  bool json_checked = false;  // MariaDB: CHECK (json_valid(`column`)) on a longtext column
};

// The column's type; enum columns get their `{table}_{column}` enum added to `schema`.
sql::ColumnType describe_column_type(const ColumnRow& row, bool mariadb, sql::SqlSchema& schema);
// The column's default, classified for that type.
std::optional<sql::DefaultValue> describe_column_default(const ColumnRow& row, const sql::ColumnType& type, bool mariadb);
// The values of `enum('a','b''c')`, unquoted.
std::vector<std::string> parse_enum_values(const std::string& column_type);

}  // namespace prismapp::dialect::mysql
