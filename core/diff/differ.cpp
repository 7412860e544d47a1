#include "core/diff/differ.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "core/diff/differ_database.hpp"
#include "core/diff/differ_fk_indexes.hpp"

namespace prismapp::diff {
namespace {

using Steps = std::vector<sql::Step>;


void push_created_schemas(Steps& steps, const DifferDatabase& db) {
  std::set<std::string> existing;
  for (const auto& ns : db.previous.namespaces) existing.insert(ns.name);
  // Prisma creates only namespaces something lives in (a listed but unused schema is left alone).
  std::set<std::uint32_t> used;
  for (const auto& t : db.next.tables) used.insert(t.ns.value);
  for (const auto& e : db.next.enums) used.insert(e.ns.value);
  for (std::uint32_t i = 0; i < db.next.namespaces.size(); ++i) {
    const std::string& name = db.next.namespaces[i].name;
    // The unnamed default namespace stands for "no schemas" (SQLite, MySQL): nothing to create.
    if (name.empty() || existing.count(name)) continue;
    // Without explicit namespaces (single-schema PostgreSQL) the connection's schema is implicit.
    if (i == 0 && !db.next.explicit_namespaces) continue;
    if (db.next.explicit_namespaces && !used.count(i)) continue;
    steps.push_back(sql::CreateSchema{sql::NamespaceId{i}});
  }
}

void push_created_tables(Steps& steps, const DifferDatabase& db) {
  for (sql::TableId t : db.created_tables) {
    steps.push_back(sql::CreateTable{t});
    const sql::Table& table = db.next.table(t);
    if (db.hooks.should_push_foreign_keys_from_created_tables())
      for (sql::ForeignKeyId fk : table.foreign_keys) steps.push_back(sql::AddForeignKey{fk});
    if (db.hooks.should_create_indexes_from_created_tables())
      for (sql::IndexId i : table.indexes)
        if (db.next.index(i).type != sql::IndexType::PrimaryKey && !db.hooks.should_skip_index_for_new_table(db.next, i))
          steps.push_back(sql::CreateIndex{std::nullopt, t, i, false});
  }
}

// Foreign keys of dropped tables go first (where the database has droppable keys), so tables can
// then be dropped in any order.
void push_dropped_tables(Steps& steps, const DifferDatabase& db) {
  for (sql::TableId t : db.dropped_tables) {
    steps.push_back(sql::DropTable{t});
    if (db.hooks.should_drop_foreign_keys_from_dropped_tables())
      for (sql::ForeignKeyId fk : db.previous.table(t).foreign_keys) steps.push_back(sql::DropForeignKey{fk});
  }
}

void push_dropped_indexes(Steps& steps, const DifferDatabase& db, const ForeignKeyIndexPlan& fk_indexes) {
  std::set<sql::IndexId> dropped;
  for (const TablePairDiff& pair : db.table_pairs) {
    if (pair.redefine) continue;
    for (sql::IndexId i : db.dropped_indexes(pair)) {
      // MySQL: indexes a kept foreign key still stands on (differ_fk_indexes.hpp).
      if (fk_indexes.kept.count(i) || fk_indexes.dropped_by_database.count(i)) continue;
      dropped.insert(i);
    }
  }
  // SQLite: with redefinitions around, indexes of dropped tables are dropped explicitly first
  // (redefinitions recreate the indexes they need for new foreign keys).
  if (db.any_table_redefined() && db.hooks.should_drop_indexes_from_dropped_tables())
    for (sql::TableId t : db.dropped_tables)
      for (sql::IndexId i : db.previous.table(t).indexes)
        if (db.previous.index(i).type != sql::IndexType::PrimaryKey) dropped.insert(i);
  for (sql::IndexId i : dropped) steps.push_back(sql::DropIndex{i});
}

void push_created_indexes(Steps& steps, const DifferDatabase& db, const ForeignKeyIndexPlan& fk_indexes) {
  for (const TablePairDiff& pair : db.table_pairs) {
    if (pair.redefine) continue;
    for (sql::IndexId i : db.created_indexes(pair))
      if (!fk_indexes.made_by_database.count(i)) steps.push_back(sql::CreateIndex{pair.ids.previous, pair.ids.next, i, false});
    for (const auto& ip : db.index_pairs(pair))
      if (fk_indexes.created_instead_of_renamed.count(ip.next))
        steps.push_back(sql::CreateIndex{pair.ids.previous, pair.ids.next, ip.next, false});
    if (!db.hooks.indexes_should_be_recreated_after_column_drop()) continue;
    std::set<sql::ColumnId> recreated;  // next ids of columns dropped and re-added for a type change
    for (const ColumnPairDiff& cp : pair.column_pairs)
      if (cp.type_change == sql::ColumnTypeChange::NotCastable) recreated.insert(cp.ids.next);
    if (recreated.empty()) continue;
    for (const auto& ip : db.index_pairs(pair)) {
      const auto& cols = db.next.index(ip.next).columns;
      if (std::any_of(cols.begin(), cols.end(), [&](const sql::IndexColumn& c) { return recreated.count(c.column) > 0; }))
        steps.push_back(sql::CreateIndex{pair.ids.previous, pair.ids.next, ip.next, true});
    }
  }
}

std::vector<sql::TableChange> alter_columns(const TablePairDiff& pair) {
  std::vector<std::pair<sql::Pair<sql::ColumnId>, sql::TableChange>> changes;
  for (const ColumnPairDiff& cp : pair.column_pairs) {
    if (!cp.changes.any()) continue;
    if (cp.type_change == sql::ColumnTypeChange::NotCastable)
      changes.emplace_back(cp.ids, sql::DropAndRecreateColumn{cp.ids, cp.changes});
    else
      changes.emplace_back(cp.ids, sql::AlterColumn{cp.ids, cp.changes, cp.type_change});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<sql::TableChange> out;
  for (auto& c : changes) out.push_back(std::move(c.second));
  return out;
}

bool recreates_primary_key_column(const DifferDatabase& db, const TablePairDiff& pair) {
  const auto pk = db.previous.primary_key(pair.ids.previous);
  if (!pk) return false;
  for (const ColumnPairDiff& cp : pair.column_pairs) {
    if (cp.type_change != sql::ColumnTypeChange::NotCastable || !cp.changes.any()) continue;
    for (const auto& c : db.previous.index(*pk).columns)
      if (c.column == cp.ids.previous) return true;
  }
  return false;
}

bool both_have_primary_keys(const DifferDatabase& db, const TablePairDiff& pair) {
  return db.previous.primary_key(pair.ids.previous) && db.next.primary_key(pair.ids.next);
}

bool has_dropped_primary_key(const DifferDatabase& db, const TablePairDiff& pair) {
  if (both_have_primary_keys(db, pair) && db.hooks.can_alter_primary_keys()) return false;
  const bool from_schema = db.dropped_primary_key(pair) || db.primary_key_changed(pair);
  if (from_schema) return true;
  return db.hooks.should_recreate_the_primary_key_on_column_recreate() && recreates_primary_key_column(db, pair);
}

bool has_added_primary_key(const DifferDatabase& db, const TablePairDiff& pair) {
  if (both_have_primary_keys(db, pair) && db.hooks.can_alter_primary_keys()) return false;
  const bool from_schema = db.created_primary_key(pair) || db.primary_key_changed(pair);
  if (from_schema) return true;
  return db.hooks.should_recreate_the_primary_key_on_column_recreate() && recreates_primary_key_column(db, pair);
}

bool has_renamed_primary_key(const DifferDatabase& db, const TablePairDiff& pair) {
  if (!db.hooks.primary_key_names_matter()) return false;
  const auto p = db.previous.primary_key(pair.ids.previous);
  const auto n = db.next.primary_key(pair.ids.next);
  return p && n && db.previous.index(*p).name != db.next.index(*n).name;
}

// Renamed keys are renamed where the database can, else dropped and added (as are keys into a
// redefined table and, on MySQL, keys over an index that must go: ForeignKeyIndexPlan::recreated).
void push_foreign_key_pair_changes(Steps& steps, const DifferDatabase& db, sql::Pair<sql::ForeignKeyId> fks,
                                   const ForeignKeyIndexPlan& fk_indexes) {
  const bool recreated_for_index =
      std::find(fk_indexes.recreated.begin(), fk_indexes.recreated.end(), fks) != fk_indexes.recreated.end();
  switch (foreign_key_pair_change(db, fks)) {
    case ForeignKeyPairChange::Rename:
      steps.push_back(sql::RenameForeignKey{fks});
      return;
    case ForeignKeyPairChange::Recreate:
      steps.push_back(sql::DropForeignKey{fks.previous});
      steps.push_back(sql::AddForeignKey{fks.next});
      return;
    case ForeignKeyPairChange::None:
      if (recreated_for_index) {
        steps.push_back(sql::DropForeignKey{fks.previous});
        steps.push_back(sql::AddForeignKey{fks.next});
      }
      return;
  }
}

void push_altered_tables(Steps& steps, const DifferDatabase& db, const ForeignKeyIndexPlan& fk_indexes) {
  for (const TablePairDiff& pair : db.table_pairs) {
    if (pair.redefine) continue;
    for (sql::ForeignKeyId fk : db.created_foreign_keys(pair)) steps.push_back(sql::AddForeignKey{fk});
    for (sql::ForeignKeyId fk : db.dropped_foreign_keys(pair)) steps.push_back(sql::DropForeignKey{fk});
    for (const auto& fks : db.foreign_key_pairs(pair)) push_foreign_key_pair_changes(steps, db, fks, fk_indexes);

    if (db.hooks.can_alter_primary_keys() && both_have_primary_keys(db, pair)) {
      const auto& a = db.previous.index(*db.previous.primary_key(pair.ids.previous)).columns;
      const auto& b = db.next.index(*db.next.primary_key(pair.ids.next)).columns;
      bool same = a.size() == b.size();
      for (std::size_t i = 0; same && i < a.size(); ++i)
        same = db.previous.column(a[i].column).name == db.next.column(b[i].column).name;
      if (!same) steps.push_back(sql::AlterPrimaryKey{pair.ids});
    }

    for (const auto& ip : db.index_pairs(pair)) {
      if (!db.hooks.index_should_be_renamed(db.previous.index(ip.previous), db.next.index(ip.next))) continue;
      if (fk_indexes.not_renamed.count(ip.next)) continue;
      if (db.hooks.can_rename_index())
        steps.push_back(sql::RenameIndex{ip});
      else
        steps.push_back(sql::RedefineIndex{ip});
    }

    // The order of changes matters to the renderers.
    std::vector<sql::TableChange> changes;
    if (has_dropped_primary_key(db, pair)) changes.push_back(sql::DropPrimaryKey{});
    if (has_renamed_primary_key(db, pair)) changes.push_back(sql::RenamePrimaryKey{});
    for (sql::ColumnId c : pair.dropped_columns) changes.push_back(sql::DropColumn{c});
    for (sql::ColumnId c : pair.added_columns) changes.push_back(sql::AddColumn{c, db.has_prisma_level_default(c)});
    for (auto& c : alter_columns(pair)) changes.push_back(std::move(c));
    if (has_added_primary_key(db, pair)) changes.push_back(sql::AddPrimaryKey{});
    if (!changes.empty()) steps.push_back(sql::AlterTable{pair.ids, std::move(changes)});
  }
}

void push_redefined_tables(Steps& steps, const DifferDatabase& db) {
  if (!db.any_table_redefined()) return;
  sql::RedefineTables redefine;
  for (const TablePairDiff& pair : db.table_pairs) {
    if (!pair.redefine) continue;
    sql::RedefineTable t;
    t.table = pair.ids;
    t.dropped_primary_key = has_dropped_primary_key(db, pair);
    t.added_columns = pair.added_columns;
    for (sql::ColumnId c : pair.added_columns)
      if (db.has_prisma_level_default(c)) t.added_columns_with_virtual_defaults.push_back(c);
    t.dropped_columns = pair.dropped_columns;
    for (const ColumnPairDiff& cp : pair.column_pairs) t.column_pairs.push_back({cp.ids, cp.changes, cp.type_change});
    redefine.tables.push_back(std::move(t));
  }
  steps.push_back(std::move(redefine));
}

// Native enums (PostgreSQL, and MySQL's inline ENUM columns through column types): paired by
// (namespace, name).
void push_enum_steps(Steps& steps, const DifferDatabase& db) {
  if (!db.hooks.has_native_enums()) return;
  auto key = [](const sql::SqlSchema& s, const sql::Enum& e) { return s.namespaces.at(e.ns.value).name + '\0' + e.name; };
  std::unordered_map<std::string, std::uint32_t> previous_by_key;
  for (std::uint32_t i = 0; i < db.previous.enums.size(); ++i) previous_by_key.emplace(key(db.previous, db.previous.enums[i]), i);
  std::set<std::uint32_t> paired;
  for (std::uint32_t i = 0; i < db.next.enums.size(); ++i) {
    const sql::Enum& n = db.next.enums[i];
    auto it = previous_by_key.find(key(db.next, n));
    if (it == previous_by_key.end()) {
      steps.push_back(sql::CreateEnum{sql::EnumId{i}});
      continue;
    }
    paired.insert(it->second);
    const sql::Enum& p = db.previous.enums[it->second];
    sql::AlterEnum alter;
    alter.enum_id = {sql::EnumId{it->second}, sql::EnumId{i}};
    for (const auto& v : n.values)
      if (std::find(p.values.begin(), p.values.end(), v) == p.values.end()) alter.created_values.push_back(v);
    for (const auto& v : p.values)
      if (std::find(n.values.begin(), n.values.end(), v) == n.values.end()) alter.dropped_values.push_back(v);
    if (alter.created_values.empty() && alter.dropped_values.empty()) continue;
    if (!alter.dropped_values.empty()) {
      // Defaults using the enum must be dropped and reinstalled around the type swap.
      for (const TablePairDiff& pair : db.table_pairs)
        for (const ColumnPairDiff& cp : pair.column_pairs) {
          const sql::Column& pc = db.previous.column(cp.ids.previous);
          if (pc.type.family != sql::ColumnTypeFamily::Enum || pc.type.enum_id != alter.enum_id.previous || !pc.default_value)
            continue;
          const sql::Column& nc = db.next.column(cp.ids.next);
          const bool keeps = nc.type.family == sql::ColumnTypeFamily::Enum && nc.type.enum_id == alter.enum_id.next && nc.default_value;
          alter.previous_usages_as_default.emplace_back(cp.ids.previous, keeps ? std::optional{cp.ids.next} : std::nullopt);
        }
    }
    steps.push_back(std::move(alter));
  }
  for (std::uint32_t i = 0; i < db.previous.enums.size(); ++i)
    if (!paired.count(i)) steps.push_back(sql::DropEnum{sql::EnumId{i}});
}

// After sorting: a dropped unique index (in a table without primary key) that the new primary key
// replaces must be dropped after the key is created, else the table is briefly without any.
void apply_partial_order_permutations(Steps& steps, const DifferDatabase& db) {
  std::size_t i = 0;
  while (i < steps.size()) {
    const auto* drop = std::get_if<sql::DropIndex>(&steps[i]);
    if (!drop) {
      ++i;
      continue;
    }
    const sql::Index& index = db.previous.index(drop->index);
    if (index.type != sql::IndexType::Unique || db.previous.primary_key(index.table)) {
      ++i;
      continue;
    }
    std::optional<std::size_t> target;
    for (std::size_t j = i + 1; j < steps.size() && !target; ++j) {
      const auto* alter = std::get_if<sql::AlterTable>(&steps[j]);
      if (!alter || alter->table.previous != index.table) continue;
      const bool adds_pk = std::any_of(alter->changes.begin(), alter->changes.end(),
                                       [](const sql::TableChange& c) { return std::holds_alternative<sql::AddPrimaryKey>(c); });
      if (!adds_pk) continue;
      auto in_index = [&](sql::ColumnId c) {
        return std::any_of(index.columns.begin(), index.columns.end(), [&](const sql::IndexColumn& ic) { return ic.column == c; });
      };
      const bool keeps_columns = std::all_of(alter->changes.begin(), alter->changes.end(), [&](const sql::TableChange& c) {
        if (const auto* d = std::get_if<sql::DropColumn>(&c)) return !in_index(d->column);
        if (const auto* r = std::get_if<sql::DropAndRecreateColumn>(&c)) return !in_index(r->column.previous);
        return true;
      });
      if (!keeps_columns) continue;
      const auto pk = db.next.primary_key(alter->table.next);
      if (!pk) continue;
      const auto& pk_cols = db.next.index(*pk).columns;
      bool same = pk_cols.size() == index.columns.size();
      for (std::size_t k = 0; same && k < pk_cols.size(); ++k)
        same = db.previous.column(index.columns[k].column).name == db.next.column(pk_cols[k].column).name;
      if (same) target = j;
    }
    if (target) {
      sql::Step moved = std::move(steps[i]);
      steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(i));
      steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(*target), std::move(moved));
      // The element now at i has not been looked at yet.
    } else {
      ++i;
    }
  }
}

// PostgreSQL extensions, paired by name (Prisma's push_extension_steps): one only in `next` is
// created; one in both that differs in a version or schema both sides state is dropped and
// created again when neither side is relocatable, else altered. An extension only in `previous`
// is left alone (Prisma never drops an extension the schema does not list).
void push_extension_steps(Steps& steps, const sql::SqlSchema& previous, const sql::SqlSchema& next) {
  const auto differs = [](const std::string& a, const std::string& b) { return !a.empty() && !b.empty() && a != b; };
  for (std::uint32_t n = 0; n < next.extensions.size(); ++n) {
    const sql::Extension& ext = next.extensions[n];
    std::optional<std::uint32_t> match;
    for (std::uint32_t p = 0; p < previous.extensions.size() && !match; ++p)
      if (previous.extensions[p].name == ext.name) match = p;
    if (!match) {
      steps.push_back(sql::CreateExtension{sql::ExtensionId{n}});
      continue;
    }
    const sql::Extension& prev = previous.extensions[*match];
    const bool version_changed = differs(prev.version, ext.version);
    const bool schema_changed = differs(prev.schema, ext.schema);
    if (!version_changed && !schema_changed) continue;
    if (!prev.relocatable && !ext.relocatable) {
      steps.push_back(sql::DropExtension{sql::ExtensionId{*match}});
      steps.push_back(sql::CreateExtension{sql::ExtensionId{n}});
      continue;
    }
    sql::AlterExtension alter{{sql::ExtensionId{*match}, sql::ExtensionId{n}}, {}};
    if (version_changed) alter.changes.push_back(sql::ExtensionChange::AlterVersion);
    if (schema_changed) alter.changes.push_back(sql::ExtensionChange::AlterSchema);
    steps.push_back(std::move(alter));
  }
}

}  // namespace

sql::Migration diff_schemas(const sql::SqlSchema& previous, const sql::SqlSchema& next, const dialect::DifferHooks& hooks,
                            const std::vector<sql::ColumnId>& next_prisma_level_defaults) {
  const DifferDatabase db(previous, next, hooks, next_prisma_level_defaults);
  sql::Migration migration;
  migration.previous = &previous;
  migration.next = &next;
  Steps& steps = migration.steps;
  push_created_schemas(steps, db);
  push_extension_steps(steps, previous, next);
  push_created_tables(steps, db);
  push_dropped_tables(steps, db);
  const ForeignKeyIndexPlan fk_indexes = plan_foreign_key_indexes(db);
  push_dropped_indexes(steps, db, fk_indexes);
  push_created_indexes(steps, db, fk_indexes);
  push_altered_tables(steps, db, fk_indexes);
  push_redefined_tables(steps, db);
  push_enum_steps(steps, db);
  std::sort(steps.begin(), steps.end());
  apply_partial_order_permutations(steps, db);
  return migration;
}

}  // namespace prismapp::diff
