#include "core/sql/sql_schema.hpp"

namespace prismapp::sql {
namespace {
template <typename IdT, typename Vec>
IdT next_id(const Vec& v) {
  return IdT{static_cast<std::uint32_t>(v.size())};
}
}  // namespace

NamespaceId SqlSchema::add_namespace(std::string name) {
  const auto id = next_id<NamespaceId>(namespaces);
  namespaces.push_back(Namespace{std::move(name)});
  return id;
}

TableId SqlSchema::add_table(std::string name, NamespaceId ns) {
  const auto id = next_id<TableId>(tables);
  Table t;
  t.ns = ns;
  t.name = std::move(name);
  tables.push_back(std::move(t));
  return id;
}

ColumnId SqlSchema::add_column(TableId table, Column column) {
  const auto id = next_id<ColumnId>(columns);
  column.table = table;
  columns.push_back(std::move(column));
  tables.at(table.value).columns.push_back(id);
  return id;
}

IndexId SqlSchema::add_index(Index index) {
  const auto id = next_id<IndexId>(indexes);
  tables.at(index.table.value).indexes.push_back(id);
  indexes.push_back(std::move(index));
  return id;
}

ForeignKeyId SqlSchema::add_foreign_key(ForeignKey fk) {
  const auto id = next_id<ForeignKeyId>(foreign_keys);
  tables.at(fk.table.value).foreign_keys.push_back(id);
  foreign_keys.push_back(std::move(fk));
  return id;
}

EnumId SqlSchema::add_enum(Enum e) {
  const auto id = next_id<EnumId>(enums);
  enums.push_back(std::move(e));
  return id;
}

ViewId SqlSchema::add_view(View v) {
  const auto id = next_id<ViewId>(views);
  views.push_back(std::move(v));
  return id;
}

std::optional<TableId> SqlSchema::find_table(std::string_view name, NamespaceId ns) const {
  for (std::uint32_t i = 0; i < tables.size(); ++i)
    if (tables[i].name == name && tables[i].ns == ns) return TableId{i};
  return std::nullopt;
}

std::optional<ColumnId> SqlSchema::find_column(TableId table, std::string_view name) const {
  for (ColumnId c : tables.at(table.value).columns)
    if (columns[c.value].name == name) return c;
  return std::nullopt;
}

std::optional<EnumId> SqlSchema::find_enum(std::string_view name, NamespaceId ns) const {
  for (std::uint32_t i = 0; i < enums.size(); ++i)
    if (enums[i].name == name && enums[i].ns == ns) return EnumId{i};
  return std::nullopt;
}

std::optional<IndexId> SqlSchema::primary_key(TableId table) const {
  for (IndexId i : tables.at(table.value).indexes)
    if (indexes[i.value].type == IndexType::PrimaryKey) return i;
  return std::nullopt;
}

const char* column_type_family_name(ColumnTypeFamily family) {
  switch (family) {
    case ColumnTypeFamily::Int: return "Int";
    case ColumnTypeFamily::BigInt: return "BigInt";
    case ColumnTypeFamily::Float: return "Float";
    case ColumnTypeFamily::Decimal: return "Decimal";
    case ColumnTypeFamily::Boolean: return "Boolean";
    case ColumnTypeFamily::String: return "String";
    case ColumnTypeFamily::DateTime: return "DateTime";
    case ColumnTypeFamily::Binary: return "Binary";
    case ColumnTypeFamily::Json: return "Json";
    case ColumnTypeFamily::Uuid: return "Uuid";
    case ColumnTypeFamily::Enum: return "Enum";
    case ColumnTypeFamily::Unsupported: return "Unsupported";
  }
  return "?";
}

const char* foreign_key_action_sql(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::NoAction: return "NO ACTION";
    case ForeignKeyAction::Restrict: return "RESTRICT";
    case ForeignKeyAction::Cascade: return "CASCADE";
    case ForeignKeyAction::SetNull: return "SET NULL";
    case ForeignKeyAction::SetDefault: return "SET DEFAULT";
  }
  return "NO ACTION";
}

}  // namespace prismapp::sql
