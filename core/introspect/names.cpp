// Identifier sanitation and string literals for introspected schemas.
#include "core/introspect/names.hpp"

#include <cstdio>

namespace prismapp::introspect {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ident_char(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

bool needs_sanitation(std::string_view name) {
  if (name.empty()) return false;
  if (!is_letter(name.front())) return true;
  for (char c : name)
    if (!is_ident_char(c)) return true;
  return false;
}

// Prisma's two regexes work on characters, not bytes: a multi-byte UTF-8 character counts as one
// invalid character and becomes a single `_`.
std::string sanitize(std::string_view name) {
  if (!needs_sanitation(name)) return std::string(name);
  std::size_t i = 0;
  while (i < name.size() && !is_letter(name[i])) ++i;
  std::string out;
  while (i < name.size()) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (is_ident_char(name[i])) {
      out += name[i];
      ++i;
      continue;
    }
    out += '_';
    std::size_t len = 1;
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    i += len;
  }
  return out;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace prismapp::introspect
