#include "core/sql/foreign_key_indexes.hpp"

namespace prismapp::sql {

bool index_covers_foreign_key(const SqlSchema& index_schema, const Index& index, const SqlSchema& fk_schema,
                              const ForeignKey& fk) {
  if (index.type == IndexType::Fulltext || fk.columns.empty() || fk.columns.size() > index.columns.size()) return false;
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    const IndexColumn& ic = index.columns[i];
    if (ic.length) return false;  // a prefix cannot check whole values
    if (index_schema.column(ic.column).name != fk_schema.column(fk.columns[i]).name) return false;
  }
  return true;
}

std::optional<ForeignKeyId> implicit_index_foreign_key(const SqlSchema& schema, IndexId id) {
  const Index& index = schema.index(id);
  if (index.type != IndexType::Normal) return std::nullopt;
  for (ForeignKeyId fk_id : schema.table(index.table).foreign_keys) {
    const ForeignKey& fk = schema.foreign_key(fk_id);
    if (!fk.constraint_name || *fk.constraint_name != index.name || fk.columns.size() != index.columns.size()) continue;
    if (!index_covers_foreign_key(schema, index, schema, fk)) continue;
    bool descending = false;
    for (const IndexColumn& ic : index.columns) descending = descending || ic.sort_order == SortOrder::Desc;
    if (!descending) return fk_id;
  }
  return std::nullopt;
}

void add_implicit_foreign_key_indexes(SqlSchema& schema) {
  const std::size_t fk_count = schema.foreign_keys.size();
  for (std::uint32_t i = 0; i < fk_count; ++i) {
    const ForeignKey fk = schema.foreign_keys[i];
    if (!fk.constraint_name) continue;
    bool covered = false;
    for (IndexId index : schema.table(fk.table).indexes)
      covered = covered || index_covers_foreign_key(schema, schema.index(index), schema, fk);
    if (covered) continue;
    Index index;
    index.table = fk.table;
    index.name = *fk.constraint_name;
    index.type = IndexType::Normal;
    for (ColumnId c : fk.columns) index.columns.push_back(IndexColumn{c, std::nullopt, std::nullopt, std::nullopt});
    index.implicit_for_foreign_key = true;
    schema.add_index(std::move(index));
  }
}

}  // namespace prismapp::sql
