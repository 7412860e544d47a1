#include "core/schema/format/table_format.hpp"

#include <algorithm>

namespace prismapp::schema::format {

void LineWriter::write(std::string_view text) {
  if (out_.empty() || out_.back() == '\n') out_.append(static_cast<std::size_t>(indent_ * indent_width_), ' ');
  out_.append(text);
}

void LineWriter::write_spaces(std::size_t count) {
  if (out_.empty() || out_.back() == '\n') out_.append(static_cast<std::size_t>(indent_ * indent_width_), ' ');
  out_.append(count, ' ');
}

void TableFormat::start_new_line() { rows_.push_back(Row{}); }

std::string& TableFormat::column(std::size_t index) {
  if (rows_.empty()) rows_.push_back(Row{});
  Row& row = rows_.back();
  if (row.interleaved) return row.text;
  if (row.cells.size() < index + 1) row.cells.resize(index + 1);
  return row.cells[index];
}

void TableFormat::append_suffix(std::string_view text) {
  if (rows_.empty() || rows_.back().interleaved) return;
  rows_.back().text.append(text);
}

void TableFormat::interleave(std::string_view text) {
  Row row;
  row.interleaved = true;
  row.text.assign(text);
  rows_.push_back(std::move(row));
}

void TableFormat::render(LineWriter& out) {
  // Trailing empty cells do not count (a field without attributes must not get padding).
  std::vector<std::size_t> widths;
  for (Row& row : rows_) {
    if (row.interleaved) continue;
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    if (widths.size() < row.cells.size()) widths.resize(row.cells.size(), 0);
    for (std::size_t i = 0; i < row.cells.size(); ++i) widths[i] = std::max(widths[i], row.cells[i].size());
  }

  for (const Row& row : rows_) {
    if (row.interleaved) {
      out.write(row.text);
    } else {
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        out.write(row.cells[i]);
        if (i + 1 < row.cells.size()) out.write_spaces(widths[i] - row.cells[i].size() + 1);
      }
      if (!row.text.empty()) {
        if (!row.cells.empty()) out.write(" ");
        out.write(row.text);
      }
    }
    out.end_line();
  }
  rows_.clear();
}

}  // namespace prismapp::schema::format
