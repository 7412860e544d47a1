// Checks of 1:1 and 1:n relations (psl-core validations/relations.rs and relations/{one_to_one,
// one_to_many}.rs), in validations.rs order.
#include <algorithm>

#include "core/schema/connector/relation_rules.hpp"
#include "core/schema/validate/relation_checks.hpp"

namespace prismapp::schema::validate::relation_checks {
namespace {

const std::string kFormatHint = "You can run `prisma format` to fix this automatically.";

std::string field_on_model(const db::ParserDatabase& db, const db::RelationField& field) {
  return "`" + std::string(field.name()) + "` on Model `" + std::string(model_name(db, field.model)) + "`";
}

bool has_explicit_action(const db::RelationField& field) { return field.on_delete || field.on_update; }

// Required relation fields must use required scalar fields.
void field_arity(ValidationContext& ctx, const db::RelationField& forward) {
  if (!forward.is_required() || !forward.fields) return;
  bool any_optional = false;
  for (db::ScalarFieldId f : *forward.fields) any_optional |= ctx.db.scalar_field(f).is_optional();
  if (!any_optional) return;
  ctx.diagnostics.validation_error("The relation field `" + std::string(forward.name()) + "` uses the scalar fields " +
                                       joined_field_names(ctx.db, *forward.fields) +
                                       ". At least one of those fields is optional. Hence the relation field must "
                                       "be optional as well.",
                                   forward.ast->span);
}

void same_length_in_referencing_and_referenced(ValidationContext& ctx, const db::RelationField& forward) {
  if (!forward.fields || !forward.references || forward.fields->size() == forward.references->size()) return;
  ctx.diagnostics.validation_error("You must specify the same number of fields in `fields` and `references`.",
                                   relation_attribute_span_or_field(forward));
}

std::vector<std::string_view> sorted_names(const db::ParserDatabase& db, const std::vector<db::ScalarFieldId>& fields) {
  std::vector<std::string_view> names;
  for (db::ScalarFieldId f : fields) names.push_back(scalar_field_name(db, f));
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string_view> criterion_names(const db::ParserDatabase& db,
                                              const std::vector<std::optional<db::ScalarFieldId>>& criterion) {
  std::vector<std::string_view> names;
  for (const auto& f : criterion) names.push_back(f ? scalar_field_name(db, *f) : std::string_view("\x01"));
  return names;
}

// The references must be a unique criteria of the referenced model, in its field order unless the
// connector allows any order.
void references_unique_fields(ValidationContext& ctx, const db::RelationField& forward) {
  if (!forward.references || forward.references->empty()) return;
  const db::ParserDatabase& db = ctx.db;
  const auto criteria = unique_criteria(db, forward.referenced_model);
  const auto references_sorted = sorted_names(db, *forward.references);
  bool unique = false;
  for (const auto& criterion : criteria) {
    auto names = criterion_names(db, criterion);
    std::sort(names.begin(), names.end());
    if (names == references_sorted) unique = true;
  }
  if (unique) {
    if (forward.references->size() <= 1 || ctx.has_capability(connector::Capability::RelationFieldsInArbitraryOrder))
      return;
    std::vector<std::string_view> in_order;
    for (db::ScalarFieldId f : *forward.references) in_order.push_back(scalar_field_name(db, f));
    for (const auto& criterion : criteria)
      if (criterion_names(db, criterion) == in_order) return;
    ctx.diagnostics.validation_error(
        "The argument `references` must refer to a unique criterion in the related model `" +
            std::string(model_name(db, forward.referenced_model)) +
            "` using the same order of fields. Please check the ordering in the following fields: `" +
            joined_field_names(db, *forward.references) + "`.",
        forward.ast->span);
    return;
  }
  const std::string model(model_name(db, forward.referenced_model));
  const std::string fields = joined_field_names(db, *forward.references);
  const std::string message =
      forward.references->size() == 1
          ? "The argument `references` must refer to a unique criterion in the related model. Consider adding an "
            "`@unique` attribute to the field `" + fields + "` in the model `" + model + "`."
          : "The argument `references` must refer to a unique criterion in the related model. Consider adding an "
            "`@@unique([" + fields + "])` attribute to the model `" + model + "`.";
  ctx.diagnostics.attribute_error(kRelationAttribute, message, forward.ast->span);
}

void referencing_scalar_field_types(ValidationContext& ctx, const db::RelationField& forward) {
  if (!forward.fields || !forward.references) return;
  const db::ParserDatabase& db = ctx.db;
  const std::size_t n = std::min(forward.fields->size(), forward.references->size());
  for (std::size_t i = 0; i < n; ++i) {
    const db::ScalarField& referencing = db.scalar_field((*forward.fields)[i]);
    const db::ScalarField& referenced = db.scalar_field((*forward.references)[i]);
    if (same_scalar_type(referencing.type, referenced.type)) continue;
    ctx.diagnostics.attribute_error(
        kRelationAttribute,
        "The type of the field `" + std::string(referencing.name()) + "` in the model `" +
            std::string(model_name(db, referencing.model)) + "` is not matching the type of the referenced field `" +
            std::string(referenced.name()) + "` in model `" + std::string(model_name(db, referenced.model)) + "`.",
        forward.ast->span);
  }
}

// SetNull cannot work when a referencing scalar field is required (Postgres with foreign keys
// only warns; without a datasource Prisma's empty connector reports the error like SQLite).
void required_relation_cannot_use_set_null(ValidationContext& ctx, const db::RelationField& forward) {
  bool any_required = !forward.fields;  // no `fields:` at all counts as required (Prisma's unwrap_or_default)
  if (forward.fields)
    for (db::ScalarFieldId f : *forward.fields) any_required |= ctx.db.scalar_field(f).arity() == ast::FieldArity::Required;
  const connector::Connector& rules =
      ctx.connector ? *ctx.connector : connector::connector_by_id(connector::ConnectorId::Sqlite);
  connector::check_set_null_on_required_fields(rules, ctx.relation_mode, forward.on_delete, forward.on_update,
                                               any_required, forward.ast->span, ctx.diagnostics);
}

}  // namespace

void validate_inline_relation(ValidationContext& ctx, const db::Relation& relation) {
  if (!relation.field_a) return;  // the checks below all start from the forward side
  const db::RelationField& forward = ctx.db.relation_field(*relation.field_a);
  references_unique_fields(ctx, forward);
  same_length_in_referencing_and_referenced(ctx, forward);
  field_arity(ctx, forward);
  referencing_scalar_field_types(ctx, forward);
}

void validate_inline_relation_set_null(ValidationContext& ctx, const db::Relation& relation) {
  if (!relation.field_a) return;
  required_relation_cannot_use_set_null(ctx, ctx.db.relation_field(*relation.field_a));
}

void validate_one_to_one(ValidationContext& ctx, const db::Relation& relation) {
  const db::ParserDatabase& db = ctx.db;
  const db::RelationField& forward = db.relation_field(*relation.field_a);
  Diagnostics& diagnostics = ctx.diagnostics;

  // both_sides_are_defined
  if (!relation.field_b) {
    const std::string container(container_word(db, forward.model));
    diagnostics.error("Error validating field `" + std::string(forward.name()) + "` in " + container + " `" +
                          std::string(model_name(db, forward.model)) + "`: The relation field `" +
                          std::string(forward.name()) + "` on " + container + " `" +
                          std::string(model_name(db, forward.model)) +
                          "` is missing an opposite relation field on the model `" +
                          std::string(model_name(db, forward.referenced_model)) +
                          "`. Either run `prisma format` or add it manually.",
                      forward.ast->span);
  }

  if (relation.field_b) {
    const db::RelationField& back = db.relation_field(*relation.field_b);
    const auto both = [&](const std::string& first_message, const db::RelationField& first,
                          const std::string& second_message, const db::RelationField& second) {
      diagnostics.attribute_error(kRelationAttribute, first_message, first.ast->span);
      diagnostics.attribute_error(kRelationAttribute, second_message, second.ast->span);
    };
    const auto pair_message = [&](const db::RelationField& a, const db::RelationField& b, const std::string& tail) {
      return "The relation fields " + field_on_model(db, a) + " and " + field_on_model(db, b) + " " + tail;
    };

    // fields_and_references_are_defined
    if (empty_fields(forward.fields) && empty_fields(back.fields)) {
      const std::string tail = "do not provide the `fields` argument in the @relation attribute. You have to provide it on one of the two fields.";
      both(pair_message(forward, back, tail), forward, pair_message(back, forward, tail), back);
    }
    if (empty_fields(forward.references) && empty_fields(back.references)) {
      const std::string tail = "do not provide the `references` argument in the @relation attribute. You have to provide it on one of the two fields.";
      both(pair_message(forward, back, tail), forward, pair_message(back, forward, tail), back);
    }
    // fields_and_references_defined_on_one_side_only
    if (!empty_fields(forward.references) && !empty_fields(back.references)) {
      const std::string m = pair_message(forward, back, "both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.");
      both(m, forward, m, back);
    }
    if (!empty_fields(forward.fields) && !empty_fields(back.fields)) {
      const std::string m = pair_message(forward, back, "both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields.");
      both(m, forward, m, back);
    }
    // referential_actions
    if (has_explicit_action(forward) && has_explicit_action(back)) {
      const std::string tail = "both provide the `onDelete` or `onUpdate` argument in the @relation attribute. You have to provide it only on one of the two fields.";
      both(pair_message(back, forward, tail), back, pair_message(forward, back, tail), forward);
    } else if (has_explicit_action(back)) {
      diagnostics.attribute_error(kRelationAttribute,
                                  "The relation field " + field_on_model(db, back) +
                                      " must not specify the `onDelete` or `onUpdate` argument in the @relation "
                                      "attribute. You must only specify it on the opposite field `" +
                                      std::string(forward.name()) + "` on model `" +
                                      std::string(model_name(db, forward.model)) + "`.",
                                  back.ast->span);
    }
  }

  // fields_must_be_a_unique_constraint
  if (forward.fields) {
    bool unique = false;
    for (const auto& criterion : unique_criteria(db, forward.model)) {
      if (criterion.size() != forward.fields->size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < criterion.size() && same; ++i) same = criterion[i] && *criterion[i] == (*forward.fields)[i];
      if (same) unique = true;
    }
    if (!unique) {
      const std::string fields = joined_field_names(db, *forward.fields);
      diagnostics.attribute_error(
          kRelationAttribute,
          forward.fields->size() == 1
              ? "A one-to-one relation must use unique fields on the defining side. Either add an `@unique` attribute "
                "to the field `" + fields + "`, or change the relation to one-to-many."
              : "A one-to-one relation must use unique fields on the defining side. Either add an `@@unique([" +
                    fields + "])` attribute to the model, or change the relation to one-to-many.",
          forward.ast->span);
    }
  }

  if (!relation.field_b) return;
  const db::RelationField& back = db.relation_field(*relation.field_b);
  // The last three only run on an otherwise valid schema.
  if (!diagnostics.has_errors()) {
    // fields_references_mixups
    if (!empty_fields(forward.fields) && !empty_fields(back.references)) {
      const std::string m = "The relation field " + field_on_model(db, forward) +
                            " provides the `fields` argument in the @relation attribute. And the related field `" +
                            std::string(back.name()) + "` on Model `" + std::string(model_name(db, back.model)) +
                            "` provides the `references` argument. You must provide both arguments on the same side.";
      diagnostics.attribute_error(kRelationAttribute, m, forward.ast->span);
      diagnostics.attribute_error(kRelationAttribute, m, back.ast->span);
    }
    if (!empty_fields(forward.references) && !empty_fields(back.fields)) {
      diagnostics.attribute_error(kRelationAttribute,
                                  "The relation field " + field_on_model(db, forward) +
                                      " provides the `references` argument in the @relation attribute. And the "
                                      "related field `" + std::string(back.name()) + "` on Model `" +
                                      std::string(model_name(db, back.model)) +
                                      "` provides the `fields` argument. You must provide both arguments on the same side.",
                                  forward.ast->span);
    }
  }
  if (!diagnostics.has_errors() && back.is_required()) {
    // back_relation_arity_is_optional
    const std::string forward_model(model_name(db, forward.model));
    diagnostics.attribute_error(kRelationAttribute,
                                "The relation field " + field_on_model(db, back) +
                                    " is required. This is not valid because it's not possible to enforce this "
                                    "constraint on the database level. Please change the field type from `" +
                                    forward_model + "` to `" + forward_model + "?` to fix this.",
                                back.ast->span);
  }
  if (!diagnostics.has_errors() && forward.is_required() && (back.fields || back.references)) {
    // fields_and_references_on_wrong_side
    diagnostics.attribute_error(
        kRelationAttribute,
        "The relation field `" + std::string(model_name(db, back.model)) + "." + std::string(back.name()) +
            "` defines the `fields` and/or `references` argument. You must set them on the required side of the "
            "relation (`" + std::string(model_name(db, forward.model)) + "." + std::string(forward.name()) +
            "`) in order for the constraints to be enforced. Alternatively, you can change this field to be "
            "required and the opposite optional, or make both sides of the relation optional.",
        back.ast->span);
  }
}

void validate_one_to_many(ValidationContext& ctx, const db::Relation& relation) {
  const db::ParserDatabase& db = ctx.db;
  Diagnostics& diagnostics = ctx.diagnostics;

  // both_sides_are_defined
  if (relation.field_a.has_value() != relation.field_b.has_value()) {
    const db::RelationField& field = db.relation_field(relation.field_a ? *relation.field_a : *relation.field_b);
    const std::string container(container_word(db, field.model));
    const std::string model(model_name(db, field.model));
    diagnostics.error("Error validating field `" + std::string(field.name()) + "` in " + container + " `" + model +
                          "`: The relation field `" + std::string(field.name()) + "` on " + container + " `" + model +
                          "` is missing an opposite relation field on the model `" +
                          std::string(model_name(db, field.referenced_model)) +
                          "`. Either run `prisma format` or add it manually.",
                      field.ast->span);
    return;
  }
  if (!relation.field_a || !relation.field_b) return;
  const db::RelationField& forward = db.relation_field(*relation.field_a);
  const db::RelationField& back = db.relation_field(*relation.field_b);

  // fields_and_references_are_defined
  if (empty_fields(forward.fields))
    diagnostics.attribute_error(kRelationAttribute,
                                "The relation field " + field_on_model(db, forward) +
                                    " must specify the `fields` argument in the @relation attribute. " + kFormatHint,
                                forward.ast->span);
  if (empty_fields(forward.references))
    diagnostics.attribute_error(kRelationAttribute,
                                "The relation field " + field_on_model(db, forward) +
                                    " must specify the `references` argument in the @relation attribute.",
                                forward.ast->span);
  if (!empty_fields(back.fields) || !empty_fields(back.references))
    diagnostics.attribute_error(kRelationAttribute,
                                "The relation field " + field_on_model(db, back) +
                                    " must not specify the `fields` or `references` argument in the @relation "
                                    "attribute. You must only specify it on the opposite field `" +
                                    std::string(forward.name()) + "` on model `" +
                                    std::string(model_name(db, forward.model)) + "`.",
                                back.ast->span);
  // referential_actions
  if (has_explicit_action(back))
    diagnostics.attribute_error(kRelationAttribute,
                                "The relation field " + field_on_model(db, back) +
                                    " must not specify the `onDelete` or `onUpdate` argument in the @relation "
                                    "attribute. You must only specify it on the opposite field `" +
                                    std::string(forward.name()) + "` on model `" +
                                    std::string(model_name(db, forward.model)) +
                                    "`, or in case of a many to many relation, in an explicit join table.",
                                back.ast->span);
}

}  // namespace prismapp::schema::validate::relation_checks
