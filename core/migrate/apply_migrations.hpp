// Applying pending migrations to a database (Prisma's applyMigrations, used by `migrate deploy`,
// `migrate dev` and `migrate reset`).
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/migrate/history_table.hpp"
#include "core/migrate/migrations_directory.hpp"

namespace prismapp::migrate {

// Checks the lock file (P3019), takes the migration lock, initializes `_prisma_migrations`
// (P3005 on a non-empty unmanaged database), refuses when failed migrations are recorded (P3009),
// then applies every folder migration that has no non-rolled-back row, in name order. A failing
// script is recorded with its error in `logs` and raised as P3018. Returns the applied names.
// `on_applying` hears each name before its script runs (the CLI prints "Applying migration `x`").
using ApplyingCallback = std::function<void(const std::string& migration_name)>;
std::vector<std::string> apply_migrations(dialect::Connection& connection, const dialect::Dialect& dialect,
                                          const std::filesystem::path& migrations_dir,
                                          const ApplyingCallback& on_applying = {});

// P3009 when `records` holds failed migrations (finished_at and rolled_back_at NULL).
void check_no_failed_migrations(const std::vector<MigrationRecord>& records);

// The names of the tables the database holds (from describe()).
std::vector<std::string> table_names(dialect::Connection& connection);

}  // namespace prismapp::migrate
