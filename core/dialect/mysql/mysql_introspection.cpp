#include "core/dialect/mysql/mysql_introspection.hpp"

namespace prismapp::dialect::mysql {
namespace {

class MysqlIntrospectionHooks final : public IntrospectionHooks {
 public:
  const schema::connector::Connector& connector() const override { return *schema::connector::find_connector("mysql"); }
  bool enums_are_per_column() const override { return true; }
};

}  // namespace

const IntrospectionHooks& mysql_introspection_hooks() {
  static const MysqlIntrospectionHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect::mysql
