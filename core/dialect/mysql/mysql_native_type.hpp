// MySQL native types as the MySQL dialect's stages see them: parsed from the canonical Prisma
// spelling a ColumnType carries in `native_type` ("VarChar(191)", "Decimal(65,30)", "Time") and
// printed as DDL ("VARCHAR(191)", "DECIMAL(65, 30)", "TIME"). Shared by the calculator hooks,
// the renderer, the differ hooks (type-change table) and the describer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::mysql {

struct NativeType {
  std::string name;                  // "VarChar", "UnsignedInt", "Decimal", ...
  std::vector<std::uint32_t> args;   // empty when omitted

  std::optional<std::uint32_t> arg(std::size_t i) const {
    return i < args.size() ? std::optional{args[i]} : std::nullopt;
  }
  bool is(std::string_view n) const { return name == n; }
};

// "Decimal(65,30)" / "Decimal(65, 30)" → {Decimal, {65, 30}}; nullopt on malformed text.
std::optional<NativeType> parse_native_type(std::string_view text);
// The native type of a column, when it has one.
std::optional<NativeType> native_type_of(const sql::ColumnType& type);

// Prisma's render_column_type for a native type: "INTEGER", "VARCHAR(191)", "DECIMAL(65, 30)",
// "INTEGER UNSIGNED"; TinyInt on a Boolean column is "BOOLEAN".
std::string native_type_ddl(const NativeType& type, bool boolean_column);

// The DDL type of any column: ENUM('a', 'b') for enum columns, the catalog's text for
// unsupported types, else from the native type (falling back to full_data_type).
std::string column_type_ddl(const sql::SqlSchema& schema, const sql::Column& column);

// ENUM('a', 'b'): values quoted as Prisma's Quoted::mysql_string does (no escaping).
std::string enum_type_ddl(const std::vector<std::string>& values);

}  // namespace prismapp::dialect::mysql
