// `prismapp validate` and `prismapp format`.
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_error.hpp"
#include "cli/output_style.hpp"
#include "cli/commands.hpp"
#include "cli/project.hpp"

namespace prismapp::cli {
namespace {

struct SchemaOptions {
  std::optional<std::string> schema;
};

void add_schema_option(CLI::App* sub, SchemaOptions& opts) {
  sub->add_option("--schema", opts.schema,
                  "Custom path to your Prisma schema (a .prisma file or a folder of .prisma files)");
}

// The process ends right after `validate` and `format`: freeing a large parsed schema (hundreds
// of thousands of small objects for 500 models, ~5 % of the command's instructions) would be
// wasted work, so the result is deliberately kept until exit, when the OS reclaims the memory at
// once. It stays reachable through a never-freed static list, so leak checkers do not report it;
// CLI tests run the binary as a separate process, so nothing accumulates across runs.
template <typename T>
const T& keep_until_exit(T value) {
  static auto* kept = new std::vector<std::shared_ptr<const void>>();
  auto owned = std::make_shared<const T>(std::move(value));
  kept->push_back(owned);
  return *owned;
}

int run_validate(const SchemaOptions& opts, const Output& output) {
  Project project = load_project(opts.schema, output);
  const bool multi = project.location.is_folder;
  // The result keeps the sources (result.parsed.sources), so they move instead of being copied.
  const auto& result = keep_until_exit(schema::validate_schema(std::move(project.sources)));

  if (auto warnings = warnings_report(result.diagnostics, output.err); !warnings.empty())
    std::cerr << warnings << "\n";
  if (result.diagnostics.has_errors())
    throw CliError(
        validation_error_report(result.diagnostics, result.parsed.sources, output.err.colour()));

  // Like `prisma validate` (getConfig with env var errors on): the datasource URLs must resolve.
  const auto env = schema::config::process_env_lookup();
  for (const auto& datasource : result.configuration.datasources) {
    auto resolution = schema::config::load_url(datasource, env);
    if (!resolution.error && datasource.direct_url) resolution = schema::config::load_direct_url(datasource, env);
    if (resolution.error) {
      schema::Diagnostics diagnostics;
      diagnostics.error(resolution.error->message, resolution.error->span);
      throw CliError(validation_error_report(diagnostics, result.parsed.sources, output.err.colour(),
                                             /*get_config=*/true));
    }
  }

  const std::string where = output.out.underline(project.location.display_path);
  std::cout << (multi ? "The schemas at " + where + " are valid 🚀" : "The schema at " + where + " is valid 🚀")
            << "\n";
  return kExitOk;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw CliError("Could not write `" + path + "`: " + std::strerror(errno));
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw CliError("Could not write `" + path + "`: " + std::strerror(errno));
}

int run_format(const SchemaOptions& opts, bool check, const Output& output) {
  const auto started = std::chrono::steady_clock::now();
  Project project = load_project(opts.schema, output);

  // Like Prisma: the formatted result must be a valid schema, else nothing is written.
  const auto& result = keep_until_exit(schema::format_schema(project.sources, 2));
  const std::vector<schema::SourceFile>& formatted = result.files;
  if (formatted.size() != project.sources.files.size())
    throw CliError("internal error: the formatter returned " + std::to_string(formatted.size()) + " files for " +
                   std::to_string(project.sources.files.size()) + " inputs");
  if (result.validation.diagnostics.has_errors())
    throw CliError(validation_error_report(result.validation.diagnostics, result.validation.parsed.sources,
                                           output.err.colour()));

  std::vector<std::size_t> changed;
  for (std::size_t i = 0; i < formatted.size(); ++i)
    if (formatted[i].text != project.sources.files[i].text) changed.push_back(i);

  if (check) {
    if (changed.empty()) {
      std::cout << "All files are formatted correctly!\n";
      return kExitOk;
    }
    for (auto i : changed) std::cerr << "Unformatted: " << project.sources.files[i].path << "\n";
    std::cerr << output.err.bold(output.err.red("!")) << " There are unformatted files. Run "
              << output.err.underline("prismapp format") << " to format them.\n";
    return kExitError;
  }

  for (auto i : changed) write_file(project.sources.files[i].path, formatted[i].text);

  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Formatted " << output.out.underline(project.location.display_path) << " in "
            << format_elapsed(std::chrono::milliseconds(elapsed)) << " 🚀\n";
  return kExitOk;
}

}  // namespace

void register_validate(CLI::App& root, Commands& commands, const Output& output) {
  auto opts = std::make_shared<SchemaOptions>();
  CLI::App* sub = root.add_subcommand("validate", "Validate your Prisma schema");
  add_schema_option(sub, *opts);
  commands.push_back(Command{sub, [opts, &output] { return run_validate(*opts, output); }});
}

void register_format(CLI::App& root, Commands& commands, const Output& output) {
  auto opts = std::make_shared<SchemaOptions>();
  auto check = std::make_shared<bool>(false);
  CLI::App* sub = root.add_subcommand("format", "Format your Prisma schema (every file of a multi-file schema)");
  add_schema_option(sub, *opts);
  sub->add_flag("--check", *check, "Write nothing; exit 1 and list the files that are not formatted");
  commands.push_back(Command{sub, [opts, check, &output] { return run_format(*opts, *check, output); }});
}

}  // namespace prismapp::cli
