// `migrate dev` in steps the CLI drives, so it can print and prompt between them (Prisma's
// devDiagnostic → applyMigrations → evaluateDataLoss → createMigration → applyMigrations):
//   1. diagnose(): replay the history on a shadow database; a reason when the database must be
//      reset first (failed or edited migrations, drift, diverging histories);
//   2. apply_pending(): apply folder migrations not yet applied;
//   3. plan(target): the migration from the history's schema to the Prisma schema, with its
//      data-loss warnings;
//   4. create(name, plan, draft): write the migration folder (nothing when empty and not a draft).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/migrate/apply_migrations.hpp"
#include "core/migrate/migrate_context.hpp"
#include "core/migrate/migrations_directory.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::migrate {

class DevSession {
 public:
  DevSession(const MigrateContext& ctx, dialect::Connection& connection) : ctx_(ctx), connection_(connection) {}

  // The reset reason (Prisma's wording), or nullopt when a new migration can be created. Throws
  // MigrateError P3006 when a folder migration does not apply to the shadow database.
  std::optional<std::string> diagnose();
  std::vector<std::string> apply_pending(const ApplyingCallback& on_applying = {});
  PlannedMigration plan(const schema::ValidationResult& target);
  std::optional<MigrationDirectory> create(const std::string& name, const PlannedMigration& planned, bool draft);

 private:
  const MigrateContext& ctx_;
  dialect::Connection& connection_;
  std::optional<sql::SqlSchema> history_schema_;  // every folder migration applied (from diagnose)
};

// The reason text of dev_diagnostic.rs: one reason alone, several as "- reason\n" lines.
std::string format_reset_reasons(const std::vector<std::string>& reasons);

}  // namespace prismapp::migrate
