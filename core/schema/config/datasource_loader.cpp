// Datasource blocks → Datasource (psl-core validate/datasource_loader.rs). The order of the steps
// below is the order Prisma emits its diagnostics in; keep it.
#include <algorithm>

#include "core/schema/config/block_properties.hpp"
#include "core/schema/config/coerce.hpp"
#include "core/schema/config/loaders.hpp"

namespace prismapp::schema::config::detail {
namespace {

// "Error validating datasource `<name>`: <message>" (Prisma's new_source_validation_error).
void source_validation_error(Diagnostics& diags, std::string_view datasource_name, std::string_view message,
                             Span span) {
  diags.error("Error validating datasource `" + std::string(datasource_name) + "`: " + std::string(message), span);
}

void missing_argument_error(Diagnostics& diags, std::string_view argument, std::string_view datasource_name,
                            Span span) {
  diags.error("Argument \"" + std::string(argument) + "\" is missing in data source block \"" +
                  std::string(datasource_name) + "\".",
              span);
}

struct ProviderChoice {
  std::string written;
  Span span;
  const connector::Connector* connector;
};

std::optional<ProviderChoice> load_provider(BlockProperties& properties, const ast::SourceConfig& block,
                                            Diagnostics& diags) {
  const auto property = properties.take("provider");
  if (!property) {
    missing_argument_error(diags, "provider", block.name.name, block.span);
    return std::nullopt;
  }
  const ast::Expression& value = *property->value;
  if (value.is_function() && value.value == "env") {
    diags.error("A datasource must not use the env() function in the provider argument.", block.span);
    return std::nullopt;
  }
  if (!value.is_string()) {
    source_validation_error(diags, block.name.name, "The provider argument in a datasource must be a string literal",
                            value.span);
    return std::nullopt;
  }
  if (value.value.empty()) {
    source_validation_error(diags, block.name.name, "The provider argument in a datasource must not be empty",
                            value.span);
    return std::nullopt;
  }
  const connector::Connector* found = connector::find_connector(value.value);
  if (!found) {
    diags.error("Datasource provider not known: \"" + value.value + "\".", value.span);
    return std::nullopt;
  }
  return ProviderChoice{value.value, value.span, found};
}

// relationMode, or its deprecated spelling referentialIntegrity. Prisma words these errors as if the
// datasource were named "relationMode"; that quirk is reproduced.
void load_relation_mode(BlockProperties& properties, const ast::SourceConfig& block, const connector::Connector& connector,
                        Datasource& out, Diagnostics& diags) {
  if (const auto* legacy = properties.peek("referentialIntegrity")) {
    diags.warning(
        "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. Learn more at "
        "https://pris.ly/d/relation-mode",
        legacy->span);
  }
  auto relation_mode = properties.take("relationMode");
  auto referential_integrity = properties.take("referentialIntegrity");
  if (!relation_mode && !referential_integrity) return;
  if (relation_mode && referential_integrity) {
    diags.error(
        "The `referentialIntegrity` and `relationMode` attributes cannot be used together. Please use only "
        "`relationMode` instead.",
        referential_integrity->span);
    return;
  }
  const BlockProperty& property = relation_mode ? *relation_mode : *referential_integrity;
  const auto text = coerce_string(*property.value, diags);
  if (!text) return;

  RelationMode mode;
  if (*text == "prisma") {
    mode = RelationMode::Prisma;
  } else if (*text == "foreignKeys") {
    mode = RelationMode::ForeignKeys;
  } else {
    source_validation_error(
        diags, "relationMode",
        "Invalid relation mode setting: \"" + *text + "\". Supported values: \"prisma\", \"foreignKeys\"", block.span);
    return;
  }
  if (!connector.allowed_relation_modes.contains(mode)) {
    std::string supported;
    for (const auto allowed : {RelationMode::ForeignKeys, RelationMode::Prisma}) {
      if (!connector.allowed_relation_modes.contains(allowed)) continue;
      if (!supported.empty()) supported += ", ";
      supported += '"';
      supported += connector::relation_mode_name(allowed);
      supported += '"';
    }
    source_validation_error(diags, "relationMode",
                            "Invalid relation mode setting: \"" + std::string(connector::relation_mode_name(mode)) +
                                "\". Supported values: " + supported,
                            property.value->span);
  }
  out.relation_mode = mode;
  out.relation_mode_span = property.span;
}

// Loads url, shadowDatabaseUrl and directUrl. False when the datasource must be dropped.
bool load_urls(BlockProperties& properties, const ast::SourceConfig& block, bool url_may_be_absent, Datasource& out,
               Diagnostics& diags) {
  if (const auto url = properties.take("url")) {
    auto coerced = coerce_string_from_env(*url->value, diags);
    if (!coerced) return false;
    out.url = std::move(*coerced);
    out.url_span = url->value->span;
  } else if (url_may_be_absent) {
    // A placeholder, as Prisma does: the driver adapter supplies the connection at runtime.
    out.url = StringFromEnv::literal("<invalid>");
    out.url_span = block.span;
  } else {
    missing_argument_error(diags, "url", block.name.name, block.span);
    return false;
  }

  if (const auto shadow = properties.take("shadowDatabaseUrl")) {
    auto coerced = coerce_string_from_env(*shadow->value, diags);
    // An empty literal means "no shadow database" (lets one schema serve several environments).
    if (coerced && !(coerced->value && coerced->value->empty())) {
      out.shadow_database_url = std::move(*coerced);
      out.shadow_database_url_span = shadow->value->span;
    }
  }

  if (const auto direct = properties.take("directUrl")) {
    out.direct_url = coerce_string_from_env(*direct->value, diags);
    out.direct_url_span = direct->value->span;
  }

  if (out.shadow_database_url) {
    if (out.direct_url && *out.shadow_database_url == *out.direct_url) {
      diags.error("shadowDatabaseUrl is the same as directUrl for datasource \"" + block.name.name +
                      "\". Please specify a different database as shadow database to avoid data loss.",
                  *out.direct_url_span);
    }
    if (*out.shadow_database_url == out.url) {
      diags.error("shadowDatabaseUrl is the same as url for datasource \"" + block.name.name +
                      "\". Please specify a different database as shadow database to avoid data loss.",
                  out.url_span);
    }
  }
  return true;
}

void load_schemas(BlockProperties& properties, Datasource& out, Diagnostics& diags) {
  const auto property = properties.take("schemas");
  if (!property) return;
  auto schemas = coerce_array<StringWithSpan>(*property->value, coerce_string_with_span, diags);
  if (!schemas) return;
  const Span array_span = property->value->span;
  if (schemas->empty()) {
    diags.error("If provided, the schemas array can not be empty.", array_span);
    return;
  }
  // Sorted first, so duplicates are reported alphabetically, at the first of each equal pair.
  std::stable_sort(schemas->begin(), schemas->end(),
                   [](const StringWithSpan& a, const StringWithSpan& b) { return a.value < b.value; });
  for (std::size_t i = 0; i + 1 < schemas->size(); ++i) {
    if ((*schemas)[i].value == (*schemas)[i + 1].value)
      diags.error("Duplicated schema names are not allowed", (*schemas)[i].span);
  }
  for (auto& schema : *schemas) out.schemas.emplace_back(std::move(schema.value), schema.span);
  out.schemas_span = array_span;
}

std::optional<Datasource> lift_datasource(const ast::SourceConfig& block, bool using_driver_adapters,
                                          Diagnostics& diags) {
  auto properties = BlockProperties::collect(block.properties, "datasource", block.name.name, block.span, diags);
  if (!properties) return std::nullopt;

  Datasource out;
  out.name = block.name.name;
  out.name_span = block.name.span;
  out.span = block.span;
  for (const auto& property : block.properties) out.property_spans.emplace_back(property.name.name, property.span);
  if (block.documentation) out.documentation = block.documentation->text;

  const auto provider = load_provider(*properties, block, diags);
  if (!provider) return std::nullopt;
  out.provider = provider->written;
  out.provider_span = provider->span;
  out.connector = provider->connector;
  out.active_provider = std::string(provider->connector->provider_name);

  load_relation_mode(*properties, block, *provider->connector, out, diags);

  // Connector-specific properties. Only PostgreSQL has one; elsewhere `extensions` stays unknown.
  if (provider->connector->id == connector::ConnectorId::Postgres) {
    if (const auto extensions = properties->take("extensions")) {
      out.extensions = parse_postgres_extensions(*extensions->value, extensions->span, diags);
    }
  }

  const bool url_may_be_absent = using_driver_adapters && provider->connector->id == connector::ConnectorId::Sqlite;
  if (!load_urls(*properties, block, url_may_be_absent, out, diags)) return std::nullopt;

  if (const auto preview = properties->take("previewFeatures")) {
    diags.error(
        "Preview features are only supported in the generator block. Please move this field to the generator "
        "block.",
        preview->span);
  }

  load_schemas(*properties, out, diags);

  for (const auto& unknown : properties->remaining()) {
    diags.error("Property not known: \"" + unknown.name + "\".", unknown.span);
  }
  return out;
}

}  // namespace

std::vector<Datasource> load_datasources(const ast::SchemaAst& file, bool using_driver_adapters, Diagnostics& diags) {
  std::vector<Datasource> loaded;
  std::vector<const ast::SourceConfig*> blocks;
  for (const auto& top : file.tops) {
    const auto* block = std::get_if<ast::SourceConfig>(&top);
    if (!block) continue;
    blocks.push_back(block);
    if (auto datasource = lift_datasource(*block, using_driver_adapters, diags)) loaded.push_back(std::move(*datasource));
  }
  // Counted over the blocks that loaded, but reported on every block of the file.
  if (loaded.size() > 1) {
    for (const auto* block : blocks) {
      source_validation_error(diags, block->name.name,
                              "You defined more than one datasource. This is not allowed yet because support for "
                              "multiple databases has not been implemented yet.",
                              block->span);
    }
  }
  return loaded;
}

}  // namespace prismapp::schema::config::detail
