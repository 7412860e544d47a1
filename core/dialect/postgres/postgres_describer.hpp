// Reads the structure of live PostgreSQL schemas into a SqlSchema, the way Prisma's
// sql-schema-describer (postgres.rs) sees it. (Declared here by the connection side, which calls
// it from PostgresConnection::describe(); implemented beside it by the schema side.)
#pragma once
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::postgres {

// namespaces: the schemas to read; namespaces[0] becomes SqlSchema::namespaces[0].
sql::SqlSchema describe_postgres(Connection& connection, const std::vector<std::string>& namespaces);

}  // namespace prismapp::dialect::postgres
