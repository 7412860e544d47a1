// DMMF `indexes` entries and the model-level key summaries (primaryKey, uniqueFields,
// uniqueIndexes), from the keys the db resolved (keys.hpp). Mirrors model_indexes_to_dmmf and
// scalar_field_attribute_to_dmmf in Prisma's datamodel_ast_builder.rs.
#include <string>

#include "core/schema/connector/index_algorithm.hpp"
#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::schema::dmmf {

namespace {

// The field an index entry ends at: for a composite path (`a.b.c`) the last composite field.
std::string_view composite_field_name(const db::ParserDatabase& db, const std::pair<db::CompositeTypeId, std::size_t>& step) {
  return db.composite_type(step.first).fields.at(step.second).ast->name.name;
}

std::string_view indexed_field_name(const db::ParserDatabase& db, const db::IndexFieldPath& f) {
  if (!f.path.empty()) return composite_field_name(db, f.path.back());
  return db.scalar_field(f.field).name();
}

Json field_names(const db::ParserDatabase& db, const std::vector<db::IndexFieldPath>& fields) {
  Json out = Json::array();
  for (const auto& f : fields) out.push_back(indexed_field_name(db, f));
  return out;
}

// {"name": "a.b", "sortOrder"?, "length"?, "operatorClass"?}: options only where written.
Json index_field_to_dmmf(const db::ParserDatabase& db, const db::IndexFieldPath& f) {
  std::string name(db.scalar_field(f.field).name());
  for (const auto& step : f.path) name.append(".").append(composite_field_name(db, step));
  ObjectBuilder out(4);
  out.add("name", std::move(name));
  if (f.sort_order) out.add("sortOrder", *f.sort_order == db::SortOrder::Asc ? "asc" : "desc");
  if (f.length) out.add("length", *f.length);
  if (f.operator_class) {
    // Prisma prints known classes with their Display impl (display name), raw ones verbatim.
    if (f.operator_class->known)
      out.add("operatorClass", connector::operator_class_display_name(*f.operator_class->known));
    else if (f.operator_class->raw)
      out.add("operatorClass", *f.operator_class->raw);
  }
  return out.take();
}

Json index_fields_to_dmmf(const db::ParserDatabase& db, const std::vector<db::IndexFieldPath>& fields) {
  Json out = Json::array();
  for (const auto& f : fields) out.push_back(index_field_to_dmmf(db, f));
  return out;
}

const char* index_type(const db::IndexAttribute& index) {
  switch (index.kind) {
    case db::IndexAttribute::Kind::Unique: return "unique";
    case db::IndexAttribute::Kind::Fulltext: return "fulltext";
    case db::IndexAttribute::Kind::Normal: break;
  }
  return "normal";
}

bool is_only_field(const std::vector<db::IndexFieldPath>& fields, db::ScalarFieldId field) {
  return fields.size() == 1 && fields.front().field == field && fields.front().path.empty();
}

}  // namespace

void append_model_indexes(const db::ParserDatabase& db, db::ModelId id, Json& out) {
  const db::ModelInfo& model = db.model(id);
  if (const auto& pk = model.keys.primary_key) {
    ObjectBuilder e(8);
    e.add("model", model.name());
    e.add("type", "id");
    e.add("isDefinedOnField", pk->source_field.has_value());
    if (pk->name) e.add("name", *pk->name);
    if (pk->mapped_name) e.add("dbName", *pk->mapped_name);
    if (pk->clustered) e.add("clustered", *pk->clustered);
    e.add("fields", index_fields_to_dmmf(db, pk->fields));
    out.push_back(e.take());
  }
  for (const auto& index : model.keys.indexes) {
    ObjectBuilder e(8);
    e.add("model", model.name());
    e.add("type", index_type(index));
    e.add("isDefinedOnField", index.source_field.has_value());
    if (index.name) e.add("name", *index.name);
    if (index.mapped_name) e.add("dbName", *index.mapped_name);
    if (index.algorithm) e.add("algorithm", connector::index_algorithm_name(*index.algorithm));
    if (index.clustered) e.add("clustered", *index.clustered);
    e.add("fields", index_fields_to_dmmf(db, index.fields));
    out.push_back(e.take());
  }
}

Json primary_key_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model) {
  const auto& pk = model.keys.primary_key;
  // Only a block-level @@id is summarised; a field-level @id shows as the field's isId.
  if (!pk || pk->source_field) return nullptr;
  ObjectBuilder out(2);
  out.add("name", pk->name ? Json(*pk->name) : Json(nullptr));
  out.add("fields", field_names(db, pk->fields));
  return out.take();
}

Json unique_fields_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model) {
  Json out = Json::array();
  for (const auto& index : model.keys.indexes)
    if (index.is_unique() && !index.source_field) out.push_back(field_names(db, index.fields));
  return out;
}

Json unique_indexes_to_dmmf(const db::ParserDatabase& db, const db::ModelInfo& model) {
  Json out = Json::array();
  for (const auto& index : model.keys.indexes) {
    if (!index.is_unique() || index.source_field) continue;
    ObjectBuilder e(2);
    e.add("name", index.name ? Json(*index.name) : Json(nullptr));
    e.add("fields", field_names(db, index.fields));
    out.push_back(e.take());
  }
  return out;
}

bool is_single_field_id(const db::ModelInfo& model, db::ScalarFieldId field) {
  return model.keys.primary_key && is_only_field(model.keys.primary_key->fields, field);
}

bool is_single_field_unique(const db::ModelInfo& model, db::ScalarFieldId field) {
  for (const auto& index : model.keys.indexes)
    if (index.is_unique() && is_only_field(index.fields, field)) return true;
  return false;
}

}  // namespace prismapp::schema::dmmf
