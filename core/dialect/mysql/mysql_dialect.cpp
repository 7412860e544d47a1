// PLACEHOLDER until the mysql connection lands.
#include "core/dialect/mysql/mysql_dialect.hpp"

#include "core/dialect/mysql/mysql_calculator_hooks.hpp"
#include "core/dialect/mysql/mysql_differ_hooks.hpp"
#include "core/dialect/mysql/mysql_renderer.hpp"

namespace prismapp::dialect::mysql {

bool MysqlDialect::accepts_url(std::string_view) const { return false; }
Dialect::UrlInfo MysqlDialect::url_info(const std::string&) const { throw DatabaseError("", "not implemented"); }
std::unique_ptr<Connection> MysqlDialect::connect(const std::string&) const { throw DatabaseError("", "not implemented"); }
Dialect::CreatingConnection MysqlDialect::connect_creating(const std::string&, const std::string&) const {
  throw DatabaseError("", "not implemented");
}
std::unique_ptr<Dialect::ShadowDatabase> MysqlDialect::create_shadow_database(const std::string&, const std::optional<std::string>&) const {
  throw DatabaseError("", "not implemented");
}
const CalculatorHooks& MysqlDialect::calculator_hooks() const { return mysql_calculator_hooks(); }
const DifferHooks& MysqlDialect::differ_hooks() const { return mysql_differ_hooks(); }
const Renderer& MysqlDialect::renderer() const { return mysql_renderer(); }
std::string MysqlDialect::migrations_table_ddl() const { throw DatabaseError("", "not implemented"); }
Value MysqlDialect::timestamp_parameter(std::int64_t) const { throw DatabaseError("", "not implemented"); }

const MysqlDialect& mysql_dialect() {
  static const MysqlDialect instance;
  return instance;
}

}  // namespace prismapp::dialect::mysql
