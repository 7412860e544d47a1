// MySQL's SQL for each migration step (Prisma's flavour/mysql/renderer.rs and sql-ddl's mysql.rs):
// CREATE TABLE with inline indexes and primary key (utf8mb4_unicode_ci), one ALTER TABLE per
// altered table, foreign keys added and dropped by ALTER TABLE, DROP INDEX ... ON, RENAME INDEX.
// Enums are column types on MySQL, so there are no enum steps.
#pragma once
#include "core/dialect/renderer.hpp"

namespace prismapp::dialect {

const Renderer& mysql_renderer();

}  // namespace prismapp::dialect
