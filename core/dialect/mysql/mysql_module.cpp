// Entry points of the MySQL/MariaDB module (libprismapp_mysql.so); see dialect_module.hpp.
#include "core/dialect/dialect_module.hpp"
#include "core/dialect/mysql/mysql_dialect.hpp"
#include "prismapp_module_abi.hpp"

extern "C" __attribute__((visibility("default"))) const char* prismapp_dialect_module_abi() {
  return prismapp::dialect::kPrismappModuleAbi;
}

extern "C" __attribute__((visibility("default"))) const prismapp::dialect::Dialect* prismapp_dialect_module_dialect() {
  return &prismapp::dialect::mysql::mysql_dialect();
}
