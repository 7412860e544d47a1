// Indexes under foreign keys on databases that need them (DifferHooks::should_skip_fk_indexes:
// MySQL/MariaDB). InnoDB refuses to drop the last index a foreign key can use, creates one named
// after the constraint when a key is added without one, and drops that one itself once another
// index covers the key. The calculated schema models that index (sql::add_implicit_foreign_key_indexes);
// this plan decides, per migration, which index steps the database does by itself and which keys
// must be dropped and re-added so an index under them can go:
//   - a created implicit index is never created by hand: ADD FOREIGN KEY makes it, or a dropped
//     plain index covering the key stays in its place (what Prisma does: it never drops an index
//     backing a kept foreign key);
//   - a previous plain index is never renamed to the implicit index's name (it just stays), and
//     the server's own index is not renamed to a declared one: that one is created, the server
//     drops its own;
//   - a dropped index a kept key still needs, with no other index under the key, goes after the
//     key is dropped, and the key is added again (the database then makes its own index) — unless
//     it is the database's own index and a new index covers the key, which drops it.
#pragma once
#include <set>
#include <vector>

#include "core/diff/differ_database.hpp"

namespace prismapp::diff {

enum class ForeignKeyPairChange { None, Rename, Recreate };

// What the differ does to a paired foreign key whose columns and actions match (name changes).
ForeignKeyPairChange foreign_key_pair_change(const DifferDatabase& db, sql::Pair<sql::ForeignKeyId> fks);

struct ForeignKeyIndexPlan {
  std::set<sql::IndexId> kept;                 // previous: gone from the schema, left in the database
  std::set<sql::IndexId> dropped_by_database;  // previous: the server drops it when the new index comes
  std::set<sql::IndexId> made_by_database;     // next: created indexes nobody creates by hand
  std::set<sql::IndexId> not_renamed;          // next: pairs whose previous index is not renamed
  std::set<sql::IndexId> created_instead_of_renamed;  // next: created; the server drops the previous one
  std::vector<sql::Pair<sql::ForeignKeyId>> recreated;  // kept keys dropped and re-added
};

// Empty unless the hooks say the database indexes foreign keys itself.
ForeignKeyIndexPlan plan_foreign_key_indexes(const DifferDatabase& db);

}  // namespace prismapp::diff
