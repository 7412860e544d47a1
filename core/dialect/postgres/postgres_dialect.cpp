// PLACEHOLDER until the postgresql connection lands.
#include "core/dialect/postgres/postgres_dialect.hpp"

#include "core/dialect/postgres/postgres_calculator_hooks.hpp"
#include "core/dialect/postgres/postgres_differ_hooks.hpp"
#include "core/dialect/postgres/postgres_renderer.hpp"

namespace prismapp::dialect::postgres {

bool PostgresDialect::accepts_url(std::string_view) const { return false; }
Dialect::UrlInfo PostgresDialect::url_info(const std::string&) const { throw DatabaseError("", "not implemented"); }
std::unique_ptr<Connection> PostgresDialect::connect(const std::string&) const { throw DatabaseError("", "not implemented"); }
Dialect::CreatingConnection PostgresDialect::connect_creating(const std::string&, const std::string&) const {
  throw DatabaseError("", "not implemented");
}
std::unique_ptr<Dialect::ShadowDatabase> PostgresDialect::create_shadow_database(const std::string&, const std::optional<std::string>&) const {
  throw DatabaseError("", "not implemented");
}
const CalculatorHooks& PostgresDialect::calculator_hooks() const { return postgres_calculator_hooks(); }
const DifferHooks& PostgresDialect::differ_hooks() const { return postgres_differ_hooks(); }
const Renderer& PostgresDialect::renderer() const { return postgres_renderer(); }
std::string PostgresDialect::migrations_table_ddl() const { throw DatabaseError("", "not implemented"); }
Value PostgresDialect::timestamp_parameter(std::int64_t) const { throw DatabaseError("", "not implemented"); }

const PostgresDialect& postgres_dialect() {
  static const PostgresDialect instance;
  return instance;
}

}  // namespace prismapp::dialect::postgres
