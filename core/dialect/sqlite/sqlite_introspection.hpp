// SQLite's introspection policy (Prisma's SqliteIntrospectionFlavour): enums are TEXT columns,
// so re-introspection keeps the previous schema's enum types and enum blocks.
#pragma once
#include "core/dialect/introspection_hooks.hpp"

namespace prismapp::dialect::sqlite {

const IntrospectionHooks& sqlite_introspection_hooks();

}  // namespace prismapp::dialect::sqlite
