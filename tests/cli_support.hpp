// Helpers for the CLI tests: run the real prismapp binary in a temporary directory and capture
// its exit code, stdout and stderr.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace prismapp::testing {

struct RunResult {
  int exit_code = -1;  // the process's exit status; 128 + N when killed by signal N
  bool signaled = false;
  std::string out;
  std::string err;
};

struct RunOptions {
  // Environment changes on top of a clean base (PATH, HOME, and NO_COLOR/CLICOLOR_FORCE removed):
  // a value sets the variable, nullopt removes it.
  std::map<std::string, std::optional<std::string>> env;
  bool stdout_tty = false;  // give the child a pseudo-terminal as stdout
  int timeout_seconds = 120;
  // When set, the child's stdin is a pseudo-terminal (instead of /dev/null) and this text is typed
  // into it (e.g. "y\n" to answer a prompt).
  std::optional<std::string> stdin_text = std::nullopt;
  // Another prismapp binary to run (e.g. a copy without its dialect modules beside it).
  std::optional<std::filesystem::path> binary = std::nullopt;
};

// Runs `prismapp <args>` with `cwd` as working directory.
RunResult run_prismapp(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                       const RunOptions& options = {});

// A fresh temporary directory, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

bool contains(const std::string& haystack, const std::string& needle);
// The migration folder names under <dir>/prisma/migrations, sorted (empty when there is none).
std::vector<std::string> migration_names(const TempDir& dir);
// Migration folder names carry a one-second timestamp: wait so that the next one sorts after.
void next_second();
// Options running prismapp with DATABASE_URL set to `url`.
RunOptions with_url(const std::string& url);
// Eight random hex digits, for unique database names.
std::string random_suffix();

// A small valid SQLite schema, already in prismapp's canonical format.
extern const char* const kValidSchema;

}  // namespace prismapp::testing
