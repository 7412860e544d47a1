// Per-index checks (psl-core validations/indexes.rs, the index part of fields.rs, views.rs),
// run in Prisma's order for every index of a model; views get the view rules instead.
#include <string>

#include "core/schema/db/keys_constraint_names.hpp"
#include "core/schema/validate/keys_field_info.hpp"
#include "core/schema/validate/keys_names.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

using connector::Capability;

namespace {

bool any_field(const db::IndexAttribute& index, bool (*pred)(const db::IndexFieldPath&)) {
  for (const auto& f : index.fields)
    if (pred(f)) return true;
  return false;
}
bool has_length(const db::IndexFieldPath& f) { return f.length.has_value(); }
bool has_sort(const db::IndexFieldPath& f) { return f.sort_order.has_value(); }

void attribute_error(ValidationContext& ctx, const db::IndexAttribute& index, std::string_view message) {
  ctx.diagnostics.attribute_error(index.attribute_name(), message, index.attribute->span);
}

void validate_view_index(ValidationContext& ctx, const db::IndexAttribute& index) {
  Span span = index.attribute->span;
  if (!index.is_unique()) ctx.diagnostics.validation_error("Views cannot have indexes.", span);
  if (index.mapped_name)
    ctx.diagnostics.validation_error(
        "@@unique annotations on views are not backed by unique indexes in the database and cannot specify a mapped "
        "database name.",
        span);
  if (index.clustered)
    ctx.diagnostics.validation_error(
        "@@unique annotations on views are not backed by unique indexes in the database and cannot be clustered.", span);
  for (const auto& f : index.fields)
    if (f.length || f.operator_class || f.sort_order)
      attribute_error(ctx, index, "Scalar fields in @@unique attributes in views cannot have arguments.");
}

// Mongo wants the text fields of a fulltext index adjacent: sorted fields may only surround one
// bundle of unsorted (text) fields.
bool fulltext_text_fields_adjacent(const db::IndexAttribute& index) {
  enum class State { Init, SortHead, TextBundle, SortTail } state = State::Init;
  for (const auto& f : index.fields) {
    bool sorted = f.sort_order.has_value();
    switch (state) {
      case State::Init:
      case State::SortHead: state = sorted ? State::SortHead : State::TextBundle; break;
      case State::TextBundle: state = sorted ? State::SortTail : State::TextBundle; break;
      case State::SortTail:
        if (!sorted) return false;
        break;
    }
  }
  return true;
}

void validate_index(ValidationContext& ctx, const KeyNames& names, db::ModelId model_id, const db::IndexAttribute& index,
                    std::size_t position) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  const ast::Attribute& attr = *index.attribute;

  // has_fields
  if (index.fields.empty())
    attribute_error(ctx, index, "The list of fields in an index cannot be empty. Please specify at least one field.");

  // has_a_unique_constraint_name (nothing to look up when no constraint name occurs twice)
  if (ctx.connector && !names.data().clashing.empty()) {
    std::string name = db::index_constraint_name(ctx.db, model_id, index, *ctx.connector);
    // Points at `map:`, else at `name:`, else at the whole attribute.
    bool has_map = false;
    for (const auto& arg : attr.arguments.arguments) has_map = has_map || (arg.name && arg.name->name == "map");
    Span span = argument_span_or_attribute(attr, has_map ? "map" : "name");
    report_constraint_name_violations(ctx, names, model_id, connector::ConstraintKind::KeyOrIndex, name,
                                      index.attribute_name(), span);
  }

  // unique_client_name_does_not_clash_with_field (compound uniques only)
  if (index.is_unique() && index.fields.size() > 1) {
    std::string client_name;
    for (std::size_t i = 0; i < index.fields.size(); ++i) {
      if (i) client_name += "_";
      // all_field_names(): composite paths contribute every segment.
      const auto& f = index.fields[i];
      client_name += ctx.db.scalar_field(f.field).name();
      for (const auto& [ct, idx] : f.path) client_name += "_" + ctx.db.composite_type(ct).fields.at(idx).ast->name.name;
    }
    if (ctx.db.find_scalar_field(model_id, client_name)) {
      std::string attr_name(index.attribute_name());
      ctx.diagnostics.error("Error validating " + std::string(model.is_view() ? "view" : "model") + " \"" +
                                std::string(model.name()) + "\": The field `" + client_name + "` clashes with the `" +
                                attr_name + "` name. Please resolve the conflict by providing a custom id name: `" +
                                attr_name + "([...], name: \"custom_name\")`",
                            attr.span);
    }
  }

  // unique_index_has_a_unique_custom_name_per_model
  if (index.name && names.data().custom_name_clashes(model_id, *index.name))
    ctx.diagnostics.attribute_error(index.attribute_name(),
                                    "The given custom name `" + *index.name +
                                        "` has to be unique on the model. Please provide a different name for the "
                                        "`name` argument.",
                                    argument_span_or_attribute(attr, "name"));

  // field_length_prefix_supported
  if (!ctx.has_capability(Capability::IndexColumnLengthPrefixing) && any_field(index, has_length))
    attribute_error(ctx, index, "The length argument is not supported in an index definition with the current connector");

  // index_algorithm_is_supported
  if (index.algorithm && !(ctx.connector && ctx.connector->supports_index_algorithm(*index.algorithm)))
    ctx.diagnostics.attribute_error(index.attribute_name(),
                                    "The given index type is not supported with the current connector",
                                    argument_span_or_attribute(attr, "type"));

  // hash_index_must_not_use_sort_param
  if (ctx.connector && ctx.connector->supports_index_algorithm(connector::IndexAlgorithm::Hash) &&
      index.algorithm == connector::IndexAlgorithm::Hash && any_field(index, has_sort))
    attribute_error(ctx, index, "Hash type does not support sort option.");

  // Fulltext indexes are generally available since Prisma 6 (no `fullTextIndex` preview check).
  if (index.is_fulltext()) {
    if (!ctx.has_capability(Capability::FullTextIndex)) {
      attribute_error(ctx, index, "Defining fulltext indexes is not supported with the current connector.");
    } else {
      if (any_field(index, has_length)) attribute_error(ctx, index, "The length argument is not supported in a @@fulltext attribute.");
      const bool sort_supported = ctx.has_capability(Capability::SortOrderInFullTextIndex);
      if (!sort_supported && any_field(index, has_sort))
        attribute_error(ctx, index, "The sort argument is not supported in a @@fulltext attribute in the current connector.");
      if (sort_supported && !fulltext_text_fields_adjacent(index))
        attribute_error(ctx, index, "All index fields must be listed adjacently in the fields argument.");
    }
  }

  // has_valid_mapped_name
  validate_constraint_name_length(ctx, model, attr, index.mapped_name, !index.is_defined_on_field());

  // supports_clustering_setting / clustering_can_be_defined_only_once
  if (!ctx.has_capability(Capability::ClusteringSetting)) {
    if (index.clustered) attribute_error(ctx, index, "Defining clustering is not supported in the current connector.");
  } else if (index.clustered == true) {
    const auto& pk = model.keys.primary_key;
    if (pk && pk->clustered != false) attribute_error(ctx, index, "A model can only hold one clustered index or key.");
    for (std::size_t i = 0; i < model.keys.indexes.size(); ++i)
      if (i != position && model.keys.indexes[i].clustered == true) {
        attribute_error(ctx, index, "A model can only hold one clustered index.");
        break;
      }
  }

  // opclasses_are_not_allowed_with_other_than_normal_indices
  if (!index.is_normal())
    for (const auto& f : index.fields)
      if (f.operator_class) {
        attribute_error(ctx, index, "Operator classes can only be defined to fields in an @@index attribute.");
        break;
      }

  // composite_type_in_compound_unique_index
  if (index.is_unique() && index.fields.size() > 1)
    for (const auto& f : index.fields) {
      IndexFieldInfo info = index_field_info(ctx.db, f);
      if (info.type->kind == db::ScalarFieldType::Kind::CompositeType) {
        attribute_error(ctx, index,
                        "Prisma does not currently support composite types in compound unique indices, please remove \"" +
                            std::string(info.name()) +
                            "\" from the index. See https://pris.ly/d/mongodb-composite-compound-indices for more "
                            "details");
        break;
      }
    }

  // validate_length_used_with_correct_types, per field.
  if (ctx.has_capability(Capability::IndexColumnLengthPrefixing))
    for (const auto& f : index.fields) {
      if (!f.length) continue;
      IndexFieldInfo info = index_field_info(ctx.db, f);
      if (info.is_builtin(connector::ScalarType::String) || info.is_builtin(connector::ScalarType::Bytes)) continue;
      attribute_error(ctx, index, "The length argument is only allowed with field types `String` or `Bytes`.");
    }
}

}  // namespace

void validate_model_indexes(ValidationContext& ctx, const KeyNames& names, db::ModelId model_id) {
  const db::ModelInfo& model = ctx.db.model(model_id);
  const auto& indexes = model.keys.indexes;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    if (model.is_view()) validate_view_index(ctx, indexes[i]);
    else validate_index(ctx, names, model_id, indexes[i], i);
  }
}

}  // namespace prismapp::schema::validate
