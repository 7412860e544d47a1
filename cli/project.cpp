#include "cli/project.hpp"

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
                                    bool colour) {
  schema::Diagnostics errors_only;
  for (const auto& e : diagnostics.errors()) errors_only.error(e.message, e.span);
  std::string out = "Prisma schema validation - (validate wasm)\nError code: P1012\n";
  out += schema::render_diagnostics(errors_only, sources, colour);
  out += "\nValidation Error Count: " + std::to_string(diagnostics.errors().size()) + "\n";
  out += "[Context: validate]\n\n";
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
