// Datasource and generator blocks, loaded and checked the way Prisma 6.19's psl-core does
// (validate/datasource_loader.rs, validate/generator_loader.rs, configuration/*.rs).
//
// WHERE THIS RUNS IN THE PIPELINE (it decides which diagnostics appear, and in what order):
//   1. parse every file                      (parse errors)
//   2. parser-database resolution            (names, types, attributes; this is also where
//      duplicate generator/datasource names and duplicate config keys are reported:
//      "The generator \"x\" cannot be defined because a generator with that name already exists.",
//      "Key \"url\" is already defined in datasource \"db\"." — NOT emitted here)
//   3. load_configuration(asts, ...)         (everything listed below)
//   4. if diagnostics.has_errors(): stop. Otherwise run the validation pipeline, which must call
//      validate_datasource_properties(...) right after the composite-type checks and the
//      connector's unknown-default-function check, before the model checks.
//
// load_configuration handles each file in turn; for each file it loads that file's datasources
// (in source order), then that file's generators (whose preview features depend on the provider
// of the first datasource loaded from the same file). It may emit:
//   datasource: "Property X in datasource Y needs to be assigned a value", "Argument \"provider\"
//   is missing in data source block \"db\".", "A datasource must not use the env() function in the
//   provider argument.", "Error validating datasource `db`: The provider argument in a datasource
//   must not be empty" / "... must be a string literal", "Datasource provider not known: \"x\".",
//   relationMode / referentialIntegrity errors and the deprecation warning, `extensions` argument
//   errors (PostgreSQL), "Argument \"url\" is missing in data source block \"db\".", env() errors
//   and the named-argument warning, shadowDatabaseUrl-same-as-url/directUrl errors, "Preview
//   features are only supported in the generator block. ...", schemas errors, "Property not known:
//   \"x\".", "Error validating datasource `db`: You defined more than one datasource. ...".
//   generator: missing value, engineType type mismatch, "Argument \"provider\" is missing in
//   generator block \"x\".", type mismatches for provider/output/binaryTargets/previewFeatures,
//   preview-feature warnings and "The preview feature \"x\" is not known. Expected one of: ...".
// It never reads environment variables: an unset env var must not fail validation.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/config/postgres_extensions.hpp"
#include "core/schema/config/preview_features.hpp"
#include "core/schema/config/string_from_env.hpp"
#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"
#include "core/schema/source.hpp"

namespace prismapp::schema::config {

using connector::RelationMode;

struct Datasource {
  std::string name;
  Span name_span;
  std::string provider;         // as written, e.g. "postgres"
  std::string active_provider;  // canonical, e.g. "postgresql"
  Span provider_span;           // the provider value expression
  const connector::Connector* connector = nullptr;  // never null in a loaded Datasource

  StringFromEnv url;
  Span url_span;                // the url value (the whole block when url was absent but allowed)
  std::optional<StringFromEnv> direct_url;
  std::optional<Span> direct_url_span;
  // Absent when not written or written as "" (Prisma treats an empty literal as not set).
  std::optional<StringFromEnv> shadow_database_url;
  std::optional<Span> shadow_database_url_span;

  std::optional<RelationMode> relation_mode;  // explicit relationMode / referentialIntegrity
  std::optional<Span> relation_mode_span;     // the whole property
  // Sorted by name (Prisma sorts them; DMMF/validators rely on the order).
  std::vector<std::pair<std::string, Span>> schemas;
  std::optional<Span> schemas_span;            // the array expression
  std::optional<PostgresExtensions> extensions;  // PostgreSQL only

  std::optional<std::string> documentation;
  Span span;  // the whole block
  // Every property as written (name, whole-property span), in source order.
  std::vector<std::pair<std::string, Span>> property_spans;

  // The relation mode in force: the explicit one, or the connector's default.
  RelationMode effective_relation_mode() const {
    if (relation_mode) return *relation_mode;
    return connector ? connector->default_relation_mode : RelationMode::ForeignKeys;
  }
  bool has_schema(std::string_view schema_name) const;
};

// A custom generator property's value, as Prisma passes it on to generators.
struct GeneratorConfigValue {
  enum class Kind { String, Env, Array };
  Kind kind = Kind::String;
  std::string text;                          // String: the value; Env: the variable name
  std::vector<GeneratorConfigValue> items;   // Array only
};

struct Generator {
  std::string name;
  Span name_span;
  StringFromEnv provider;
  std::optional<StringFromEnv> output;
  // Custom keys (everything but provider/output/binaryTargets/previewFeatures), source order.
  std::vector<std::pair<std::string, GeneratorConfigValue>> config;
  std::vector<StringFromEnv> binary_targets;
  std::optional<PreviewFeatures> preview_features;  // absent when the property is not written
  std::optional<Span> preview_features_span;
  std::optional<std::string> documentation;
  Span span;  // the whole block
};

struct Configuration {
  std::vector<Datasource> datasources;
  std::vector<Generator> generators;

  // The union of all generators' preview features.
  PreviewFeatures preview_features() const;
  const Datasource* first_datasource() const { return datasources.empty() ? nullptr : &datasources.front(); }
};

// Step 3 of the pipeline above. `asts` in file order (the SourceSet order). `sources` is not read
// today; it is part of the signature so callers need not change if a message ever quotes source text.
Configuration load_configuration(const std::vector<ast::SchemaAst>& asts, const SourceSet& sources,
                                 Diagnostics& diags);

// Datasource checks of the validation pipeline (step 4; only when there are no errors so far):
// "The `schemas` property is not supported on the current connector.", "The `extensions` property
// is only available with the `postgresqlExtensions` preview feature.", and extension name rules
// ("Error validating: The character `-` is not allowed in extension names." etc.).
void validate_datasource_properties(const Datasource& datasource, PreviewFeatures preview_features,
                                    Diagnostics& diags);

// Resolving URLs when a command needs them (Prisma's Datasource::load_url & co). Each returns the
// URL or a diagnostic worded exactly like Prisma's P1012 errors, e.g. "Environment variable not
// found: DATABASE_URL." or "Error validating datasource `db`: the URL must start with the protocol
// `postgresql://` or `postgres://`.".
struct UrlResolution {
  std::optional<std::string> url;  // nullopt on error (and for an unset shadow database URL)
  std::optional<Diagnostic> error;
};
UrlResolution load_url(const Datasource& datasource, const EnvLookup& env);
// Falls back to load_url when directUrl is absent.
UrlResolution load_direct_url(const Datasource& datasource, const EnvLookup& env);
// Unset or blank env vars are ignored (the same schema is used in dev and deployment).
UrlResolution load_shadow_database_url(const Datasource& datasource, const EnvLookup& env);

}  // namespace prismapp::schema::config
