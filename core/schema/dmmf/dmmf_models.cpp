// DMMF models, views and composite types with their fields (model_to_dmmf, scalar_field_to_dmmf,
// relation_field_to_dmmf, composite_type_to_dmmf in Prisma's datamodel_ast_builder.rs).
#include <algorithm>
#include <string>
#include <vector>

#include "core/schema/connector/referential_action.hpp"
#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::schema::dmmf {

namespace {

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

bool is_list(ast::FieldArity arity) { return arity == ast::FieldArity::List; }
// Lists count as required in the DMMF.
bool is_required(ast::FieldArity arity) { return arity != ast::FieldArity::Optional; }

const char* kind_of(const db::ScalarFieldType& type) {
  switch (type.kind) {
    case db::ScalarFieldType::Kind::CompositeType: return "object";
    case db::ScalarFieldType::Kind::Enum: return "enum";
    default: return "scalar";
  }
}

std::string type_name(const db::ParserDatabase& db, const db::ScalarFieldType& type) {
  switch (type.kind) {
    case db::ScalarFieldType::Kind::CompositeType: return std::string(db.composite_type(type.composite_type_id).name());
    case db::ScalarFieldType::Kind::Enum: return std::string(db.enum_(type.enum_id).name());
    case db::ScalarFieldType::Kind::BuiltIn: return std::string(connector::scalar_type_name(type.builtin));
    case db::ScalarFieldType::Kind::Unsupported: break;
  }
  return type.unsupported;
}

std::optional<db::ScalarType> builtin_of(const db::ScalarFieldType& type) {
  if (type.kind == db::ScalarFieldType::Kind::BuiltIn) return type.builtin;
  return std::nullopt;
}

// ["VarChar", ["255"]] for @db.VarChar(255), null without a native type attribute.
Json native_type_to_dmmf(const std::optional<db::NativeTypeAttribute>& native) {
  if (!native) return nullptr;
  Json args = Json::array();
  for (const auto& a : native->arguments) args.push_back(a);
  return Json::array({native->name, std::move(args)});
}

// The implicit relation name: both model names, sorted, joined with "To" ("PostToUser").
std::string relation_name(const db::ParserDatabase& db, const db::RelationField& field) {
  if (field.relation_name) return *field.relation_name;
  std::string_view a = db.model(field.model).name();
  std::string_view b = db.model(field.referenced_model).name();
  if (b < a) std::swap(a, b);
  std::string name;
  name.reserve(a.size() + b.size() + 2);
  name.append(a).append("To").append(b);
  return name;
}

Json scalar_field_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model, db::ScalarFieldId id,
                          const std::vector<db::ScalarFieldId>& referencing) {
  const db::ScalarField& field = db.scalar_field(id);
  const bool is_id = is_single_field_id(model, id);
  ObjectBuilder out(20);
  out.add("name", field.name());
  if (field.mapped_name) out.add("dbName", *field.mapped_name);
  out.add("kind", kind_of(field.type));
  out.add("isList", is_list(field.arity()));
  out.add("isRequired", is_required(field.arity()));
  out.add("isUnique", !is_id && is_single_field_unique(model, id));
  out.add("isId", is_id);
  // Foreign key fields are written through the relation, so the client treats them as read-only.
  out.add("isReadOnly", std::find(referencing.begin(), referencing.end(), id) != referencing.end());
  out.add("hasDefaultValue", field.default_value.has_value());
  out.add("type", type_name(db, field.type));
  out.add("nativeType", native_type_to_dmmf(field.native_type));
  if (field.default_value && field.default_value->value)
    out.add("default", default_value_to_dmmf(*field.default_value->value, builtin_of(field.type)));
  out.add("isGenerated", false);
  out.add("isUpdatedAt", field.is_updated_at);
  put_documentation(out, field.ast->documentation);
  return out.take();
}

Json field_names(const db::ParserDatabase& db, const std::optional<std::vector<db::ScalarFieldId>>& ids) {
  Json out = Json::array();
  if (ids)
    for (db::ScalarFieldId id : *ids) out.push_back(db.scalar_field(id).name());
  return out;
}

Json relation_field_to_dmmf(const db::ParserDatabase& db, const db::RelationField& field) {
  ObjectBuilder out(20);
  out.add("name", field.name());
  out.add("kind", "object");
  out.add("isList", is_list(field.arity()));
  out.add("isRequired", is_required(field.arity()));
  out.add("isUnique", false);
  out.add("isId", false);
  out.add("isReadOnly", false);
  out.add("hasDefaultValue", false);
  out.add("type", db.model(field.referenced_model).name());
  out.add("nativeType", nullptr);
  out.add("relationName", relation_name(db, field));
  out.add("relationFromFields", field_names(db, field.fields));
  out.add("relationToFields", field_names(db, field.references));
  // Only referential actions written in the schema, not the connector's defaults.
  if (field.on_delete) out.add("relationOnDelete", connector::referential_action_name(*field.on_delete));
  if (field.on_update) out.add("relationOnUpdate", connector::referential_action_name(*field.on_update));
  out.add("isGenerated", false);
  out.add("isUpdatedAt", false);
  put_documentation(out, field.ast->documentation);
  return out.take();
}

// The model's fields in declaration order, skipping @ignore'd and Unsupported ones. The db keeps
// scalar and relation fields apart, each in declaration order, so merge them by AST position.
Json model_fields_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model) {
  std::vector<db::ScalarFieldId> referencing;
  for (db::RelationFieldId rid : model.relation_fields) {
    const auto& fields = db.relation_field(rid).fields;
    if (fields) referencing.insert(referencing.end(), fields->begin(), fields->end());
  }

  Json out = Json::array();
  auto scalar = model.scalar_fields.begin();
  auto relation = model.relation_fields.begin();
  while (scalar != model.scalar_fields.end() || relation != model.relation_fields.end()) {
    const bool take_scalar =
        relation == model.relation_fields.end() ||
        (scalar != model.scalar_fields.end() &&
         db.scalar_field(*scalar).ast_field_index < db.relation_field(*relation).ast_field_index);
    if (take_scalar) {
      const db::ScalarField& field = db.scalar_field(*scalar);
      if (!field.is_ignored && field.type.kind != db::ScalarFieldType::Kind::Unsupported)
        out.push_back(scalar_field_to_dmmf(db, model, *scalar, referencing));
      ++scalar;
    } else {
      const db::RelationField& field = db.relation_field(*relation);
      if (!field.is_ignored) out.push_back(relation_field_to_dmmf(db, field));
      ++relation;
    }
  }
  return out;
}

Json composite_type_field_to_dmmf(const db::ParserDatabase& db, const db::CompositeTypeFieldInfo& field) {
  ObjectBuilder out(20);
  out.add("name", field.ast->name.name);
  if (field.mapped_name) out.add("dbName", *field.mapped_name);
  out.add("kind", kind_of(field.type));
  out.add("isList", is_list(field.ast->arity));
  out.add("isRequired", is_required(field.ast->arity));
  out.add("isUnique", false);
  out.add("isId", false);
  out.add("isReadOnly", false);
  out.add("hasDefaultValue", field.default_value.has_value());
  out.add("type", type_name(db, field.type));
  out.add("nativeType", native_type_to_dmmf(field.native_type));
  if (field.default_value && field.default_value->value)
    out.add("default", default_value_to_dmmf(*field.default_value->value, builtin_of(field.type)));
  // Composite type fields carry no isGenerated/isUpdatedAt.
  put_documentation(out, field.ast->documentation);
  return out.take();
}

}  // namespace

Json model_to_dmmf(const db::ParserDatabase& db, db::ModelId id) {
  const db::ModelInfo& model = db.model(id);
  ObjectBuilder out(9);
  out.add("name", model.name());
  out.add("dbName", optional_string(model.mapped_name));
  out.add("schema", optional_string(model.schema));
  out.add("fields", model_fields_to_dmmf(db, model));
  out.add("primaryKey", primary_key_to_dmmf(db, model));
  out.add("uniqueFields", unique_fields_to_dmmf(db, model));
  out.add("uniqueIndexes", unique_indexes_to_dmmf(db, model));
  out.add("isGenerated", false);
  put_documentation(out, model.ast->documentation);
  return out.take();
}

Json composite_type_to_dmmf(const db::ParserDatabase& db, const db::CompositeTypeInfo& ct) {
  Json fields = Json::array();
  for (const auto& field : ct.fields)
    if (field.type.kind != db::ScalarFieldType::Kind::Unsupported)
      fields.push_back(composite_type_field_to_dmmf(db, field));
  ObjectBuilder out(9);
  out.add("name", ct.name());
  out.add("dbName", nullptr);
  out.add("schema", nullptr);
  out.add("fields", std::move(fields));
  out.add("primaryKey", nullptr);
  out.add("uniqueFields", Json::array());
  out.add("uniqueIndexes", Json::array());
  put_documentation(out, ct.ast->documentation);
  return out.take();
}

}  // namespace prismapp::schema::dmmf
