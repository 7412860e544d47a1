// Resolving datasource URLs when a command needs a connection (psl-core configuration/datasource.rs
// load_url / load_direct_url / load_shadow_database_url). Validation never calls these.
#include <string_view>

#include "core/schema/config/configuration.hpp"

namespace prismapp::schema::config {
namespace {

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos; }

Diagnostic error_at(std::string message, Span span) { return Diagnostic{Severity::Error, std::move(message), span}; }

Diagnostic source_error(const Datasource& datasource, std::string_view message, Span span) {
  return error_at("Error validating datasource `" + datasource.name + "`: " + std::string(message), span);
}

// Why a URL could not be read.
enum class UrlProblem { None, EmptyLiteral, EmptyEnvValue, EnvUnset, Missing };

struct RawUrl {
  std::string url;
  UrlProblem problem = UrlProblem::None;
  std::string variable;  // for the env problems
};

RawUrl read_url(const StringFromEnv& value, const EnvLookup& env) {
  if (value.value) {
    if (is_blank(*value.value)) return {"", UrlProblem::EmptyLiteral, ""};
    return {*value.value, UrlProblem::None, ""};
  }
  if (value.from_env_var) {
    const auto resolved = env(*value.from_env_var);
    if (!resolved) return {"", UrlProblem::EnvUnset, *value.from_env_var};
    if (is_blank(*resolved)) return {"", UrlProblem::EmptyEnvValue, *value.from_env_var};
    return {*resolved, UrlProblem::None, ""};
  }
  return {"", UrlProblem::Missing, ""};
}

}  // namespace

UrlResolution load_url(const Datasource& datasource, const EnvLookup& env) {
  const RawUrl raw = read_url(datasource.url, env);
  switch (raw.problem) {
    case UrlProblem::EmptyLiteral:
    case UrlProblem::Missing:
      return {std::nullopt, source_error(datasource, "You must provide a nonempty URL", datasource.url_span)};
    case UrlProblem::EmptyEnvValue:
      return {std::nullopt, source_error(datasource,
                                         "You must provide a nonempty URL. The environment variable `" + raw.variable +
                                             "` resolved to an empty string.",
                                         datasource.url_span)};
    case UrlProblem::EnvUnset:
      return {std::nullopt, error_at(environment_variable_not_found_message(raw.variable), datasource.url_span)};
    case UrlProblem::None:
      break;
  }
  if (datasource.connector) {
    if (auto problem = datasource.connector->validate_url(raw.url)) {
      std::string message = "the URL " + *problem;
      // prisma:// URLs belong to the Data Proxy; Prisma explains that rather than just rejecting them.
      if (raw.url.rfind("prisma", 0) == 0) {
        message = "the URL " + *problem +
                  "\n\nTo use a URL with protocol `prisma://` the Data Proxy must be enabled via `prisma generate "
                  "--data-proxy`.\n\nMore information about Data Proxy: https://pris.ly/d/data-proxy\n";
      }
      return {std::nullopt, source_error(datasource, message, datasource.url_span)};
    }
  }
  return {raw.url, std::nullopt};
}

UrlResolution load_direct_url(const Datasource& datasource, const EnvLookup& env) {
  if (!datasource.direct_url || !datasource.direct_url_span) return load_url(datasource, env);
  const Span span = *datasource.direct_url_span;
  const RawUrl raw = read_url(*datasource.direct_url, env);
  switch (raw.problem) {
    case UrlProblem::EmptyLiteral:
      return {std::nullopt, source_error(datasource, "You must provide a nonempty direct URL", span)};
    case UrlProblem::EmptyEnvValue:
      return {std::nullopt, source_error(datasource,
                                         "You must provide a nonempty direct URL. The environment variable `" +
                                             raw.variable + "` resolved to an empty string.",
                                         span)};
    case UrlProblem::EnvUnset:
      return {std::nullopt, error_at(environment_variable_not_found_message(raw.variable), span)};
    case UrlProblem::Missing:
      return load_url(datasource, env);
    case UrlProblem::None:
      break;
  }
  // Like Prisma, the direct URL's protocol is not checked.
  return {raw.url, std::nullopt};
}

UrlResolution load_shadow_database_url(const Datasource& datasource, const EnvLookup& env) {
  if (!datasource.shadow_database_url || !datasource.shadow_database_url_span) return {};
  const auto& value = *datasource.shadow_database_url;
  std::string url;
  if (value.value) {
    url = *value.value;
  } else if (value.from_env_var) {
    const auto resolved = env(*value.from_env_var);
    if (!resolved || is_blank(*resolved)) return {};
    url = *resolved;
  } else {
    return {};
  }
  if (!is_blank(url) && datasource.connector) {
    if (auto problem = datasource.connector->validate_url(url)) {
      return {std::nullopt,
              source_error(datasource, "the shadow database URL " + *problem, *datasource.shadow_database_url_span)};
    }
  }
  return {url, std::nullopt};
}

}  // namespace prismapp::schema::config
