// The test binary links the server dialects statically (unit tests call into them directly), so
// find_dialect must return these objects rather than load a second copy from the modules that the
// prismapp binary uses. The CLI tests run the real binary and so exercise the module loading.
#include "core/dialect/dialect_module.hpp"
#include "core/dialect/mysql/mysql_dialect.hpp"
#include "core/dialect/postgres/postgres_dialect.hpp"

namespace {

const bool kRegistered = [] {
  prismapp::dialect::register_linked_dialect(prismapp::dialect::postgres::postgres_dialect());
  prismapp::dialect::register_linked_dialect(prismapp::dialect::mysql::mysql_dialect());
  return true;
}();

}  // namespace
