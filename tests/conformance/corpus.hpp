// Helpers shared by the conformance suites: reading the corpus files and the known-failure lists.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli_support.hpp"  // read_file: one definition for the whole test binary

namespace prismapp::testing {

// All files below `dir` with the given extension, sorted for a stable order.
inline std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir, const std::string& ext) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ext) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Known failures: `relative/path.prisma  reason...` per line, `#` comments. A listed case that
// starts passing is reported so the list stays honest.
inline std::map<std::string, std::string> known_failures(const std::filesystem::path& list) {
  std::map<std::string, std::string> out;
  std::ifstream in(list);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find_first_of(" \t");
    const std::string name = line.substr(0, sp);
    std::string reason = sp == std::string::npos ? "" : line.substr(sp);
    reason.erase(0, reason.find_first_not_of(" \t"));
    out[name] = reason;
  }
  return out;
}

}  // namespace prismapp::testing
