// `prismapp migrate diff`: compare two schema sources (empty, a Prisma schema's datamodel or
// datasource, a database URL, a migrations folder) and print the summary or the SQL script, like
// Prisma 6's MigrateDiff.ts. Exit codes with --exit-code: 0 no difference, 2 difference, 1 error.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/cli_error.hpp"
#include "cli/cmd_migrate_setup.hpp"
#include "cli/env_file.hpp"
#include "cli/schema_discovery.hpp"
#include "core/migrate/drift_summary.hpp"
#include "core/migrate/migrations_directory.hpp"
#include "core/migrate/schema_commands.hpp"

namespace prismapp::cli {
namespace {
namespace fs = std::filesystem;

constexpr int kExitDiffFound = 2;

struct Side {
  bool empty = false;
  std::optional<std::string> schema_datamodel;
  std::optional<std::string> schema_datasource;
  std::optional<std::string> url;
  std::optional<std::string> migrations;
  int count() const {
    return int(empty) + int(schema_datamodel.has_value()) + int(schema_datasource.has_value()) + int(url.has_value()) +
           int(migrations.has_value());
  }
};

struct DiffOptions {
  Side from;
  Side to;
  std::optional<std::string> shadow_database_url;
  std::optional<std::string> output;
  bool script = false;
  bool exit_code = false;
};

// A side's schema file, validated; kept alive for the diff.
struct LoadedSchema {
  SchemaLocation location;
  schema::ValidationResult validated;
};

std::unique_ptr<LoadedSchema> load_schema_at(const std::string& path, const Output& output) {
  const fs::path cwd = fs::current_path();
  auto loaded = std::make_unique<LoadedSchema>();
  loaded->location = locate_schema(path, load_config(cwd), cwd);
  auto sources = read_schema_files(loaded->location, cwd);
  loaded->validated = schema::validate_schema(sources);
  if (loaded->validated.diagnostics.has_errors())
    throw CliError(validation_error_report(loaded->validated.diagnostics,
                                           loaded->validated.parsed.sources.files.empty() ? sources
                                                                                          : loaded->validated.parsed.sources,
                                           output.err.colour()));
  return loaded;
}

std::string provider_of_url(const std::string& url) {
  if (const dialect::Dialect* d = dialect::find_dialect_for_url(url)) return std::string(d->provider());
  const auto colon = url.find(':');
  return colon == std::string::npos ? url : url.substr(0, colon);
}

std::string resolve_url_or_throw(const dialect::Dialect& d, const std::string& url, const fs::path& base) {
  try {
    return d.resolve_url(url, base);
  } catch (const dialect::DatabaseError& e) {
    throw CliError((e.code.empty() ? "" : e.code + "\n\n") + e.what());
  }
}

std::string datasource_url(const LoadedSchema& loaded, const Output& output) {
  const auto* datasource = loaded.validated.configuration.first_datasource();
  if (!datasource) throw CliError("There is no datasource in the schema.");
  load_env_files(fs::current_path(), schema_env_dir(loaded.location));
  const auto url = schema::config::load_url(*datasource, schema::config::process_env_lookup());
  if (url.error) {
    schema::Diagnostics diagnostics;
    diagnostics.error(url.error->message, url.error->span);
    throw CliError(validation_error_report(diagnostics, loaded.validated.parsed.sources, output.err.colour(), true));
  }
  if (const dialect::Dialect* d = dialect::find_dialect(datasource->active_provider))
    return resolve_url_or_throw(*d, *url.url, schema_env_dir(loaded.location));
  return *url.url;
}

int run_diff(const DiffOptions& opts, const Output& output) {
  if (opts.from.count() != 1 || opts.to.count() != 1) {
    std::string message;
    if (opts.from.count() != 1)
      message += std::to_string(opts.from.count()) + " `--from-...` parameter(s) provided. 1 must be provided.";
    if (opts.to.count() != 1)
      message += (message.empty() ? "" : "\n") + std::to_string(opts.to.count()) +
                 " `--to-...` parameter(s) provided. 1 must be provided.";
    throw CliError(message);
  }

  std::vector<std::unique_ptr<LoadedSchema>> keep_alive;
  std::string provider;
  auto resolve = [&](const Side& side) {
    migrate::DiffSource source;
    if (side.empty) {
      source.kind = migrate::DiffSource::Kind::Empty;
    } else if (side.schema_datamodel || side.schema_datasource) {
      keep_alive.push_back(load_schema_at(side.schema_datamodel ? *side.schema_datamodel : *side.schema_datasource, output));
      const auto& loaded = *keep_alive.back();
      if (const auto* ds = loaded.validated.configuration.first_datasource()) provider = ds->active_provider;
      if (side.schema_datamodel) {
        source.kind = migrate::DiffSource::Kind::SchemaDatamodel;
        source.schema = &loaded.validated;
      } else {
        source.kind = migrate::DiffSource::Kind::SchemaDatasource;
        source.schema = &loaded.validated;
        source.url = datasource_url(loaded, output);
      }
    } else if (side.url) {
      source.kind = migrate::DiffSource::Kind::Url;
      provider = provider_of_url(*side.url);
      const dialect::Dialect* d = dialect::find_dialect(provider);
      source.url = d ? resolve_url_or_throw(*d, *side.url, fs::current_path()) : *side.url;
    } else {
      source.kind = migrate::DiffSource::Kind::Migrations;
      source.migrations_dir = fs::absolute(*side.migrations);
      if (auto locked = migrate::read_lock_provider(source.migrations_dir)) provider = *locked;
    }
    return source;
  };
  const migrate::DiffSource from = resolve(opts.from);
  const migrate::DiffSource to = resolve(opts.to);
  if (provider.empty()) provider = "sqlite";
  const dialect::Dialect* dialect = dialect::find_dialect(provider);
  if (!dialect) throw CliError("The `" + provider + "` provider is not supported by prismapp migrate diff yet.");
  const bool uses_migrations =
      from.kind == migrate::DiffSource::Kind::Migrations || to.kind == migrate::DiffSource::Kind::Migrations;
  if (uses_migrations && provider != "sqlite" && !opts.shadow_database_url)
    throw CliError("You must pass the --shadow-database-url if you want to diff a migrations directory.");

  const auto planner = migrate::make_schema_planner(*dialect);
  const migrate::PlannedMigration planned = migrate::diff_sources(*dialect, *planner, from, to, opts.shadow_database_url);
  const std::string text = (opts.script ? planned.script : migrate::drift_summary(planned.migration)) + "\n";
  if (opts.output) {
    // Like Prisma, the output's folder is created when missing (baselining writes 0_init/).
    std::error_code ec;
    const fs::path parent = fs::absolute(*opts.output).parent_path();
    fs::create_directories(parent, ec);
    std::ofstream out(*opts.output, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw CliError("Could not write `" + *opts.output + "`.");
  } else {
    std::cout << text;
  }
  return opts.exit_code && !planned.empty() ? kExitDiffFound : kExitOk;
}

void add_side(CLI::App* app, Side& side, const std::string& prefix) {
  app->add_flag("--" + prefix + "-empty", side.empty, "An empty data model");
  app->add_option("--" + prefix + "-schema-datamodel,--" + prefix + "-schema", side.schema_datamodel,
                  "Path to a Prisma schema file, uses the data model for the diff");
  app->add_option("--" + prefix + "-schema-datasource", side.schema_datasource,
                  "Path to a Prisma schema file, uses the datasource url for the diff");
  app->add_option("--" + prefix + "-url", side.url, "A database URL");
  app->add_option("--" + prefix + "-migrations", side.migrations, "Path to the Prisma Migrate migrations directory");
}

}  // namespace

void register_migrate_diff(CLI::App& migrate, Commands& commands, const Output& output) {
  auto opts = std::make_shared<DiffOptions>();
  CLI::App* diff = migrate.add_subcommand("diff", "Compare the database schema from two arbitrary sources");
  add_side(diff, opts->from, "from");
  add_side(diff, opts->to, "to");
  diff->add_option("--shadow-database-url", opts->shadow_database_url, "URL of the shadow database");
  diff->add_option("-o,--output", opts->output, "Writes to a file instead of stdout");
  diff->add_flag("--script", opts->script, "Render a SQL script to stdout instead of the default human readable summary");
  diff->add_flag("--exit-code", opts->exit_code, "Change the exit code behavior to signal if the diff is empty or not");
  commands.push_back(Command{diff, [opts, &output] { return run_migrate_command([&] { return run_diff(*opts, output); }); }});
}

}  // namespace prismapp::cli
