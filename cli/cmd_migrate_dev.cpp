// `prismapp migrate dev` and `prismapp migrate reset`, following Prisma 6's MigrateDev.ts and
// MigrateReset.ts: the engine work is in core/migrate (DevSession, reset_and_apply); this file
// prints, prompts (only on a terminal) and seeds.
#include <iostream>
#include <memory>

#include "cli/cli_error.hpp"
#include "cli/cmd_migrate_setup.hpp"
#include "cli/generate_runner.hpp"
#include "core/migrate/dev_session.hpp"
#include "core/migrate/history_commands.hpp"

namespace prismapp::cli {
namespace {

// Prisma's exit code when the user cancels (SIGINT).
constexpr int kExitCancelled = 130;

std::string dev_non_interactive_error(const Output& output) {
  return "Prisma Migrate has detected that the environment is non-interactive, which is not supported.\n\n"
         "`prisma migrate dev` is an interactive command designed to create new migrations and evolve the database in "
         "development.\nTo apply existing migrations in deployments, use " +
         output.err.bold(output.err.green("prismapp migrate deploy")) +
         ".\nSee https://www.prisma.io/docs/reference/api-reference/command-reference#migrate-deploy";
}

std::string reset_non_interactive_error(const Output& output) {
  return "Prisma Migrate has detected that the environment is non-interactive. It is recommended to run this command "
         "in an interactive environment.\n\nUse " +
         output.err.bold(output.err.green("--force")) +
         " to run this command without user interaction.\nSee "
         "https://www.prisma.io/docs/reference/api-reference/command-reference#migrate-reset";
}

void print_applied(const std::vector<std::string>& applied) {
  if (applied.empty()) return;
  std::cout << "\nThe following migration(s) have been applied:\n\n" << migration_files_tree(applied) << "\n";
}

struct DevOptions {
  std::optional<std::string> schema;
  std::optional<std::string> name;
  bool create_only = false;
  bool skip_generate = false;
  bool skip_seed = false;
};

int run_dev(const DevOptions& opts, const Output& output) {
  auto setup = load_migrate_setup(opts.schema, output);
  print_datasource(*setup, output);
  std::optional<std::string> created;
  auto connection = connect_main(*setup, &created);
  if (created) std::cout << "\n" << *created << "\n";

  migrate::DevSession session(setup->ctx, *connection);
  if (auto reason = session.diagnose()) {
    std::cout << "\n" << *reason << "\n";
    std::cout << "We need to reset the " << database_description(*setup) << "\n\n";
    if (!can_prompt()) throw CliError(dev_non_interactive_error(output));
    if (!confirm("Do you want to continue? All data will be lost.")) {
      std::cout << "\nReset cancelled.\n";
      return kExitCancelled;
    }
    print_applied(migrate::reset_and_apply(setup->ctx, *connection, print_applying));
  } else {
    print_applied(session.apply_pending(print_applying));
  }

  const migrate::PlannedMigration planned = session.plan(setup->validated);
  if (!planned.unexecutable.empty()) {
    std::string message = "\n⚠️ We found changes that cannot be executed:\n\n";
    for (const auto& u : planned.unexecutable) message += "  • " + u + "\n";
    if (!opts.create_only) {
      message += "\nYou can use " + output.err.bold(output.err.green("prismapp migrate dev --create-only")) +
                 " to create the migration file, and manually modify it to address the underlying issue(s).\nThen run " +
                 output.err.bold(output.err.green("prismapp migrate dev")) + " to apply it and verify it works.\n";
      throw CliError(message);
    }
    std::cout << message;
  }
  if (!planned.warnings.empty()) {
    std::cout << output.out.bold("\n⚠️  Warnings for the current datasource:\n\n");
    for (const auto& w : planned.warnings) std::cout << "  • " << w << "\n";
    std::cout << "\n";
    if (!can_prompt()) throw CliError(dev_non_interactive_error(output));
    if (!confirm(opts.create_only ? "Are you sure you want to create this migration?"
                                  : "Are you sure you want to create and apply this migration?")) {
      std::cout << "Migration cancelled.\n";
      return kExitCancelled;
    }
  }

  std::string name;
  if (!planned.empty() || opts.create_only) {
    if (opts.name) name = migrate::sanitize_migration_name(*opts.name);
    else if (can_prompt()) name = migrate::sanitize_migration_name(ask("Enter a name for the new migration:"));
  }
  const auto migration = session.create(name, planned, opts.create_only);
  if (opts.create_only) {
    std::cout << "Prisma Migrate created the following migration without applying it "
              << (migration ? migration->name : std::string()) << "\n\nYou can now edit it and apply it by running "
              << output.out.green("prismapp migrate dev") << ".\n";
    return kExitOk;
  }

  const auto applied = migration ? session.apply_pending(print_applying) : std::vector<std::string>{};
  if (applied.empty()) {
    std::cout << "\nAlready in sync, no schema change or pending migration was found.\n";
  } else {
    std::cout << "\nThe following migration(s) have been created and applied from new schema changes:\n\n"
              << migration_files_tree(applied) << "\n\n"
              << output.out.green("Your database is now in sync with your schema.") << "\n";
  }
  generate_after_migration(setup->project, setup->validated, opts.skip_generate, output);
  if (created.has_value() && !opts.skip_seed && !std::getenv("PRISMA_MIGRATE_SKIP_SEED")) {
    if (!run_seed(setup->project.config, output)) return kExitError;
  }
  return kExitOk;
}

struct ResetOptions {
  std::optional<std::string> schema;
  bool force = false;
  bool skip_generate = false;
  bool skip_seed = false;
};

int run_reset(const ResetOptions& opts, const Output& output) {
  auto setup = load_migrate_setup(opts.schema, output);
  print_datasource(*setup, output);
  if (!opts.force) {
    if (!can_prompt()) throw CliError(reset_non_interactive_error(output));
    if (!confirm("Are you sure you want to reset your database? All data will be lost.")) {
      std::cout << "\nReset cancelled.\n";
      return kExitCancelled;
    }
  }
  auto connection = connect_main(*setup, nullptr);
  const auto applied = migrate::reset_and_apply(setup->ctx, *connection, print_applying);
  std::cout << "\nDatabase reset successful\n";
  if (!applied.empty())
    std::cout << "\nThe following migration(s) have been applied:\n\n" << migration_files_tree(applied) << "\n";
  generate_after_migration(setup->project, setup->validated, opts.skip_generate, output);
  if (!opts.skip_seed && !std::getenv("PRISMA_MIGRATE_SKIP_SEED")) {
    if (!run_seed(setup->project.config, output)) return kExitError;
  }
  return kExitOk;
}

}  // namespace

void register_migrate_dev(CLI::App& migrate, Commands& commands, const Output& output) {
  auto opts = std::make_shared<DevOptions>();
  CLI::App* dev = migrate.add_subcommand("dev", "Create a migration from changes in Prisma schema, apply it to the database");
  add_schema_flag(dev, opts->schema);
  dev->add_option("-n,--name", opts->name, "Name the migration");
  dev->add_flag("--create-only", opts->create_only, "Create a new migration but do not apply it");
  dev->add_flag("--skip-generate", opts->skip_generate, "Skip triggering generators (e.g. Prisma Client)");
  dev->add_flag("--skip-seed", opts->skip_seed, "Skip triggering seed");
  commands.push_back(Command{dev, [opts, &output] { return run_migrate_command([&] { return run_dev(*opts, output); }); }});
}

void register_migrate_reset(CLI::App& migrate, Commands& commands, const Output& output) {
  auto opts = std::make_shared<ResetOptions>();
  CLI::App* reset = migrate.add_subcommand("reset", "Reset your database and apply all migrations, all data will be lost");
  add_schema_flag(reset, opts->schema);
  reset->add_flag("-f,--force", opts->force, "Skip the confirmation prompt");
  reset->add_flag("--skip-generate", opts->skip_generate, "Skip triggering generators (e.g. Prisma Client)");
  reset->add_flag("--skip-seed", opts->skip_seed, "Skip triggering seed");
  commands.push_back(
      Command{reset, [opts, &output] { return run_migrate_command([&] { return run_reset(*opts, output); }); }});
}

}  // namespace prismapp::cli
