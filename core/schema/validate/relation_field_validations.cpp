// Checks of single relation fields (psl-core validations/relation_fields.rs and the MongoDB
// connector's relation_same_native_type), run from the pipeline's model loop.
#include "core/schema/connector/relation_rules.hpp"
#include "core/schema/validate/relation_checks.hpp"
#include "core/schema/validate/relation_validations.hpp"

namespace prismapp::schema::validate {

using namespace relation_checks;

RelationNames RelationNames::build(const db::ParserDatabase& db) {
  RelationNames names;
  for (std::uint32_t i = 0; i < db.relation_fields().size(); ++i) {
    const db::RelationField& field = db.relation_fields()[i];
    // Unnamed relations share Prisma's generated name; "\x01" keeps them apart from explicit names.
    std::string key = field.relation_name ? *field.relation_name : std::string("\x01");
    names.groups_[{field.model, field.referenced_model, std::move(key)}].push_back(db::RelationFieldId{i});
  }
  return names;
}

const std::vector<db::RelationFieldId>& RelationNames::fields(db::ModelId model, db::ModelId referenced,
                                                              std::string_view name) const {
  static const std::vector<db::RelationFieldId> kNone;
  auto it = groups_.find(std::tuple<db::ModelId, db::ModelId, std::string>{model, referenced, std::string(name)});
  return it == groups_.end() ? kNone : it->second;
}

namespace {

// "`a`", "`a` and `b`", "`a`, `b` and `c`".
std::string field_list_with_and(const db::ParserDatabase& db, const std::vector<db::RelationFieldId>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += (i + 1 == fields.size()) ? " and " : ", ";
    out += "`" + std::string(db.relation_field(fields[i]).name()) + "`";
  }
  return out;
}

}  // namespace

bool check_relation_field_ambiguity(ValidationContext& ctx, const RelationNames& names, db::RelationFieldId id) {
  const db::ParserDatabase& db = ctx.db;
  const db::RelationField& field = db.relation_field(id);
  const bool named = field.relation_name.has_value();
  const auto& group = names.fields(field.model, field.referenced_model, named ? *field.relation_name : "\x01");
  if (group.size() <= 1) return true;

  const bool self_relation = field.model == field.referenced_model;
  const std::string fields = field_list_with_and(db, group);
  const std::string model(model_name(db, field.model));
  const std::string related(model_name(db, field.referenced_model));
  std::string message;
  if (self_relation && !named && group.size() == 2) {
    message = "Ambiguous self relation detected. The fields " + fields + " in model `" + model + "` both refer to `" +
              related + "`. If they are part of the same relation add the same relation name for them with "
              "`@relation(<name>)`.";
  } else if (self_relation && !named) {
    message = "Unnamed self relation detected. The fields " + fields + " in model `" + model +
              "` have no relation name. Please provide a relation name for one of them by adding `@relation(<name>).";
  } else if (self_relation && group.size() > 2) {
    message = "Wrongly named self relation detected. The fields " + fields + " in model `" + model +
              "` have the same relation name. At most two relation fields can belong to the same relation and "
              "therefore have the same name. Please assign a different relation name to one of them.";
  } else if (self_relation) {
    return true;  // the two sides of a named self relation
  } else if (!named) {
    message = "Ambiguous relation detected. The fields " + fields + " in model `" + model + "` both refer to `" +
              related + "`. Please provide different relation names for them by adding `@relation(<name>).";
  } else {
    message = "Wrongly named relation detected. The fields " + fields + " in model `" + model +
              "` both use the same relation name. Please provide different relation names for them through "
              "`@relation(<name>).";
  }
  ctx.diagnostics.error("Error validating " + std::string(container_word(db, field.model)) + " \"" + model +
                            "\": " + message,
                        field.ast->span);
  return false;
}

namespace {

void ignored_related_model(ValidationContext& ctx, const db::RelationField& field) {
  const db::ParserDatabase& db = ctx.db;
  if (!db.model(field.referenced_model).is_ignored || field.is_ignored || db.model(field.model).is_ignored) return;
  ctx.diagnostics.attribute_error("@ignore",
                                  "The relation field `" + std::string(field.name()) + "` on Model `" +
                                      std::string(model_name(db, field.model)) +
                                      "` must specify the `@ignore` attribute, because the model " +
                                      std::string(model_name(db, field.referenced_model)) +
                                      " it is pointing to is marked ignored.",
                                  field.ast->span);
}

// Explicit actions the connector does not support in the current relation mode. Without a
// datasource Prisma's empty connector accepts every action.
void referential_actions(ValidationContext& ctx, const db::RelationField& field) {
  if (!ctx.connector) return;
  if (field.on_delete) {
    Span span = relation_argument_span(field, "onDelete").value_or(field.ast->span);
    connector::check_referential_action(*ctx.connector, ctx.relation_mode, {*field.on_delete, span}, ctx.diagnostics);
  }
  if (field.on_update) {
    Span span = relation_argument_span(field, "onUpdate").value_or(field.ast->span);
    connector::check_referential_action(*ctx.connector, ctx.relation_mode, {*field.on_update, span}, ctx.diagnostics);
  }
}

// `map:` needs named foreign keys, and must fit the connector's identifier length.
void foreign_key_map(ValidationContext& ctx, const db::RelationField& field) {
  if (!field.mapped_name) return;
  if (!ctx.has_capability(connector::Capability::NamedForeignKeys)) {
    ctx.diagnostics.attribute_error("@relation", "Your provider does not support named foreign keys.",
                                    field.relation_attribute ? field.relation_attribute->span : Span{});
    return;
  }
  if (field.relation_attribute && field.mapped_name->size() > ctx.connector->max_identifier_length) {
    ctx.diagnostics.model_validation_error(
        model_name(ctx.db, field.model),
        "The constraint name '" + *field.mapped_name +
            "' specified in the `map` argument for the `@relation` constraint is too long for your chosen "
            "provider. The maximum allowed length is " +
            std::to_string(ctx.connector->max_identifier_length) + " bytes.",
        field.relation_attribute->span);
  }
}

// Whether `sub` are the leftmost fields of `index` (Prisma's is_leftwise_included_it).
bool leftwise_included(const std::vector<db::ScalarFieldId>& sub, const std::vector<db::IndexFieldPath>& index) {
  if (sub.size() > index.size()) return false;
  for (std::size_t i = 0; i < sub.size(); ++i)
    if (!(index[i].field == sub[i])) return false;
  return true;
}

void missing_relation_index(ValidationContext& ctx, const db::RelationField& field) {
  if (!ctx.connector || !connector::suggests_missing_relation_indexes(*ctx.connector, ctx.relation_mode)) return;
  if (!field.fields) return;
  const db::ModelKeys& keys = ctx.db.model(field.model).keys;
  for (const db::IndexAttribute& index : keys.indexes)
    if (leftwise_included(*field.fields, index.fields)) return;
  if (keys.primary_key && leftwise_included(*field.fields, keys.primary_key->fields)) return;
  ctx.diagnostics.warning(std::string(connector::kMissingRelationIndexWarning), relation_attribute_span_or_field(field));
}

// MongoDB joins collections on the raw values: both sides should have the same native type.
void mongodb_same_native_type(ValidationContext& ctx, const db::RelationField& field) {
  if (!ctx.is_provider(connector::ConnectorId::MongoDb) || !field.fields || !field.references) return;
  const db::ParserDatabase& db = ctx.db;
  const std::size_t n = std::min(field.fields->size(), field.references->size());
  for (std::size_t i = 0; i < n; ++i) {
    const db::ScalarField& a = db.scalar_field((*field.fields)[i]);
    const db::ScalarField& b = db.scalar_field((*field.references)[i]);
    const auto native = [](const db::ScalarField& f) -> std::optional<std::string> {
      if (!f.native_type) return std::nullopt;
      return "@" + f.native_type->datasource_name + "." + f.native_type->name;
    };
    const std::optional<std::string> a_type = native(a), b_type = native(b);
    const std::string a_name = std::string(model_name(db, a.model)) + "." + std::string(a.name());
    const std::string b_name = std::string(model_name(db, b.model)) + "." + std::string(b.name());
    std::string advice;
    if (a_type && b_type && *a_type != *b_type) {
      advice = "Consider updating those fields to either use '" + *a_type + "' or '" + *b_type + "'.";
    } else if (!a_type && b_type) {
      advice = "Consider either removing " + b_name + "'s native type attribute or adding '" + *b_type + "' to " +
               a_name + ".";
    } else if (a_type && !b_type) {
      advice = "Consider either removing " + a_name + "'s native type attribute or adding '" + *a_type + "' to " +
               b_name + ".";
    } else {
      continue;
    }
    ctx.diagnostics.warning("Warning validating field `" + std::string(field.name()) + "` in model `" +
                                std::string(model_name(db, field.model)) + "`: Field " + a_name + " and " + b_name +
                                " must have the same native type for MongoDB to join those collections correctly. " +
                                advice + " Beware that this will become an error in the future.",
                            a.ast->span);
  }
}

}  // namespace

void validate_relation_field(ValidationContext& ctx, db::RelationFieldId id) {
  const db::RelationField& field = ctx.db.relation_field(id);
  ignored_related_model(ctx, field);
  referential_actions(ctx, field);
  foreign_key_map(ctx, field);
  missing_relation_index(ctx, field);
  // The connectors' validate_relation_field.
  mongodb_same_native_type(ctx, field);
  if (ctx.connector) {
    std::optional<connector::ExplicitAction> on_delete, on_update;
    if (field.on_delete)
      on_delete = connector::ExplicitAction{*field.on_delete, relation_argument_span(field, "onDelete").value_or(field.ast->span)};
    if (field.on_update)
      on_update = connector::ExplicitAction{*field.on_update, relation_argument_span(field, "onUpdate").value_or(field.ast->span)};
    connector::check_mysql_set_default(*ctx.connector, ctx.relation_mode, on_delete, on_update, ctx.diagnostics);
  }
}

}  // namespace prismapp::schema::validate
