// `@relation(...)` on relation fields (Prisma parser-database attributes.rs `visit_relation`).
// The driver has opened the attribute in builder.attributes; this reads its arguments in
// Prisma's order (fields, references, name, onDelete, onUpdate, map) so that diagnostics come
// out in the same order.
#include <string>
#include <vector>

#include "core/schema/db/builder.hpp"
#include "core/schema/db/relations_resolve.hpp"

namespace prismapp::schema::db {
namespace {

// Names of fields that could not be used in `fields:` / `references:`.
struct FieldListProblems {
  std::vector<std::string_view> unknown;   // not a field of the model
  std::vector<std::string_view> relation;  // a relation field, not a scalar field
};

std::string join(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

// `[a, b]` (or a single constant) → scalar fields of `model`. nullopt when an element is not a
// constant (already reported) or a field was used twice (reported here); `problems` collects
// unknown and relation fields, in which case the result is also nullopt.
std::optional<std::vector<ScalarFieldId>> resolve_field_list(ParserDatabase::Builder& builder,
                                                             const ast::Expression& value, ModelId model,
                                                             Span attribute_span, FieldListProblems& problems) {
  std::vector<std::string_view> names;
  bool all_constants = true;
  auto take = [&](const ast::Expression& item) {
    if (auto name = coerce_constant(item, builder.diagnostics)) names.push_back(*name);
    else all_constants = false;
  };
  if (value.is_array()) {
    for (const ast::Expression& item : value.items) take(item);
  } else {
    take(value);
    if (!all_constants) return std::nullopt;
  }
  if (!all_constants) return std::nullopt;

  std::vector<ScalarFieldId> fields;
  fields.reserve(names.size());
  for (std::string_view name : names) {
    if (name.find('.') != std::string_view::npos) {
      problems.unknown.push_back(name);
      continue;
    }
    const ParserDatabase::FieldRef ref = builder.find_model_field(model, name);
    if (ref.scalar) {
      for (ScalarFieldId seen : fields) {
        if (seen == *ref.scalar) {
          builder.diagnostics.model_validation_error(
              builder.ast_model(model).name.name,
              "The unique index definition refers to the field " + std::string(name) + " multiple times.",
              attribute_span);
          return std::nullopt;
        }
      }
      fields.push_back(*ref.scalar);
    } else if (ref.relation) {
      problems.relation.push_back(name);
    } else {
      problems.unknown.push_back(name);
    }
  }
  if (!problems.unknown.empty() || !problems.relation.empty()) return std::nullopt;
  return fields;
}

std::optional<ReferentialAction> resolve_referential_action(const ast::Expression& value, Diagnostics& diagnostics) {
  auto name = coerce_constant(value, diagnostics);
  if (!name) return std::nullopt;
  if (auto action = connector::parse_referential_action(*name)) return action;
  diagnostics.attribute_error("@relation", "Invalid referential action: `" + std::string(*name) + "`", value.span);
  return std::nullopt;
}

}  // namespace

void resolve_relation_attribute(ParserDatabase::Builder& builder, AttributeArgs& args, ModelId model,
                                RelationFieldId field_id) {
  const ast::Attribute& attribute = args.current();
  builder.relation_field(field_id).relation_attribute = &attribute;
  const ModelId referenced = builder.relation_field(field_id).referenced_model;

  if (const ast::Expression* value = args.visit_optional_arg("fields")) {
    FieldListProblems problems;
    auto fields = resolve_field_list(builder, *value, model, attribute.span, problems);
    if (!problems.unknown.empty())
      builder.diagnostics.validation_error(
          "The argument fields must refer only to existing fields. The following fields do not exist in this model: " +
              join(problems.unknown),
          value->span);
    if (!problems.relation.empty())
      builder.diagnostics.validation_error(
          "The argument fields must refer only to scalar fields. But it is referencing the following relation "
          "fields: " +
              join(problems.relation),
          value->span);
    builder.relation_field(field_id).fields = fields ? std::move(*fields) : std::vector<ScalarFieldId>{};
  }

  if (const ast::Expression* value = args.visit_optional_arg("references")) {
    FieldListProblems problems;
    auto references = resolve_field_list(builder, *value, referenced, attribute.span, problems);
    const std::string& model_name = builder.ast_model(referenced).name.name;
    if (!problems.unknown.empty())
      builder.diagnostics.validation_error("The argument `references` must refer only to existing fields in the related "
                                           "model `" + model_name + "`. The following fields do not exist in the related model: " +
                                               join(problems.unknown),
                                           attribute.span);
    if (!problems.relation.empty())
      builder.diagnostics.validation_error("The argument `references` must refer only to scalar fields in the related "
                                           "model `" + model_name + "`. But it is referencing the following relation fields: " +
                                               join(problems.relation),
                                           attribute.span);
    builder.relation_field(field_id).references =
        references ? std::move(*references) : std::vector<ScalarFieldId>{};
  }

  // The relation name: unnamed first argument or `name:`. A missing name is not an error here.
  std::optional<Diagnostic> ignored;
  if (const ast::Expression* value = args.visit_default_arg("name", &ignored)) {
    if (auto name = coerce_string(*value, builder.diagnostics)) {
      if (name->empty()) args.push_attribute_error("A relation cannot have an empty name.");
      else builder.relation_field(field_id).relation_name = std::string(*name);
    }
  }

  if (const ast::Expression* value = args.visit_optional_arg("onDelete")) {
    if (auto action = resolve_referential_action(*value, builder.diagnostics)) {
      builder.relation_field(field_id).on_delete = action;
      builder.relation_field(field_id).on_delete_span = value->span;
    }
  }
  if (const ast::Expression* value = args.visit_optional_arg("onUpdate")) {
    if (auto action = resolve_referential_action(*value, builder.diagnostics)) {
      builder.relation_field(field_id).on_update = action;
      builder.relation_field(field_id).on_update_span = value->span;
    }
  }

  if (const ast::Expression* value = args.visit_optional_arg("map")) {
    if (auto name = coerce_string(*value, builder.diagnostics)) {
      if (name->empty()) {
        args.push_attribute_error("The `map` argument cannot be an empty string.");
      } else {
        builder.relation_field(field_id).mapped_name = std::string(*name);
        builder.relation_field(field_id).mapped_name_span = value->span;
      }
    }
  }
}

}  // namespace prismapp::schema::db
