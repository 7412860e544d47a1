// Core checks of the validation pipeline (psl-core validations/{models,fields,enums,
// composite_types,autoincrement,database_name,default_value}.rs), the parts not owned by the
// keys and relations validators.
#include <map>
#include <set>
#include <string>

#include "core/schema/connector/field_rules.hpp"
#include "core/schema/connector/native_type_validation.hpp"
#include "core/schema/validate/pipeline.hpp"

namespace prismapp::schema::validate {
namespace {

std::string connector_name(const ValidationContext& ctx) {
  return ctx.connector ? std::string(ctx.connector->display_name) : std::string("Default");
}

}  // namespace

void validate_model_database_names(ValidationContext& ctx) {
  // (schema, database name) → first model or view with it.
  std::map<std::pair<std::string, std::string>, const db::ModelInfo*> seen;
  for (const auto& model : ctx.db.models()) {
    auto key = std::make_pair(model.schema.value_or(""), std::string(model.database_name()));
    auto [it, inserted] = seen.emplace(key, &model);
    if (inserted) continue;
    const Span span = model.mapped_name ? model.mapped_name_span : model.ast->name.span;
    ctx.diagnostics.error(std::string("The ") + (model.is_view() ? "view" : "model") + " with database name \"" +
                              std::string(model.database_name()) +
                              "\" could not be defined because another model or view with this name exists: \"" +
                              std::string(it->second->name()) + "\"",
                          span);
  }
}

// enums.rs database_name_clashes: two enums may share a database name only in different schemas.
void validate_enum_database_names(ValidationContext& ctx) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& e : ctx.db.enums()) {
    if (!seen.emplace(e.schema.value_or(""), std::string(e.database_name())).second)
      ctx.diagnostics.error("An enum with the same database name is already defined.", e.ast->span);
  }
}

void validate_composite_types(ValidationContext& ctx) {
  const bool supported = ctx.has_capability(connector::Capability::CompositeTypes);
  for (const auto& ct : ctx.db.composite_types()) {
    if (!supported) {
      ctx.diagnostics.validation_error("Composite types are not supported on " + connector_name(ctx) + ".",
                                       ct.ast->span);
      continue;
    }
    for (const auto& field : ct.fields) {
      validate_composite_field_default(ctx, field);
      if (!field.native_type || field.type.kind != db::ScalarFieldType::Kind::BuiltIn) continue;
      connector::NativeTypeAttribute attribute;
      attribute.prefix = field.native_type->datasource_name;
      attribute.name = field.native_type->name;
      attribute.args = field.native_type->arguments;
      attribute.span = field.native_type->attribute->span;
      const std::string_view ds_name = ctx.datasource ? std::string_view(ctx.datasource->name) : std::string_view();
      (void)connector::validate_native_type_attribute(ctx.connector, ds_name, field.type.builtin, attribute,
                                                      ctx.diagnostics);
    }
  }
}

void validate_model_schema(ValidationContext& ctx, db::ModelId id) {
  const auto& model = ctx.db.model(id);
  const config::Datasource* ds = ctx.datasource;
  if (!ds) return;
  if (model.schema) {
    if (!ctx.has_capability(connector::Capability::MultiSchema)) {
      // Prisma reports the datasource's `schemas` property instead (configuration loading).
    } else if (!ds->has_schema(*model.schema)) {
      ctx.diagnostics.error(
          "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema",
          model.schema_span);
    }
  } else if (!ds->schemas.empty() && ctx.has_capability(connector::Capability::MultiSchema)) {
    ctx.diagnostics.error(std::string("Error validating ") + (model.is_view() ? "view" : "model") + " \"" +
                              std::string(model.name()) + "\": This " + (model.is_view() ? "view" : "model") +
                              " is missing an `@@schema` attribute.",
                          model.ast->span);
  }
}

void validate_scalar_field(ValidationContext& ctx, db::ScalarFieldId id) {
  const auto& sf = ctx.db.scalar_field(id);
  // MongoDB's `auto()` generates ObjectIds for the primary key only (mongodb validations.rs).
  if (ctx.is_provider(connector::ConnectorId::MongoDb) && sf.default_value && sf.default_value->value->is_function() &&
      sf.default_value->value->value == "auto") {
    const auto& model = ctx.db.model(sf.model);
    const std::string prefix =
        "Error validating field `" + std::string(sf.name()) + "` in model `" + std::string(model.name()) + "`: ";
    if (!(sf.native_type && sf.native_type->name == "ObjectId"))
      ctx.diagnostics.error(prefix + "MongoDB `@default(auto())` fields must have `ObjectId` native type.", sf.ast->span);
    const auto& pk = model.keys.primary_key;
    if (!(pk && pk->fields.size() == 1 && pk->fields.front().field == id))
      ctx.diagnostics.error(prefix + "MongoDB `@default(auto())` fields must have the `@id` attribute.", sf.ast->span);
  }
  // MongoDB field names are document paths: `.` and a leading `$` would change their meaning.
  if (sf.mapped_name && ctx.is_provider(connector::ConnectorId::MongoDb)) {
    if (sf.mapped_name->find('.') != std::string::npos)
      ctx.diagnostics.attribute_error("@map", "The field name cannot contain a `.` character", sf.mapped_name_span);
    else if (!sf.mapped_name->empty() && sf.mapped_name->front() == '$')
      ctx.diagnostics.attribute_error("@map", "The field name cannot start with a `$` character", sf.mapped_name_span);
  }
  // fields.rs validate_scalar_field_connector_specific: Json/Decimal support, scalar lists.
  if (ctx.connector) {
    const std::string_view container = ctx.db.model(sf.model).is_view() ? "view" : "model";
    const std::string_view model_name = ctx.db.model(sf.model).name();
    // check_field_type_supported only reports Json, Decimal and list fields, but builds its message
    // prefix first; skipping the call for the other fields (nearly all of them) saves that work.
    const bool may_report = sf.type.builtin == connector::ScalarType::Json ||
                            sf.type.builtin == connector::ScalarType::Decimal || sf.is_list();
    if (sf.type.kind == db::ScalarFieldType::Kind::BuiltIn && may_report)
      connector::check_field_type_supported(*ctx.connector, container, model_name, sf.name(), sf.type.builtin,
                                            sf.is_list(), sf.ast->span, ctx.diagnostics);
    else if (sf.type.kind != db::ScalarFieldType::Kind::CompositeType)
      connector::check_scalar_list_supported(*ctx.connector, container, model_name, sf.name(), sf.is_list(),
                                             sf.ast->span, ctx.diagnostics);
  }
  if (sf.native_type && sf.type.kind == db::ScalarFieldType::Kind::BuiltIn) {
    connector::NativeTypeAttribute attribute;
    attribute.prefix = sf.native_type->datasource_name;
    attribute.name = sf.native_type->name;
    attribute.args = sf.native_type->arguments;
    attribute.span = sf.native_type->attribute->span;
    const std::string_view ds_name = ctx.datasource ? std::string_view(ctx.datasource->name) : std::string_view();
    (void)connector::validate_native_type_attribute(ctx.connector, ds_name, sf.type.builtin, attribute,
                                                    ctx.diagnostics);
  }
  validate_field_default(ctx, id);  // Prisma: after the native type, before the Unsupported hint
  if (sf.type.kind == db::ScalarFieldType::Kind::Unsupported && ctx.connector) {
    const std::string_view ds_name = ctx.datasource ? std::string_view(ctx.datasource->name) : std::string_view();
    if (auto hint = connector::unsupported_type_native_hint(*ctx.connector, ds_name, sf.type.unsupported, sf.name()))
      ctx.diagnostics.validation_error(*hint, sf.ast->span);
  }
}

void validate_enums(ValidationContext& ctx) {
  const config::Datasource* ds = ctx.datasource;
  // Database-name clashes only matter where enums exist at all.
  if (!ctx.connector || ctx.has_capability(connector::Capability::Enums)) validate_enum_database_names(ctx);
  for (const auto& e : ctx.db.enums()) {
    if (ctx.connector && !ctx.has_capability(connector::Capability::Enums)) {
      ctx.diagnostics.validation_error("You defined the enum `" + std::string(e.name()) +
                                           "`. But the current connector does not support enums.",
                                       e.ast->span);
      continue;
    }
    if (!ds) continue;
    if (e.schema) {
      if (ctx.has_capability(connector::Capability::MultiSchema) && !ds->has_schema(*e.schema))
        ctx.diagnostics.error(
            "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema",
            e.schema_span);
    } else if (!ds->schemas.empty() && ctx.has_capability(connector::Capability::MultiSchema)) {
      ctx.diagnostics.error("This enum is missing an `@@schema` attribute.", e.ast->span);
    }
  }
}

void validate_views_preview(ValidationContext& ctx) {
  if (ctx.preview_features.contains(config::PreviewFeature::Views)) return;
  for (const auto& model : ctx.db.models()) {
    if (!model.is_view()) continue;
    ctx.diagnostics.validation_error("View definitions are only available with the `views` preview feature.",
                                     model.ast->span);
  }
}

}  // namespace prismapp::schema::validate
