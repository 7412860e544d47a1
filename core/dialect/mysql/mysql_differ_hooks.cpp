// PLACEHOLDER until the mysql differ lands: lets the dialect link.
#include "core/dialect/mysql/mysql_differ_hooks.hpp"

#include <stdexcept>

namespace prismapp::dialect {
namespace {
class Hooks final : public DifferHooks {
 public:
  bool can_rename_foreign_key() const override { return false; }
  std::optional<sql::ColumnTypeChange> column_type_change(const sql::Column&, const sql::Column&) const override { return std::nullopt; }
  std::string count_rows_sql(std::string_view, std::string_view) const override { throw std::logic_error("not implemented"); }
  std::string count_non_null_values_sql(std::string_view, std::string_view, std::string_view) const override {
    throw std::logic_error("not implemented");
  }
};
}  // namespace
const DifferHooks& mysql_differ_hooks() {
  static const Hooks h;
  return h;
}
}  // namespace prismapp::dialect
