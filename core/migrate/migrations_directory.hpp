// The migrations folder, in Prisma's layout:
//   <dir>/migration_lock.toml                       provider lock (P3019 on mismatch)
//   <dir>/<YYYYMMDDHHMMSS>_<name>/migration.sql     one folder per migration, applied in name order
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prismapp::migrate {

inline constexpr const char* kMigrationScriptFile = "migration.sql";
inline constexpr const char* kMigrationLockFile = "migration_lock.toml";
// Prisma rejects longer names (P3010).
inline constexpr std::size_t kMaxMigrationNameLength = 200;

struct MigrationDirectory {
  std::string name;            // the folder name, "20240101120000_init"
  std::filesystem::path path;  // the folder

  std::filesystem::path script_path() const { return path / kMigrationScriptFile; }
  // The script's bytes; throws MigrateError P3015 when migration.sql is missing or unreadable.
  std::string read_script() const;
};

// Every sub-folder of `dir`, sorted by name (Prisma applies them in this order). A missing `dir`
// is an empty history.
std::vector<MigrationDirectory> list_migrations(const std::filesystem::path& dir);

// ---- migration_lock.toml ----------------------------------------------------------------------
std::string migration_lock_text(std::string_view provider);
// The provider recorded in the lock file; nullopt when there is no lock file. A lock file
// without a provider line reads as "<PROVIDER NOT FOUND>" (as in Prisma).
std::optional<std::string> read_lock_provider(const std::filesystem::path& dir);
// Throws MigrateError P3019 when a lock file names another provider.
void check_lock_provider(const std::filesystem::path& dir, std::string_view provider);
void write_lock_file(const std::filesystem::path& dir, std::string_view provider);

// ---- new migrations -----------------------------------------------------------------------------
// Prisma's slugify(name, { separator: '_' }): camelCase split into words, lower case, every run of
// characters other than [a-z0-9] becomes one "_", no leading/trailing "_"; cut to 200 bytes.
std::string sanitize_migration_name(std::string_view name);
// UTC "YYYYMMDDHHMMSS".
std::string migration_timestamp(std::chrono::system_clock::time_point when);
// Creates `<dir>/<timestamp>_<name>/migration.sql` with `script` (and the lock file). Throws
// MigrateError when the folder exists or cannot be written, P3010 when the name is too long.
MigrationDirectory create_migration(const std::filesystem::path& dir, std::string_view name, std::string_view script,
                                    std::string_view provider, std::chrono::system_clock::time_point when);

}  // namespace prismapp::migrate
