#include "cli/project.hpp"

#include <algorithm>
#include <iostream>

#include "cli/version.hpp"

namespace prismapp::cli {

void print_config_warnings(const Config& config, const Output& output) {
  for (const auto& w : config.warnings) std::cerr << output.err.yellow("warn") << " " << w << "\n";
}

Project load_project(const std::optional<std::string>& schema_flag, const Output& output) {
  Project project;
  project.cwd = std::filesystem::current_path();
  project.config = load_config(project.cwd);
  print_config_warnings(project.config, output);
  project.location = locate_schema(schema_flag, project.config, project.cwd);
  project.env = load_env_files(project.cwd, schema_env_dir(project.location));
  for (const auto& w : project.env.warnings) std::cerr << output.err.yellow("warn") << " " << w << "\n";
  for (const auto& m : project.env.messages) std::cerr << output.err.dim(m) << "\n";
  project.sources = read_schema_files(project.location, project.cwd);
  std::cerr << output.err.dim("Prisma schema loaded from " + project.location.display_path) << "\n";
  return project;
}

std::string validation_error_report(const schema::Diagnostics& diagnostics, const schema::SourceSet& sources,
                                    bool colour, bool get_config) {
  schema::Diagnostics errors_only;
  const auto& errors = diagnostics.errors();
  const std::size_t shown = std::min(errors.size(), kMaxRenderedErrors);
  for (std::size_t i = 0; i < shown; ++i) errors_only.error(errors[i].message, errors[i].span);
  std::string out = std::string("Prisma schema validation - (") + (get_config ? "get-config" : "validate") +
                    " wasm)\nError code: P1012\n";
  out += schema::render_diagnostics(errors_only, sources, colour);
  if (shown < errors.size())
    out += "... " + std::to_string(errors.size() - shown) + " more errors not shown (only the first " +
           std::to_string(kMaxRenderedErrors) + " are printed)\n";
  out += "\nValidation Error Count: " + std::to_string(diagnostics.errors().size()) + "\n";
  out += get_config ? "[Context: getConfig]\n\n" : "[Context: validate]\n\n";
  out += error_version_line();
  return out;
}

std::string warnings_report(const schema::Diagnostics& diagnostics, const Style& style) {
  const auto& warnings = diagnostics.warnings();
  if (warnings.empty()) return {};
  std::string out = "\n" + style.yellow(warnings.size() > 1 ? "Prisma schema warnings:" : "Prisma schema warning:");
  for (const auto& w : warnings) out += "\n- " + w.message;
  return out;
}

}  // namespace prismapp::cli
