#include "core/diff/differ_fk_indexes.hpp"

#include <algorithm>
#include <optional>

#include "core/sql/foreign_key_indexes.hpp"

namespace prismapp::diff {
namespace {

bool is_implicit_m2m(const sql::SqlSchema& s, sql::TableId t) {
  return s.table(t).columns.size() == 2 && s.find_column(t, "A") && s.find_column(t, "B");
}

bool contains(const std::vector<sql::IndexId>& ids, sql::IndexId id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

void plan_table(const DifferDatabase& db, const TablePairDiff& pair, ForeignKeyIndexPlan& plan) {
  const sql::SqlSchema& prev = db.previous;
  const sql::SqlSchema& next = db.next;
  const auto created = db.created_indexes(pair);
  const auto dropped = db.dropped_indexes(pair);
  const auto fk_pairs = db.foreign_key_pairs(pair);
  auto pair_of = [&](auto pick, sql::ForeignKeyId fk) -> std::optional<sql::Pair<sql::ForeignKeyId>> {
    for (const auto& p : fk_pairs)
      if (pick(p) == fk) return p;
    return std::nullopt;
  };
  auto readded = [&](const sql::Pair<sql::ForeignKeyId>& p) {
    return foreign_key_pair_change(db, p) == ForeignKeyPairChange::Recreate ||
           std::find(plan.recreated.begin(), plan.recreated.end(), p) != plan.recreated.end();
  };

  // Implicit indexes the schema gains.
  std::vector<std::pair<sql::IndexId, sql::Pair<sql::ForeignKeyId>>> pending;
  for (sql::IndexId i : created) {
    if (!next.index(i).implicit_for_foreign_key) continue;
    const auto fk = sql::implicit_index_foreign_key(next, i);
    const auto fks = fk ? pair_of([](const auto& p) { return p.next; }, *fk) : std::nullopt;
    if (!fks || readded(*fks)) {
      plan.made_by_database.insert(i);  // ADD FOREIGN KEY makes it
      continue;
    }
    const sql::ForeignKey& key = prev.foreign_key(fks->previous);
    auto stand_in = std::find_if(dropped.begin(), dropped.end(), [&](sql::IndexId d) {
      return !plan.kept.count(d) && prev.index(d).type == sql::IndexType::Normal &&
             sql::index_covers_foreign_key(prev, prev.index(d), prev, key);
    });
    if (stand_in != dropped.end()) {
      plan.kept.insert(*stand_in);
      plan.made_by_database.insert(i);
      continue;
    }
    pending.emplace_back(i, *fks);
  }

  for (const auto& ip : db.index_pairs(pair)) {
    if (prev.index(ip.previous).name == next.index(ip.next).name) continue;
    if (next.index(ip.next).implicit_for_foreign_key) {
      plan.not_renamed.insert(ip.next);  // the old index stays under the key, named as it was
      continue;
    }
    // The server's own index under a kept key, and the schema now declares an index there: the
    // declared one is created and the server drops its own (Prisma's script: CREATE INDEX only).
    const auto own = sql::implicit_index_foreign_key(prev, ip.previous);
    const auto fks = own ? pair_of([](const auto& p) { return p.previous; }, *own) : std::nullopt;
    if (fks && !readded(*fks)) {
      plan.not_renamed.insert(ip.next);
      plan.created_instead_of_renamed.insert(ip.next);
    }
  }

  // Dropped indexes under keys that stay.
  const sql::Table& table = prev.table(pair.ids.previous);
  for (sql::IndexId d : dropped) {
    if (plan.kept.count(d)) continue;
    for (sql::ForeignKeyId fk_id : table.foreign_keys) {
      const sql::ForeignKey& fk = prev.foreign_key(fk_id);
      if (!sql::index_covers_foreign_key(prev, prev.index(d), prev, fk)) continue;
      const auto fks = pair_of([](const auto& p) { return p.previous; }, fk_id);
      if (!fks || readded(*fks)) continue;  // the key is dropped before its index
      const bool other_stays = std::any_of(table.indexes.begin(), table.indexes.end(), [&](sql::IndexId j) {
        return j != d && (!contains(dropped, j) || plan.kept.count(j)) && sql::index_covers_foreign_key(prev, prev.index(j), prev, fk);
      });
      if (other_stays) continue;
      const bool own_index = sql::implicit_index_foreign_key(prev, d) == fk_id;
      const bool covered_by_new = std::any_of(created.begin(), created.end(), [&](sql::IndexId c) {
        return !plan.made_by_database.count(c) && sql::index_covers_foreign_key(next, next.index(c), prev, fk);
      });
      if (own_index && covered_by_new) {
        plan.dropped_by_database.insert(d);
        break;
      }
      plan.recreated.push_back(*fks);
    }
  }
  for (const auto& [index, fks] : pending)
    if (readded(fks)) plan.made_by_database.insert(index);
}

}  // namespace

ForeignKeyPairChange foreign_key_pair_change(const DifferDatabase& db, sql::Pair<sql::ForeignKeyId> fks) {
  const sql::ForeignKey& prev = db.previous.foreign_key(fks.previous);
  const sql::ForeignKey& next = db.next.foreign_key(fks.next);
  // The referenced table is copied into a new one: its inbound keys must be recreated too.
  if (db.table_is_redefined(db.previous, prev.referenced_table) && !db.hooks.can_redefine_tables_with_inbound_foreign_keys())
    return ForeignKeyPairChange::Recreate;
  if (db.hooks.has_unnamed_foreign_keys()) return ForeignKeyPairChange::None;
  if (!prev.constraint_name || !next.constraint_name || *prev.constraint_name == *next.constraint_name)
    return ForeignKeyPairChange::None;
  // Implicit many-to-many join tables ("A"/"B" columns) once had unnamed keys; renaming them
  // would produce a migration on every upgrade.
  if (is_implicit_m2m(db.previous, prev.table) && is_implicit_m2m(db.next, next.table)) return ForeignKeyPairChange::None;
  return db.hooks.can_rename_foreign_key() ? ForeignKeyPairChange::Rename : ForeignKeyPairChange::Recreate;
}

ForeignKeyIndexPlan plan_foreign_key_indexes(const DifferDatabase& db) {
  ForeignKeyIndexPlan plan;
  if (!db.hooks.should_skip_fk_indexes()) return plan;
  for (const TablePairDiff& pair : db.table_pairs)
    if (!pair.redefine) plan_table(db, pair, plan);
  return plan;
}

}  // namespace prismapp::diff
