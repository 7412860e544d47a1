#include "core/dialect/mysql/mysql_calculator_hooks.hpp"

#include "core/dialect/mysql/mysql_native_type.hpp"

namespace prismapp::dialect {

using schema::connector::ScalarType;

const schema::connector::Connector& MysqlCalculatorHooks::connector() const {
  return schema::connector::connector_by_id(schema::connector::ConnectorId::MySql);
}

// Every MySQL scalar has a default native type, so `native_type` is always present here; the DDL
// spelling is the renderer's (full_data_type then equals what CREATE TABLE writes).
std::string MysqlCalculatorHooks::column_data_type(
    ScalarType scalar, const std::optional<schema::connector::NativeTypeInstance>& native_type) const {
  if (!native_type) return "";
  mysql::NativeType t;
  t.name = std::string(native_type->name());
  for (std::size_t i = 0; i < native_type->args.size(); ++i)
    if (auto n = native_type->number(i)) t.args.push_back(*n);
  return mysql::native_type_ddl(t, scalar == ScalarType::Boolean);
}

std::string MysqlCalculatorHooks::per_column_enum_data_type(const sql::Enum& column_enum) const {
  return mysql::enum_type_ddl(column_enum.values);
}

const CalculatorHooks& mysql_calculator_hooks() {
  static const MysqlCalculatorHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect
