// The two output primitives of Prisma's formatter (psl/schema-ast renderer): an indenting line
// writer, and a table whose regular rows are aligned column by column when it is flushed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace prismapp::schema::format {

// Appends text to one output buffer; indentation is written lazily when a line gets its first
// text, so blank lines never carry trailing spaces.
class LineWriter {
 public:
  explicit LineWriter(int indent_width) : indent_width_(indent_width) {}

  void write(std::string_view text);
  void write_spaces(std::size_t count);
  void end_line() { out_.push_back('\n'); }
  void indent_up() { ++indent_; }
  void indent_down() {
    if (indent_ > 0) --indent_;
  }
  void reserve(std::size_t n) { out_.reserve(n); }
  std::string& buffer() { return out_; }

 private:
  std::string out_;
  int indent_ = 0;
  int indent_width_;
};

// Rows are either regular (aligned columns plus a free-form suffix such as a trailing comment,
// which never influences the layout) or interleaved (verbatim text, e.g. an invalid line).
class TableFormat {
 public:
  void start_new_line();
  // The cell `index` of the current row, creating empty cells before it. On an interleaved row
  // this is the row text itself (mirrors upstream: writes land there).
  std::string& column(std::size_t index);
  void append_suffix(std::string_view text);  // no-op outside a regular row
  void interleave(std::string_view text);
  bool empty() const { return rows_.empty(); }

  // Writes all rows (one output line each) and clears the table.
  void render(LineWriter& out);

 private:
  struct Row {
    bool interleaved = false;
    std::vector<std::string> cells;  // regular rows
    std::string text;                // suffix (regular) or the whole line (interleaved)
  };
  std::vector<Row> rows_;
};

}  // namespace prismapp::schema::format
