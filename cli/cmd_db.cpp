// `prismapp db push` and `prismapp db execute`, following Prisma 6's DbPush.ts and DbExecute.ts.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/generate_runner.hpp"
#include "cli/cli_error.hpp"
#include "cli/cmd_migrate_setup.hpp"
#include "cli/schema_discovery.hpp"
#include "core/migrate/schema_commands.hpp"

namespace prismapp::cli {
namespace {
namespace fs = std::filesystem;

struct PushOptions {
  std::optional<std::string> schema;
  bool accept_data_loss = false;
  bool force_reset = false;
  bool skip_generate = false;
};

int run_push(const PushOptions& opts, const Output& output) {
  const auto started = std::chrono::steady_clock::now();
  auto setup = load_migrate_setup(opts.schema, output);
  print_datasource(*setup, output);
  std::optional<std::string> created;
  auto connection = connect_main(*setup, &created);
  if (created) std::cout << "\n" << *created << "\n";

  if (opts.force_reset) {
    connection->reset();
    std::cout << "\nThe " << database_description(*setup, "from") << " was successfully reset.\n";
  }
  const migrate::PlannedMigration planned = migrate::plan_push(setup->ctx, *connection, setup->validated);

  if (!planned.unexecutable.empty()) {
    std::string message = "\n⚠️ We found changes that cannot be executed:\n\n";
    for (const auto& u : planned.unexecutable) message += "  • " + u + "\n";
    std::cout << message << "\n";
    throw CliError("Use the --force-reset flag to drop the database before push like " +
                   output.err.bold(output.err.green("prismapp db push --force-reset")) + "\n" +
                   output.err.bold(output.err.red("All data will be lost.")));
  }
  if (!planned.warnings.empty() && !opts.accept_data_loss) {
    std::cout << output.out.bold(output.out.yellow("\n⚠️  There might be data loss when applying the changes:\n\n"));
    for (const auto& w : planned.warnings) std::cout << "  • " << w << "\n";
    std::cout << "\n";
    if (!can_prompt())
      throw CliError("Use the --accept-data-loss flag to ignore the data loss warnings like " +
                     output.err.bold(output.err.green("prismapp db push --accept-data-loss")));
    if (!confirm("Do you want to ignore the warning(s)?")) {
      std::cout << "Push cancelled.\n";
      return 130;
    }
  }

  migrate::apply_push(*connection, planned);
  if (planned.empty() && !opts.force_reset) {
    std::cout << "\nThe database is already in sync with the Prisma schema.\n";
  } else {
    std::cout << "\n🚀  Your database is now in sync with your Prisma schema. Done in "
              << format_elapsed(std::chrono::steady_clock::now() - started) << "\n";
  }
  generate_after_migration(setup->project, setup->validated, opts.skip_generate, output);
  return kExitOk;
}

struct ExecuteOptions {
  std::optional<std::string> file;
  bool stdin_flag = false;
  std::optional<std::string> schema;
  std::optional<std::string> url;
};

int run_execute(const ExecuteOptions& opts, const Output& output) {
  const std::string help = "\nSee `prismapp db execute -h`";
  if (opts.stdin_flag && opts.file)
    throw CliError("--stdin and --file cannot be used at the same time. Only 1 must be provided. " + help);
  if (!opts.stdin_flag && !opts.file) throw CliError("Either --stdin or --file must be provided." + help);
  if (opts.url && opts.schema)
    throw CliError("--url and --schema cannot be used at the same time. Only 1 must be provided." + help);
  if (!opts.url && !opts.schema) throw CliError("Either --url or --schema must be provided." + help);

  std::string script;
  if (opts.file) {
    std::ifstream in(*opts.file, std::ios::binary);
    if (!in) throw CliError("Provided --file at " + *opts.file + " doesn't exist.");
    script.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    script.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }

  if (opts.url) {
    const dialect::Dialect* dialect = dialect::find_dialect_for_url(*opts.url);
    if (!dialect) throw CliError("P1013\n\nThe provided database string is invalid. The scheme is not recognized in database URL.");
    std::string url;
    try {
      url = dialect->resolve_url(*opts.url, fs::current_path());
    } catch (const dialect::DatabaseError& e) {
      throw CliError((e.code.empty() ? "" : e.code + "\n\n") + e.what());
    }
    migrate::execute_on(*dialect, url, script);
  } else {
    auto setup = load_migrate_setup(opts.schema, output);
    migrate::execute_on(*setup->dialect, setup->ctx.url, script);
  }
  std::cout << "Script executed successfully.\n";
  return kExitOk;
}

}  // namespace

void register_db(CLI::App& root, Commands& commands, const Output& output) {
  CLI::App* db = root.add_subcommand("db", "Manage your database schema and lifecycle during development");
  db->require_subcommand(1);
  register_db_pull(*db, commands, output);

  auto push_opts = std::make_shared<PushOptions>();
  CLI::App* push = db->add_subcommand("push", "Push the state from your Prisma schema to your database");
  add_schema_flag(push, push_opts->schema);
  push->add_flag("--accept-data-loss", push_opts->accept_data_loss, "Ignore data loss warnings");
  push->add_flag("--force-reset", push_opts->force_reset, "Force a reset of the database before push");
  push->add_flag("--skip-generate", push_opts->skip_generate, "Skip triggering generators (e.g. Prisma Client)");
  commands.push_back(
      Command{push, [push_opts, &output] { return run_migrate_command([&] { return run_push(*push_opts, output); }); }});

  auto exec_opts = std::make_shared<ExecuteOptions>();
  CLI::App* execute = db->add_subcommand("execute", "Execute native commands to your database");
  execute->add_option("--file", exec_opts->file, "Path to a file. The content will be sent as the script to be executed");
  execute->add_flag("--stdin", exec_opts->stdin_flag, "Use the terminal standard input as the script to be executed");
  add_schema_flag(execute, exec_opts->schema);
  execute->add_option("--url", exec_opts->url, "URL of the datasource to run the command on");
  commands.push_back(Command{execute, [exec_opts, &output] {
                               return run_migrate_command([&] { return run_execute(*exec_opts, output); });
                             }});
}

}  // namespace prismapp::cli
