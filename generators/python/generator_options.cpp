// The generator block's options, checked like upstream's generator Config (src/prisma/_config.py,
// generator/models.py): unknown values are errors, PRISMA_PY_CONFIG_<KEY> env vars win.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "generators/python/python_generator.hpp"

namespace prismapp::generators::python {

namespace {

using schema::config::GeneratorConfigValue;

std::optional<std::string> option(const schema::config::Generator& generator, const schema::config::EnvLookup& env,
                                  const std::string& key) {
  std::string env_name = "PRISMA_PY_CONFIG_" + key;
  std::transform(env_name.begin(), env_name.end(), env_name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (auto v = env(env_name)) return v;
  for (const auto& [name, value] : generator.config) {
    if (name != key) continue;
    if (value.kind == GeneratorConfigValue::Kind::String) return value.text;
    if (value.kind == GeneratorConfigValue::Kind::Env) {
      if (auto v = env(value.text)) return v;
      throw GeneratorError("Environment variable not found: " + value.text + " (generator option `" + key + "`).");
    }
    throw GeneratorError("The generator option `" + key + "` must be a string, not a list.");
  }
  return std::nullopt;
}

bool parse_bool(const std::string& key, const std::string& text) {
  std::string t = text;
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  throw GeneratorError("The generator option `" + key + "` must be true or false, got \"" + text + "\".");
}

}  // namespace

bool is_python_client_provider(std::string_view provider) {
  return provider == "prisma-client-py" || provider == "prismapp-client-py" || provider == "python -m prisma" ||
         provider == "python3 -m prisma";
}

GeneratorOptions parse_generator_options(const schema::config::Generator& generator,
                                         const schema::config::EnvLookup& env) {
  GeneratorOptions out;
  if (auto v = option(generator, env, "interface")) {
    if (*v == "asyncio") out.interface = Interface::Asyncio;
    else if (*v == "sync") out.interface = Interface::Sync;
    else
      throw GeneratorError("Invalid `interface` value \"" + *v + "\": expected \"asyncio\" or \"sync\".");
  }
  if (auto v = option(generator, env, "http")) {
    throw GeneratorError("The `http` option has been removed in favour of the `interface` option.\n"
                         "  Please remove the `http` option from your Prisma schema and replace it with:\n"
                         "  interface = \"" + std::string(*v == "aiohttp" || *v == "httpx-async" ? "asyncio" : "sync") +
                         "\"");
  }
  if (auto v = option(generator, env, "recursive_type_depth")) {
    int depth = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), depth);
    if (ec != std::errc() || ptr != v->data() + v->size())
      throw GeneratorError("`recursive_type_depth` must be an integer, got \"" + *v + "\".");
    if (depth < -1 || depth == 0 || depth == 1)
      throw GeneratorError("Value error, Value must equal -1 or be greater than 1 (recursive_type_depth = " + *v + ").");
    if (depth > 50) throw GeneratorError("`recursive_type_depth` above 50 is not supported (got " + *v + ").");
    out.recursive_type_depth = depth;
    out.recursive_type_depth_explicit = true;
  }
  if (auto v = option(generator, env, "enable_experimental_decimal"))
    out.enable_experimental_decimal = parse_bool("enable_experimental_decimal", *v);
  out.partial_type_generator = option(generator, env, "partial_type_generator");
  for (const char* key : {"engineType", "engine_type"}) {
    if (auto v = option(generator, env, key); v && *v != "binary")
      throw GeneratorError("Prisma Client Python does not support the `" + *v +
                           "` engine type; only \"binary\" is accepted (prismapp needs no engine at all).");
  }
  return out;
}

}  // namespace prismapp::generators::python
