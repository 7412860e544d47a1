// The human-readable summary of a migration that `migrate diff` (without --script) prints and
// `migrate dev` shows when it detects drift: Prisma's SqlMigration::drift_summary, section for
// section ("[+] Added tables", "[*] Changed the `User` table", "  [+] Added column `name`", ...).
#pragma once
#include <string>

#include "core/sql/migration_steps.hpp"

namespace prismapp::migrate {

// "No difference detected." for an empty migration; otherwise sections each starting with "\n".
std::string drift_summary(const sql::Migration& migration);

}  // namespace prismapp::migrate
