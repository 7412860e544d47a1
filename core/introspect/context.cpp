// Building the introspection context: table classification, matching with the previous schema
// (introspection_map.rs) and Prisma names (sanitize_datamodel_names.rs, context.rs).
#include "core/introspect/context.hpp"

#include <algorithm>
#include <set>

#include "core/introspect/names.hpp"
#include "core/schema/db/database.hpp"

namespace prismapp::introspect {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool columns_are(const sql::SqlSchema& s, const std::vector<sql::IndexColumn>& cols, std::string_view a,
                 std::string_view b) {
  return cols.size() == 2 && iequals(s.column(cols[0].column).name, a) && iequals(s.column(cols[1].column).name, b);
}

// Prisma's legacy `_Migration` table and the Prisma 1 `_RelayId` table are never models.
bool is_legacy_prisma_table(const sql::SqlSchema& s, const sql::Table& t) {
  auto has = [&](std::string_view name) {
    return std::any_of(t.columns.begin(), t.columns.end(), [&](sql::ColumnId c) { return iequals(s.column(c).name, name); });
  };
  if (t.name == "_Migration")
    return has("revision") && has("name") && has("datamodel") && has("status") && has("applied") && has("rolled_back") &&
           has("datamodel_steps") && has("database_migration") && has("errors") && has("started_at") &&
           has("finished_at");
  if (t.name == "_RelayId") return has("id") && has("stablemodelidentifier");
  return false;
}

}  // namespace

bool is_prisma_join_table(const sql::SqlSchema& s, sql::TableId id, bool pk_allowed) {
  const sql::Table& t = s.table(id);
  if (t.name.empty() || t.name.front() != '_' || t.foreign_keys.size() != 2) return false;
  bool ab_unique = false, b_index = false;
  for (sql::IndexId ix : t.indexes) {
    const sql::Index& index = s.index(ix);
    if (index.type == sql::IndexType::Unique && columns_are(s, index.columns, "a", "b")) ab_unique = true;
    if (pk_allowed && index.type == sql::IndexType::PrimaryKey && columns_are(s, index.columns, "a", "b")) ab_unique = true;
    if (index.type == sql::IndexType::Normal && index.columns.size() == 1 && iequals(s.column(index.columns[0].column).name, "b"))
      b_index = true;
  }
  if (!ab_unique || !b_index) return false;
  const sql::ForeignKey& first = s.foreign_key(t.foreign_keys[0]);
  const sql::ForeignKey& second = s.foreign_key(t.foreign_keys[1]);
  if (first.columns.empty() || second.columns.empty()) return false;
  const std::string& first_col = s.column(first.columns[0]).name;
  const std::string& second_col = s.column(second.columns[0]).name;
  const std::string& first_ref = s.table(first.referenced_table).name;
  const std::string& second_ref = s.table(second.referenced_table).name;
  return (first_ref <= second_ref && iequals(first_col, "a") && iequals(second_col, "b")) ||
         (second_ref <= first_ref && iequals(first_col, "b") && iequals(second_col, "a"));
}

sql::SqlSchema without_tables(const sql::SqlSchema& s, const std::vector<std::string>& names) {
  const std::set<std::string, std::less<>> excluded(names.begin(), names.end());
  sql::SqlSchema out;
  out.namespaces = s.namespaces;
  out.enums = s.enums;
  out.views = s.views;
  out.explicit_namespaces = s.explicit_namespaces;
  std::vector<std::optional<sql::TableId>> table_map(s.tables.size());
  std::vector<std::optional<sql::ColumnId>> column_map(s.columns.size());
  for (std::size_t i = 0; i < s.tables.size(); ++i) {
    const sql::Table& t = s.tables[i];
    if (excluded.count(t.name)) continue;
    const sql::TableId nt = out.add_table(t.name, t.ns);
    out.tables[nt.value].description = t.description;
    table_map[i] = nt;
    for (sql::ColumnId c : t.columns) {
      sql::Column col = s.column(c);
      col.table = nt;
      column_map[c.value] = out.add_column(nt, std::move(col));
    }
  }
  for (const sql::Index& index : s.indexes) {
    if (!table_map[index.table.value]) continue;
    sql::Index copy = index;
    copy.table = *table_map[index.table.value];
    for (auto& c : copy.columns) c.column = *column_map[c.column.value];
    out.add_index(std::move(copy));
  }
  for (const sql::ForeignKey& fk : s.foreign_keys) {
    if (!table_map[fk.table.value] || !table_map[fk.referenced_table.value]) continue;
    sql::ForeignKey copy = fk;
    copy.table = *table_map[fk.table.value];
    copy.referenced_table = *table_map[fk.referenced_table.value];
    for (auto& c : copy.columns) c = *column_map[c.value];
    for (auto& c : copy.referenced_columns) c = *column_map[c.value];
    out.add_foreign_key(std::move(copy));
  }
  return out;
}

Context::Context(const sql::SqlSchema& schema, const dialect::IntrospectionHooks& h, const dialect::IntrospectionFacts& f,
                 const schema::ValidationResult* previous)
    : sql(schema), hooks(h), connector(h.connector()), facts(f), previous_result(previous) {
  if (previous && previous->db) prev = previous->db.get();
  if (previous) {
    if (const auto* ds = previous->configuration.first_datasource()) {
      uses_namespaces = !ds->schemas.empty();
      foreign_keys_enabled = ds->effective_relation_mode() == schema::connector::RelationMode::ForeignKeys;
      datasource_name = ds->name;
    }
  }
  if (previous) views_enabled = previous->configuration.preview_features().contains(schema::config::PreviewFeature::Views);
  classify_tables();
  match_previous();
  match_views();
  compute_names();
  compute_view_names();
  compute_relation_names();
  compute_positions();
}

void Context::classify_tables() {
  const bool pk_allowed = hooks.join_table_primary_key_allowed();
  is_join_table.assign(sql.tables.size(), false);
  is_model.assign(sql.tables.size(), false);
  for (std::size_t i = 0; i < sql.tables.size(); ++i) {
    const sql::TableId id{static_cast<std::uint32_t>(i)};
    is_join_table[i] = is_prisma_join_table(sql, id, pk_allowed);
    is_model[i] = !is_join_table[i] && !is_legacy_prisma_table(sql, sql.tables[i]);
  }
}

namespace {

std::optional<sql::NamespaceId> find_namespace(const sql::SqlSchema& s, const std::optional<std::string>& name) {
  if (!name) return sql::NamespaceId{0};
  for (std::size_t i = 0; i < s.namespaces.size(); ++i)
    if (s.namespaces[i].name == *name) return sql::NamespaceId{static_cast<std::uint32_t>(i)};
  return std::nullopt;
}

std::string relation_name_of(const db::ParserDatabase& pdb, const db::Relation& r) {
  if (r.name) return *r.name;
  return db::generated_relation_name(pdb.model(r.model_a).name(), pdb.model(r.model_b).name());
}

}  // namespace

void Context::match_previous() {
  existing_model.assign(sql.tables.size(), std::nullopt);
  existing_field.assign(sql.columns.size(), std::nullopt);
  existing_inline.assign(sql.foreign_keys.size(), std::nullopt);
  existing_m2m.assign(sql.tables.size(), std::nullopt);
  existing_enum.assign(sql.enums.size(), std::nullopt);
  if (!prev) return;

  for (std::size_t m = 0; m < prev->models().size(); ++m) {
    const db::ModelInfo& model = prev->models()[m];
    if (model.is_view()) continue;
    const auto ns = find_namespace(sql, model.schema);
    const auto table = ns ? sql.find_table(model.database_name(), *ns) : std::nullopt;
    if (table) existing_model[table->value] = db::ModelId{static_cast<std::uint32_t>(m)};
    else missing_models.push_back(db::ModelId{static_cast<std::uint32_t>(m)});
  }

  for (std::size_t c = 0; c < sql.columns.size(); ++c) {
    const auto& model_id = existing_model[sql.columns[c].table.value];
    if (!model_id) continue;
    for (db::ScalarFieldId f : prev->model(*model_id).scalar_fields)
      if (prev->scalar_field(f).database_name() == sql.columns[c].name) {
        existing_field[c] = f;
        break;
      }
  }

  if (hooks.enums_are_per_column()) {
    // MySQL: the enum of a column matches the enum type of the column's field, when the values
    // are the same.
    for (std::size_t c = 0; c < sql.columns.size(); ++c) {
      const sql::Column& col = sql.columns[c];
      if (col.type.family != sql::ColumnTypeFamily::Enum || !existing_field[c]) continue;
      const db::ScalarField& field = prev->scalar_field(*existing_field[c]);
      if (field.type.kind != db::ScalarFieldType::Kind::Enum) continue;
      const db::EnumInfo& e = prev->enum_(field.type.enum_id);
      const sql::Enum& se = sql.enum_(col.type.enum_id);
      bool same = e.values.size() == se.values.size();
      for (std::size_t i = 0; same && i < se.values.size(); ++i) same = e.values[i].database_name() == se.values[i];
      if (same) existing_enum[col.type.enum_id.value] = field.type.enum_id;
    }
  } else {
    for (std::size_t e = 0; e < prev->enums().size(); ++e) {
      const db::EnumInfo& info = prev->enums()[e];
      const auto ns = find_namespace(sql, info.schema);
      if (!ns) continue;
      if (auto id = sql.find_enum(info.database_name(), *ns)) existing_enum[id->value] = db::EnumId{static_cast<std::uint32_t>(e)};
    }
  }

  for (std::size_t k = 0; k < sql.foreign_keys.size(); ++k) {
    const sql::ForeignKey& fk = sql.foreign_keys[k];
    const auto& model_id = existing_model[fk.table.value];
    if (!model_id) continue;
    for (std::size_t r = 0; r < prev->relations().size(); ++r) {
      const db::Relation& rel = prev->relations()[r];
      if (!rel.is_inline() || rel.model_a != *model_id || !rel.field_a) continue;
      const db::RelationField& forward = prev->relation_field(*rel.field_a);
      if (!forward.fields || forward.fields->size() != fk.columns.size()) continue;
      bool same = true;
      for (std::size_t i = 0; same && i < fk.columns.size(); ++i)
        same = prev->scalar_field((*forward.fields)[i]).database_name() == sql.column(fk.columns[i]).name;
      if (same) {
        existing_inline[k] = db::RelationId{static_cast<std::uint32_t>(r)};
        break;
      }
    }
  }

  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    if (!is_join_table[t]) continue;
    const std::string wanted = sql.tables[t].name.substr(1);
    for (std::size_t r = 0; r < prev->relations().size(); ++r) {
      const db::Relation& rel = prev->relations()[r];
      if (rel.is_implicit_many_to_many() && relation_name_of(*prev, rel) == wanted) {
        existing_m2m[t] = db::RelationId{static_cast<std::uint32_t>(r)};
        break;
      }
    }
  }
}

bool Context::name_is_unique(const std::string& sanitized) const {
  auto it = top_level_names.find(sanitized);
  return it == top_level_names.end() || it->second <= 1;
}

MappedName model_name_from_sql(const Context& ctx, const std::string& name, const std::string* ns) {
  MappedName out;
  if (ns && !ctx.name_is_unique(sanitize(name))) {
    out.name = sanitize(*ns + "_" + name);
    out.mapped = name;
  } else if (schema::db::is_reserved_type_name(name)) {
    out.name = "Renamed" + name;
    out.mapped = name;
    out.renamed_reserved = true;
  } else if (needs_sanitation(name)) {
    out.name = sanitize(name);
    out.mapped = name;
  } else {
    out.name = name;
  }
  return out;
}

void Context::compute_names() {
  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    if (is_join_table[t]) continue;
    const std::string name = existing_model[t] ? std::string(prev->model(*existing_model[t]).name()) : sanitize(sql.tables[t].name);
    ++top_level_names[name];
  }
  for (std::size_t e = 0; e < sql.enums.size(); ++e) {
    const std::string name = existing_enum[e] ? std::string(prev->enum_(*existing_enum[e]).name()) : sanitize(sql.enums[e].name);
    ++top_level_names[name];
  }
  // Views clash with models and enums only when they are rendered at all.
  if (views_enabled) {
    for (std::size_t v = 0; v < sql.views.size(); ++v) {
      const std::string name = existing_view[v] ? std::string(prev->model(*existing_view[v]).name()) : sanitize(sql.views[v].name);
      ++top_level_names[name];
    }
  }

  table_names.resize(sql.tables.size());
  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    if (existing_model[t]) {
      const db::ModelInfo& m = prev->model(*existing_model[t]);
      table_names[t] = MappedName{std::string(m.name()), m.mapped_name, true, false};
    } else {
      const std::string& ns = sql.namespaces[sql.tables[t].ns.value].name;
      table_names[t] = model_name_from_sql(*this, sql.tables[t].name, uses_namespaces ? &ns : nullptr);
    }
  }
  enum_names.resize(sql.enums.size());
  for (std::size_t e = 0; e < sql.enums.size(); ++e) {
    if (existing_enum[e]) {
      const db::EnumInfo& info = prev->enum_(*existing_enum[e]);
      enum_names[e] = MappedName{std::string(info.name()), info.mapped_name, true, false};
    } else {
      const std::string& ns = sql.namespaces[sql.enums[e].ns.value].name;
      enum_names[e] = model_name_from_sql(*this, sql.enums[e].name, uses_namespaces ? &ns : nullptr);
    }
  }
  column_names.resize(sql.columns.size());
  for (std::size_t c = 0; c < sql.columns.size(); ++c) {
    if (existing_field[c]) {
      const db::ScalarField& f = prev->scalar_field(*existing_field[c]);
      column_names[c] = MappedName{std::string(f.name()), f.mapped_name, true, false};
    } else {
      const std::string& name = sql.columns[c].name;
      column_names[c] = needs_sanitation(name) ? MappedName{sanitize(name), name, false, false} : MappedName{name, {}, false, false};
    }
  }
}

MappedName Context::enum_variant_name(sql::EnumId id, const std::string& value) const {
  if (const db::EnumInfo* e = previous_enum(id)) {
    for (const auto& v : e->values)
      if (v.database_name() == value) return MappedName{std::string(v.name()), v.mapped_name, true, false};
  }
  if (value.empty()) return MappedName{"EMPTY_ENUM_VALUE", std::string(), false, false};
  if (needs_sanitation(value)) return MappedName{sanitize(value), value, false, false};
  return MappedName{value, {}, false, false};
}

const db::ScalarField* Context::previous_field(sql::ColumnId id) const {
  const auto& f = existing_field[id.value];
  return f ? &prev->scalar_field(*f) : nullptr;
}

const db::ModelInfo* Context::previous_model(sql::TableId id) const {
  const auto& m = existing_model[id.value];
  return m ? &prev->model(*m) : nullptr;
}

const db::EnumInfo* Context::previous_enum(sql::EnumId id) const {
  const auto& e = existing_enum[id.value];
  return e ? &prev->enum_(*e) : nullptr;
}

bool Context::table_has_usable_identifier(sql::TableId id) const {
  for (sql::IndexId ix : sql.table(id).indexes) {
    const sql::Index& index = sql.index(ix);
    if (index.type != sql::IndexType::PrimaryKey && index.type != sql::IndexType::Unique) continue;
    if (index.columns.empty()) continue;
    const bool usable = std::all_of(index.columns.begin(), index.columns.end(), [&](const sql::IndexColumn& c) {
      const sql::Column& col = sql.column(c.column);
      return col.type.family != sql::ColumnTypeFamily::Unsupported && col.type.arity == sql::ColumnArity::Required;
    });
    if (usable) return true;
  }
  return false;
}

bool Context::model_ignored(sql::TableId id) const {
  const db::ModelInfo* m = previous_model(id);
  if (m && m->is_ignored) return true;
  return !table_has_usable_identifier(id) && !sql.table(id).columns.empty();
}

}  // namespace prismapp::introspect
