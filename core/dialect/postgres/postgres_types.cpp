#include "core/dialect/postgres/postgres_types.hpp"

#include "core/dialect/postgres/postgres_quote.hpp"

namespace prismapp::dialect::postgres {
namespace {

struct Spelling {
  std::string_view native;
  std::string_view ddl;
};

constexpr Spelling kSpellings[] = {
    {"SmallInt", "SMALLINT"},   {"Integer", "INTEGER"},         {"BigInt", "BIGINT"},     {"Decimal", "DECIMAL"},
    {"Money", "MONEY"},         {"Inet", "INET"},               {"Oid", "OID"},           {"Citext", "CITEXT"},
    {"Real", "REAL"},           {"DoublePrecision", "DOUBLE PRECISION"},                  {"VarChar", "VARCHAR"},
    {"Char", "CHAR"},           {"Text", "TEXT"},               {"ByteA", "BYTEA"},       {"Timestamp", "TIMESTAMP"},
    {"Timestamptz", "TIMESTAMPTZ"}, {"Date", "DATE"},           {"Time", "TIME"},         {"Timetz", "TIMETZ"},
    {"Boolean", "BOOLEAN"},     {"Bit", "BIT"},                 {"VarBit", "VARBIT"},     {"Uuid", "UUID"},
    {"Xml", "XML"},             {"Json", "JSON"},               {"JsonB", "JSONB"},
};

}  // namespace

std::string ddl_type_for_native(std::string_view native_type) {
  const auto paren = native_type.find('(');
  const std::string_view name = native_type.substr(0, paren);
  const std::string_view args = paren == std::string_view::npos ? std::string_view{} : native_type.substr(paren);
  for (const auto& s : kSpellings)
    if (s.native == name) return std::string(s.ddl) + std::string(args);
  return std::string(native_type);
}

std::string column_type_sql(const sql::SqlSchema& schema, const sql::Column& column, bool serial) {
  std::string out;
  const sql::ColumnType& t = column.type;
  if (t.family == sql::ColumnTypeFamily::Enum) {
    const sql::Enum& e = schema.enum_(t.enum_id);
    out = qualified(schema, e.ns, e.name);
  } else if (t.family == sql::ColumnTypeFamily::Unsupported || !t.native_type) {
    out = t.full_data_type;
  } else if (serial && column.auto_increment && *t.native_type == "Integer") {
    out = "SERIAL";
  } else if (serial && column.auto_increment && *t.native_type == "BigInt") {
    out = "BIGSERIAL";
  } else if (serial && column.auto_increment && *t.native_type == "SmallInt") {
    out = "SMALLSERIAL";
  } else {
    out = ddl_type_for_native(*t.native_type);
  }
  if (t.arity == sql::ColumnArity::List) out += "[]";
  return out;
}

}  // namespace prismapp::dialect::postgres
