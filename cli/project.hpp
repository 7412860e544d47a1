// What schema commands share: read prismapp.toml, find the schema, load .env files, read the
// schema files, and print Prisma's progress lines (on stderr, so stdout stays the command's output).
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/config_file.hpp"
#include "cli/env_file.hpp"
#include "cli/output_style.hpp"
#include "cli/schema_discovery.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::cli {

struct Project {
  std::filesystem::path cwd;
  Config config;
  SchemaLocation location;
  EnvLoadResult env;
  schema::SourceSet sources;
};

// Prints config warnings, "Environment variables loaded from ..." and "Prisma schema loaded from
// ..." to stderr. Throws CliError when something cannot be found or read.
Project load_project(const std::optional<std::string>& schema_flag, const Output& output);

// Prints config warnings (stderr). Used by commands that load the config without a schema.
void print_config_warnings(const Config& config, const Output& output);

// Error reports print at most this many diagnostics (Prisma prints all; past this point the
// output is useless and rendering costs grow with file size times error count).
inline constexpr std::size_t kMaxRenderedErrors = 200;

// The P1012 report for validation errors (everything after "Error: "), Prisma's layout:
// "Prisma schema validation - (validate wasm)\nError code: P1012\n<diagnostics>\nValidation Error
// Count: N\n[Context: validate]\n\n<version line>".
// `get_config` = true gives the variant Prisma prints when resolving datasource URLs fails
// ("(get-config wasm)" ... "[Context: getConfig]").
std::string validation_error_report(const schema::Diagnostics& diagnostics, const schema::SourceSet& sources,
                                    bool colour, bool get_config = false);

// Warnings the way `prisma validate` prints lint warnings ("\nPrisma schema warning(s):\n- ...");
// empty when there are none.
std::string warnings_report(const schema::Diagnostics& diagnostics, const Style& style);

}  // namespace prismapp::cli
