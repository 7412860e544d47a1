// The query-structure view of a validated schema that the query schema builder walks (Prisma's
// query-structure crate): which models and fields exist for the client, relation pairing, and
// the scalar field predicates the builders ask (read-only foreign keys, autoincrement ids, ...).
#include <algorithm>

#include "core/schema/dmmf/dmmf_parts.hpp"
#include "core/schema/dmmf/dmmf_schema.hpp"

namespace prismapp::schema::dmmf::qs {

Schema::Schema(const db::ParserDatabase& database, const config::Configuration& config) : db(database) {
  if (const auto* ds = config.first_datasource()) connector = ds->connector;
  preview = config.preview_features();

  related_field.assign(db.relation_fields().size(), -1);
  for (const db::Relation& r : db.relations()) {
    if (r.field_a && r.field_b) {
      related_field[r.field_a->value] = r.field_b->value;
      related_field[r.field_b->value] = r.field_a->value;
    }
  }
  fk_field.assign(db.scalar_fields().size(), 0);
  for (const db::RelationField& f : db.relation_fields())
    if (f.fields && !f.is_ignored && !db.model(f.referenced_model).is_ignored)
      for (db::ScalarFieldId id : *f.fields) fk_field[id.value] = 1;

  fields.resize(db.models().size());
  for (bool views : {false, true}) {
    for (std::uint32_t m = 0; m < db.models().size(); ++m) {
      const db::ModelInfo& info = db.models()[m];
      if (info.is_view() != views || info.is_ignored) continue;
      models.push_back(m);
      std::vector<std::pair<std::size_t, Field>> merged;
      for (db::ScalarFieldId id : info.scalar_fields) {
        const db::ScalarField& f = db.scalar_field(id);
        if (f.is_ignored || f.type.kind == db::ScalarFieldType::Kind::Unsupported) continue;
        merged.push_back({f.ast_field_index, Field{false, id.value}});
      }
      for (db::RelationFieldId id : info.relation_fields) {
        const db::RelationField& f = db.relation_field(id);
        if (f.is_ignored || db.model(f.referenced_model).is_ignored || related_field[id.value] < 0) continue;
        if (db.relation_field(db::RelationFieldId{static_cast<std::uint32_t>(related_field[id.value])}).is_ignored)
          continue;
        merged.push_back({f.ast_field_index, Field{true, id.value}});
      }
      std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [pos, f] : merged) fields[m].push_back(f);
    }
  }
}

TypeCode Schema::type_of(std::uint32_t sf_id) const {
  const db::ScalarFieldType& t = sf(sf_id).type;
  if (t.kind == db::ScalarFieldType::Kind::Enum) return kEnumBit | t.enum_id.value;
  return static_cast<TypeCode>(t.builtin);
}

std::string_view Schema::type_name(TypeCode t) const {
  if (t & kEnumBit) return db.enum_(db::EnumId{t & ~kEnumBit}).name();
  return connector::scalar_type_name(static_cast<connector::ScalarType>(t));
}

bool Schema::is_autoincrement(std::uint32_t sf_id) const {
  const auto& d = sf(sf_id).default_value;
  return d && d->value && d->value->kind == ast::ExpressionKind::Function && d->value->value == "autoincrement";
}

bool Schema::is_id(std::uint32_t sf_id) const {
  const db::ModelInfo& m = db.model(sf(sf_id).model);
  if (!m.keys.primary_key) return false;
  for (const auto& f : m.keys.primary_key->fields)
    if (f.field.value == sf_id) return true;
  return false;
}

bool Schema::is_unique(std::uint32_t sf_id) const {
  const db::ModelInfo& m = db.model(sf(sf_id).model);
  return is_single_field_id(m, db::ScalarFieldId{sf_id}) || is_single_field_unique(m, db::ScalarFieldId{sf_id});
}

bool Schema::is_auto_generated_int_id(std::uint32_t sf_id) const {
  return is_id(sf_id) && type_of(sf_id) == static_cast<TypeCode>(connector::ScalarType::Int) &&
         is_autoincrement(sf_id);
}

std::vector<std::uint32_t> Schema::linking_fields(std::uint32_t rf_id) const {
  std::vector<std::uint32_t> out;
  const db::RelationField& f = rf(rf_id);
  if (f.fields)
    for (db::ScalarFieldId id : *f.fields) out.push_back(id.value);
  return out;
}

bool Schema::supports_create(std::uint32_t model) const {
  for (db::ScalarFieldId id : db.model(db::ModelId{model}).scalar_fields) {
    const db::ScalarField& f = db.scalar_field(id);
    if (f.type.kind == db::ScalarFieldType::Kind::Unsupported && f.arity() == ast::FieldArity::Required &&
        !f.default_value && !f.is_ignored)
      return false;
  }
  return true;
}

std::vector<std::uint32_t> Schema::scalar_fields(std::uint32_t model) const {
  std::vector<std::uint32_t> out;
  for (const Field& f : fields[model])
    if (!f.is_relation) out.push_back(f.id);
  return out;
}

}  // namespace prismapp::schema::dmmf::qs
