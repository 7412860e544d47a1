// Connector-specific index and primary key rules (the key parts of the connectors'
// validate_model). The rules themselves are the connector layer's (connector/index_rules.hpp,
// mongodb_rules.hpp); this file adapts the resolved keys to them and keeps Prisma's order:
// every index of the model, then the primary key, and MongoDB's whole-model checks.
#include <string>

#include "core/schema/connector/index_rules.hpp"
#include "core/schema/connector/mongodb_rules.hpp"
#include "core/schema/validate/keys_field_info.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

namespace {

connector::IndexFieldInfo connector_field_info(const ValidationContext& ctx, const db::IndexFieldPath& path) {
  IndexFieldInfo field = index_field_info(ctx.db, path);
  connector::IndexFieldInfo out;
  out.name = field.name();
  if (field.type->kind == db::ScalarFieldType::Kind::BuiltIn) out.scalar_type = field.type->builtin;
  out.is_unsupported = field.type->kind == db::ScalarFieldType::Kind::Unsupported;
  out.is_list = field.is_list();
  out.native_type = native_type_instance(ctx, field);
  if (path.operator_class) {
    out.operator_class = path.operator_class->known;
    out.raw_operator_class = path.operator_class->raw.has_value();
  }
  out.has_length = path.length.has_value();
  out.has_sort_order = path.sort_order.has_value();
  out.field_span = field.ast->span;
  return out;
}

connector::IndexInfo connector_index_info(const ValidationContext& ctx, const db::IndexAttribute& index) {
  connector::IndexInfo out;
  out.kind = index.is_unique()     ? connector::IndexKind::Unique
             : index.is_fulltext() ? connector::IndexKind::Fulltext
                                   : connector::IndexKind::Normal;
  out.algorithm = index.algorithm;
  out.attribute_name = index.attribute_name();
  out.attribute_span = index.attribute->span;
  for (const auto& path : index.fields) out.fields.push_back(connector_field_info(ctx, path));
  return out;
}

// ---- MongoDB (mongodb/validations.rs validate_model) ----

// Same fields in the same order with the same sort and length (IndexWalker::contains_exactly_the_fields).
bool same_index_fields(const db::IndexAttribute& a, const db::IndexAttribute& b) {
  if (a.fields.size() != b.fields.size()) return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const auto& x = a.fields[i];
    const auto& y = b.fields[i];
    if (x.field != y.field || x.path != y.path || x.sort_order != y.sort_order || x.length != y.length) return false;
  }
  return true;
}

void mongodb_model_rules(ValidationContext& ctx, db::ModelId model_id) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  const auto& pk = model.keys.primary_key;
  connector::check_mongodb_model_has_id(*ctx.connector, pk.has_value(), model.ast->span, ctx.diagnostics);

  // id_field_must_have_a_correct_mapped_name
  if (pk && pk->fields.size() == 1) {
    const db::ScalarField& id = ctx.db.scalar_field(pk->fields[0].field);
    std::optional<std::string_view> mapped;
    if (id.mapped_name) mapped = *id.mapped_name;
    connector::check_mongodb_id_mapped_name(*ctx.connector, model.is_view() ? "view" : "model", model.name(),
                                            id.name(), mapped, id.ast->span, ctx.diagnostics);
  }

  auto is_single_pk = [&](db::ScalarFieldId f) { return pk && pk->fields.size() == 1 && pk->fields[0].field == f; };

  // Prisma checks the scalar fields here (auto()/dbgenerated() defaults, `@map` characters); the
  // CORE pipeline does those in its scalar field checks (core_validations.cpp).

  const auto& indexes = model.keys.indexes;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    const auto& index = indexes[i];
    // index_is_not_defined_multiple_times_to_same_fields: Prisma names the attribute "@@<name>"
    // even for a field-level @unique.
    bool duplicate = false;
    for (std::size_t j = 0; j < indexes.size() && !duplicate; ++j) duplicate = j != i && same_index_fields(index, indexes[j]);
    connector::check_mongodb_duplicate_index(*ctx.connector, duplicate, "@@" + index.attribute->name.name,
                                             index.attribute->span, ctx.diagnostics);
    // unique_cannot_be_defined_to_id_field
    connector::check_mongodb_unique_on_id(
        *ctx.connector, index.is_unique() && index.fields.size() == 1 && is_single_pk(index.fields[0].field),
        index.attribute_name(), index.attribute->span, ctx.diagnostics);
  }
}

}  // namespace

void validate_model_keys_connector_specific(ValidationContext& ctx, db::ModelId model_id) {
  if (!ctx.connector) return;
  const db::ModelInfo& model = ctx.db.model(model_id);
  // Views go through the connectors' validate_view, which has no key rules.
  if (model.is_view()) return;
  switch (ctx.connector->id) {
    // MongoDB's validate_model minus the scalar field checks: ids and duplicate indexes.
    case connector::ConnectorId::MongoDb: mongodb_model_rules(ctx, model_id); break;
    default:
      for (const auto& index : model.keys.indexes)
        connector::validate_index_for_connector(*ctx.connector, connector_index_info(ctx, index), ctx.diagnostics);
      if (const auto& pk = model.keys.primary_key) {
        connector::PrimaryKeyInfo info;
        info.attribute_name = pk->attribute_name();
        info.attribute_span = pk->attribute->span;
        for (const auto& path : pk->fields) info.fields.push_back(connector_field_info(ctx, path));
        connector::validate_primary_key_for_connector(*ctx.connector, info, ctx.diagnostics);
      }
      break;
  }
}

}  // namespace prismapp::schema::validate
