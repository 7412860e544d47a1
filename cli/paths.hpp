// Path helpers shared by the commands: how paths are shown to the user (relative to the current
// directory, like Prisma's path.relative) and compared.
#pragma once
#include <filesystem>
#include <string>

namespace prismapp::cli {

// Absolute and lexically normalised (no symlink resolution, no filesystem access needed).
std::filesystem::path absolute_normal(const std::filesystem::path& p);

// `p` relative to `cwd` in generic form ("prisma/schema.prisma", "../x.prisma"); "." for cwd.
std::string display_path(const std::filesystem::path& p, const std::filesystem::path& cwd);

}  // namespace prismapp::cli
