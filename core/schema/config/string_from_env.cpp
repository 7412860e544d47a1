#include "core/schema/config/string_from_env.hpp"

#include <cstdlib>

#include "core/schema/config/coerce.hpp"

namespace prismapp::schema::config {

EnvLookup process_env_lookup() {
  return [](std::string_view name) -> std::optional<std::string> {
    const std::string key(name);
    if (const char* value = std::getenv(key.c_str())) return std::string(value);
    return std::nullopt;
  };
}

std::optional<std::string> parse_env_function(const ast::Expression& expression, Diagnostics& diags) {
  if (!expression.is_function()) {
    diags.error("This is not a function expression but expected it to be one.", expression.span);
    return std::nullopt;
  }
  if (expression.value != "env") {
    diags.error("Expected this to be an env function.", expression.span);
    return std::nullopt;
  }
  const auto& arguments = expression.arguments;
  // Named arguments are tolerated (with a warning) as long as there is exactly one argument.
  for (const auto& argument : arguments.arguments) {
    if (!argument.is_unnamed()) diags.warning("The env function doesn't expect named arguments", argument.span);
  }
  if (arguments.arguments.empty() && !arguments.empty_arguments.empty()) {
    diags.error("The env function expects a singular, unnamed, string argument.", expression.span);
    return std::nullopt;
  }
  if (arguments.arguments.size() + arguments.empty_arguments.size() != 1 || arguments.trailing_comma) {
    diags.error("Exactly one string parameter must be passed to the env function.", expression.span);
    return std::nullopt;
  }
  return coerce_string(arguments.arguments.front().value(), diags);
}

std::optional<StringFromEnv> coerce_string_from_env(const ast::Expression& expression, Diagnostics& diags) {
  if (expression.is_function() && expression.value == "env") {
    auto name = parse_env_function(expression, diags);
    if (!name) return std::nullopt;
    return StringFromEnv::env_var(std::move(*name));
  }
  if (expression.is_string()) return StringFromEnv::literal(expression.value);
  push_type_mismatch("String", expression, diags);
  return std::nullopt;
}

std::optional<std::string> resolve_env(const StringFromEnv& value, const EnvLookup& env) {
  if (value.value) return value.value;
  if (value.from_env_var) return env(*value.from_env_var);
  return std::nullopt;
}

std::string environment_variable_not_found_message(std::string_view variable_name) {
  return "Environment variable not found: " + std::string(variable_name) + ".";
}

}  // namespace prismapp::schema::config
