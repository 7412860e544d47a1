#include "core/migrate/history_commands.hpp"

#include <algorithm>

#include "core/migrate/apply_migrations.hpp"
#include "core/migrate/checksum.hpp"
#include "core/migrate/migrate_error.hpp"

namespace prismapp::migrate {

DeployResult deploy(const MigrateContext& ctx, dialect::Connection& connection, const ApplyingCallback& on_applying) {
  DeployResult result;
  result.migrations_found = list_migrations(ctx.migrations_dir).size();
  result.applied = apply_migrations(connection, *ctx.dialect, ctx.migrations_dir, on_applying);
  return result;
}

StatusResult status(const MigrateContext& ctx, dialect::Connection& connection) {
  check_lock_provider(ctx.migrations_dir, ctx.provider());
  const auto folder = list_migrations(ctx.migrations_dir);
  StatusResult result;
  for (const auto& m : folder) result.folder_migrations.push_back(m.name);
  HistoryTable history(connection, *ctx.dialect);
  result.diagnosis = diagnose_history(folder, history.load());
  return result;
}

void resolve_applied(const MigrateContext& ctx, dialect::Connection& connection, const std::string& name) {
  check_lock_provider(ctx.migrations_dir, ctx.provider());
  const auto folder = list_migrations(ctx.migrations_dir);
  const auto migration = std::find_if(folder.begin(), folder.end(), [&](const auto& m) { return m.name == name; });
  if (migration == folder.end())
    throw MigrateError("P3017", "The migration " + name +
                                    " could not be found. Please make sure that the migration exists, and that you "
                                    "included the whole name of the directory. (example: "
                                    "\"20201207184859_initial_migration\")");
  HistoryTable history(connection, *ctx.dialect);
  auto records = history.load();
  if (!records) {
    history.create();
    records.emplace();
  }
  for (const auto& record : *records) {
    if (record.migration_name == name && record.is_applied())
      throw MigrateError("P3008", "The migration `" + name + "` is already recorded as applied in the database.");
  }
  for (const auto& record : *records)
    if (record.migration_name == name && record.is_failed()) history.mark_rolled_back(record.id);
  history.mark_applied(name, render_checksum(migration->read_script()));
}

void resolve_rolled_back(const MigrateContext& ctx, dialect::Connection& connection, const std::string& name) {
  check_lock_provider(ctx.migrations_dir, ctx.provider());
  HistoryTable history(connection, *ctx.dialect);
  const auto records = history.load().value_or(std::vector<MigrationRecord>{});
  bool any = false;
  bool marked = false;
  for (const auto& record : records) {
    if (record.migration_name != name) continue;
    any = true;
    if (record.is_failed()) {
      history.mark_rolled_back(record.id);
      marked = true;
    }
  }
  if (!any)
    throw MigrateError("P3011", "Migration `" + name +
                                    "` cannot be rolled back because it was never applied to the database. Hint: did "
                                    "you pass in the whole migration name? (example: "
                                    "\"20201207184859_initial_migration\")");
  if (!marked)
    throw MigrateError("P3012", "Migration `" + name + "` cannot be rolled back because it is not in a failed state.");
}

std::vector<std::string> reset_and_apply(const MigrateContext& ctx, dialect::Connection& connection,
                                         const ApplyingCallback& on_applying) {
  check_lock_provider(ctx.migrations_dir, ctx.provider());
  connection.reset();
  return apply_migrations(connection, *ctx.dialect, ctx.migrations_dir, on_applying);
}

}  // namespace prismapp::migrate
