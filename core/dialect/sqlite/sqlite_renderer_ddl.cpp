#include "core/dialect/sqlite/sqlite_renderer_ddl.hpp"

#include <stdexcept>

namespace prismapp::dialect::sqlite_ddl {
namespace {

constexpr std::string_view kIndent = "    ";

// The one column of a single-column primary key, if the table has such a key.
std::optional<sql::ColumnId> single_primary_key_column(const sql::SqlSchema& s, sql::TableId table) {
  const auto pk = s.primary_key(table);
  if (!pk || s.index(*pk).columns.size() != 1) return std::nullopt;
  return s.index(*pk).columns.front().column;
}

const char* column_type_sql(const sql::ColumnType& t) {
  switch (t.family) {
    case sql::ColumnTypeFamily::Boolean: return "BOOLEAN";
    case sql::ColumnTypeFamily::DateTime: return "DATETIME";
    case sql::ColumnTypeFamily::Float: return "REAL";
    case sql::ColumnTypeFamily::Decimal: return "DECIMAL";
    case sql::ColumnTypeFamily::Int: return "INTEGER";
    case sql::ColumnTypeFamily::BigInt: return "BIGINT";
    case sql::ColumnTypeFamily::String: return "TEXT";
    case sql::ColumnTypeFamily::Binary: return "BLOB";
    case sql::ColumnTypeFamily::Json: return "JSONB";
    case sql::ColumnTypeFamily::Unsupported: return nullptr;  // the database's own spelling
    case sql::ColumnTypeFamily::Enum:  // SQLite has no enums; the calculator stores them as TEXT
    case sql::ColumnTypeFamily::Uuid: break;
  }
  throw std::logic_error("column type family not representable on SQLite");
}

std::string base64_to_hex(std::string_view b64) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : b64) {
    const int v = value(c);
    if (v < 0) continue;  // padding and whitespace
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const unsigned byte = (buffer >> bits) & 0xFFu;
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xFu]);
    }
  }
  return out;
}

}  // namespace

std::string quote(std::string_view identifier) {
  std::string out = "\"";
  out += identifier;
  out += '"';
  return out;
}

std::string quote_string(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string render_default(const sql::DefaultValue& d) {
  using Kind = sql::DefaultValue::Kind;
  using VKind = sql::SqlValue::Kind;
  switch (d.kind) {
    case Kind::Now: return "CURRENT_TIMESTAMP";
    case Kind::DbGenerated: return d.expression;
    case Kind::Sequence:
    case Kind::UniqueRowid: throw std::logic_error("sequence defaults on SQLite");
    case Kind::Value: break;
  }
  switch (d.value.kind) {
    case VKind::String:
    case VKind::EnumValue:
    case VKind::DateTime:
    case VKind::Json: return quote_string(d.value.text);
    case VKind::Bytes: return quote_string(base64_to_hex(d.value.text));
    case VKind::Null: return "null";
    case VKind::Int:
    case VKind::Float:
    case VKind::Boolean:
    case VKind::List: break;
  }
  return d.value.text;  // numbers as written, true / false
}

std::string render_column(const sql::SqlSchema& s, sql::ColumnId id) {
  const sql::Column& c = s.column(id);
  const bool single_pk = single_primary_key_column(s, c.table) == id;
  std::string out = quote(c.name);
  out += ' ';
  const char* type = column_type_sql(c.type);
  out += type ? std::string_view(type) : std::string_view(c.type.full_data_type);
  if (c.type.arity != sql::ColumnArity::Nullable) out += " NOT NULL";
  if (single_pk) out += " PRIMARY KEY";
  // Any single integer primary key is rendered AUTOINCREMENT, as Prisma does.
  if (single_pk && c.type.family == sql::ColumnTypeFamily::Int) out += " AUTOINCREMENT";
  if (c.default_value) {
    const auto& d = *c.default_value;
    const bool renderable = d.kind != sql::DefaultValue::Kind::Sequence &&
                            !(d.kind == sql::DefaultValue::Kind::DbGenerated && d.expression.empty());
    if (renderable) {
      out += " DEFAULT ";
      out += render_default(d);
    }
  }
  return out;
}

std::string render_create_table(const sql::SqlSchema& s, sql::TableId id, std::string_view as_name) {
  const sql::Table& t = s.table(id);
  std::string out = "CREATE TABLE " + quote(as_name) + " (\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ",\n";
    out += kIndent;
    out += render_column(s, t.columns[i]);
  }
  const auto pk = s.primary_key(id);
  if (pk && !single_primary_key_column(s, id)) {
    out += ",\n\n";
    out += kIndent;
    out += "PRIMARY KEY (";
    const auto& cols = s.index(*pk).columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i) out += ", ";
      out += quote(s.column(cols[i].column).name);
    }
    out += ")";
  }
  for (sql::ForeignKeyId fk_id : t.foreign_keys) {
    const sql::ForeignKey& fk = s.foreign_key(fk_id);
    out += ",\n";
    out += kIndent;
    if (fk.constraint_name) out += "CONSTRAINT " + quote(*fk.constraint_name) + " ";
    out += "FOREIGN KEY (";
    for (std::size_t i = 0; i < fk.columns.size(); ++i) {
      if (i) out += ", ";
      out += quote(s.column(fk.columns[i]).name);
    }
    out += ") REFERENCES " + quote(s.table(fk.referenced_table).name) + " (";
    for (std::size_t i = 0; i < fk.referenced_columns.size(); ++i) {
      if (i) out += ", ";
      out += quote(s.column(fk.referenced_columns[i]).name);
    }
    out += ") ON DELETE ";
    out += sql::foreign_key_action_sql(fk.on_delete);
    out += " ON UPDATE ";
    out += sql::foreign_key_action_sql(fk.on_update);
  }
  out += "\n)";
  return out;
}

std::string render_create_index(const sql::SqlSchema& s, sql::IndexId id) {
  const sql::Index& index = s.index(id);
  std::string out = "CREATE ";
  if (index.type == sql::IndexType::Unique) out += "UNIQUE ";
  out += "INDEX " + quote(index.name) + " ON " + quote(s.table(index.table).name) + "(";
  for (std::size_t i = 0; i < index.columns.size(); ++i) {
    if (i) out += ", ";
    out += quote(s.column(index.columns[i].column).name);
    if (index.columns[i].sort_order) out += *index.columns[i].sort_order == sql::SortOrder::Desc ? " DESC" : " ASC";
  }
  out += ")";
  // SQLite reserves sqlite_* names; Prisma writes such indexes through writable_schema.
  if (index.name.rfind("sqlite_", 0) == 0) return "Pragma writable_schema=1;\n" + out + ";\nPragma writable_schema=0";
  return out;
}

}  // namespace prismapp::dialect::sqlite_ddl
