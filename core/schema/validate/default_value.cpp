// Validation-pipeline checks of `@default` values (psl-core validations/default_value.rs,
// autoincrement.rs, fields.rs validate_default_value and the connectors'
// validate_scalar_field_unknown_default_functions). The parser database already rejected
// defaults of the wrong shape; these checks need the connector or parse literal contents.
#include <string>
#include <vector>

#include "core/schema/connector/field_rules.hpp"
#include "core/schema/validate/default_value_literals.hpp"
#include "core/schema/validate/pipeline.hpp"

namespace prismapp::schema::validate {
namespace {

bool is_function_call(const db::DefaultValue& dv, std::string_view name) {
  return dv.value->is_function() && dv.value->value == name;
}

bool is_autoincrement(const db::ScalarField& sf) {
  return sf.default_value && is_function_call(*sf.default_value, "autoincrement");
}

std::optional<db::ScalarFieldId> first_field(const std::vector<db::IndexFieldPath>& fields) {
  if (fields.empty()) return std::nullopt;
  return fields.front().field;
}

// Prisma's field_is_indexed_for_autoincrement: the field leads some index or the primary key.
bool leads_an_index(const db::ModelInfo& model, db::ScalarFieldId field) {
  for (const auto& index : model.keys.indexes)
    if (first_field(index.fields) == field) return true;
  return model.keys.primary_key && first_field(model.keys.primary_key->fields) == field;
}

bool is_single_pk(const db::ModelInfo& model, db::ScalarFieldId field) {
  const auto& pk = model.keys.primary_key;
  return pk && pk->fields.size() == 1 && pk->fields.front().field == field;
}

// Literal contents and `auto()` support; arrays are checked item by item (default_value.rs).
void validate_default_expression(ValidationContext& ctx, const ast::Expression& value, db::ScalarType type) {
  if (value.is_array()) {
    for (const auto& item : value.items) validate_default_expression(ctx, item, type);
    return;
  }
  if (value.is_string()) {
    if (auto problem = literal_default_problem(type, value.value))
      ctx.diagnostics.attribute_error("@default", *problem, value.span);
    return;
  }
  if (value.is_function() && value.value == "auto" && ctx.connector)
    connector::check_auto_function_supported(*ctx.connector, value.span, ctx.diagnostics);
  else if (value.is_function() && value.value == "auto")
    ctx.diagnostics.attribute_error("@default", "The current connector does not support the `auto()` function.",
                                    value.span);
}

}  // namespace

void validate_unknown_default_functions(ValidationContext& ctx) {
  for (db::ScalarFieldId id : ctx.db.unknown_function_defaults()) {
    const auto& value = *ctx.db.scalar_field(id).default_value->value;
    if (ctx.connector) {
      connector::check_connector_default_function(*ctx.connector, value.value, value.arguments, value.span,
                                                  ctx.diagnostics);
    } else {
      ctx.diagnostics.error("Unknown function in @default(): `" + value.value +
                                "` is not known. You can read about the available functions here: "
                                "https://pris.ly/d/attribute-functions",
                            value.span);
    }
  }
}

void validate_autoincrement(ValidationContext& ctx, db::ModelId id) {
  const auto& model = ctx.db.model(id);
  std::vector<connector::AutoincrementField> fields;
  for (db::ScalarFieldId sf_id : model.scalar_fields) {
    const auto& sf = ctx.db.scalar_field(sf_id);
    if (!is_autoincrement(sf)) continue;
    // CockroachDB's validate_model runs just before autoincrement.rs in Prisma's order.
    if (ctx.connector && sf.type.kind == db::ScalarFieldType::Kind::BuiltIn)
      connector::check_cockroach_autoincrement_type(*ctx.connector, sf.type.builtin, sf.default_value->attribute->span,
                                                    ctx.diagnostics);
    fields.push_back({sf.default_value->attribute->span, sf.ast->span, is_single_pk(model, sf_id),
                      leads_an_index(model, sf_id)});
  }
  if (fields.empty()) return;
  if (!ctx.connector) {
    // Prisma's empty connector (no datasource) has AutoIncrement but none of its relaxations.
    const std::string prefix = "The `autoincrement()` default value is used ";
    if (fields.size() > 1)
      ctx.diagnostics.attribute_error("@default",
                                      prefix + "multiple times on this model even though the underlying datasource "
                                               "only supports one instance per table.",
                                      model.ast->span);
    for (const auto& f : fields) {
      if (!f.is_single_id)
        ctx.diagnostics.attribute_error(
            "@default", prefix + "on a non-id field even though the datasource does not support this.", f.field_span);
      if (!f.is_indexed)
        ctx.diagnostics.attribute_error(
            "@default", prefix + "on a non-indexed field even though the datasource does not support this.",
            f.field_span);
    }
    return;
  }
  connector::check_autoincrement_fields(*ctx.connector, fields, model.ast->span, ctx.diagnostics);
}

void validate_field_default(ValidationContext& ctx, db::ScalarFieldId id) {
  const auto& sf = ctx.db.scalar_field(id);
  if (!sf.default_value) return;
  const db::DefaultValue& dv = *sf.default_value;
  if (dv.mapped_name) {
    if (ctx.connector)
      connector::check_named_default_supported(*ctx.connector, true, dv.attribute->span, ctx.diagnostics);
    else
      ctx.diagnostics.attribute_error("@default",
                                      "You defined a database name for the default value of a field on the model. "
                                      "This is not supported by the provider.",
                                      dv.attribute->span);
  }
  if (sf.type.kind == db::ScalarFieldType::Kind::BuiltIn) validate_default_expression(ctx, *dv.value, sf.type.builtin);
}

void validate_composite_field_default(ValidationContext& ctx, const db::CompositeTypeFieldInfo& field) {
  if (!field.default_value || field.type.kind != db::ScalarFieldType::Kind::BuiltIn) return;
  validate_default_expression(ctx, *field.default_value->value, field.type.builtin);
}

}  // namespace prismapp::schema::validate
