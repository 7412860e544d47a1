#include "core/dialect/postgres/postgres_calculator_hooks.hpp"

#include "core/dialect/postgres/postgres_types.hpp"

namespace prismapp::dialect {

const schema::connector::Connector& PostgresCalculatorHooks::connector() const {
  return schema::connector::connector_by_id(schema::connector::ConnectorId::Postgres);
}

// The calculator always passes a native type on PostgreSQL (the field's @db.* or the connector's
// default for the scalar), so the spelling follows from it alone.
std::string PostgresCalculatorHooks::column_data_type(
    schema::connector::ScalarType /*scalar*/, const std::optional<schema::connector::NativeTypeInstance>& native_type) const {
  if (!native_type) return "TEXT";
  return postgres::ddl_type_for_native(native_type->to_string());
}

const CalculatorHooks& postgres_calculator_hooks() {
  static const PostgresCalculatorHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect
