// A configuration value that is either a string literal or `env("VAR")` (psl-core StringFromEnvVar
// and EnvFunction). Env vars are NOT read while loading the schema: validation must pass when a
// variable is unset; `resolve_env` reads them later, when a command actually needs the value.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/schema/ast.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::config {

struct StringFromEnv {
  std::optional<std::string> from_env_var;  // the variable name when written as env("NAME")
  std::optional<std::string> value;         // the literal when written as "..."

  static StringFromEnv literal(std::string text) { return StringFromEnv{std::nullopt, std::move(text)}; }
  static StringFromEnv env_var(std::string name) { return StringFromEnv{std::move(name), std::nullopt}; }
  bool is_env_var() const { return from_env_var.has_value(); }
  bool operator==(const StringFromEnv&) const = default;
};

// Looks a variable up; nullopt when it is not set. Tests inject maps, the CLI passes the process
// environment merged with `.env`.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Reads the real process environment (std::getenv).
EnvLookup process_env_lookup();

// Parses `env(...)`: warns "The env function doesn't expect named arguments" for each named
// argument, and errors on a missing/extra/non-string argument or a trailing comma. Returns the
// variable name.
std::optional<std::string> parse_env_function(const ast::Expression& expression, Diagnostics& diags);

// A string literal or an env() call; anything else is "Expected a String value, but received ...".
std::optional<StringFromEnv> coerce_string_from_env(const ast::Expression& expression, Diagnostics& diags);

// The literal, or the variable's value. nullopt only when the variable is unset (the caller words
// the error: see `environment_variable_not_found_message`).
std::optional<std::string> resolve_env(const StringFromEnv& value, const EnvLookup& env);

// Prisma's P1012 text for an unset variable: "Environment variable not found: NAME."
std::string environment_variable_not_found_message(std::string_view variable_name);

}  // namespace prismapp::schema::config
