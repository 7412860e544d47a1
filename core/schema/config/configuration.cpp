// load_configuration: the per-file order of the loaders, and the pipeline-stage datasource checks.
#include "core/schema/config/configuration.hpp"

#include <algorithm>

#include "core/schema/config/loaders.hpp"

namespace prismapp::schema::config {
namespace {

// Whether any generator lists schemaEngineDriverAdapters. Read straight from the AST because
// datasources (which need the answer to decide whether a SQLite `url` may be omitted) are loaded
// before generators (which need the datasource provider to validate preview features).
bool uses_schema_engine_driver_adapters(const std::vector<ast::SchemaAst>& asts) {
  for (const auto& file : asts) {
    for (const auto& top : file.tops) {
      const auto* generator = std::get_if<ast::GeneratorConfig>(&top);
      if (!generator) continue;
      for (const auto& property : generator->properties) {
        if (property.name.name != "previewFeatures" || !property.value) continue;
        const auto& value = *property.value;
        const auto lists_feature = [](const ast::Expression& e) {
          return e.is_string() && parse_preview_feature(e.value) == PreviewFeature::SchemaEngineDriverAdapters;
        };
        if (value.is_array() ? std::any_of(value.items.begin(), value.items.end(), lists_feature) : lists_feature(value))
          return true;
      }
    }
  }
  return false;
}

}  // namespace

bool Datasource::has_schema(std::string_view schema_name) const {
  return std::any_of(schemas.begin(), schemas.end(), [&](const auto& schema) { return schema.first == schema_name; });
}

PreviewFeatures Configuration::preview_features() const {
  PreviewFeatures out;
  for (const auto& generator : generators) {
    if (generator.preview_features) out |= *generator.preview_features;
  }
  return out;
}

Configuration load_configuration(const std::vector<ast::SchemaAst>& asts, const SourceSet& /*sources*/,
                                 Diagnostics& diags) {
  Configuration configuration;
  const bool driver_adapters = uses_schema_engine_driver_adapters(asts);
  // Prisma loads configuration file by file; within a file datasources come first so the
  // generators' preview features can be checked against that file's provider (e.g.
  // fullTextSearchPostgres is only known on PostgreSQL).
  for (const auto& file : asts) {
    auto datasources = detail::load_datasources(file, driver_adapters, diags);
    std::optional<std::string> provider;
    if (!datasources.empty()) provider = datasources.front().active_provider;
    auto generators = detail::load_generators(file, FeatureMap(provider), diags);
    for (auto& d : datasources) configuration.datasources.push_back(std::move(d));
    for (auto& g : generators) configuration.generators.push_back(std::move(g));
  }
  return configuration;
}

void validate_datasource_properties(const Datasource& datasource, PreviewFeatures preview_features,
                                    Diagnostics& diags) {
  // multiSchema is GA in 6.19, so only connector support matters.
  if (datasource.schemas_span && datasource.connector &&
      !datasource.connector->has(connector::Capability::MultiSchema)) {
    diags.error("The `schemas` property is not supported on the current connector.", *datasource.schemas_span);
  }
  if (datasource.extensions) {
    validate_postgres_extensions(*datasource.extensions,
                                 preview_features.contains(PreviewFeature::PostgresqlExtensions), diags);
  }
}

}  // namespace prismapp::schema::config
