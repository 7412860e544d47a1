#include "core/dialect/mysql/mysql_introspection.hpp"

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::mysql {
namespace {

class MysqlIntrospectionHooks final : public IntrospectionHooks {
 public:
  const schema::connector::Connector& connector() const override { return *schema::connector::find_connector("mysql"); }
  bool enums_are_per_column() const override { return true; }
  // Views go to views/<database>/<view>.sql, as Prisma's MySQL search path is the database.
  std::string default_namespace(Connection& connection, const sql::SqlSchema&) const override {
    const auto rows = connection.query("SELECT DATABASE()");
    return rows.empty() || rows[0].empty() ? std::string() : rows[0][0].value_or("");
  }
};

}  // namespace

const IntrospectionHooks& mysql_introspection_hooks() {
  static const MysqlIntrospectionHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect::mysql
