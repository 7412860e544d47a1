// MySQL's answers to the differ (Prisma's flavour/mysql/schema_differ.rs, MySQL 8 semantics):
// indexes inline in CREATE TABLE, indexes renamed in place, foreign keys never renamed, primary
// keys unnamed, JSON defaults ignored, index steps planned around the indexes InnoDB keeps under
// foreign keys (core/diff/differ_fk_indexes.hpp), and type changes judged by native type.
#pragma once
#include "core/dialect/differ_hooks.hpp"

namespace prismapp::dialect {

const DifferHooks& mysql_differ_hooks();

}  // namespace prismapp::dialect
