// Relation names and relation field names of an introspected schema (relation_names.rs):
// unambiguous relations are unnamed and their fields take the other model's name; relations
// that share their two models with another relation (or whose field name would clash with a
// scalar field) are named "<Model>_<columns>To<Other>"; self relations prefix the back field
// with "other_"; implicit many-to-many relations take the join table's name.
#include <algorithm>
#include <set>

#include "core/introspect/context.hpp"

namespace prismapp::introspect {
namespace {

using TablePair = std::pair<std::uint32_t, std::uint32_t>;

TablePair sorted_pair(sql::TableId a, sql::TableId b) {
  return a.value <= b.value ? TablePair{a.value, b.value} : TablePair{b.value, a.value};
}

TablePair m2m_tables(const sql::SqlSchema& s, sql::TableId join) {
  const sql::Table& t = s.table(join);
  return sorted_pair(s.foreign_key(t.foreign_keys[0]).referenced_table, s.foreign_key(t.foreign_keys[1]).referenced_table);
}

bool fks_distinct(const sql::ForeignKey& a, sql::ForeignKeyId a_id, const sql::ForeignKey& b, sql::ForeignKeyId b_id) {
  if (a_id == b_id) return false;
  return a.columns != b.columns;
}

}  // namespace

void Context::compute_relation_names() {
  // Which pairs of tables have more than one relation between them (ambiguous relations).
  std::set<TablePair> ambiguous;
  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    const sql::TableId tid{static_cast<std::uint32_t>(t)};
    if (is_join_table[t]) {
      const TablePair tables = m2m_tables(sql, tid);
      if (ambiguous.count(tables)) continue;
      for (std::uint32_t model_table : {tables.first, tables.second})
        for (sql::ForeignKeyId fk : sql.tables[model_table].foreign_keys)
          if (sorted_pair(sql::TableId{model_table}, sql.foreign_key(fk).referenced_table) == tables) ambiguous.insert(tables);
      for (std::size_t o = 0; o < sql.tables.size(); ++o)
        if (o != t && is_join_table[o] && m2m_tables(sql, sql::TableId{static_cast<std::uint32_t>(o)}) == tables)
          ambiguous.insert(tables);
      continue;
    }
    for (sql::ForeignKeyId fk_id : sql.tables[t].foreign_keys) {
      const sql::ForeignKey& fk = sql.foreign_key(fk_id);
      const TablePair tables = sorted_pair(fk.table, fk.referenced_table);
      if (ambiguous.count(tables)) continue;
      std::vector<sql::ForeignKeyId> others = sql.table(fk.table).foreign_keys;
      const auto& more = sql.table(fk.referenced_table).foreign_keys;
      others.insert(others.end(), more.begin(), more.end());
      bool found = false;
      for (sql::ForeignKeyId other : others) {
        const sql::ForeignKey& o = sql.foreign_key(other);
        if (fks_distinct(fk, fk_id, o, other) && sorted_pair(o.table, o.referenced_table) == tables) found = true;
      }
      if (found) {
        ambiguous.insert(tables);
        continue;
      }
      // The default field name (the referenced model's name) would clash with a scalar field.
      const std::string& default_field = table_name(fk.referenced_table).name;
      for (sql::ColumnId c : fk.columns)
        if (column_name(c).name == default_field) ambiguous.insert(tables);
    }
  }

  inline_relation_names.assign(sql.foreign_keys.size(), std::nullopt);
  m2m_relation_names.assign(sql.tables.size(), {});
  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    const sql::TableId tid{static_cast<std::uint32_t>(t)};
    if (is_join_table[t]) {
      const TablePair ids = m2m_tables(sql, tid);
      const bool self = ids.first == ids.second;
      const std::string& table = sql.tables[t].name;
      const std::string& name_a = table_name(sql::TableId{ids.first}).name;
      const std::string& name_b = table_name(sql::TableId{ids.second}).name;
      std::string relation_name, suffix;
      if (ambiguous.count(ids)) {
        relation_name = table.substr(1);
        suffix = table;
      } else {
        const std::string default_name = name_a + "To" + name_b;
        const std::string found = table.substr(1);
        relation_name = (found == default_name && !self) ? "" : found;
      }
      m2m_relation_names[t] = {relation_name, name_b + suffix + (self ? "_A" : ""), name_a + suffix + (self ? "_B" : "")};
      continue;
    }
    // Foreign keys with the same columns and references as an earlier one get no relation.
    const auto& fks = sql.tables[t].foreign_keys;
    for (std::size_t i = 0; i < fks.size(); ++i) {
      const sql::ForeignKey& fk = sql.foreign_key(fks[i]);
      bool duplicate = false;
      for (std::size_t j = 0; j < i && !duplicate; ++j) {
        const sql::ForeignKey& earlier = sql.foreign_key(fks[j]);
        duplicate = earlier.columns == fk.columns && earlier.referenced_columns == fk.referenced_columns;
      }
      if (duplicate) continue;
      const bool self = fk.table == fk.referenced_table;
      const std::string& referencing = table_name(fk.table).name;
      const std::string& referenced = table_name(fk.referenced_table).name;
      const std::string prefix = self ? "other_" : "";
      std::array<std::string, 3> names;
      if (!ambiguous.count(sorted_pair(fk.table, fk.referenced_table))) {
        names = {self ? referencing + "To" + referenced : "", referenced, prefix + referencing};
      } else {
        std::string relation = referencing + "_";
        for (std::size_t c = 0; c < fk.columns.size(); ++c) {
          if (c) relation += "_";
          relation += column_name(fk.columns[c]).name;
        }
        relation += "To" + referenced;
        names = {relation, referenced + "_" + relation, prefix + referencing + "_" + relation};
      }
      inline_relation_names[fks[i].value] = names;
    }
  }
}

void Context::compute_positions() {
  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    if (is_join_table[t]) continue;
    for (sql::ForeignKeyId fk : sql.tables[t].foreign_keys) {
      inline_positions.push_back({sql.foreign_key(fk).table, fk, Direction::Forward});
      inline_positions.push_back({sql.foreign_key(fk).referenced_table, fk, Direction::Back});
    }
  }
  for (std::size_t t = 0; t < sql.tables.size(); ++t) {
    if (!is_join_table[t]) continue;
    sql::ForeignKeyId fk_a = sql.tables[t].foreign_keys[0];
    sql::ForeignKeyId fk_b = sql.tables[t].foreign_keys[1];
    const auto& first = sql.foreign_key(fk_a);
    const bool first_is_a = !first.columns.empty() && (sql.column(first.columns[0]).name == "A" || sql.column(first.columns[0]).name == "a");
    if (!first_is_a) std::swap(fk_a, fk_b);
    m2m_positions.push_back({sql.foreign_key(fk_a).referenced_table, fk_b, Direction::Forward});
    m2m_positions.push_back({sql.foreign_key(fk_b).referenced_table, fk_a, Direction::Back});
  }
}

// ---- names with the previous schema first -----------------------------------------------------

std::string Context::forward_field_name(sql::ForeignKeyId fk) const {
  if (const auto& r = existing_inline[fk.value]) {
    const db::Relation& rel = prev->relation(*r);
    if (rel.is_complete()) return std::string(prev->relation_field(*rel.field_a).name());
  }
  return (*inline_relation_names[fk.value])[1];
}

std::string Context::back_field_name(sql::ForeignKeyId fk) const {
  if (const auto& r = existing_inline[fk.value]) {
    const db::Relation& rel = prev->relation(*r);
    if (rel.is_complete()) return std::string(prev->relation_field(*rel.field_b).name());
  }
  return (*inline_relation_names[fk.value])[2];
}

std::string Context::inline_relation_name(sql::ForeignKeyId fk) const {
  if (const auto& r = existing_inline[fk.value]) {
    const db::Relation& rel = prev->relation(*r);
    if (rel.is_complete()) {
      const auto& name = prev->relation_field(*rel.field_b).relation_name;
      return name ? *name : "";
    }
  }
  return (*inline_relation_names[fk.value])[0];
}

std::string Context::m2m_forward_field_name(sql::TableId join) const {
  if (const auto& r = existing_m2m[join.value]) {
    const db::Relation& rel = prev->relation(*r);
    if (!rel.is_self_relation() && rel.field_a) return std::string(prev->relation_field(*rel.field_a).name());
  }
  return m2m_relation_names[join.value][1];
}

std::string Context::m2m_back_field_name(sql::TableId join) const {
  if (const auto& r = existing_m2m[join.value]) {
    const db::Relation& rel = prev->relation(*r);
    if (!rel.is_self_relation() && rel.field_b) return std::string(prev->relation_field(*rel.field_b).name());
  }
  return m2m_relation_names[join.value][2];
}

std::string Context::m2m_relation_name(sql::TableId join) const {
  if (const auto& r = existing_m2m[join.value]) {
    const db::Relation& rel = prev->relation(*r);
    if (rel.name) return *rel.name;
    return db::generated_relation_name(prev->model(rel.model_a).name(), prev->model(rel.model_b).name());
  }
  return m2m_relation_names[join.value][0];
}

}  // namespace prismapp::introspect
