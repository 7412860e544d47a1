#include "core/schema/format/block_comment.hpp"

namespace prismapp::schema::format {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view trim_start(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

}  // namespace

void render_block_comment(std::string_view comment, TableFormat& table) {
  comment = trim(comment);
  table.start_new_line();
  table.append_suffix("/**");
  std::string_view inner = comment.size() >= 4 ? comment.substr(2, comment.size() - 4) : std::string_view{};
  while (true) {
    // Same line splitting as Rust's str::lines: on '\n', with a trailing '\r' dropped by trim.
    std::size_t nl = inner.find('\n');
    std::string_view line = trim(inner.substr(0, nl));
    if (!line.empty() && line.front() == '*') line = trim_start(line.substr(1));
    if (!line.empty()) {
      table.start_new_line();
      table.append_suffix(" * ");
      table.append_suffix(line);
    }
    if (nl == std::string_view::npos) break;
    inner.remove_prefix(nl + 1);
  }
  table.start_new_line();
  table.append_suffix(" */");
}

}  // namespace prismapp::schema::format
