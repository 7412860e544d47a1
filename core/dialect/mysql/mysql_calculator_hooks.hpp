// MySQL's answers to the calculator (Prisma's MysqlSchemaCalculatorFlavour and the column types of
// the MySQL renderer): native types (@db.* or the connector defaults: VARCHAR(191), DATETIME(3),
// DOUBLE, DECIMAL(65, 30), LONGBLOB, JSON, BOOLEAN), enums inline per column (`{table}_{column}`),
// unnamed primary keys, join tables made unique by an index, the indexes InnoDB makes for foreign keys.
#pragma once
#include "core/dialect/calculator_hooks.hpp"

namespace prismapp::dialect {

class MysqlCalculatorHooks final : public CalculatorHooks {
 public:
  const schema::connector::Connector& connector() const override;
  std::string column_data_type(schema::connector::ScalarType scalar,
                               const std::optional<schema::connector::NativeTypeInstance>& native_type) const override;
  EnumStorage enum_storage() const override { return EnumStorage::PerColumn; }
  std::string per_column_enum_data_type(const sql::Enum& column_enum) const override;
  bool creates_foreign_key_indexes() const override { return true; }
};

const CalculatorHooks& mysql_calculator_hooks();

}  // namespace prismapp::dialect
