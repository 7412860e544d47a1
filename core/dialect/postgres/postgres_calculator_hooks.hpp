// PostgreSQL's answers to the calculator (Prisma's PostgresSchemaCalculatorFlavour and the column
// types of its renderer): native types (Text, Integer, Timestamp(3), ... by default), one database
// enum per Prisma enum, the "public" schema unless the URL says otherwise, join tables with a
// primary key, and autoincrement() as a serial column (auto_increment, no default value).
#pragma once
#include "core/dialect/calculator_hooks.hpp"

namespace prismapp::dialect {

class PostgresCalculatorHooks final : public CalculatorHooks {
 public:
  const schema::connector::Connector& connector() const override;
  std::string default_namespace() const override { return "public"; }
  std::string column_data_type(schema::connector::ScalarType scalar,
                               const std::optional<schema::connector::NativeTypeInstance>& native_type) const override;
  EnumStorage enum_storage() const override { return EnumStorage::NamedType; }
  JoinTableUniqueness join_table_uniqueness() const override { return JoinTableUniqueness::PrimaryKey; }
};

const CalculatorHooks& postgres_calculator_hooks();

}  // namespace prismapp::dialect
