// Small helpers for writing Python source text: literals and a line-oriented buffer.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace prismapp::generators::python {

// A single-quoted Python string literal ('it\'s'), valid for any UTF-8 input.
std::string py_str(std::string_view text);

// A JSON value as a Python literal: dicts, lists, str, int, float, True/False/None.
std::string py_value(const nlohmann::ordered_json& value);

// Text for a docstring body: escapes backslashes and triple quotes.
std::string py_docstring(std::string_view text);

// Every generated module starts with this header (the pyright comments keep strict mode quiet
// about the package's own relative imports and protected runtime members).
std::string module_header(std::string_view what);

// Appends lines with an indent level.
class PyWriter {
 public:
  PyWriter& line(std::string_view text = {}) {
    if (!text.empty()) out_.append(static_cast<std::size_t>(indent_) * 4, ' ').append(text);
    out_ += '\n';
    return *this;
  }
  PyWriter& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  void indent() { ++indent_; }
  void dedent() { --indent_; }
  std::string take() { return std::move(out_); }
  void reserve(std::size_t n) { out_.reserve(n); }

 private:
  std::string out_;
  int indent_ = 0;
};

// The `_transform_required_list_fields` validator of models.py and partials.py (at the writer's
// current indent) for the given fields (as Python string literals; nothing when empty): raw queries
// give None for list columns never set, Prisma's own reads give [].
void write_required_list_validator(PyWriter& w, const std::vector<std::string>& quoted_names);

}  // namespace prismapp::generators::python
