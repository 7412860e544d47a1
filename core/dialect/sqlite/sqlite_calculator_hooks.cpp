#include "core/dialect/sqlite/sqlite_calculator_hooks.hpp"

namespace prismapp::dialect {

using schema::connector::ScalarType;

const schema::connector::Connector& SqliteCalculatorHooks::connector() const {
  return schema::connector::connector_by_id(schema::connector::ConnectorId::Sqlite);
}

// SQLite has no native types in Prisma 6 (`native_type` is always absent): each scalar has one
// spelling. Json is JSONB since Prisma 6.2 (SQLite itself stores it as a BLOB/TEXT).
std::string SqliteCalculatorHooks::column_data_type(
    ScalarType scalar, const std::optional<schema::connector::NativeTypeInstance>& /*native_type*/) const {
  switch (scalar) {
    case ScalarType::Int: return "INTEGER";
    case ScalarType::BigInt: return "BIGINT";
    case ScalarType::Float: return "REAL";
    case ScalarType::Boolean: return "BOOLEAN";
    case ScalarType::String: return "TEXT";
    case ScalarType::DateTime: return "DATETIME";
    case ScalarType::Json: return "JSONB";
    case ScalarType::Bytes: return "BLOB";
    case ScalarType::Decimal: return "DECIMAL";
  }
  return "TEXT";
}

// An `INTEGER PRIMARY KEY` column aliases the rowid, which SQLite assigns itself.
bool SqliteCalculatorHooks::is_implicit_autoincrement_primary_key(ScalarType scalar,
                                                                  bool is_sole_primary_key_field) const {
  return scalar == ScalarType::Int && is_sole_primary_key_field;
}

const CalculatorHooks& sqlite_calculator_hooks() {
  static const SqliteCalculatorHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect
