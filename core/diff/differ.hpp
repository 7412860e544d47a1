// The differ: the migration steps that turn one SqlSchema into another (Prisma's
// sql_schema_differ::calculate_steps). Generic; everything database-specific is asked of the
// dialect's DifferHooks. The steps come back sorted in Prisma's order, ready to render.
#pragma once
#include <vector>

#include "core/dialect/differ_hooks.hpp"
#include "core/sql/migration_steps.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::diff {

// The returned Migration points at `previous` and `next`; both must outlive it.
// `next_prisma_level_defaults`: columns of `next` whose default Prisma Client generates
// (CalculatedSchema::prisma_level_defaults); they only change the destructive-check wording.
sql::Migration diff_schemas(const sql::SqlSchema& previous, const sql::SqlSchema& next,
                            const dialect::DifferHooks& hooks,
                            const std::vector<sql::ColumnId>& next_prisma_level_defaults = {});

}  // namespace prismapp::diff
