// `migrate deploy`, `migrate status`, `migrate resolve` and `migrate reset`: the commands that work
// on the migration history only. Results are values; the CLI prints them in Prisma's words.
#pragma once
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/migrate/apply_migrations.hpp"
#include "core/migrate/history_diagnosis.hpp"
#include "core/migrate/migrate_context.hpp"

namespace prismapp::migrate {

struct DeployResult {
  std::size_t migrations_found = 0;
  std::vector<std::string> applied;
};
DeployResult deploy(const MigrateContext& ctx, dialect::Connection& connection, const ApplyingCallback& on_applying = {});

struct StatusResult {
  std::vector<std::string> folder_migrations;
  HistoryDiagnosis diagnosis;
  bool in_sync() const {
    return diagnosis.has_migrations_table && diagnosis.kind == HistoryDiagnosis::Kind::InSync &&
           diagnosis.failed_migration_names.empty();
  }
};
StatusResult status(const MigrateContext& ctx, dialect::Connection& connection);

// `--applied NAME`: P3017 when the folder has no such migration, P3008 when already applied.
// Failed rows of that migration are marked rolled back first (like Prisma).
void resolve_applied(const MigrateContext& ctx, dialect::Connection& connection, const std::string& name);
// `--rolled-back NAME`: P3011 when never applied, P3012 when not in a failed state.
void resolve_rolled_back(const MigrateContext& ctx, dialect::Connection& connection, const std::string& name);

// Empties the database and applies every migration; returns the applied names.
std::vector<std::string> reset_and_apply(const MigrateContext& ctx, dialect::Connection& connection,
                                         const ApplyingCallback& on_applying = {});

}  // namespace prismapp::migrate
