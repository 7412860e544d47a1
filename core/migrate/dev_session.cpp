#include "core/migrate/dev_session.hpp"

#include <chrono>

#include "core/migrate/apply_migrations.hpp"
#include "core/migrate/drift_summary.hpp"
#include "core/migrate/history_diagnosis.hpp"
#include "core/migrate/shadow_history.hpp"

namespace prismapp::migrate {
namespace {

constexpr const char* kDriftDetected =
    "Drift detected: Your database schema is not in sync with your migration history.\n"
    "\n"
    "The following is a summary of the differences between the expected database schema given your migrations "
    "files, and the actual schema of the database.\n"
    "\n"
    "This summary details discrepancies by listing elements found in the current database schema but missing in "
    "your Prisma schema, indicating the Prisma schema updates required for alignment.\n";

constexpr const char* kFirstTimeMigration =
    "\n"
    "If you are running this the first time on an existing database, please make sure to read this documentation "
    "page:\n"
    "https://www.prisma.io/docs/guides/database/developing-with-prisma-migrate/troubleshooting-development\n";

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

}  // namespace

std::string format_reset_reasons(const std::vector<std::string>& reasons) {
  if (reasons.size() == 1) return reasons.front();
  std::string out;
  for (const auto& reason : reasons) out += "- " + reason + "\n";
  return out;
}

std::optional<std::string> DevSession::diagnose() {
  check_lock_provider(ctx_.migrations_dir, ctx_.provider());
  const auto folder = list_migrations(ctx_.migrations_dir);
  HistoryTable history(connection_, *ctx_.dialect);
  const auto records = history.load();
  const HistoryDiagnosis diagnosis = diagnose_history(folder, records);
  const auto applied = applied_migrations(folder, records.value_or(std::vector<MigrationRecord>{}));

  // One shadow database: the applied migrations give the schema the database should have (drift
  // check), the remaining ones must apply too (Prisma's validate_migrations).
  ShadowHistory shadow(*ctx_.dialect, ctx_.url, ctx_.shadow_url, ctx_.scope);
  shadow.apply(applied);
  sql::SqlSchema expected = shadow.describe();
  std::vector<MigrationDirectory> rest;
  for (const auto& m : folder) {
    bool is_applied = false;
    for (const auto& a : applied) is_applied = is_applied || a.name == m.name;
    if (!is_applied) rest.push_back(m);
  }
  shadow.apply(rest);
  history_schema_ = shadow.describe();

  std::vector<std::string> reasons;
  for (const auto& name : diagnosis.failed_migration_names) reasons.push_back("The migration `" + name + "` failed.");
  for (const auto& name : diagnosis.edited_migration_names)
    reasons.push_back("The migration `" + name + "` was modified after it was applied.");

  const PlannedMigration drift = ctx_.planner->plan(std::move(expected), connection_.describe(), nullptr);
  if (!drift.empty()) {
    std::string reason = kDriftDetected;
    if (!diagnosis.has_migrations_table) reason += kFirstTimeMigration;
    reason += drift_summary(drift.migration);
    reasons.push_back(reason);
  }

  if (diagnosis.kind == HistoryDiagnosis::Kind::HistoriesDiverge) {
    std::string details;
    if (diagnosis.last_common_migration_name)
      details = " Last common migration: `" + *diagnosis.last_common_migration_name +
                "`. Migrations applied to the database but absent from the migrations directory are: " +
                join(diagnosis.unpersisted_migration_names, ", ");
    reasons.push_back("The migrations recorded in the database diverge from the local migrations directory." + details);
  } else if (diagnosis.kind == HistoryDiagnosis::Kind::MigrationsDirectoryIsBehind) {
    reasons.push_back("The following migration(s) are applied to the database but missing from the local migrations "
                      "directory: " +
                      join(diagnosis.unpersisted_migration_names, ", "));
  }
  if (reasons.empty()) return std::nullopt;
  return format_reset_reasons(reasons);
}

std::vector<std::string> DevSession::apply_pending(const ApplyingCallback& on_applying) {
  return apply_migrations(connection_, *ctx_.dialect, ctx_.migrations_dir, on_applying);
}

PlannedMigration DevSession::plan(const schema::ValidationResult& target) {
  if (!history_schema_) {
    history_schema_ = schema_from_migrations(*ctx_.dialect, ctx_.url, ctx_.shadow_url, list_migrations(ctx_.migrations_dir),
                                             ctx_.scope);
  }
  return ctx_.planner->plan(*history_schema_, ctx_.planner->target_schema(target), &connection_);
}

std::optional<MigrationDirectory> DevSession::create(const std::string& name, const PlannedMigration& planned,
                                                     bool draft) {
  if (planned.empty() && !draft) return std::nullopt;
  std::string script = planned.script;
  if (planned.empty()) script = "-- This is an empty migration.";
  auto created = create_migration(ctx_.migrations_dir, name, script, ctx_.provider(), std::chrono::system_clock::now());
  history_schema_.reset();
  return created;
}

}  // namespace prismapp::migrate
