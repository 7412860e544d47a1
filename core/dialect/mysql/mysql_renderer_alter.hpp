// MySQL's ALTER TABLE for one table's column and primary-key changes (Prisma's
// MysqlRenderer::render_alter_table): every change is a clause of a single statement, joined with
// ",\n    ". Column changes other than dropping a default are MODIFY clauses restating the whole
// column, since MySQL's SET DEFAULT cannot set expression defaults on most versions.
#pragma once
#include <string>
#include <vector>

#include "core/sql/migration_steps.hpp"

namespace prismapp::dialect::mysql_ddl {

std::vector<std::string> render_alter_table(const sql::AlterTable& step, const sql::Migration& migration);

}  // namespace prismapp::dialect::mysql_ddl
