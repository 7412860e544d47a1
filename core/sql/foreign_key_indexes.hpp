// The index MySQL/MariaDB create for a foreign key (InnoDB needs one whose leading columns are the
// key's columns; when no index has them, ADD FOREIGN KEY creates one named after the constraint,
// and the server drops that one again by itself when a later index covers the key). Prisma's
// schemas never declare it, so the calculator adds it to the target schema where the database
// will have it, and the differ (core/diff/differ_fk_indexes.cpp) never drops an index a kept
// foreign key still needs.
#pragma once
#include <optional>

#include "core/sql/sql_schema.hpp"

namespace prismapp::sql {

// Whether the database can use `index` (of `index_schema`) for `fk` (of `fk_schema`, possibly
// another schema: columns are compared by name): a non-fulltext index whose leading columns are
// the key's, without prefix lengths.
bool index_covers_foreign_key(const SqlSchema& index_schema, const Index& index, const SqlSchema& fk_schema,
                              const ForeignKey& fk);

// The foreign key `index` is the database-made index of: flagged by the calculator, or (a described
// schema) a plain index named after a key of its table on exactly the key's columns.
std::optional<ForeignKeyId> implicit_index_foreign_key(const SqlSchema& schema, IndexId index);

// Adds, for every named foreign key no index (primary key included) covers, the index the database
// creates for it (flagged implicit_for_foreign_key).
void add_implicit_foreign_key_indexes(SqlSchema& schema);

}  // namespace prismapp::sql
