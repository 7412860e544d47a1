// Migration steps: the differ's output and the renderers' input. A closed set in Prisma's order
// (SqlMigrationStep in sql-schema-connector/src/sql_migration.rs): steps are sorted first by kind
// (the variant index below), then by the ids they carry, which is what makes scripts come out in
// Prisma's order. Ids refer to the `previous` or `next` SqlSchema as named.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/sql/sql_schema.hpp"

namespace prismapp::sql {

template <typename T>
struct Pair {
  T previous;
  T next;
  auto operator<=>(const Pair&) const = default;
};

// What changed about a column (Prisma's ColumnChanges bit set).
struct ColumnChanges {
  bool type = false;
  bool arity = false;
  bool default_value = false;
  bool autoincrement = false;
  bool any() const { return type || arity || default_value || autoincrement; }
  auto operator<=>(const ColumnChanges&) const = default;
};

enum class ColumnTypeChange { RiskyCast, SafeCast, NotCastable };

struct AddColumn {
  ColumnId column;  // next
  bool has_virtual_default = false;
  auto operator<=>(const AddColumn&) const = default;
};
struct AlterColumn {
  Pair<ColumnId> column;
  ColumnChanges changes;
  std::optional<ColumnTypeChange> type_change;
  auto operator<=>(const AlterColumn&) const = default;
};
struct DropColumn {
  ColumnId column;  // previous
  auto operator<=>(const DropColumn&) const = default;
};
struct DropAndRecreateColumn {
  Pair<ColumnId> column;
  ColumnChanges changes;
  auto operator<=>(const DropAndRecreateColumn&) const = default;
};
struct DropPrimaryKey {
  auto operator<=>(const DropPrimaryKey&) const = default;
};
struct AddPrimaryKey {
  auto operator<=>(const AddPrimaryKey&) const = default;
};
struct RenamePrimaryKey {
  auto operator<=>(const RenamePrimaryKey&) const = default;
};
using TableChange =
    std::variant<AddColumn, AlterColumn, DropColumn, DropAndRecreateColumn, DropPrimaryKey, AddPrimaryKey, RenamePrimaryKey>;

// ---- steps, in Prisma's order -------------------------------------------------------------------
struct CreateSchema {
  NamespaceId ns;  // next
  auto operator<=>(const CreateSchema&) const = default;
};
// PostgreSQL extensions (Prisma's DropExtension / CreateExtension / AlterExtension): a changed
// non-relocatable extension is dropped and created again, a relocatable one altered.
struct DropExtension {
  ExtensionId extension;  // previous
  auto operator<=>(const DropExtension&) const = default;
};
struct CreateExtension {
  ExtensionId extension;  // next
  auto operator<=>(const CreateExtension&) const = default;
};
enum class ExtensionChange { AlterVersion, AlterSchema };
struct AlterExtension {
  Pair<ExtensionId> extension;
  std::vector<ExtensionChange> changes;
  auto operator<=>(const AlterExtension&) const = default;
};
struct DropView {
  ViewId view;  // previous
  auto operator<=>(const DropView&) const = default;
};
struct CreateEnum {
  EnumId enum_id;  // next
  auto operator<=>(const CreateEnum&) const = default;
};
struct AlterEnum {
  Pair<EnumId> enum_id;
  std::vector<std::string> created_values;
  std::vector<std::string> dropped_values;
  // (previous column, next column if it keeps this enum as default) for defaults to reinstall.
  std::vector<std::pair<ColumnId, std::optional<ColumnId>>> previous_usages_as_default;
  auto operator<=>(const AlterEnum&) const = default;
};
struct DropForeignKey {
  ForeignKeyId foreign_key;  // previous
  auto operator<=>(const DropForeignKey&) const = default;
};
struct DropIndex {
  IndexId index;  // previous
  auto operator<=>(const DropIndex&) const = default;
};
struct AlterTable {
  Pair<TableId> table;
  std::vector<TableChange> changes;
  auto operator<=>(const AlterTable&) const = default;
};
struct AlterPrimaryKey {
  Pair<TableId> table;
  auto operator<=>(const AlterPrimaryKey&) const = default;
};
struct DropTable {
  TableId table;  // previous
  auto operator<=>(const DropTable&) const = default;
};
struct DropEnum {
  EnumId enum_id;  // previous
  auto operator<=>(const DropEnum&) const = default;
};
struct CreateTable {
  TableId table;  // next
  auto operator<=>(const CreateTable&) const = default;
};
// SQLite (and others when ALTER cannot express a change): copy into a new table and swap.
struct RedefineTable {
  Pair<TableId> table;
  std::vector<ColumnId> added_columns;                       // next
  std::vector<ColumnId> added_columns_with_virtual_defaults;  // next
  std::vector<ColumnId> dropped_columns;                     // previous
  bool dropped_primary_key = false;
  struct ColumnPair {
    Pair<ColumnId> column;
    ColumnChanges changes;
    std::optional<ColumnTypeChange> type_change;
    auto operator<=>(const ColumnPair&) const = default;
  };
  std::vector<ColumnPair> column_pairs;
  auto operator<=>(const RedefineTable&) const = default;
};
struct RedefineTables {
  std::vector<RedefineTable> tables;
  auto operator<=>(const RedefineTables&) const = default;
};
struct CreateIndex {
  std::optional<TableId> previous_table;  // set when the table existed before
  TableId table;                          // next
  IndexId index;                          // next
  bool from_drop_and_recreate = false;
  auto operator<=>(const CreateIndex&) const = default;
};
struct RenameForeignKey {
  Pair<ForeignKeyId> foreign_key;
  auto operator<=>(const RenameForeignKey&) const = default;
};
struct AddForeignKey {
  ForeignKeyId foreign_key;  // next
  auto operator<=>(const AddForeignKey&) const = default;
};
struct RenameIndex {
  Pair<IndexId> index;
  auto operator<=>(const RenameIndex&) const = default;
};
struct RedefineIndex {
  Pair<IndexId> index;
  auto operator<=>(const RedefineIndex&) const = default;
};

// Prisma also has AlterSequence (CockroachDB) and DropUserDefinedType (SQL Server) around DropView.
using Step = std::variant<CreateSchema, DropExtension, CreateExtension, AlterExtension, DropView, CreateEnum, AlterEnum, DropForeignKey, DropIndex, AlterTable,
                          AlterPrimaryKey, DropTable, DropEnum, CreateTable, RedefineTables, CreateIndex,
                          RenameForeignKey, AddForeignKey, RenameIndex, RedefineIndex>;

// "CreateTable", "AddForeignKey", ...: the `-- StepName` header of each script section.
const char* step_name(const Step& step);

struct Migration {
  const SqlSchema* previous = nullptr;
  const SqlSchema* next = nullptr;
  std::vector<Step> steps;  // sorted
};

}  // namespace prismapp::sql
