// Prisma's diagnostic layout, byte for byte (see psl/diagnostics pretty_print in prisma-engines):
// the conformance corpus compares this output including the ANSI escape codes.
#include "core/schema/diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
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

// Byte offsets where each line of a file starts; built once per file so that rendering many
// diagnostics does not rescan the file for each one.
struct LineIndex {
  std::string_view text;
  std::vector<std::size_t> starts;

  explicit LineIndex(std::string_view t) : text(t) {
    starts.push_back(0);
    // memchr: this runs over the whole file for the first diagnostic of a file (large schemas).
    for (std::size_t i = 0; i < t.size();) {
      const void* newline = std::memchr(t.data() + i, '\n', t.size() - i);
      if (newline == nullptr) break;
      i = static_cast<std::size_t>(static_cast<const char*>(newline) - t.data()) + 1;
      starts.push_back(i);
    }
  }
  std::size_t count() const { return starts.size(); }
  // 0-based line containing byte `offset` (the number of newlines before it).
  std::size_t line_of(std::size_t offset) const {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
  }
  std::string_view line(std::size_t i) const {
    const std::size_t b = starts[i];
    const std::size_t e = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size();
    return text.substr(b, e - b);
  }
};

// Prisma's `format_line_number_with_line`: the gutter plus line `line_number` (1-based) if it exists.
std::string gutter_with_line(std::size_t line_number, const LineIndex& lines, const Style& style) {
  if (line_number > 0 && line_number <= lines.count())
    return gutter(line_number, style) + std::string(lines.line(line_number - 1));
  return gutter(line_number, style);
}

std::string render_with_index(const Diagnostic& d, const std::string& path, const LineIndex& lines, bool colour) {
  const Style style{colour};
  const std::string_view text = lines.text;
  const std::size_t start = std::min<std::size_t>(d.span.start, text.size());
  const std::size_t end = std::clamp<std::size_t>(d.span.end, start, text.size());

  const std::size_t start_line = lines.line_of(start);
  const std::size_t end_line = lines.line_of(end);
  const std::string_view line = lines.line(start_line);
  const std::size_t start_in_line = start - lines.starts[start_line];
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
  out += style.wrap("4", path + ":" + std::to_string(start_line + 1));
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

}  // namespace

std::string render_diagnostic(const Diagnostic& d, const SourceSet& sources, bool colour) {
  const auto& file = sources.file(d.span.file);
  return render_with_index(d, file.path, LineIndex(file.text), colour);
}

std::string render_diagnostics(const Diagnostics& diagnostics, const SourceSet& sources, bool colour) {
  std::vector<std::optional<LineIndex>> indexes(sources.files.size());
  auto render = [&](const Diagnostic& d) {
    auto& index = indexes.at(d.span.file);
    if (!index) index.emplace(sources.file(d.span.file).text);
    return render_with_index(d, sources.file(d.span.file).path, *index, colour);
  };
  std::string out;
  for (const auto& w : diagnostics.warnings()) out += render(w);
  for (const auto& e : diagnostics.errors()) out += render(e);
  return out;
}

}  // namespace prismapp::schema
