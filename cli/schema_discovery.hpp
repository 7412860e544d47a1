// Finding and reading the Prisma schema the way Prisma does:
//   1. --schema PATH (a .prisma file, or a folder whose .prisma files, recursively, form one schema)
//   2. `schema` in prismapp.toml
//   3. ./schema.prisma, then ./prisma/schema.prisma, then the folder ./prisma/schema/
// Reading rejects what is not a schema: unreadable files, binary data (NUL bytes), invalid UTF-8,
// folders without .prisma files, files above a size limit.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cli/config_file.hpp"
#include "core/schema/source.hpp"

namespace prismapp::cli {

// Upper bound on the bytes of one schema (all files together): far above real schemas, and keeps
// every byte offset inside the 32-bit spans the schema front end uses.
inline constexpr std::size_t kMaxSchemaBytes = 512u * 1024u * 1024u;

struct SchemaLocation {
  std::filesystem::path path;  // the file or the folder, absolute
  bool is_folder = false;
  std::string display_path;    // relative to the current directory
};

// Where the schema is; throws CliError with Prisma's wording when it cannot be found.
SchemaLocation locate_schema(const std::optional<std::string>& cli_path, const Config& config,
                             const std::filesystem::path& cwd);

// Like locate_schema but returns nullopt instead of the "could not find" error of step 3
// (explicitly given paths that do not exist still throw).
std::optional<SchemaLocation> try_locate_schema(const std::optional<std::string>& cli_path, const Config& config,
                                                const std::filesystem::path& cwd);

// The folder whose .env belongs to the schema (the file's folder, or the folder's parent for a
// multi-file schema, like Prisma's path.dirname).
std::filesystem::path schema_env_dir(const SchemaLocation& location);

// Reads every file of the schema. Paths in the SourceSet are relative to `cwd` (as shown in
// diagnostics) and stay valid for writing back. Throws CliError on unreadable or non-text input.
schema::SourceSet read_schema_files(const SchemaLocation& location, const std::filesystem::path& cwd);

// Throws CliError when `bytes` is not schema text: NUL bytes or invalid UTF-8 (with the line and
// column of the first bad byte).
void check_schema_text(std::string_view bytes, const std::string& display_path);

}  // namespace prismapp::cli
