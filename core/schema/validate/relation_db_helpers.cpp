// Read helpers over the resolved database for the relation validations (Prisma's walker methods).
#include "core/schema/connector/relation_rules.hpp"
#include "core/schema/validate/relation_checks.hpp"

namespace prismapp::schema::validate::relation_checks {

std::string_view model_name(const db::ParserDatabase& db, db::ModelId model) { return db.model(model).name(); }

std::string_view container_word(const db::ParserDatabase& db, db::ModelId model) {
  return db.model(model).is_view() ? "view" : "model";
}

std::string_view scalar_field_name(const db::ParserDatabase& db, db::ScalarFieldId field) {
  return db.scalar_field(field).name();
}

Span relation_attribute_span_or_field(const db::RelationField& field) {
  return field.relation_attribute ? field.relation_attribute->span : field.ast->span;
}

std::optional<Span> relation_argument_span(const db::RelationField& field, std::string_view argument) {
  if (!field.relation_attribute) return std::nullopt;
  for (const ast::Argument& arg : field.relation_attribute->arguments.arguments)
    if (arg.name && arg.name->name == argument) return arg.span;
  return std::nullopt;
}

std::string joined_field_names(const db::ParserDatabase& db, const std::vector<db::ScalarFieldId>& fields,
                               std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += separator;
    out += scalar_field_name(db, fields[i]);
  }
  return out;
}

namespace {
std::vector<std::optional<db::ScalarFieldId>> top_level_fields(const std::vector<db::IndexFieldPath>& paths) {
  std::vector<std::optional<db::ScalarFieldId>> out;
  out.reserve(paths.size());
  for (const db::IndexFieldPath& path : paths)
    out.push_back(path.path.empty() ? std::optional<db::ScalarFieldId>(path.field) : std::nullopt);
  return out;
}
}  // namespace

std::vector<std::vector<std::optional<db::ScalarFieldId>>> unique_criteria(const db::ParserDatabase& db,
                                                                          db::ModelId model) {
  std::vector<std::vector<std::optional<db::ScalarFieldId>>> out;
  const db::ModelKeys& keys = db.model(model).keys;
  if (keys.primary_key) out.push_back(top_level_fields(keys.primary_key->fields));
  for (const db::IndexAttribute& index : keys.indexes)
    if (index.is_unique()) out.push_back(top_level_fields(index.fields));
  return out;
}

bool has_single_id_field(const db::ParserDatabase& db, db::ModelId model) {
  const auto& pk = db.model(model).keys.primary_key;
  return pk && pk->fields.size() == 1;
}

bool same_scalar_type(const db::ScalarFieldType& a, const db::ScalarFieldType& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case db::ScalarFieldType::Kind::BuiltIn: return a.builtin == b.builtin;
    case db::ScalarFieldType::Kind::Enum: return a.enum_id == b.enum_id;
    case db::ScalarFieldType::Kind::CompositeType: return a.composite_type_id == b.composite_type_id;
    case db::ScalarFieldType::Kind::Unsupported: return a.unsupported == b.unsupported;
  }
  return false;
}

db::ReferentialAction effective_on_delete(const ValidationContext& ctx, const db::RelationField& forward) {
  if (forward.on_delete) return *forward.on_delete;
  // Referential arity: required when any referencing scalar field is required.
  bool required = forward.is_required();
  if (forward.fields && !forward.fields->empty()) {
    required = false;
    for (db::ScalarFieldId f : *forward.fields)
      if (ctx.db.scalar_field(f).arity() == ast::FieldArity::Required) required = true;
  }
  if (!ctx.connector) return required ? db::ReferentialAction::Restrict : db::ReferentialAction::SetNull;
  return connector::default_on_delete(*ctx.connector, ctx.relation_mode, required);
}

db::ReferentialAction effective_on_update(const db::RelationField& forward) {
  return forward.on_update.value_or(connector::default_on_update());
}

}  // namespace prismapp::schema::validate::relation_checks
