// `prismapp db pull`, following Prisma 6's DbPull.ts: read the live database (the dialect's
// describer), turn it into a Prisma schema (core/introspect, re-introspecting the current
// schema unless --force), then print it (--print) or replace the schema file — validated first,
// written atomically.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <unistd.h>

#include "cli/cli_error.hpp"
#include "cli/cmd_migrate_setup.hpp"
#include "cli/commands.hpp"
#include "cli/project.hpp"
#include "cli/url_mask.hpp"
#include "core/dialect/introspection_hooks.hpp"
#include "core/introspect/introspect.hpp"
#include "core/migrate/migrate_error.hpp"

namespace prismapp::cli {
namespace {
namespace fs = std::filesystem;

struct PullOptions {
  std::optional<std::string> schema;
  std::optional<std::string> url;
  bool print = false;
  bool force = false;
};

std::string format_ms(std::chrono::steady_clock::duration d) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  if (ms < 1000) return std::to_string(ms) + "ms";
  std::ostringstream s;
  s.precision(2);
  s << std::fixed << static_cast<double>(ms) / 1000.0 << "s";
  return s.str();
}

// The schema text re-introspection starts from: the files as they are, or (--force) only their
// generator and datasource blocks; with --url the datasource is replaced by one for that URL.
std::string starting_schema(const schema::ValidationResult& current, const std::optional<std::string>& url,
                            const std::string& url_provider, bool force) {
  const auto& sources = current.parsed.sources;
  const auto* ds = current.configuration.first_datasource();
  std::string out;
  if (url) {
    out = "datasource db {\n  provider = \"" + url_provider + "\"\n  url      = \"" + *url + "\"\n}\n\n";
  }
  if (force || sources.files.empty()) {
    for (const auto& g : current.configuration.generators) out += std::string(sources.slice(g.span)) + "\n\n";
    if (ds && !url) out = std::string(sources.slice(ds->span)) + "\n\n" + out;
    return out;
  }
  std::string text = sources.files.front().text;
  if (url && ds) text.erase(ds->span.start, ds->span.end - ds->span.start);
  return out + text;
}

void write_atomically(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".prismapp-pull-" + std::to_string(::getpid()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw CliError("Could not write " + tmp.string());
    out << text;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw CliError("Could not write " + tmp.string());
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw CliError("Could not replace " + path.string() + ": " + ec.message());
  }
}

std::string p4001_message(const std::optional<std::string>& url) {
  return "\nP4001 The introspected database was empty: " + (url ? mask_url_password(*url) : std::string()) +
         "\n\nprismapp db pull could not create any models in your schema.prisma file and you will not be able to "
         "generate Prisma Client with the prisma generate command.\n\nTo fix this, you have two options:\n\n- manually "
         "create a table in your database.\n- make sure the database connection URL inside the datasource block in "
         "schema.prisma points to a database that is not empty (it must contain at least one table).\n\nThen you can "
         "run prismapp db pull again. \n";
}

int run_pull(const PullOptions& opts, const Output& output) {
  const auto started = std::chrono::steady_clock::now();
  // Without --url the datasource of the schema is used (loading validates the schema: P1012 on
  // errors); with --url only the schema's other blocks are kept.
  std::unique_ptr<MigrateSetup> setup;
  Project project;
  schema::ValidationResult current;
  if (!opts.url) {
    setup = load_migrate_setup(opts.schema, output);
    project = setup->project;
    current = setup->validated;
  } else {
    project = load_project(opts.schema, output);
    current = schema::validate_schema(project.sources);
    if (current.diagnostics.has_errors() && !opts.force) {
      std::cerr << "\n";
      throw CliError(
          "P1012 Introspection failed as your current Prisma schema file is invalid\n\nPlease fix your current "
          "schema manually, use prismapp validate to confirm it is valid and then run this command again.\nOr run "
          "this command with the --force flag to ignore your current schema and overwrite it. All local "
          "modifications will be lost.\n");
    }
  }
  if (project.location.is_folder && !opts.print)
    throw CliError("db pull into a multi-file schema folder is not supported yet; use --print.");

  const dialect::Dialect* dialect = nullptr;
  std::string connect_url;
  if (opts.url) {
    dialect = dialect::find_dialect_for_url(*opts.url);
    if (!dialect) throw CliError("P1013\n\nThe provided database string is invalid. The scheme is not recognized in database URL.");
    try {
      connect_url = dialect->resolve_url(*opts.url, fs::current_path());
    } catch (const dialect::DatabaseError& e) {
      throw CliError((e.code.empty() ? "" : e.code + "\n\n") + e.what());
    }
  } else {
    print_datasource(*setup, output);
    dialect = setup->dialect;
    connect_url = setup->ctx.url;
  }

  const std::string start_text = starting_schema(current, opts.url, std::string(dialect->provider()), opts.force);
  schema::SourceSet start_sources;
  start_sources.add(project.sources.files.empty() ? "schema.prisma" : project.sources.files.front().path, start_text);
  schema::ValidationResult previous = schema::validate_schema(start_sources);

  std::cerr << "\nIntrospecting based on datasource defined in " << project.location.display_path << " …\n";

  auto connection = dialect->connect(connect_url);
  const sql::SqlSchema described = connection->describe();
  const auto& hooks = dialect->introspection_hooks();

  introspect::IntrospectionInput input;
  input.schema = &described;
  input.hooks = &hooks;
  input.facts = hooks.read_facts(*connection, described);
  input.previous = &previous;
  input.ignored_tables = project.config.db_pull.ignore_tables;
  const introspect::IntrospectionResult result = introspect::introspect(input);

  if (result.is_empty()) throw CliError(p4001_message(opts.url));

  // Never replace the user's schema with something that does not validate.
  schema::SourceSet result_sources;
  result_sources.add(start_sources.files.front().path, result.text);
  const auto validated = schema::validate_schema(result_sources);
  if (validated.diagnostics.has_errors())
    throw CliError("The introspected schema does not validate, so it was not written:\n" +
                   validation_error_report(validated.diagnostics, result_sources, output.err.colour()));

  if (opts.print) {
    std::cout << result.text << std::flush;
    if (!result.warnings.empty()) {
      std::string commented = "\n" + result.warnings;
      std::string out;
      for (char c : commented) {
        out += c;
        if (c == '\n') out += "// ";
      }
      std::cerr << out << "\n";
    }
    return kExitOk;
  }

  const fs::path target = project.location.path;
  write_atomically(target, result.text);
  const std::size_t models = result.model_count;
  std::cout << "\n✔ Introspected " << models << " " << (models == 1 ? "model and wrote it" : "models and wrote them")
            << " into " << project.location.display_path << " in "
            << output.out.bold(format_ms(std::chrono::steady_clock::now() - started)) << "\n      "
            << (result.warnings.empty() ? "" : output.out.yellow("\n" + result.warnings)) << "\nRun "
            << output.out.green("prismapp generate") << " to generate Prisma Client.\n";
  return kExitOk;
}

}  // namespace

void register_db_pull(CLI::App& db, Commands& commands, const Output& output) {
  auto opts = std::make_shared<PullOptions>();
  CLI::App* pull = db.add_subcommand("pull", "Pull the state from the database to the Prisma schema using introspection");
  add_schema_flag(pull, opts->schema);
  pull->add_option("--url", opts->url, "Override the datasource URL from the Prisma schema file");
  pull->add_flag("--print", opts->print, "Print the introspected Prisma schema to stdout");
  pull->add_flag("--force", opts->force, "Ignore current Prisma schema file");
  commands.push_back(Command{pull, [opts, &output] { return run_migrate_command([&] { return run_pull(*opts, output); }); }});
}

}  // namespace prismapp::cli
