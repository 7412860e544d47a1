#include "core/schema/config/coerce.hpp"

#include <cstdio>

namespace prismapp::schema::config {
namespace {

// Prisma's words for value kinds in type-mismatch messages. Kept local (rather than calling
// ast::Expression::describe) so this library does not depend on where the AST builder defines it.
const char* value_type_word(const ast::Expression& expression) {
  switch (expression.kind) {
    case ast::ExpressionKind::NumericValue: return "numeric";
    case ast::ExpressionKind::StringValue: return "string";
    case ast::ExpressionKind::ConstantValue: return "literal";
    case ast::ExpressionKind::Function: return "functional";
    case ast::ExpressionKind::Array: return "array";
  }
  return "literal";
}

// schema-ast's `string_literal`: quotes plus escapes for quote, backslash and control characters.
std::string quoted_string_literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
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

}  // namespace

std::string expression_text(const ast::Expression& expression) {
  switch (expression.kind) {
    case ast::ExpressionKind::NumericValue:
    case ast::ExpressionKind::ConstantValue:
      return expression.value;
    case ast::ExpressionKind::StringValue:
      return quoted_string_literal(expression.value);
    case ast::ExpressionKind::Function: {
      std::string out = expression.value + "(";
      bool first = true;
      for (const auto& argument : expression.arguments.arguments) {
        if (!first) out += ",";
        first = false;
        if (argument.name) out += argument.name->name + ": ";
        out += expression_text(argument.value());
      }
      return out + ")";
    }
    case ast::ExpressionKind::Array: {
      std::string out = "[";
      bool first = true;
      for (const auto& item : expression.items) {
        if (!first) out += ",";
        first = false;
        out += expression_text(item);
      }
      return out + "]";
    }
  }
  return expression.value;
}

void push_type_mismatch(std::string_view expected, const ast::Expression& expression, Diagnostics& diags) {
  diags.error("Expected a " + std::string(expected) + " value, but received " + value_type_word(expression) +
                  " value `" + expression_text(expression) + "`.",
              expression.span);
}

std::optional<std::string> coerce_string(const ast::Expression& expression, Diagnostics& diags) {
  if (expression.is_string()) return expression.value;
  push_type_mismatch("string", expression, diags);
  return std::nullopt;
}

std::optional<StringWithSpan> coerce_string_with_span(const ast::Expression& expression, Diagnostics& diags) {
  if (expression.is_string()) return StringWithSpan{expression.value, expression.span};
  push_type_mismatch("string", expression, diags);
  return std::nullopt;
}

}  // namespace prismapp::schema::config
