// `generate --watch`: waits for changes of the schema with inotify. The schema's directory is
// watched (not only the file) so editors that save by writing a new file and renaming it over
// the old one keep being followed; for a folder schema every subfolder is watched too.
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

namespace prismapp::generators::host {

class SchemaWatcher {
 public:
  // `schema` is the schema file or folder. Throws std::runtime_error when inotify fails.
  SchemaWatcher(std::filesystem::path schema, bool is_folder);
  ~SchemaWatcher();
  SchemaWatcher(const SchemaWatcher&) = delete;
  SchemaWatcher& operator=(const SchemaWatcher&) = delete;

  // Blocks until a relevant file changed, then waits for `quiet` without further events (editors
  // write in several steps) and returns the first changed path. Returns nullopt when `wake_fd`
  // (the interrupt pipe) becomes readable.
  std::optional<std::filesystem::path> wait(int wake_fd,
                                            std::chrono::milliseconds quiet = std::chrono::milliseconds(100));

 private:
  void add_dir(const std::filesystem::path& dir);
  bool relevant(const std::filesystem::path& p) const;
  // Reads pending events; returns the first relevant path, if any.
  std::optional<std::filesystem::path> read_events();

  std::filesystem::path schema_;
  bool is_folder_;
  int fd_ = -1;
  std::vector<std::pair<int, std::filesystem::path>> watches_;
};

}  // namespace prismapp::generators::host
