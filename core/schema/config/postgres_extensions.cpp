#include "core/schema/config/postgres_extensions.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/schema/config/coerce.hpp"

namespace prismapp::schema::config {
namespace {

struct ExtensionSyntax {
  std::string name;
  const std::vector<ast::Argument>* arguments;  // null for a bare constant
  Span span;
};

std::optional<ExtensionSyntax> coerce_function_or_constant(const ast::Expression& expression, Diagnostics& diags) {
  if (expression.is_function()) return ExtensionSyntax{expression.value, &expression.arguments.arguments, expression.span};
  if (expression.is_constant()) return ExtensionSyntax{expression.value, nullptr, expression.span};
  push_type_mismatch("constant or function", expression, diags);
  return std::nullopt;
}

// A named extension argument whose value may have failed to coerce to a string.
struct NamedArgument {
  std::string name;
  Span span;
  std::optional<std::string> value;
  bool consumed = false;
};

// Keeps the first occurrence of each name; unnamed and repeated arguments are errors.
std::vector<NamedArgument> collect_named_arguments(const std::vector<ast::Argument>& arguments, Diagnostics& diags) {
  std::vector<NamedArgument> out;
  std::set<std::string> seen;
  for (const auto& argument : arguments) {
    if (!argument.name) {
      diags.validation_error("The argument must have a name", argument.span);
      continue;
    }
    if (!seen.insert(argument.name->name).second) {
      diags.validation_error("The argument `" + argument.name->name + "` can only be defined once", argument.span);
      continue;
    }
    out.push_back(NamedArgument{argument.name->name, argument.span, coerce_string(argument.value(), diags)});
  }
  return out;
}

std::optional<std::string> take_string_argument(std::vector<NamedArgument>& arguments, std::string_view name,
                                                Diagnostics& diags) {
  for (auto& argument : arguments) {
    if (argument.consumed || argument.name != name) continue;
    argument.consumed = true;
    if (!argument.value) {
      diags.validation_error("The `" + std::string(name) + "` argument must be a string literal", argument.span);
    }
    return argument.value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PostgresExtensions> parse_postgres_extensions(const ast::Expression& value, Span property_span,
                                                            Diagnostics& diags) {
  const auto elements = coerce_array<ExtensionSyntax>(value, coerce_function_or_constant, diags);
  if (!elements) return std::nullopt;

  PostgresExtensions out;
  out.span = property_span;
  for (const auto& element : *elements) {
    PostgresExtension extension;
    extension.name = element.name;
    extension.span = element.span;
    if (element.arguments) {
      auto arguments = collect_named_arguments(*element.arguments, diags);
      extension.db_name = take_string_argument(arguments, "map", diags);
      extension.schema = take_string_argument(arguments, "schema", diags);
      extension.version = take_string_argument(arguments, "version", diags);
      for (const auto& argument : arguments) {
        if (!argument.consumed) diags.error("Argument not known: \"" + argument.name + "\".", argument.span);
      }
    }
    out.extensions.push_back(std::move(extension));
  }
  std::stable_sort(out.extensions.begin(), out.extensions.end(),
                   [](const PostgresExtension& a, const PostgresExtension& b) { return a.name < b.name; });
  return out;
}

void validate_postgres_extensions(const PostgresExtensions& extensions, bool preview_feature_enabled,
                                  Diagnostics& diags) {
  if (!preview_feature_enabled) {
    diags.error("The `extensions` property is only available with the `postgresqlExtensions` preview feature.",
                extensions.span);
    return;
  }
  for (const auto& extension : extensions.extensions) {
    if (extension.name.empty()) {
      diags.validation_error("The name of an extension must not be empty.", extension.span);
    } else if (std::isdigit(static_cast<unsigned char>(extension.name.front()))) {
      diags.validation_error("The name of an extension must not start with a number.", extension.span);
    } else if (extension.name.find('-') != std::string::npos) {
      diags.validation_error("The character `-` is not allowed in extension names.", extension.span);
    }
  }
}

}  // namespace prismapp::schema::config
