// Shared plumbing of the migrate/db commands (see cmd_migrate_setup.hpp).
#include "cli/cmd_migrate_setup.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli_error.hpp"
#include "cli/schema_discovery.hpp"
#include "cli/url_mask.hpp"
#include "core/migrate/database_error_text.hpp"
#include "core/migrate/describe_scope.hpp"
#include "core/migrate/migrate_error.hpp"

namespace prismapp::cli {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_url_error(const schema::Diagnostic& error, const MigrateSetup& setup, const Output& output) {
  schema::Diagnostics diagnostics;
  diagnostics.error(error.message, error.span);
  const auto& sources = setup.validated.parsed.sources.files.empty() ? setup.project.sources : setup.validated.parsed.sources;
  throw CliError(validation_error_report(diagnostics, sources, output.err.colour(), /*get_config=*/true));
}

}  // namespace

void add_schema_flag(CLI::App* app, std::optional<std::string>& schema) {
  app->add_option("--schema", schema, "Custom path to your Prisma schema");
}

std::unique_ptr<MigrateSetup> load_migrate_setup(const std::optional<std::string>& schema_flag, const Output& output) {
  auto setup = std::make_unique<MigrateSetup>();
  setup->project = load_project(schema_flag, output);
  setup->validated = schema::validate_schema(setup->project.sources);
  const auto& sources = setup->validated.parsed.sources.files.empty() ? setup->project.sources : setup->validated.parsed.sources;
  if (setup->validated.diagnostics.has_errors())
    throw CliError(validation_error_report(setup->validated.diagnostics, sources, output.err.colour()));

  setup->datasource = setup->validated.configuration.first_datasource();
  if (!setup->datasource) throw CliError("Couldn't find a datasource in the schema.prisma file");
  setup->dialect = dialect::find_dialect(setup->datasource->active_provider);
  if (!setup->dialect)
    throw CliError("The `" + setup->datasource->active_provider + "` provider is not supported by prismapp migrate yet.");

  const auto env = schema::config::process_env_lookup();
  const auto url = schema::config::load_url(*setup->datasource, env);
  if (url.error) throw_url_error(*url.error, *setup, output);
  setup->written_url = *url.url;
  const auto shadow = schema::config::load_shadow_database_url(*setup->datasource, env);
  if (shadow.error) throw_url_error(*shadow.error, *setup, output);

  // Relative SQLite paths are relative to the schema's folder (Prisma rebases them on load).
  const fs::path schema_dir = schema_env_dir(setup->project.location);
  std::string connect_url;
  std::optional<std::string> shadow_url = shadow.url;
  try {
    connect_url = setup->dialect->resolve_url(setup->written_url, schema_dir);
    if (shadow_url) shadow_url = setup->dialect->resolve_url(*shadow_url, schema_dir);
    setup->url_info = setup->dialect->url_info(setup->written_url);
  } catch (const dialect::DatabaseError& e) {
    throw CliError((e.code.empty() ? "" : e.code + "\n\n") + e.what());
  }
  setup->planner = migrate::make_schema_planner(*setup->dialect);
  setup->ctx.dialect = setup->dialect;
  setup->ctx.planner = setup->planner.get();
  setup->ctx.url = connect_url;
  setup->ctx.shadow_url = shadow_url;
  setup->ctx.migrations_dir = schema_dir / "migrations";
  setup->ctx.scope = migrate::describe_scope(setup->validated);
  return setup;
}

std::string database_description(const MigrateSetup& setup, const std::string& preposition) {
  const auto& info = setup.url_info;
  return info.database_kind + " database \"" + info.database + "\"" + (info.schema ? ", schema \"" + *info.schema + "\"" : "") +
         " " + preposition + " \"" + mask_url_password(info.location) + "\"";
}

void print_datasource(const MigrateSetup& setup, const Output& output) {
  std::cerr << output.err.dim("Datasource \"" + setup.datasource->name + "\": " + database_description(setup)) << "\n";
}

std::unique_ptr<dialect::Connection> connect_main(const MigrateSetup& setup, std::optional<std::string>* created_line) {
  if (!created_line) return migrate::connect_scoped(*setup.dialect, setup.ctx.url, setup.ctx.scope);
  auto connected = setup.dialect->connect_creating(setup.ctx.url, setup.written_url);
  *created_line = connected.created_message;
  connected.connection->set_scope(setup.ctx.scope);
  return std::move(connected.connection);
}

int run_migrate_command(const std::function<int()>& body) {
  try {
    return body();
  } catch (const migrate::MigrateError& e) {
    throw CliError(e.code.empty() ? std::string(e.what()) : e.code + "\n\n" + e.what());
  } catch (const dialect::DatabaseError& e) {
    // A Prisma error code comes with Prisma's own message (P1000, P1003, ...); without one the
    // database's text is the message.
    if (!e.code.empty()) throw CliError(e.code + "\n\n" + e.what());
    throw CliError(migrate::database_error_text(e).message);
  }
}

bool can_prompt() {
  const char* ci = std::getenv("CI");
  return ::isatty(STDIN_FILENO) && !(ci && *ci && std::string(ci) != "false");
}

std::string ask(const std::string& question) {
  std::cout << "? " << question << " › " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return "";
  return line;
}

bool confirm(const std::string& question) {
  const std::string answer = ask(question + " (y/N)");
  return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
}

void print_applying(const std::string& migration_name) {
  std::cout << "Applying migration `" << migration_name << "`\n" << std::flush;
}

std::string migration_files_tree(const std::vector<std::string>& names) {
  std::string out = "migrations/\n";
  for (const auto& name : names) out += "  └─ " + name + "/\n    └─ migration.sql\n";
  if (!out.empty()) out.pop_back();
  return out;
}

bool run_seed(const Config& config, const Output& output) {
  if (!config.migrations.seed || config.migrations.seed->empty()) return true;
  std::cout << "\nRunning seed command `" << *config.migrations.seed << "` ...\n" << std::flush;
  const int status = std::system(config.migrations.seed->c_str());
  if (status != 0) {
    std::cerr << output.err.red("An error occurred while running the seed command:") << "\n"
              << "Error: Command failed with exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : 1) << ": "
              << *config.migrations.seed << "\n";
    return false;
  }
  std::cout << "\n🌱  The seed command has been executed.\n";
  return true;
}

}  // namespace prismapp::cli
