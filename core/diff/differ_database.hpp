// The differ's pairing of two SqlSchemas (Prisma's DifferDatabase): tables paired by
// (namespace, name), columns by name within a table pair, with each column pair's changes
// computed once. Everything the step builders (differ.cpp) need is answered from here with hash
// lookups, so diffing two large schemas stays linear in their size.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/dialect/differ_hooks.hpp"
#include "core/sql/migration_steps.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::diff {

struct ColumnPairDiff {
  sql::Pair<sql::ColumnId> ids;
  sql::ColumnChanges changes;
  std::optional<sql::ColumnTypeChange> type_change;
};

// One table present in both schemas.
struct TablePairDiff {
  sql::Pair<sql::TableId> ids;
  // Sorted by column name (Prisma keeps them in a BTreeMap keyed by name; the redefinition's
  // INSERT ... SELECT column order follows from it).
  std::vector<ColumnPairDiff> column_pairs;
  std::vector<sql::ColumnId> added_columns;    // next, by name
  std::vector<sql::ColumnId> dropped_columns;  // previous, by name
  bool redefine = false;
};

class DifferDatabase {
 public:
  DifferDatabase(const sql::SqlSchema& previous, const sql::SqlSchema& next, const dialect::DifferHooks& hooks,
                 const std::vector<sql::ColumnId>& next_prisma_level_defaults);

  const sql::SqlSchema& previous;
  const sql::SqlSchema& next;
  const dialect::DifferHooks& hooks;

  std::vector<sql::TableId> created_tables;  // next, in next's order
  std::vector<sql::TableId> dropped_tables;  // previous, in previous's order
  std::vector<TablePairDiff> table_pairs;    // in previous's order

  // The column pair's changes; nullptr when the two columns are not a pair.
  const ColumnPairDiff* column_pair(sql::Pair<sql::ColumnId> ids) const;
  bool table_is_redefined(const sql::SqlSchema& schema, sql::TableId table) const;  // schema: previous
  bool any_table_redefined() const { return any_redefined_; }

  // ---- per-table-pair questions (Prisma's TableDiffer) ---------------------------------------
  std::vector<sql::ForeignKeyId> created_foreign_keys(const TablePairDiff&) const;
  std::vector<sql::ForeignKeyId> dropped_foreign_keys(const TablePairDiff&) const;
  std::vector<sql::Pair<sql::ForeignKeyId>> foreign_key_pairs(const TablePairDiff&) const;
  std::vector<sql::IndexId> created_indexes(const TablePairDiff&) const;
  std::vector<sql::IndexId> dropped_indexes(const TablePairDiff&) const;
  std::vector<sql::Pair<sql::IndexId>> index_pairs(const TablePairDiff&) const;
  bool primary_key_changed(const TablePairDiff&) const;
  bool created_primary_key(const TablePairDiff&) const;
  bool dropped_primary_key(const TablePairDiff&) const;
  bool any_column_changed(const TablePairDiff&) const;
  bool foreign_keys_match(sql::ForeignKeyId previous_fk, sql::ForeignKeyId next_fk) const;
  bool indexes_match(const sql::Index& previous_index, const sql::Index& next_index) const;
  bool has_prisma_level_default(sql::ColumnId next_column) const;

 private:
  std::string table_key(const sql::SqlSchema& schema, sql::TableId table) const;
  void enum_values_change(ColumnPairDiff& pair) const;
  // (previous column << 32 | next column) -> (table_pairs slot, column_pairs slot)
  std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> column_pair_index_;
  std::unordered_map<std::uint32_t, std::size_t> pair_of_previous_table_;  // previous table id -> table_pairs slot
  bool any_redefined_ = false;
  std::unordered_set<std::uint32_t> prisma_level_defaults_;  // next column ids
};

// Whether two column defaults are the same for migration purposes (Prisma's defaults_match).
bool defaults_match(const sql::Column& previous, const sql::Column& next, const dialect::DifferHooks& hooks);

sql::ColumnChanges column_changes(const sql::Column& previous, const sql::Column& next,
                                  const dialect::DifferHooks& hooks,
                                  std::optional<sql::ColumnTypeChange>& type_change_out);

}  // namespace prismapp::diff
