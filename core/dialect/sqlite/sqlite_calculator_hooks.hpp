// SQLite's answers to the calculator (Prisma's SqliteSchemaCalculatorFlavour and the column types of
// the SQLite renderer): fixed column types per scalar, enums as TEXT, an INTEGER primary key is the
// auto-incrementing rowid, join tables made unique by an index.
#pragma once
#include "core/dialect/calculator_hooks.hpp"

namespace prismapp::dialect {

class SqliteCalculatorHooks final : public CalculatorHooks {
 public:
  const schema::connector::Connector& connector() const override;
  std::string column_data_type(schema::connector::ScalarType scalar,
                               const std::optional<schema::connector::NativeTypeInstance>& native_type) const override;
  EnumStorage enum_storage() const override { return EnumStorage::Text; }
  bool is_implicit_autoincrement_primary_key(schema::connector::ScalarType scalar,
                                             bool is_sole_primary_key_field) const override;
};

const CalculatorHooks& sqlite_calculator_hooks();

}  // namespace prismapp::dialect
