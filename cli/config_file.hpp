// prismapp.toml: the project's configuration file (the counterpart of prisma.config.ts).
//
//   schema = "prisma/schema.prisma"   # a file or a folder of .prisma files, relative to this file
//
//   [migrations]
//   seed = "python seed.py"           # command `db seed` runs (kept for later commands)
//
// Unknown keys produce warnings; invalid TOML or a wrongly typed known key is an error.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prismapp::cli {

inline constexpr const char* kConfigFileName = "prismapp.toml";

struct MigrationsConfig {
  std::optional<std::string> seed;
};

// [db_pull]
//   ignore_tables = ["alembic_version"]   # tables `db pull` leaves out (besides _prisma_migrations)
struct DbPullConfig {
  std::vector<std::string> ignore_tables;
};

struct Config {
  std::optional<std::filesystem::path> file;         // the prismapp.toml that was read, if any
  std::optional<std::string> schema;                 // `schema` as written
  std::optional<std::filesystem::path> schema_path;  // `schema` resolved against the file's folder
  MigrationsConfig migrations;
  DbPullConfig db_pull;
  std::vector<std::string> warnings;                 // unknown keys etc.
};

// Parses configuration text. `display_path` is used in messages; `base_dir` resolves `schema`.
// Throws CliError on invalid TOML or wrong types.
Config parse_config(std::string_view text, const std::string& display_path, const std::filesystem::path& base_dir);

// Reads `<dir>/prismapp.toml` if it exists; an empty Config otherwise.
Config load_config(const std::filesystem::path& dir);

}  // namespace prismapp::cli
