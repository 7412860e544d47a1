// SQLite's answers to the differ (Prisma's flavour/sqlite/schema_differ.rs): no enums, unnamed
// keys, and almost every change to an existing table is a table redefinition.
#pragma once
#include "core/dialect/differ_hooks.hpp"

namespace prismapp::dialect {

const DifferHooks& sqlite_differ_hooks();

}  // namespace prismapp::dialect
