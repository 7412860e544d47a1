// `prismapp migrate deploy | status | resolve` (and the `migrate` family's registration), worded
// like Prisma 6's MigrateDeploy.ts, MigrateStatus.ts and MigrateResolve.ts.
#include <iostream>
#include <memory>

#include "cli/cli_error.hpp"
#include "cli/cmd_migrate_setup.hpp"
#include "cli/commands.hpp"
#include "core/migrate/history_commands.hpp"

namespace prismapp::cli {
namespace {

std::string migrations_found_line(std::size_t count) {
  if (count == 0) return "No migration found in prisma/migrations\n";
  return std::to_string(count) + " migration" + (count > 1 ? "s" : "") + " found in prisma/migrations\n";
}

std::string join_lines(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "\n" : "") + names[i];
  return out;
}

int run_deploy(const std::optional<std::string>& schema, const Output& output) {
  auto setup = load_migrate_setup(schema, output);
  print_datasource(*setup, output);
  std::optional<std::string> created;
  auto connection = connect_main(*setup, &created);
  if (created) std::cout << "\n" << *created << "\n";
  const std::size_t found = migrate::list_migrations(setup->ctx.migrations_dir).size();
  std::cout << "\n" << migrations_found_line(found) << "\n";
  const auto result = migrate::deploy(setup->ctx, *connection, print_applying);
  std::cout << "\n";
  if (result.applied.empty()) {
    std::cout << output.out.green("No pending migrations to apply.") << "\n";
  } else {
    std::cout << "The following migration(s) have been applied:\n\n"
              << migration_files_tree(result.applied) << "\n\n"
              << output.out.green("All migrations have been successfully applied.") << "\n";
  }
  return kExitOk;
}

int run_status(const std::optional<std::string>& schema, const Output& output) {
  auto setup = load_migrate_setup(schema, output);
  print_datasource(*setup, output);
  auto connection = connect_main(*setup, nullptr);
  const auto result = migrate::status(setup->ctx, *connection);
  const auto& d = result.diagnosis;
  const auto cmd = [&](const std::string& text) { return output.out.bold(output.out.green(text)); };
  const auto err_cmd = [&](const std::string& text) { return output.err.bold(output.err.green(text)); };

  std::cout << "\n" << migrations_found_line(result.folder_migrations.size());
  using Kind = migrate::HistoryDiagnosis::Kind;
  if (d.kind == Kind::DatabaseIsBehind) {
    const auto& names = d.unapplied_migration_names;
    std::cout << "Following migration" << (names.size() > 1 ? "s" : "") << " have not yet been applied:\n"
              << join_lines(names) << "\n\nTo apply migrations in development run " << cmd("prismapp migrate dev")
              << ".\nTo apply migrations in production run " << cmd("prismapp migrate deploy") << ".\n";
    return kExitError;
  }
  if (d.kind == Kind::HistoriesDiverge) {
    std::cerr << "Your local migration history and the migrations table from your database are different:\n\n"
              << "The last common migration is: " << d.last_common_migration_name.value_or("null") << "\n\n"
              << "The migration" << (d.unapplied_migration_names.size() > 1 ? "s" : "")
              << " have not yet been applied:\n" << join_lines(d.unapplied_migration_names) << "\n\n"
              << "The migration" << (d.unpersisted_migration_names.size() > 1 ? "s" : "")
              << " from the database are not found locally in prisma/migrations:\n"
              << join_lines(d.unpersisted_migration_names) << "\n";
    return kExitError;
  }
  if (d.kind == Kind::MigrationsDirectoryIsBehind) {
    std::string names;
    for (const auto& name : d.unpersisted_migration_names) names += (names.empty() ? "" : ", ") + name;
    std::cerr << "The following migration(s) are applied to the database but missing from the local migrations "
                 "directory: "
              << names << "\n";
    return kExitError;
  }
  if (!d.has_migrations_table) {
    if (result.folder_migrations.empty()) {
      std::cerr << "The current database is not managed by Prisma Migrate.\n        \n"
                   "Read more about how to baseline an existing production database:\n"
                   "https://pris.ly/d/migrate-baseline\n";
    } else {
      const auto& first = result.folder_migrations.front();
      std::cerr << "The current database is not managed by Prisma Migrate.\n\n"
                   "If you want to keep the current database structure and data and create new migrations, "
                   "baseline this database with the migration \""
                << first << "\":\n"
                << err_cmd("prismapp migrate resolve --applied \"" + first + "\"")
                << "\n\nRead more about how to baseline an existing production database:\n"
                   "https://pris.ly/d/migrate-baseline\n";
    }
    return kExitError;
  }
  if (!d.failed_migration_names.empty()) {
    const auto& failed = d.failed_migration_names;
    std::cerr << "Following migration" << (failed.size() > 1 ? "s" : "") << " have failed:\n"
              << join_lines(failed)
              << "\n\nDuring development if the failed migration(s) have not been deployed to a production database "
                 "you can then fix the migration(s) and run "
              << err_cmd("prismapp migrate dev") << ".\n\n";
    std::cerr << "The failed migration(s) can be marked as rolled back or applied:\n      \n"
                 "- If you rolled back the migration(s) manually:\n"
              << err_cmd("prismapp migrate resolve --rolled-back \"" + failed.front() + "\"")
              << "\n\n- If you fixed the database manually (hotfix):\n"
              << err_cmd("prismapp migrate resolve --applied \"" + failed.front() + "\"")
              << "\n\nRead more about how to resolve migration issues in a production database:\n"
                 "https://pris.ly/d/migrate-resolve\n";
    return kExitError;
  }
  std::cout << "\nDatabase schema is up to date!\n";
  return kExitOk;
}

struct ResolveOptions {
  std::optional<std::string> schema;
  std::optional<std::string> applied;
  std::optional<std::string> rolled_back;
};

int run_resolve(const ResolveOptions& opts, const Output& output) {
  if (!opts.applied && !opts.rolled_back)
    throw CliError("--applied or --rolled-back must be part of the command like:\n" +
                   output.err.bold(output.err.green("prismapp migrate resolve --applied 20201231000000_example")) +
                   "\n" +
                   output.err.bold(output.err.green("prismapp migrate resolve --rolled-back 20201231000000_example")));
  if (opts.applied && opts.rolled_back) throw CliError("Pass either --applied or --rolled-back, not both.");
  auto setup = load_migrate_setup(opts.schema, output);
  print_datasource(*setup, output);
  auto connection = connect_main(*setup, nullptr);
  if (opts.applied) {
    if (opts.applied->empty())
      throw CliError("--applied value must be a string like " +
                     output.err.bold(output.err.green("prismapp migrate resolve --applied 20201231000000_example")));
    migrate::resolve_applied(setup->ctx, *connection, *opts.applied);
    std::cout << "\nMigration " << *opts.applied << " marked as applied.\n";
  } else {
    if (opts.rolled_back->empty())
      throw CliError("--rolled-back value must be a string like " +
                     output.err.bold(output.err.green("prismapp migrate resolve --rolled-back 20201231000000_example")));
    migrate::resolve_rolled_back(setup->ctx, *connection, *opts.rolled_back);
    std::cout << "\nMigration " << *opts.rolled_back << " marked as rolled back.\n";
  }
  return kExitOk;
}

}  // namespace

void register_migrate(CLI::App& root, Commands& commands, const Output& output) {
  CLI::App* migrate = root.add_subcommand("migrate", "Update the database schema with migrations");
  migrate->require_subcommand(1);

  register_migrate_dev(*migrate, commands, output);
  register_migrate_reset(*migrate, commands, output);
  register_migrate_diff(*migrate, commands, output);

  auto deploy_schema = std::make_shared<std::optional<std::string>>();
  CLI::App* deploy = migrate->add_subcommand("deploy", "Apply pending migrations to the database in production/staging");
  add_schema_flag(deploy, *deploy_schema);
  commands.push_back(Command{deploy, [deploy_schema, &output] {
                               return run_migrate_command([&] { return run_deploy(*deploy_schema, output); });
                             }});

  auto status_schema = std::make_shared<std::optional<std::string>>();
  CLI::App* status = migrate->add_subcommand("status", "Check the status of your database migrations");
  add_schema_flag(status, *status_schema);
  commands.push_back(Command{status, [status_schema, &output] {
                               return run_migrate_command([&] { return run_status(*status_schema, output); });
                             }});

  auto resolve_opts = std::make_shared<ResolveOptions>();
  CLI::App* resolve = migrate->add_subcommand("resolve", "Resolve issues with database migrations in deployment databases");
  add_schema_flag(resolve, resolve_opts->schema);
  resolve->add_option("--applied", resolve_opts->applied, "Record a specific migration as applied");
  resolve->add_option("--rolled-back", resolve_opts->rolled_back, "Record a specific migration as rolled back");
  commands.push_back(Command{resolve, [resolve_opts, &output] {
                               return run_migrate_command([&] { return run_resolve(*resolve_opts, output); });
                             }});
}

}  // namespace prismapp::cli
