// .env files the way Prisma reads them: dotenv's parsing rules, Prisma's `${VAR}` expansion, a
// root `.env` (current directory) and a schema `.env` (the schema's directory), never overriding
// variables that are already set in the process environment.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prismapp::cli {

struct EnvEntry {
  std::string key;
  std::string value;
};

// dotenv (v16) rules: `KEY=value`, optional `export ` prefix, `KEY: value`, single/double/backtick
// quotes (double quotes turn `\n`/`\r` into newlines, quoted values may span lines), unquoted
// values end at `#` and are trimmed, lines that do not parse are skipped. A key that appears twice
// keeps its last value (the entry stays at the position of its first occurrence).
std::vector<EnvEntry> parse_dotenv(std::string_view text);

// Prisma's dotenv-expand: `${NAME}` is replaced by the process environment's value of NAME, else
// by the file's own value of NAME, else by nothing; `\${NAME}` stays literal (without the
// backslash); `$NAME` without braces is not expanded. `lookup_env` returns the process
// environment's value. Expansion recurses into substituted values up to a fixed depth.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
void expand_dotenv(std::vector<EnvEntry>& entries, const EnvLookup& lookup_env);

struct LoadedEnvFile {
  std::filesystem::path path;
  std::string display_path;      // relative to the current directory, as printed
  std::vector<EnvEntry> entries;  // after expansion
};

struct EnvLoadResult {
  std::vector<LoadedEnvFile> files;      // in load order: root first, then the schema's
  std::vector<std::string> messages;     // "Environment variables loaded from .env", ...
  std::vector<std::string> warnings;     // e.g. the same key with different values in both files
};

// Loads `<cwd>/.env`, then `<schema_dir>/.env` when that is a different file, into the process
// environment (setenv without overwrite). Throws CliError if a file exists but cannot be read.
EnvLoadResult load_env_files(const std::filesystem::path& cwd,
                             const std::optional<std::filesystem::path>& schema_dir);

// Convenience for `init`: does this .env text define KEY?
bool dotenv_defines(std::string_view text, std::string_view key);

}  // namespace prismapp::cli
