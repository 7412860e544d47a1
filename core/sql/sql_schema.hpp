// SqlSchema: the one database-neutral description of a database's structure. What the Prisma
// schema asks for (calculator), what a live database has (describer) and what a migration
// history builds (shadow database) all become SqlSchema values; the differ compares two of them.
// Flat arenas with typed ids, like Prisma's sql-schema-describer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/db/ids.hpp"

namespace prismapp::sql {

template <typename Tag>
using Id = schema::db::Id<Tag>;
using NamespaceId = Id<struct NamespaceTag>;
using TableId = Id<struct TableTag>;
using ColumnId = Id<struct ColumnTag>;
using IndexId = Id<struct SqlIndexTag>;
using ForeignKeyId = Id<struct ForeignKeyTag>;
using EnumId = Id<struct SqlEnumTag>;
using ViewId = Id<struct ViewTag>;
using ExtensionId = Id<struct ExtensionTag>;

// What kind of value a column holds, independent of the database's spelling.
enum class ColumnTypeFamily { Int, BigInt, Float, Decimal, Boolean, String, DateTime, Binary, Json, Uuid, Enum, Unsupported };
enum class ColumnArity { Required, Nullable, List };

struct ColumnType {
  ColumnTypeFamily family = ColumnTypeFamily::String;
  ColumnArity arity = ColumnArity::Required;
  EnumId enum_id;              // family == Enum
  std::string full_data_type;  // as the database spells it in DDL: "TEXT", "VARCHAR(191)", "INTEGER"
  // The Prisma native type it corresponds to, canonically printed ("VarChar(191)", "Timestamp(3)"),
  // when there is one; used to compare a calculated column with a described one.
  std::optional<std::string> native_type;
};

// A literal default value.
struct SqlValue {
  enum class Kind { Null, String, Int, Float, Boolean, Bytes, Json, EnumValue, DateTime, List } kind = Kind::Null;
  std::string text;             // the value (strings unescaped; numbers as written; bytes base64)
  std::vector<SqlValue> items;  // Kind::List
};

struct DefaultValue {
  enum class Kind {
    Value,        // a literal (SqlValue)
    Now,          // now() / CURRENT_TIMESTAMP
    Sequence,     // nextval('seq') (PostgreSQL autoincrement is represented by auto_increment instead)
    DbGenerated,  // dbgenerated("expr") or an expression the describer could not classify
    UniqueRowid,  // CockroachDB unique_rowid()
  } kind = Kind::Value;
  SqlValue value;                          // Kind::Value
  std::string expression;                  // Kind::Sequence / DbGenerated; for a Value, the database's own
                                           // text when db pull must write it as dbgenerated (PG timestamps)
  std::optional<std::string> constraint_name;  // SQL Server named defaults
};

struct Column {
  TableId table;
  std::string name;
  ColumnType type;
  bool auto_increment = false;
  std::optional<DefaultValue> default_value;
  std::optional<std::string> description;
};

struct Namespace {
  std::string name;
};

struct Table {
  NamespaceId ns;
  std::string name;
  std::vector<ColumnId> columns;       // in declaration order
  std::vector<IndexId> indexes;        // the primary key (if any) is also an index of type PrimaryKey
  std::vector<ForeignKeyId> foreign_keys;
  std::optional<std::string> description;
};

enum class SortOrder { Asc, Desc };
enum class IndexType { PrimaryKey, Unique, Normal, Fulltext };

struct IndexColumn {
  ColumnId column;
  std::optional<SortOrder> sort_order;
  std::optional<std::uint32_t> length;          // MySQL prefix length
  std::optional<std::string> operator_class;    // PostgreSQL (canonical Prisma name or raw text)
};

struct Index {
  TableId table;
  std::string name;  // constraint / index name (for SQLite primary keys possibly empty)
  IndexType type = IndexType::Normal;
  std::vector<IndexColumn> columns;
  std::optional<std::string> algorithm;  // "BTree", "Hash", "Gin", ... (PostgreSQL)
  std::optional<bool> clustered;         // SQL Server
  // MySQL: the index the database creates by itself for a foreign key no index covers, named after
  // the constraint (set by the calculator, core/sql/foreign_key_indexes.hpp). Never rendered: adding
  // the foreign key creates it. A described schema cannot tell it apart and leaves this false.
  bool implicit_for_foreign_key = false;
};

enum class ForeignKeyAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

struct ForeignKey {
  TableId table;
  std::optional<std::string> constraint_name;  // SQLite may have none
  TableId referenced_table;
  std::vector<ColumnId> columns;
  std::vector<ColumnId> referenced_columns;
  ForeignKeyAction on_delete = ForeignKeyAction::NoAction;
  ForeignKeyAction on_update = ForeignKeyAction::NoAction;
};

struct Enum {
  NamespaceId ns;
  std::string name;
  std::vector<std::string> values;
};

struct View {
  NamespaceId ns;
  std::string name;
  std::optional<std::string> definition;
  // The view's columns as the database reports them (Column::table is unused). Read by `db pull`
  // (views preview feature); migrations never diff views, as in Prisma.
  std::vector<Column> columns;
};

// A PostgreSQL extension (postgresqlExtensions preview feature): as pg_extension has it
// (described), or as the datasource's `extensions = [...]` asks for it (calculated: the database
// name, and schema/version only when written, else empty).
struct Extension {
  std::string name;
  std::string schema;   // "" = any
  std::string version;  // "" = any
  bool relocatable = false;
};

class SqlSchema {
 public:
  std::vector<Namespace> namespaces;  // namespaces[0] is the default one ("" when the dialect has none)
  std::vector<Table> tables;
  std::vector<Column> columns;
  std::vector<Index> indexes;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Enum> enums;
  std::vector<View> views;
  std::vector<Extension> extensions;  // PostgreSQL only; sorted by name
  // PostgreSQL with `schemas = [...]` (multi-schema): every object name is qualified with its
  // namespace in DDL and every used namespace is created. Off (SQLite, MySQL, single-schema
  // PostgreSQL): names stay unqualified and namespaces[0] is never created.
  bool explicit_namespaces = false;

  SqlSchema() { namespaces.push_back(Namespace{""}); }

  const Table& table(TableId id) const { return tables.at(id.value); }
  const Column& column(ColumnId id) const { return columns.at(id.value); }
  const Index& index(IndexId id) const { return indexes.at(id.value); }
  const ForeignKey& foreign_key(ForeignKeyId id) const { return foreign_keys.at(id.value); }
  const Enum& enum_(EnumId id) const { return enums.at(id.value); }
  const View& view(ViewId id) const { return views.at(id.value); }
  const Extension& extension(ExtensionId id) const { return extensions.at(id.value); }

  // Builders keep the per-table id lists in sync.
  NamespaceId add_namespace(std::string name);
  TableId add_table(std::string name, NamespaceId ns = NamespaceId{0});
  ColumnId add_column(TableId table, Column column);
  IndexId add_index(Index index);
  ForeignKeyId add_foreign_key(ForeignKey fk);
  EnumId add_enum(Enum e);
  ViewId add_view(View v);

  std::optional<TableId> find_table(std::string_view name, NamespaceId ns = NamespaceId{0}) const;
  std::optional<ColumnId> find_column(TableId table, std::string_view name) const;
  std::optional<EnumId> find_enum(std::string_view name, NamespaceId ns = NamespaceId{0}) const;
  std::optional<IndexId> primary_key(TableId table) const;
};

const char* column_type_family_name(ColumnTypeFamily family);
const char* foreign_key_action_sql(ForeignKeyAction action);  // "CASCADE", "SET NULL", ...

}  // namespace prismapp::sql
