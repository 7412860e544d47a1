// Reads the structure of live PostgreSQL schemas into a SqlSchema, the way Prisma's
// sql-schema-describer (postgres.rs) sees it. (Declared here by the connection side, which calls
// it from PostgresConnection::describe(); implemented beside it by the schema side.)
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::postgres {

// namespaces: the schemas to read. Single-schema (explicit_namespaces false, the default for one
// namespace): namespaces[0] is SqlSchema::namespaces[0]. Multi-schema (`schemas = [...]`): the
// listed schemas that exist, in the order listed, names qualified in DDL. extensions: whether
// pg_extension is read (Prisma clears extensions without the postgresqlExtensions preview feature).
sql::SqlSchema describe_postgres(Connection& connection, const std::vector<std::string>& namespaces,
                                 bool extensions = false, std::optional<bool> explicit_namespaces = std::nullopt);

}  // namespace prismapp::dialect::postgres
