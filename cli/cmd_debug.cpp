// `prismapp debug`: what prismapp sees (schema location, config file, .env files, environment),
// like `prisma debug`. Subcommands that dump internal structures hang off `debug` too:
// `prismapp debug dmmf` prints the full DMMF of the schema ({datamodel, schema, mappings}).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/cli_error.hpp"
#include "cli/commands.hpp"
#include "cli/config_file.hpp"
#include "cli/env_file.hpp"
#include "cli/paths.hpp"
#include "cli/schema_discovery.hpp"
#include "cli/project.hpp"
#include "cli/url_mask.hpp"
#include "core/schema/dmmf/dmmf.hpp"

namespace prismapp::cli {
namespace {

struct DebugOptions {
  std::optional<std::string> schema;
};

std::string env_line(const Style& st, const std::string& name, const std::optional<std::string>& value) {
  const std::string line = "- " + name;
  if (!value) return st.dim(line + ":");
  return st.bold(line + ": `" + mask_url_password(*value) + "`");
}

std::optional<std::string> getenv_opt(const std::string& name) {
  if (const char* v = std::getenv(name.c_str())) return std::string(v);
  return std::nullopt;
}

bool ci_detected() {
  for (const char* name : {"CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "RUN_ID", "GITHUB_ACTIONS"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0' && std::string(v) != "false" && std::string(v) != "0") return true;
  }
  return false;
}

int run_debug(const DebugOptions& opts, const Output& output) {
  namespace fs = std::filesystem;
  const Style& st = output.out;
  const fs::path cwd = fs::current_path();

  std::string config_line;
  Config config;
  try {
    config = load_config(cwd);
    config_line = config.file ? display_path(*config.file, cwd) : "(none)";
  } catch (const CliError& e) {
    config_line = e.what();
  }

  std::string schema_line;
  std::optional<fs::path> env_dir;
  try {
    if (auto loc = try_locate_schema(opts.schema, config, cwd)) {
      schema_line = loc->display_path + (loc->is_folder ? " (multi-file schema folder)" : "");
      env_dir = schema_env_dir(*loc);
    } else {
      schema_line = "(not found)";
    }
  } catch (const CliError& e) {
    schema_line = e.what();
  }

  const EnvLoadResult env = load_env_files(cwd, env_dir);

  std::cout << st.underline("-- Prisma schema --") << "\nPath: " << schema_line << "\n\n";
  std::cout << st.underline("-- Configuration file --") << "\nPath: " << config_line << "\n";
  if (config.migrations.seed) std::cout << "migrations.seed: `" << *config.migrations.seed << "`\n";
  for (const auto& w : config.warnings) std::cout << "warn " << w << "\n";
  std::cout << "\n" << st.underline("-- Environment files --") << "\n";
  if (env.files.empty()) std::cout << "(none loaded)\n";
  for (const auto& f : env.files) std::cout << "Loaded: " << f.display_path << "\n";

  std::cout << "\n" << st.underline("-- Environment variables --") << "\n"
            << "When not set, the line is dimmed and no value is displayed.\n"
            << "When set, the line is bold and the value is inside the `` backticks.\n"
            << "Passwords in connection URLs are masked.\n";
  if (!env.files.empty()) {
    std::cout << "\nFrom .env files (values already in the environment win)\n";
    for (const auto& f : env.files)
      for (const auto& e : f.entries) std::cout << env_line(st, e.key, getenv_opt(e.key)) << "\n";
  }
  std::cout << "\nFor general debugging\n";
  for (const char* name : {"CI", "DEBUG", "RUST_LOG", "NO_COLOR", "CLICOLOR_FORCE", "TERM", "NO_PROXY", "http_proxy",
                           "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"})
    std::cout << env_line(st, name, getenv_opt(name)) << "\n";
  std::cout << "\nFor Prisma Migrate\n";
  for (const char* name : {"PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK", "PRISMA_MIGRATE_SKIP_SEED"})
    std::cout << env_line(st, name, getenv_opt(name)) << "\n";

  std::cout << "\n" << st.underline("-- Terminal is interactive? --") << "\n"
            << (::isatty(0) == 1 && ::isatty(1) == 1 ? "true" : "false") << "\n";
  std::cout << "\n" << st.underline("-- CI detected? --") << "\n" << (ci_detected() ? "true" : "false") << "\n";
  return kExitOk;
}

}  // namespace

// The DMMF as Prisma's getDMMF / generators get it: {"datamodel", "schema", "mappings"}, compact
// JSON on one line. Invalid schemas get the P1012 report, like every schema command.
int run_debug_dmmf(const DebugOptions& opts, const Output& output) {
  const Project project = load_project(opts.schema, output);
  const auto result = schema::validate_schema(project.sources);
  if (result.diagnostics.has_errors())
    throw CliError(validation_error_report(result.diagnostics, result.parsed.sources, output.err.colour()));
  std::cout << schema::dmmf::full_dmmf_json(result) << "\n";
  return 0;
}

void register_debug(CLI::App& root, Commands& commands, const Output& output) {
  auto opts = std::make_shared<DebugOptions>();
  CLI::App* sub = root.add_subcommand("debug", "Print information helpful for debugging and bug reports");
  sub->add_option("--schema", opts->schema, "Custom path to your Prisma schema");
  sub->require_subcommand(0, 1);
  CLI::App* dmmf = sub->add_subcommand("dmmf", "Print the DMMF (Data Model Meta Format) of the schema as JSON");
  dmmf->add_option("--schema", opts->schema, "Custom path to your Prisma schema");
  // Subcommands first: main() runs the first command whose app was parsed.
  commands.push_back(Command{dmmf, [opts, &output] { return run_debug_dmmf(*opts, output); }});
  commands.push_back(Command{sub, [opts, &output] { return run_debug(*opts, output); }});
}

}  // namespace prismapp::cli
