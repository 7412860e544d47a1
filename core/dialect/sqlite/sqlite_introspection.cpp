#include "core/dialect/sqlite/sqlite_introspection.hpp"

namespace prismapp::dialect::sqlite {
namespace {

class SqliteIntrospectionHooks final : public IntrospectionHooks {
 public:
  const schema::connector::Connector& connector() const override { return *schema::connector::find_connector("sqlite"); }
  bool keeps_previous_enums() const override { return true; }
};

}  // namespace

const IntrospectionHooks& sqlite_introspection_hooks() {
  static const SqliteIntrospectionHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect::sqlite
