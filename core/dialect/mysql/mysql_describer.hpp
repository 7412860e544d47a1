// Reads the live structure of one MySQL/MariaDB database into a SqlSchema (Prisma's
// sql-schema-describer mysql.rs), filled the way the shared contract in
// helper-notes/mysql-conventions.md says. Declared by the connection side, implemented with the
// describer.
#pragma once
#include <string>

#include "core/dialect/dialect.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::mysql {

sql::SqlSchema describe_mysql(Connection& connection, const std::string& database_name);

}  // namespace prismapp::dialect::mysql
