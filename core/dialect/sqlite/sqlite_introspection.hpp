// SQLite's introspection policy (Prisma's SqliteIntrospectionFlavour): enums are TEXT columns,
// so re-introspection keeps the previous schema's enum types and enum blocks; views keep the
// previous field arity, live in the "main" namespace and are stored as whole CREATE VIEW
// statements, of which db pull writes only the query.
#pragma once
#include <string>
#include <string_view>

#include "core/dialect/introspection_hooks.hpp"

namespace prismapp::dialect::sqlite {

const IntrospectionHooks& sqlite_introspection_hooks();

// The query of a `CREATE [TEMP] VIEW [IF NOT EXISTS] [schema.]name [(columns)] AS <query>`
// statement, with one `;` at the end; the text unchanged when it does not read like that.
std::string sqlite_view_query(std::string_view create_view);

}  // namespace prismapp::dialect::sqlite
