#include "core/dialect/sqlite/sqlite_url.hpp"

#include <cctype>
#include <charconv>
#include <system_error>

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::sqlite {
namespace {

constexpr std::string_view kFileScheme = "file:";
constexpr std::string_view kSqliteScheme = "sqlite:";

[[noreturn]] void invalid(const std::string& details) {
  throw DatabaseError("P1013", "The provided database string is invalid. " + details);
}

// "postgresql://..." or "mysql:..." : a scheme that is not ours. A bare path ("dev.db",
// ":memory:", "./x.db") has no scheme; quaint accepts those, so do we.
bool has_foreign_scheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  std::size_t i = 1;
  while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' || url[i] == '-' || url[i] == '.'))
    ++i;
  // One letter followed by ':' is a Windows drive, not a scheme.
  return i < url.size() && url[i] == ':' && i > 1;
}

std::optional<unsigned> parse_unsigned(std::string_view key, std::string_view value) {
  unsigned out = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || ptr != value.data() + value.size())
    invalid("Invalid value `" + std::string(value) + "` for the `" + std::string(key) + "` parameter.");
  return out;
}

struct Split {
  bool file_scheme = false;
  std::string_view path;
  std::string_view query;  // without '?'
};

Split split(std::string_view url) {
  Split s;
  if (url.starts_with(kFileScheme)) {
    s.file_scheme = true;
    url.remove_prefix(kFileScheme.size());
  } else if (url.starts_with(kSqliteScheme)) {
    url.remove_prefix(kSqliteScheme.size());
  } else if (has_foreign_scheme(url)) {
    invalid("the URL must start with the protocol `file:`.");
  }
  const auto q = url.find('?');
  s.path = url.substr(0, q);
  if (q != std::string_view::npos) s.query = url.substr(q + 1);
  return s;
}

std::string rebased(const Split& s, const std::filesystem::path& base_dir) {
  std::filesystem::path p{std::string(s.path)};
  if (s.file_scheme && !base_dir.empty() && p.is_relative() && s.path != ":memory:")
    return (base_dir / p).lexically_normal().string();
  return std::string(s.path);
}

}  // namespace

bool is_sqlite_url(std::string_view url) { return url.starts_with(kFileScheme) || url.starts_with(kSqliteScheme); }

SqliteUrl parse_sqlite_url(std::string_view url, const std::filesystem::path& base_dir) {
  const Split s = split(url);
  if (s.path.empty()) invalid("The SQLite URL has no file path.");

  SqliteUrl out;
  out.written_path = std::string(s.path);
  out.in_memory = s.path == ":memory:";
  out.file_path = rebased(s, base_dir);

  std::error_code ec;
  if (!out.in_memory && std::filesystem::is_directory(out.file_path, ec))
    invalid("The SQLite path `" + out.file_path + "` is a directory.");

  std::string_view query = s.query;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const auto eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    if (key == "socket_timeout") out.socket_timeout_seconds = parse_unsigned(key, value);
    else if (key == "connection_limit") out.connection_limit = parse_unsigned(key, value);
    else if (key == "max_connection_lifetime" || key == "max_idle_connection_lifetime") parse_unsigned(key, value);
    // Anything else (e.g. pool_timeout) is discarded, like quaint does.
  }
  return out;
}

std::string rebase_sqlite_url(std::string_view url, const std::filesystem::path& base_dir) {
  const Split s = split(url);
  if (!s.file_scheme) return std::string(url);
  std::string out = std::string(kFileScheme) + rebased(s, base_dir);
  if (url.find('?') != std::string_view::npos) out += "?" + std::string(s.query);
  return out;
}

std::string sqlite_database_name(const SqliteUrl& url) {
  if (url.in_memory) return url.written_path;
  const auto name = std::filesystem::path(url.file_path).filename().string();
  return name.empty() ? url.file_path : name;
}

}  // namespace prismapp::dialect::sqlite
