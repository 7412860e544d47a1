// `prismapp db pull`, following Prisma 6's DbPull.ts: read the live database (the dialect's
// describer), turn it into a Prisma schema (core/introspect, re-introspecting the current
// schema unless --force), then print it (--print) or replace the schema file — validated first,
// written atomically. With the `views` preview feature the view definitions go to
// views/<namespace>/<view>.sql next to the schema.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "cli/cli_error.hpp"
#include "cli/cmd_migrate_setup.hpp"
#include "cli/commands.hpp"
#include "cli/project.hpp"
#include "cli/url_mask.hpp"
#include "core/dialect/introspection_hooks.hpp"
#include "core/introspect/introspect.hpp"
#include "core/migrate/describe_scope.hpp"
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

// views/ next to the schema file (inside a schema folder), as Prisma's handleViewsIO.
fs::path views_directory(const Project& project) {
  const fs::path& location = project.location.path;
  return (project.location.is_folder ? location : location.parent_path()) / "views";
}

// Every `.sql` file at least one folder below `dir`.
void collect_view_files(const fs::path& dir, std::vector<fs::path>& out, int depth = 0) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec)) collect_view_files(entry.path(), out, depth + 1);
    else if (depth > 0 && entry.path().extension() == ".sql") out.push_back(entry.path());
  }
}

// Removes the empty folders below `dir`, then `dir` itself when it is empty.
void remove_empty_dirs(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory(ec)) remove_empty_dirs(entry.path());
  if (fs::is_empty(dir, ec)) fs::remove(dir, ec);
}

// Prisma's handleViewsIO: views/<namespace>/<view>.sql holds each view's formatted definition;
// other .sql files in namespace folders go, empty folders go (views/ too), anything else stays.
void write_view_definitions(const fs::path& views_dir, const std::vector<introspect::ViewDefinition>& views) {
  std::vector<fs::path> keep;
  for (const auto& view : views) {
    const fs::path dir = views_dir / view.schema;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw CliError("Error creating the directory: " + dir.string() + ".\n" + ec.message() + ".");
    const fs::path file = dir / (view.name + ".sql");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << view.definition;
    out.flush();
    if (!out)
      throw CliError("Error writing the view definition\n" + view.definition + "\nto file " + file.string() + ".");
    keep.push_back(file.lexically_normal());
  }
  std::vector<fs::path> existing;
  collect_view_files(views_dir, existing);
  for (const auto& file : existing) {
    if (std::find(keep.begin(), keep.end(), file.lexically_normal()) != keep.end()) continue;
    std::error_code ec;
    fs::remove(file, ec);
    if (ec) throw CliError("Error removing the file: " + file.string() + ".\n" + ec.message() + ".");
  }
  remove_empty_dirs(views_dir);
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
  // The common case (no --url, no --force, one file): the start is the schema as loaded, which
  // is validated already; validating it again costs as much as a tenth of a large pull.
  const bool start_is_current = current.parsed.sources.files.size() == 1 &&
                                current.parsed.sources.files.front().text == start_text;
  schema::ValidationResult previous = start_is_current ? current : schema::validate_schema(start_sources);

  std::cerr << "\nIntrospecting based on datasource defined in " << project.location.display_path << " …\n";

  // The datasource's `schemas` (multi-schema) and preview features say what is read.
  // Pulling never creates the database (SQLite: P1003 for a missing file).
  auto connection = dialect->connect_existing(connect_url);
  connection->set_scope(migrate::describe_scope(previous));
  const sql::SqlSchema described = connection->describe();
  const auto& hooks = dialect->introspection_hooks();

  introspect::IntrospectionInput input;
  input.schema = &described;
  input.hooks = &hooks;
  input.facts = hooks.read_facts(*connection, described);
  input.previous = &previous;
  input.ignored_tables = project.config.db_pull.ignore_tables;
  input.search_path = hooks.default_namespace(*connection, described);
  const introspect::IntrospectionResult result = introspect::introspect(input);

  if (result.is_empty()) throw CliError(p4001_message(opts.url));

  // Never replace the user's schema with something that does not validate.
  schema::SourceSet result_sources;
  result_sources.add(start_sources.files.front().path, result.text);
  const auto validated = schema::validate_schema(result_sources);
  if (validated.diagnostics.has_errors())
    throw CliError("The introspected schema does not validate, so it was not written:\n" +
                   validation_error_report(validated.diagnostics, result_sources, output.err.colour()));

  // Prisma writes the view definitions with the `views` preview feature, --print or not.
  if (result.views) write_view_definitions(views_directory(project), *result.views);

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
            << output.out.bold(format_elapsed(std::chrono::steady_clock::now() - started)) << "\n      "
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
