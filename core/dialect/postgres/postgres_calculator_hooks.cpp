// PLACEHOLDER until the postgres calculator lands: lets the dialect link.
#include "core/dialect/postgres/postgres_calculator_hooks.hpp"

#include <stdexcept>

namespace prismapp::dialect {
namespace {
class Hooks final : public CalculatorHooks {
 public:
  const schema::connector::Connector& connector() const override { throw std::logic_error("not implemented"); }
  std::string column_data_type(schema::connector::ScalarType, const std::optional<schema::connector::NativeTypeInstance>&) const override {
    throw std::logic_error("not implemented");
  }
  EnumStorage enum_storage() const override { return EnumStorage::NamedType; }
};
}  // namespace
const CalculatorHooks& postgres_calculator_hooks() {
  static const Hooks h;
  return h;
}
}  // namespace prismapp::dialect
