#include "core/dialect/mysql/mysql_native_type.hpp"

#include <cctype>
#include <charconv>

namespace prismapp::dialect::mysql {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string parenthesized(const NativeType& t) {
  if (t.args.empty()) return "";
  return "(" + std::to_string(t.args[0]) + ")";
}

}  // namespace

std::optional<NativeType> parse_native_type(std::string_view text) {
  NativeType out;
  const auto open = text.find('(');
  out.name = std::string(trim(text.substr(0, open)));
  if (out.name.empty()) return std::nullopt;
  if (open == std::string_view::npos) return out;
  const auto close = text.rfind(')');
  if (close == std::string_view::npos || close < open) return std::nullopt;
  std::string_view inner = text.substr(open + 1, close - open - 1);
  while (!inner.empty()) {
    const auto comma = inner.find(',');
    const std::string_view part = trim(inner.substr(0, comma));
    std::uint32_t value = 0;
    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc{} || ptr != part.data() + part.size()) return std::nullopt;
    out.args.push_back(value);
    if (comma == std::string_view::npos) break;
    inner.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<NativeType> native_type_of(const sql::ColumnType& type) {
  if (!type.native_type) return std::nullopt;
  return parse_native_type(*type.native_type);
}

std::string native_type_ddl(const NativeType& t, bool boolean_column) {
  const std::string& n = t.name;
  if (n == "Int") return "INTEGER";
  if (n == "SmallInt") return "SMALLINT";
  if (n == "TinyInt") return boolean_column ? "BOOLEAN" : "TINYINT";
  if (n == "MediumInt") return "MEDIUMINT";
  if (n == "BigInt") return "BIGINT";
  if (n == "Decimal")
    return t.args.size() == 2 ? "DECIMAL(" + std::to_string(t.args[0]) + ", " + std::to_string(t.args[1]) + ")" : "DECIMAL";
  if (n == "Float") return "FLOAT";
  if (n == "Double") return "DOUBLE";
  if (n == "Bit") return "BIT" + parenthesized(t);
  if (n == "Char") return "CHAR" + parenthesized(t);
  if (n == "VarChar") return "VARCHAR" + parenthesized(t);
  if (n == "Binary") return "BINARY" + parenthesized(t);
  if (n == "VarBinary") return "VARBINARY" + parenthesized(t);
  if (n == "TinyBlob") return "TINYBLOB";
  if (n == "Blob") return "BLOB";
  if (n == "MediumBlob") return "MEDIUMBLOB";
  if (n == "LongBlob") return "LONGBLOB";
  if (n == "TinyText") return "TINYTEXT";
  if (n == "Text") return "TEXT";
  if (n == "MediumText") return "MEDIUMTEXT";
  if (n == "LongText") return "LONGTEXT";
  if (n == "Date") return "DATE";
  if (n == "Time") return "TIME" + parenthesized(t);
  if (n == "DateTime") return "DATETIME" + parenthesized(t);
  if (n == "Timestamp") return "TIMESTAMP" + parenthesized(t);
  if (n == "Year") return "YEAR";
  if (n == "Json") return "JSON";
  if (n == "UnsignedInt") return "INTEGER UNSIGNED";
  if (n == "UnsignedSmallInt") return "SMALLINT UNSIGNED";
  if (n == "UnsignedTinyInt") return "TINYINT UNSIGNED";
  if (n == "UnsignedMediumInt") return "MEDIUMINT UNSIGNED";
  if (n == "UnsignedBigInt") return "BIGINT UNSIGNED";
  return n;  // not a MySQL native type: written as given
}

std::string enum_type_ddl(const std::vector<std::string>& values) {
  std::string out = "ENUM(";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += '\'';
    out += values[i];
    out += '\'';
  }
  out += ')';
  return out;
}

std::string column_type_ddl(const sql::SqlSchema& schema, const sql::Column& column) {
  const sql::ColumnType& t = column.type;
  if (t.family == sql::ColumnTypeFamily::Enum) return enum_type_ddl(schema.enum_(t.enum_id).values);
  if (t.family == sql::ColumnTypeFamily::Unsupported) return t.full_data_type;
  if (auto native = native_type_of(t)) return native_type_ddl(*native, t.family == sql::ColumnTypeFamily::Boolean);
  return t.full_data_type;
}

}  // namespace prismapp::dialect::mysql
