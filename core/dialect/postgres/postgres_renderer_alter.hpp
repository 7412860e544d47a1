// The PostgreSQL statements of AlterTable and AlterEnum steps (Prisma's render_alter_table,
// render_alter_column and render_postgres_alter_enum).
#pragma once
#include <string>
#include <vector>

#include "core/sql/migration_steps.hpp"

namespace prismapp::dialect::postgres {

std::vector<std::string> render_alter_table(const sql::AlterTable& step, const sql::Migration& migration);
std::vector<std::string> render_alter_enum(const sql::AlterEnum& step, const sql::Migration& migration);

}  // namespace prismapp::dialect::postgres
