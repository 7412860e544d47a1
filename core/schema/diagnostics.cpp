// Prisma's diagnostic layout, byte for byte (see psl/diagnostics pretty_print in prisma-engines):
// the conformance corpus compares this output including the ANSI escape codes.
#include "core/schema/diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace prismapp::schema {
namespace {

struct Style {
  bool colour;
  std::string wrap(std::string_view codes, std::string_view text) const {
    if (!colour) return std::string(text);
    return "\x1b[" + std::string(codes) + "m" + std::string(text) + "\x1b[0m";
  }
};

std::string gutter(std::size_t line_number, const Style& style) {
  if (line_number == 0) return style.wrap("1;94", "   | ");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%2zu | ", line_number);
  return style.wrap("1;94", buf);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string gutter_with_line(std::size_t line_number, const std::vector<std::string_view>& lines,
                             const Style& style) {
  if (line_number > 0 && line_number <= lines.size())
    return gutter(line_number, style) + std::string(lines[line_number - 1]);
  return gutter(line_number, style);
}

}  // namespace

std::string render_diagnostic(const Diagnostic& d, const SourceSet& sources, bool colour) {
  const Style style{colour};
  const auto& file = sources.file(d.span.file);
  std::string_view text = file.text;
  const std::size_t start = std::min<std::size_t>(d.span.start, text.size());
  const std::size_t end = std::clamp<std::size_t>(d.span.end, start, text.size());

  const auto start_line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + start, '\n'));
  const auto end_line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + end, '\n'));
  const auto lines = split_lines(text);

  std::size_t line_begin = 0;
  for (std::size_t i = 0; i < start_line; ++i) line_begin += lines[i].size() + 1;
  const std::string_view line = lines[start_line];
  const std::size_t start_in_line = start - line_begin;
  const std::size_t end_in_line = std::min(start_in_line + (end - start), line.size());

  const bool is_error = d.severity == Severity::Error;
  const std::string_view colour_code = is_error ? "1;91" : "1;93";
  const std::string_view offending = line.substr(start_in_line, end_in_line - start_in_line);

  std::string out;
  out += style.wrap(colour_code, is_error ? "error" : "warning");
  out += ": ";
  out += style.wrap("1", d.message);
  out += "\n  ";
  out += style.wrap("1;94", "-->");
  out += "  ";
  out += style.wrap("4", file.path + ":" + std::to_string(start_line + 1));
  out += "\n";
  out += gutter(0, style) + "\n";
  out += gutter_with_line(start_line, lines, style) + "\n";
  out += gutter(start_line + 1, style);
  out += line.substr(0, start_in_line);
  if (!offending.empty()) out += style.wrap(colour_code, offending);
  out += line.substr(end_in_line);
  out += "\n";
  if (offending.empty()) {
    out += gutter(0, style) + std::string(start_in_line, ' ') + style.wrap(colour_code, "^ Unexpected token.") + "\n";
  }
  for (std::size_t n = start_line + 2; n < end_line + 2; ++n) out += gutter_with_line(n, lines, style) + "\n";
  out += gutter(0, style) + "\n";
  return out;
}

std::string render_diagnostics(const Diagnostics& diagnostics, const SourceSet& sources, bool colour) {
  std::string out;
  for (const auto& w : diagnostics.warnings()) out += render_diagnostic(w, sources, colour);
  for (const auto& e : diagnostics.errors()) out += render_diagnostic(e, sources, colour);
  return out;
}

}  // namespace prismapp::schema
