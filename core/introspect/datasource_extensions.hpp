// `db pull` with the postgresqlExtensions preview feature: the datasource's `extensions = [...]`
// from the database's extensions, the way Prisma's introspection renders it
// (sql-schema-connector introspection/rendering/postgres.rs): an extension the current schema
// lists keeps the version/schema arguments it had (with the database's values), an unlisted one
// is added only when it is citext, postgis, pg_crypto or uuid-ossp (with its schema); names that
// are no identifiers are sanitised with `map:`.
#pragma once
#include <string>

#include "core/schema/schema.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::introspect {

// The datasource block text `block` (as written in the current schema) with its `extensions`
// property replaced by the introspected one (or removed when there is nothing to list); `block`
// unchanged without the preview feature.
std::string with_introspected_extensions(const std::string& block, const schema::config::Datasource& datasource,
                                         const schema::ValidationResult& previous, const sql::SqlSchema& described);

}  // namespace prismapp::introspect
