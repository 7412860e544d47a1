// Normalizes a DateTime default the way Prisma prints it: the literal is parsed as chrono's
// DateTime<FixedOffset> and printed with to_rfc3339() — `T` separator, fractional seconds in
// groups of 3/6/9 digits (none when zero), and the offset as ±hh:mm ("Z" becomes "+00:00").
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::schema::dmmf {

namespace {

struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool digits(std::size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    out = v;
    return true;
  }
  bool eat(char c) {
    if (i < s.size() && s[i] == c) { ++i; return true; }
    return false;
  }
  bool eat_any(std::string_view cs) {
    if (i < s.size() && cs.find(s[i]) != std::string_view::npos) { ++i; return true; }
    return false;
  }
};

}  // namespace

std::optional<std::string> normalize_rfc3339(std::string_view text) {
  Cursor c{text};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!c.digits(4, year) || !c.eat('-') || !c.digits(2, month) || !c.eat('-') || !c.digits(2, day)) return std::nullopt;
  if (!c.eat_any("Tt ")) return std::nullopt;
  if (!c.digits(2, hour) || !c.eat(':') || !c.digits(2, minute) || !c.eat(':') || !c.digits(2, second))
    return std::nullopt;
  // Fraction: nanosecond precision, further digits are ignored (chrono truncates).
  std::uint32_t nanos = 0;
  if (c.eat('.')) {
    std::size_t count = 0;
    while (c.i < text.size() && std::isdigit(static_cast<unsigned char>(text[c.i]))) {
      if (count < 9) nanos = nanos * 10 + static_cast<std::uint32_t>(text[c.i] - '0');
      ++count;
      ++c.i;
    }
    if (count == 0) return std::nullopt;
    for (std::size_t k = count; k < 9; ++k) nanos *= 10;
  }
  int offset_minutes = 0;
  if (!c.eat_any("Zz")) {
    const bool negative = text.size() > c.i && text[c.i] == '-';
    if (!c.eat_any("+-")) return std::nullopt;
    int oh = 0, om = 0;
    if (!c.digits(2, oh)) return std::nullopt;
    c.eat(':');
    if (!c.digits(2, om)) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (negative ? -1 : 1);
  }
  if (c.i != text.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 60)
    return std::nullopt;

  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  std::string out(buf, static_cast<std::size_t>(n));
  if (nanos != 0) {
    if (nanos % 1000000 == 0) n = std::snprintf(buf, sizeof buf, ".%03u", nanos / 1000000);
    else if (nanos % 1000 == 0) n = std::snprintf(buf, sizeof buf, ".%06u", nanos / 1000);
    else n = std::snprintf(buf, sizeof buf, ".%09u", nanos);
    out.append(buf, static_cast<std::size_t>(n));
  }
  const int abs_offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', abs_offset / 60, abs_offset % 60);
  out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace prismapp::schema::dmmf
