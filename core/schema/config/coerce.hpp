// Expression coercions used by the configuration loaders, with Prisma's exact type-mismatch
// messages (parser-database `coerce` / `coerce_array`, schema-ast `Expression` Display).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::config {

// Prisma's textual rendering of an expression as used inside messages: strings quoted and escaped,
// arrays `[a,b]` and function arguments `f(a,name: b)` joined by "," without spaces.
std::string expression_text(const ast::Expression& expression);

// "Expected a <expected> value, but received <describe> value `<text>`." at the expression span.
void push_type_mismatch(std::string_view expected, const ast::Expression& expression, Diagnostics& diags);

// A string literal's contents, or a type mismatch error ("string").
std::optional<std::string> coerce_string(const ast::Expression& expression, Diagnostics& diags);

struct StringWithSpan {
  std::string value;
  Span span;
};
std::optional<StringWithSpan> coerce_string_with_span(const ast::Expression& expression, Diagnostics& diags);

// Applies `coerce_item` to every element of an array, or to the expression itself when it is not an
// array (Prisma accepts `x` for `[x]`). Every element is tried so all errors are reported; the
// result is empty if any element failed.
template <typename T>
std::optional<std::vector<T>> coerce_array(
    const ast::Expression& expression,
    const std::function<std::optional<T>(const ast::Expression&, Diagnostics&)>& coerce_item,
    Diagnostics& diags) {
  std::vector<T> out;
  if (!expression.is_array()) {
    auto single = coerce_item(expression, diags);
    if (!single) return std::nullopt;
    out.push_back(std::move(*single));
    return out;
  }
  bool all_valid = true;
  for (const auto& item : expression.items) {
    auto coerced = coerce_item(item, diags);
    if (coerced) {
      out.push_back(std::move(*coerced));
    } else {
      all_valid = false;
    }
  }
  if (!all_valid) return std::nullopt;
  return out;
}

}  // namespace prismapp::schema::config
