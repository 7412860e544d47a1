#include "cli/paths.hpp"

namespace prismapp::cli {

std::filesystem::path absolute_normal(const std::filesystem::path& p) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(p, ec);
  if (ec) abs = p;
  auto normal = abs.lexically_normal();
  // "dir/" normalises to "dir/" with an empty filename; drop it so comparisons work.
  if (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path()) normal = normal.parent_path();
  return normal;
}

std::string display_path(const std::filesystem::path& p, const std::filesystem::path& cwd) {
  const auto abs = absolute_normal(p);
  const auto base = absolute_normal(cwd);
  auto rel = abs.lexically_relative(base);
  if (rel.empty()) return abs.generic_string();
  std::string s = rel.generic_string();
  return s.empty() ? std::string(".") : s;
}

}  // namespace prismapp::cli
