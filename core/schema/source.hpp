// Source files and byte spans: the coordinates every diagnostic and AST node uses.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace prismapp::schema {

// Index of a file in a SourceSet. Multi-file schemas number their files in load order.
using FileId = std::uint32_t;

// A half-open byte range [start, end) inside one file. Byte offsets (not characters) because
// Prisma's diagnostics and the conformance corpus count columns in bytes.
struct Span {
  FileId file = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;

  bool empty() const { return start == end; }
  bool contains(const Span& other) const {
    return file == other.file && start <= other.start && other.end <= end;
  }
};

struct SourceFile {
  std::string path;  // as shown in diagnostics (e.g. "schema.prisma")
  std::string text;
};

// All files of one schema, in a stable order.
struct SourceSet {
  std::vector<SourceFile> files;

  FileId add(std::string path, std::string text) {
    files.push_back(SourceFile{std::move(path), std::move(text)});
    return static_cast<FileId>(files.size() - 1);
  }
  const SourceFile& file(FileId id) const { return files.at(id); }
  std::string_view slice(const Span& span) const {
    const auto& t = files.at(span.file).text;
    return std::string_view(t).substr(span.start, span.end - span.start);
  }
};

}  // namespace prismapp::schema
