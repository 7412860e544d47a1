// Core checks of the validation pipeline (psl-core validations/{models,fields,enums,
// composite_types,autoincrement,database_name,default_value}.rs), the parts not owned by the
// keys and relations validators.
#include <map>
#include <string>

#include "core/schema/connector/native_type_validation.hpp"
#include "core/schema/validate/pipeline.hpp"

namespace prismapp::schema::validate {
namespace {

bool is_autoincrement(const db::ScalarField& sf) {
  return sf.default_value && sf.default_value->value->is_function() && sf.default_value->value->value == "autoincrement";
}

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

void validate_composite_types(ValidationContext& ctx) {
  const bool supported = ctx.has_capability(connector::Capability::CompositeTypes);
  for (const auto& ct : ctx.db.composite_types()) {
    if (!supported) {
      ctx.diagnostics.validation_error("Composite types are not supported on " + connector_name(ctx) + ".",
                                       ct.ast->span);
      continue;
    }
    for (const auto& field : ct.fields) {
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

void validate_unknown_default_functions(ValidationContext& ctx) {
  for (db::ScalarFieldId id : ctx.db.unknown_function_defaults()) {
    const auto& dv = *ctx.db.scalar_field(id).default_value;
    ctx.diagnostics.attribute_error(
        "@default",
        "Unknown function in @default(): `" + dv.value->value +
            "` is not known. You can read about the available functions here: https://pris.ly/d/attribute-functions",
        dv.attribute->span);
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

void validate_autoincrement(ValidationContext& ctx, db::ModelId id) {
  const auto& model = ctx.db.model(id);
  for (db::ScalarFieldId sf_id : model.scalar_fields) {
    const auto& sf = ctx.db.scalar_field(sf_id);
    if (!is_autoincrement(sf)) continue;
    if (!ctx.has_capability(connector::Capability::AutoIncrement)) {
      ctx.diagnostics.attribute_error(
          "@default", "The `autoincrement()` default value is used with a datasource that does not support it.",
          sf.default_value->attribute->span);
    }
  }
}

void validate_scalar_field(ValidationContext& ctx, db::ScalarFieldId id) {
  const auto& sf = ctx.db.scalar_field(id);
  // MongoDB field names are document paths: `.` and a leading `$` would change their meaning.
  if (sf.mapped_name && ctx.is_provider(connector::ConnectorId::MongoDb)) {
    if (sf.mapped_name->find('.') != std::string::npos)
      ctx.diagnostics.attribute_error("@map", "The field name cannot contain a `.` character", sf.mapped_name_span);
    else if (!sf.mapped_name->empty() && sf.mapped_name->front() == '$')
      ctx.diagnostics.attribute_error("@map", "The field name cannot start with a `$` character", sf.mapped_name_span);
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
  if (sf.type.kind == db::ScalarFieldType::Kind::Unsupported && ctx.connector) {
    const std::string_view ds_name = ctx.datasource ? std::string_view(ctx.datasource->name) : std::string_view();
    if (auto hint = connector::unsupported_type_native_hint(*ctx.connector, ds_name, sf.type.unsupported, sf.name()))
      ctx.diagnostics.validation_error(*hint, sf.ast->span);
  }
  if (sf.is_list() && sf.type.kind != db::ScalarFieldType::Kind::CompositeType && ctx.connector &&
      !ctx.has_capability(connector::Capability::ScalarLists)) {
    ctx.diagnostics.error("Error validating field `" + std::string(sf.name()) + "` in model `" +
                              std::string(ctx.db.model(sf.model).name()) +
                              "`: Field \"" + std::string(sf.name()) + "\" in model \"" +
                              std::string(ctx.db.model(sf.model).name()) +
                              "\" can't be a list. The current connector does not support lists of primitive types.",
                          sf.ast->span);
  }
}

void validate_enums(ValidationContext& ctx) {
  const config::Datasource* ds = ctx.datasource;
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
