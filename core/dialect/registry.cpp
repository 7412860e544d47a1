// find_dialect: the one place that knows which dialects exist. Add a line per new database.
#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_dialect.hpp"
#include "core/dialect/postgres/postgres_dialect.hpp"
#include "core/dialect/sqlite/sqlite_dialect.hpp"

namespace prismapp::dialect {
namespace {

const Dialect* const kDialects[] = {&sqlite::sqlite_dialect(), &postgres::postgres_dialect(), &mysql::mysql_dialect()};

}  // namespace

const Dialect* find_dialect(std::string_view provider) {
  for (const Dialect* d : kDialects)
    if (d->provider() == provider) return d;
  return nullptr;
}

const Dialect* find_dialect_for_url(std::string_view url) {
  for (const Dialect* d : kDialects)
    if (d->accepts_url(url)) return d;
  return nullptr;
}

}  // namespace prismapp::dialect
