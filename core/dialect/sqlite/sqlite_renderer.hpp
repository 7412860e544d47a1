// SQLite's SQL for each migration step (Prisma's flavour/sqlite/renderer.rs and sql-ddl's
// sqlite.rs): CREATE TABLE with inline keys, CREATE/DROP INDEX, ADD COLUMN, and the
// copy-and-swap table redefinition for every other change.
#pragma once
#include "core/dialect/renderer.hpp"

namespace prismapp::dialect {

const Renderer& sqlite_renderer();

}  // namespace prismapp::dialect
