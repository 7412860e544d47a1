// Model-level key checks (psl-core validations/models.rs and the primary key parts of fields.rs
// and views.rs): unique criteria, primary key names, compound ids, length/sort support,
// clustering, one fulltext index per model.
#include <string>

#include "core/schema/connector/constraint_names.hpp"
#include "core/schema/db/keys_constraint_names.hpp"
#include "core/schema/validate/keys_field_info.hpp"
#include "core/schema/validate/keys_names.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

using connector::Capability;

namespace {

const char* container_type(const db::ModelInfo& model) { return model.is_view() ? "view" : "model"; }

void model_error(ValidationContext& ctx, const db::ModelInfo& model, std::string_view message, Span span) {
  ctx.diagnostics.error("Error validating " + std::string(container_type(model)) + " \"" + std::string(model.name()) +
                            "\": " + std::string(message),
                        span);
}

}  // namespace

// The constraint name given in `map:` must fit the connector's identifier limit
// (ConstraintNames::is_db_name_too_long); `double_at` picks "@@id" over "@id" in the message.
void validate_constraint_name_length(ValidationContext& ctx, const db::ModelInfo& model, const ast::Attribute& attribute,
                                     const std::optional<std::string>& name, bool double_at) {
  if (!name || !ctx.connector) return;
  connector::check_constraint_name_length(*ctx.connector, model.name(), *name, attribute.name.name, double_at,
                                          attribute.span, ctx.diagnostics);
}

void validate_strict_unique_criteria(ValidationContext& ctx, db::ModelId model_id) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  // Views need no unique criteria (the corpus' views/basic_view has none and is valid).
  if (model.is_ignored || model.is_view()) return;

  // Prisma's unique_criterias(): the primary key, then every unique index, each as its fields.
  std::vector<const std::vector<db::IndexFieldPath>*> criterias;
  if (model.keys.primary_key) criterias.push_back(&model.keys.primary_key->fields);
  for (const auto& index : model.keys.indexes)
    if (index.is_unique()) criterias.push_back(&index.fields);

  for (const auto* fields : criterias) {
    bool strict = true;
    for (const auto& f : *fields) {
      IndexFieldInfo info = index_field_info(ctx.db, f);
      if (!info.is_required() || info.type->kind == db::ScalarFieldType::Kind::Unsupported) strict = false;
    }
    if (strict) return;
  }

  std::string kind = container_type(model);
  std::string message = "Each " + kind +
                        " must have at least one unique criteria that has only required fields. Either mark a single "
                        "field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` "
                        "to the " +
                        kind + ".";
  if (!criterias.empty()) {
    message += " The following unique criterias were not considered as they contain fields that are not required:";
    for (const auto* fields : criterias) {
      message += "\n- ";
      for (std::size_t i = 0; i < fields->size(); ++i) {
        if (i) message += ", ";
        message += index_field_info(ctx.db, (*fields)[i]).name();
      }
    }
  }
  model_error(ctx, model, message, model.ast->span);
}

void validate_model_primary_key(ValidationContext& ctx, const KeyNames& names, db::ModelId model_id) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  const auto& keys = model.keys;

  if (keys.primary_key && ctx.connector) {
    const db::PrimaryKey& pk = *keys.primary_key;
    // has_a_unique_primary_key_name
    if (auto name = db::primary_key_constraint_name(ctx.db, model_id, *ctx.connector)) {
      validate_constraint_name_length(ctx, model, *pk.attribute, name, !pk.is_defined_on_field());
      report_constraint_name_violations(ctx, names, model_id, connector::ConstraintKind::PrimaryKey, *name,
                                        pk.attribute_name(), argument_span_or_attribute(*pk.attribute, "map"));
    }
  }
  if (keys.primary_key) {
    const db::PrimaryKey& pk = *keys.primary_key;
    // has_a_unique_custom_primary_key_name_per_model
    if (pk.name && names.data().custom_name_clashes(model_id, *pk.name))
      ctx.diagnostics.attribute_error(pk.attribute_name(),
                                      "The given custom name `" + *pk.name +
                                          "` has to be unique on the model. Please provide a different name for the "
                                          "`name` argument.",
                                      argument_span_or_attribute(*pk.attribute, "name"));
    // id_has_fields
    if (pk.fields.empty())
      ctx.diagnostics.attribute_error(pk.attribute_name(),
                                      "The list of fields in an `" + std::string(pk.attribute_name()) +
                                          "()` attribute cannot be empty. Please specify at least one field.",
                                      pk.attribute->span);
    // id_client_name_does_not_clash_with_field: only compound ids get a generated client name.
    if (pk.fields.size() > 1) {
      std::string client_name;
      for (std::size_t i = 0; i < pk.fields.size(); ++i) {
        if (i) client_name += "_";
        client_name += index_field_info(ctx.db, pk.fields[i]).name();
      }
      if (ctx.db.find_scalar_field(model_id, client_name))
        model_error(ctx, model,
                    "The field `" + client_name +
                        "` clashes with the `@@id` attribute's name. Please resolve the conflict by providing a custom "
                        "id name: `@@id([...], name: \"custom_name\")`",
                    pk.attribute->span);
    }
    // primary_key_connector_specific
    if (pk.mapped_name && !ctx.has_capability(Capability::NamedPrimaryKeys))
      model_error(ctx, model,
                  "You defined a database name for the primary key on the model. This is not supported by the "
                  "provider.",
                  model.ast->span);
    if (pk.fields.size() > 1 && !ctx.has_capability(Capability::CompoundIds))
      model_error(ctx, model, "The current connector does not support compound ids.", pk.attribute->span);
    // primary_key_length_prefix_supported
    if (!ctx.has_capability(Capability::IndexColumnLengthPrefixing)) {
      for (const auto& f : pk.fields)
        if (f.length) {
          ctx.diagnostics.attribute_error(
              pk.attribute_name(), "The length argument is not supported in the primary key with the current connector",
              pk.attribute->span);
          break;
        }
    }
    // primary_key_sort_order_supported
    if (!ctx.has_capability(Capability::PrimaryKeySortOrderDefinition)) {
      for (const auto& f : pk.fields)
        if (f.sort_order) {
          ctx.diagnostics.attribute_error(
              pk.attribute_name(), "The sort argument is not supported in the primary key with the current connector",
              pk.attribute->span);
          break;
        }
    }
  }

  // only_one_fulltext_attribute_allowed
  if (ctx.has_capability(Capability::FullTextIndex) &&
      !ctx.has_capability(Capability::MultipleFullTextAttributesPerModel)) {
    std::size_t count = 0;
    for (const auto& index : keys.indexes) count += index.is_fulltext() ? 1 : 0;
    if (count > 1)
      for (const auto& index : keys.indexes)
        if (index.is_fulltext())
          ctx.diagnostics.attribute_error("@@fulltext", "The current connector only allows one fulltext attribute per model",
                                          index.attribute->span);
  }

  // shard_key_is_supported / shard_key_has_fields
  if (const auto& shard_key = keys.shard_key) {
    if (!ctx.preview_features.contains(config::PreviewFeature::ShardKeys))
      ctx.diagnostics.attribute_error(shard_key->attribute_name(),
                                      "Defining shard keys requires enabling the `shardKeys` preview feature",
                                      shard_key->attribute->span);
    // Only MySQL (Vitess / PlanetScale) has shard keys.
    if (!ctx.is_provider(connector::ConnectorId::MySql))
      ctx.diagnostics.attribute_error(shard_key->attribute_name(),
                                      "Shard keys are not currently supported for provider " +
                                          std::string(ctx.connector ? ctx.connector->provider_name : ""),
                                      shard_key->attribute->span);
    if (shard_key->fields.empty())
      ctx.diagnostics.attribute_error(shard_key->attribute_name(),
                                      "The list of fields in a `" + std::string(shard_key->attribute_name()) +
                                          "()` attribute cannot be empty. Please specify at least one field.",
                                      shard_key->attribute->span);
  }
}

void validate_primary_key_fields(ValidationContext& ctx, db::ModelId model_id) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  if (!model.keys.primary_key) return;
  const db::PrimaryKey& pk = *model.keys.primary_key;
  if (model.is_view()) {
    ctx.diagnostics.validation_error("Views cannot have primary keys.", pk.attribute->span);
    return;
  }

  // validate_length_used_with_correct_types, per field.
  if (ctx.has_capability(Capability::IndexColumnLengthPrefixing))
    for (const auto& f : pk.fields) {
      if (!f.length) continue;
      IndexFieldInfo info = index_field_info(ctx.db, f);
      if (info.is_builtin(connector::ScalarType::String) || info.is_builtin(connector::ScalarType::Bytes)) continue;
      ctx.diagnostics.attribute_error(pk.attribute_name(),
                                      "The length argument is only allowed with field types `String` or `Bytes`.",
                                      pk.attribute->span);
    }

  // id_supports_clustering_setting
  if (!ctx.has_capability(Capability::ClusteringSetting)) {
    if (pk.clustered)
      ctx.diagnostics.attribute_error(pk.attribute_name(), "Defining clustering is not supported in the current connector.",
                                      pk.attribute->span);
    return;
  }
  // clustering_can_be_defined_only_once: a primary key is clustered unless it says otherwise.
  if (pk.clustered == false) return;
  for (const auto& index : model.keys.indexes)
    if (index.clustered == true) {
      ctx.diagnostics.attribute_error(pk.attribute_name(), "A model can only hold one clustered index or id.",
                                      pk.attribute->span);
      return;
    }
}

}  // namespace prismapp::schema::validate
