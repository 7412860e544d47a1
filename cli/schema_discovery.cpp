#include "cli/schema_discovery.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "cli/cli_error.hpp"
#include "cli/paths.hpp"

namespace prismapp::cli {
namespace fs = std::filesystem;
namespace {

enum class Kind { Missing, File, Folder, Other };

Kind kind_of(const fs::path& p) {
  std::error_code ec;
  const auto status = fs::status(p, ec);
  if (ec || status.type() == fs::file_type::not_found) return Kind::Missing;
  if (status.type() == fs::file_type::regular) return Kind::File;
  if (status.type() == fs::file_type::directory) return Kind::Folder;
  return Kind::Other;
}

std::optional<SchemaLocation> as_location(const fs::path& p, const fs::path& cwd, std::string& failure) {
  switch (kind_of(p)) {
    case Kind::File: return SchemaLocation{absolute_normal(p), false, display_path(p, cwd)};
    case Kind::Folder: return SchemaLocation{absolute_normal(p), true, display_path(p, cwd)};
    case Kind::Missing: failure = "file or directory not found"; return std::nullopt;
    case Kind::Other: failure = "expected file or directory"; return std::nullopt;
  }
  return std::nullopt;
}

std::string not_found_message(const std::vector<std::pair<std::string, std::string>>& failures) {
  std::string msg =
      "Could not find Prisma Schema that is required for this command.\n"
      "You can either provide it with `--schema` argument,\n"
      "set it as `schema` in your prismapp.toml,\n"
      "or put it into the default location (`./prisma/schema.prisma`, or `./schema.prisma`.\n"
      "Checked following paths:\n\n";
  for (const auto& [path, why] : failures) msg += path + ": " + why + "\n";
  msg += "\nSee also https://pris.ly/d/prisma-schema-location";
  return msg;
}

std::optional<SchemaLocation> locate(const std::optional<std::string>& cli_path, const Config& config,
                                     const fs::path& cwd, bool throw_if_missing) {
  std::string failure;
  if (cli_path) {
    if (cli_path->empty()) throw CliError("Could not load `--schema`: the path is empty");
    const fs::path p = fs::path(*cli_path).is_absolute() ? fs::path(*cli_path) : cwd / *cli_path;
    if (auto loc = as_location(p, cwd, failure)) return loc;
    throw CliError("Could not load `--schema` from provided path `" + display_path(p, cwd) + "`: " + failure);
  }
  if (config.schema_path) {
    if (auto loc = as_location(*config.schema_path, cwd, failure)) return loc;
    throw CliError("Could not load schema from `" + *config.schema + "` provided by \"" + kConfigFileName +
                   "\": " + failure);
  }
  std::vector<std::pair<std::string, std::string>> failures;
  for (const char* candidate : {"schema.prisma", "prisma/schema.prisma"}) {
    const fs::path p = cwd / candidate;
    const Kind k = kind_of(p);
    if (k == Kind::File) return SchemaLocation{absolute_normal(p), false, candidate};
    failures.emplace_back(candidate, k == Kind::Missing ? "file not found" : "expected file");
  }
  const fs::path folder = cwd / "prisma" / "schema";
  const Kind k = kind_of(folder);
  if (k == Kind::Folder) return SchemaLocation{absolute_normal(folder), true, "prisma/schema"};
  failures.emplace_back("prisma/schema", k == Kind::Missing ? "directory not found" : "expected directory");
  if (throw_if_missing) throw CliError(not_found_message(failures));
  return std::nullopt;
}

std::string read_whole_file(const fs::path& path, const std::string& display, std::size_t budget) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw CliError("Could not read schema file `" + display + "`: " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw CliError("Could not read schema file `" + display + "`: " + std::strerror(err));
    }
    if (n == 0) break;
    if (data.size() + static_cast<std::size_t>(n) > budget) {
      ::close(fd);
      throw CliError("Schema file `" + display + "` is too large: schemas are limited to " +
                     std::to_string(kMaxSchemaBytes / (1024 * 1024)) + " MiB in total");
    }
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return data;
}

}  // namespace

std::optional<SchemaLocation> try_locate_schema(const std::optional<std::string>& cli_path, const Config& config,
                                                const fs::path& cwd) {
  return locate(cli_path, config, cwd, false);
}

SchemaLocation locate_schema(const std::optional<std::string>& cli_path, const Config& config, const fs::path& cwd) {
  return *locate(cli_path, config, cwd, true);
}

fs::path schema_env_dir(const SchemaLocation& location) { return location.path.parent_path(); }

namespace {

// True when the 8 bytes at p are all ASCII and none is NUL: the common case, checked a word at a
// time (the byte-wise loop with line tracking cost 3 M instructions on a 500-model schema).
bool plain_ascii_word(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  return (w & kHigh) == 0 && ((w - kOnes) & ~w & kHigh) == 0;
}

}  // namespace

void check_schema_text(std::string_view bytes, const std::string& display) {
  std::size_t i = 0;
  // Line and column are only computed for the message, once something is wrong.
  auto fail = [&](const std::string& what) {
    const std::string_view before = bytes.substr(0, i);
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t last_newline = before.rfind('\n');
    const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
    throw CliError("Schema file `" + display + "` " + what + " at line " + std::to_string(line) + ", column " +
                   std::to_string(i - line_start + 1) + " (byte offset " + std::to_string(i) +
                   "). Prisma schema files must be UTF-8 text.");
  };
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  while (i < n) {
    if (i + 8 <= n && plain_ascii_word(s + i)) {
      i += 8;
      continue;
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 0) fail("contains binary data (a NUL byte)");
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      fail("is not valid UTF-8");
    }
    if (i + len > n) fail("is not valid UTF-8 (truncated sequence)");
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) fail("is not valid UTF-8");
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail("is not valid UTF-8");
    i += len;
  }
}

schema::SourceSet read_schema_files(const SchemaLocation& location, const fs::path& cwd) {
  std::vector<fs::path> files;
  if (!location.is_folder) {
    files.push_back(location.path);
  } else {
    std::error_code ec;
    fs::recursive_directory_iterator it(location.path, fs::directory_options::none, ec);
    if (ec) throw CliError("Could not read schema folder `" + location.display_path + "`: " + ec.message());
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      std::error_code fec;
      if (it->path().extension() == ".prisma" && it->is_regular_file(fec)) files.push_back(it->path());
    }
    if (ec) throw CliError("Could not read schema folder `" + location.display_path + "`: " + ec.message());
    if (files.empty())
      throw CliError("Could not load schema from folder `" + location.display_path +
                     "`: it contains no .prisma files");
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
  }

  schema::SourceSet set;
  std::size_t total = 0;
  for (const auto& f : files) {
    const std::string display = display_path(f, cwd);
    std::string text = read_whole_file(f, display, kMaxSchemaBytes - total);
    total += text.size();
    check_schema_text(text, display);
    set.add(display, std::move(text));
  }
  return set;
}

}  // namespace prismapp::cli
