// Checks of implicit (join table) and two-way embedded (MongoDB) many-to-many relations
// (psl-core validations/relations/many_to_many/{implicit,embedded}.rs).
#include "core/schema/validate/relation_checks.hpp"

namespace prismapp::schema::validate::relation_checks {
namespace {

// Explicit onDelete/onUpdate value spans of both fields, in field order.
std::vector<Span> explicit_action_spans(const db::RelationField& a, const db::RelationField& b) {
  std::vector<Span> spans;
  for (const db::RelationField* f : {&a, &b}) {
    if (f->on_delete) spans.push_back(f->on_delete_span);
    if (f->on_update) spans.push_back(f->on_update_span);
  }
  return spans;
}

// `@relation`'s `name:` argument span, else the attribute, else the field.
Span argument_or_attribute_span(const db::RelationField& field, std::string_view argument) {
  if (auto span = relation_argument_span(field, argument)) return *span;
  return relation_attribute_span_or_field(field);
}

}  // namespace

void validate_implicit_many_to_many(ValidationContext& ctx, const db::Relation& relation) {
  const db::ParserDatabase& db = ctx.db;
  const db::RelationField& a = db.relation_field(*relation.field_a);
  const db::RelationField& b = db.relation_field(*relation.field_b);
  Diagnostics& diagnostics = ctx.diagnostics;

  // supports_implicit_relations: views first, then the connector.
  if (db.model(a.model).is_view() || db.model(b.model).is_view()) {
    for (const db::RelationField* f : {&a, &b})
      diagnostics.validation_error("Implicit many-to-many relations are not supported for views.", f->ast->span);
  } else if (ctx.connector && !ctx.has_capability(connector::Capability::ImplicitManyToManyRelation)) {
    for (const db::RelationField* f : {&a, &b})
      diagnostics.validation_error("Implicit many-to-many relations are not supported on " +
                                       std::string(ctx.connector->display_name) +
                                       ". Please use the syntax defined in https://pris.ly/d/document-database-many-to-many",
                                   f->ast->span);
  }

  // validate_singular_id
  for (const db::RelationField* f : {&a, &b}) {
    if (!has_single_id_field(db, f->referenced_model)) {
      const std::string container(container_word(db, f->referenced_model));
      const std::string model(model_name(db, f->model));
      diagnostics.error("Error validating field `" + std::string(f->name()) + "` in " + container + " `" + model +
                            "`: The relation field `" + std::string(f->name()) + "` on " + container + " `" + model +
                            "` references `" + std::string(model_name(db, f->referenced_model)) +
                            "` which does not have an `@id` field. Models without `@id` cannot be part of a many to "
                            "many relation. Use an explicit intermediate Model to represent this relationship.",
                        f->ast->span);
      continue;
    }
    if (f->references) {
      const auto& pk = db.model(f->referenced_model).keys.primary_key;
      const bool references_id = f->references->size() == 1 && pk->fields[0].path.empty() &&
                                 pk->fields[0].field == (*f->references)[0];
      if (!references_id)
        diagnostics.validation_error(
            "Implicit many-to-many relations must always reference the id field of the related model. Change the "
            "argument `references` to use the id field of the related model `" +
                std::string(model_name(db, f->referenced_model)) +
                "`. But it is referencing the following fields that are not the id: " +
                joined_field_names(db, *f->references),
            f->ast->span);
    }
  }

  for (Span span : explicit_action_spans(a, b))
    diagnostics.validation_error("Referential actions on implicit many-to-many relations are not supported", span);

  for (const db::RelationField* f : {&a, &b})
    if (f->references)
      diagnostics.attribute_error(kRelationAttribute,
                                  "Implicit many-to-many relation should not have references argument defined. Either "
                                  "remove it, or change the relation to one-to-many.",
                                  f->ast->span);
}

void validate_embedded_many_to_many(ValidationContext& ctx, const db::Relation& relation) {
  const db::ParserDatabase& db = ctx.db;
  const db::RelationField& a = db.relation_field(*relation.field_a);
  const db::RelationField& b = db.relation_field(*relation.field_b);
  Diagnostics& diagnostics = ctx.diagnostics;

  if (!ctx.has_capability(connector::Capability::TwoWayEmbeddedManyToManyRelation)) {
    const std::string connector_name = ctx.connector ? std::string(ctx.connector->display_name) : std::string();
    for (const db::RelationField* f : {&a, &b})
      diagnostics.validation_error("Embedded many-to-many relations are not supported on " + connector_name +
                                       ". Please use the syntax defined in https://pris.ly/d/relational-database-many-to-many",
                                   f->ast->span);
    return;  // every other check needs the capability
  }

  for (const db::RelationField* f : {&a, &b})
    if (!f->references || f->references->size() != 1)
      diagnostics.attribute_error(kRelationAttribute,
                                  "The `references` argument must be defined and must point to exactly one scalar "
                                  "field. https://pris.ly/d/many-to-many-relations",
                                  argument_or_attribute_span(*f, "references"));
  for (const db::RelationField* f : {&a, &b})
    if (!f->fields || f->fields->size() != 1)
      diagnostics.attribute_error(kRelationAttribute,
                                  "The `fields` argument must be defined and must point to exactly one scalar field. "
                                  "https://pris.ly/d/many-to-many-relations",
                                  argument_or_attribute_span(*f, "fields"));
  for (const db::RelationField* f : {&a, &b}) {
    if (!f->references || f->references->empty()) continue;
    const db::ScalarFieldId referenced = (*f->references)[0];
    const auto& pk = db.model(db.scalar_field(referenced).model).keys.primary_key;
    const bool single_pk = pk && pk->fields.size() == 1 && pk->fields[0].path.empty() && pk->fields[0].field == referenced;
    if (!single_pk)
      diagnostics.attribute_error(kRelationAttribute, "The `references` argument must point to a singular `id` field",
                                  relation_argument_span(*f, "references").value_or(f->ast->span));
  }
  for (const db::RelationField* f : {&a, &b}) {
    if (empty_fields(f->fields) || empty_fields(f->references)) continue;
    const db::ScalarField& referencing = db.scalar_field((*f->fields)[0]);
    const db::ScalarField& referenced = db.scalar_field((*f->references)[0]);
    const auto native_name = [](const db::ScalarField& s) {
      return s.native_type ? std::optional<std::string>(s.native_type->name) : std::nullopt;
    };
    if (referencing.is_list() && same_scalar_type(referencing.type, referenced.type) &&
        native_name(referencing) == native_name(referenced) && !referenced.is_list())
      continue;
    diagnostics.attribute_error(kRelationAttribute,
                                "The scalar field defined in `fields` argument must be an array of the same type "
                                "defined in `references`",
                                relation_attribute_span_or_field(*f));
  }
  for (Span span : explicit_action_spans(a, b))
    diagnostics.validation_error("Referential actions on two-way embedded many-to-many relations are not supported",
                                 span);
}

}  // namespace prismapp::schema::validate::relation_checks
