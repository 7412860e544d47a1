// find_dialect: the one place that knows which dialects exist. Add a line per new database.
#include "core/dialect/dialect.hpp"
#include "core/dialect/sqlite/sqlite_dialect.hpp"

namespace prismapp::dialect {

const Dialect* find_dialect(std::string_view provider) {
  if (provider == "sqlite") return &sqlite::sqlite_dialect();
  return nullptr;
}

}  // namespace prismapp::dialect
