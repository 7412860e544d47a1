// SQLite connection strings as Prisma accepts them: `file:./dev.db`, `file:dev.db`,
// `file:/abs/path.db`, `sqlite:dev.db` or a bare path, optionally followed by `?key=value&...`.
// Relative `file:` paths are relative to the folder of the schema file (Prisma rebases them when
// it loads the datasource), everything else is relative to the working directory.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace prismapp::dialect::sqlite {

struct SqliteUrl {
  std::string written_path;  // the path as written in the URL, after the scheme and before '?'
  std::string file_path;     // the path to open (rebased onto base_dir when relative and `file:`)
  bool in_memory = false;    // ":memory:"
  // Query parameters Prisma understands; the pool-related ones mean nothing to a single
  // connection and are only validated. Unknown parameters are ignored, as Prisma does.
  std::optional<unsigned> socket_timeout_seconds;  // used as the busy timeout
  std::optional<unsigned> connection_limit;
};

// Whether the URL is one the SQLite provider takes (`file:` or `sqlite:`); used by the datasource
// check, which reports Prisma's "the URL must start with the protocol `file:`." otherwise.
bool is_sqlite_url(std::string_view url);

// Parses the URL. base_dir (the schema file's folder) rebases a relative `file:` path; an empty
// base_dir leaves it relative to the working directory. Throws DatabaseError P1013 when the URL
// is not a SQLite URL, names a directory, or has a malformed known parameter.
SqliteUrl parse_sqlite_url(std::string_view url, const std::filesystem::path& base_dir = {});

// The URL with a relative `file:` path rebased onto base_dir, query string preserved: what the CLI
// hands to Dialect::connect, which knows nothing of schema files.
std::string rebase_sqlite_url(std::string_view url, const std::filesystem::path& base_dir);

// The file name shown in messages ("dev.db" for file:./prisma/dev.db).
std::string sqlite_database_name(const SqliteUrl& url);

}  // namespace prismapp::dialect::sqlite
