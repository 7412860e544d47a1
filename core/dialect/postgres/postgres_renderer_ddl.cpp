#include "core/dialect/postgres/postgres_renderer_ddl.hpp"

#include <array>
#include <cctype>

#include "core/dialect/postgres/postgres_quote.hpp"
#include "core/dialect/postgres/postgres_types.hpp"
#include "core/schema/connector/index_algorithm.hpp"

namespace prismapp::dialect::postgres {
namespace {

constexpr std::string_view kIndent = "    ";

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
    if (v < 0) continue;
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

std::string render_constant(const sql::SqlValue& v, const std::string& full_type) {
  using K = sql::SqlValue::Kind;
  switch (v.kind) {
    case K::String:
    case K::EnumValue:
    case K::Json: return quote_string(v.text);
    case K::DateTime: return "'" + v.text + "'";
    case K::Bytes: return "'\\x" + base64_to_hex(v.text) + "'";
    case K::List: {
      std::string out = "ARRAY[";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ", ";
        out += render_constant(v.items[i], full_type);
      }
      return out + "]::" + full_type;
    }
    case K::Null: return "NULL";
    case K::Int:
    case K::Float:
    case K::Boolean: break;
  }
  return v.text;
}

std::string index_algorithm_sql(const std::optional<std::string>& algorithm) {
  if (!algorithm || *algorithm == "BTree") return "";
  if (*algorithm == "SpGist") return " USING SPGIST ";
  std::string upper = *algorithm;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return " USING " + upper + " ";
}

}  // namespace

std::string operator_class_sql(const std::string& name) {
  if (!schema::connector::parse_operator_class(name)) return name;  // raw("...")
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSuffixes{{
      {"MinMaxMultiOps", "_minmax_multi_ops"},
      {"InclusionOps", "_inclusion_ops"},
      {"MinMaxOps", "_minmax_ops"},
      {"BloomOps", "_bloom_ops"},
      {"Ops", "_ops"},
  }};
  for (const auto& [suffix, sql_suffix] : kSuffixes) {
    if (!name.ends_with(suffix)) continue;
    std::string stem = name.substr(0, name.size() - suffix.size());
    if (stem == "JsonbPath") stem = "jsonb_path";
    for (auto& c : stem) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return stem + std::string(sql_suffix);
  }
  return name;
}

std::string render_default(const sql::SqlSchema& schema, const sql::Column& column, const sql::DefaultValue& d) {
  using Kind = sql::DefaultValue::Kind;
  switch (d.kind) {
    case Kind::Now: return "CURRENT_TIMESTAMP";
    case Kind::DbGenerated: return d.expression;
    case Kind::Sequence: return "";
    case Kind::UniqueRowid: return "unique_rowid()";
    case Kind::Value: break;
  }
  return render_constant(d.value, column_type_sql(schema, column, false));
}

std::string render_column(const sql::SqlSchema& schema, sql::ColumnId id) {
  const sql::Column& c = schema.column(id);
  std::string out(kIndent);
  out += quote(c.name);
  out += ' ';
  out += column_type_sql(schema, c, true);
  if (c.type.arity == sql::ColumnArity::Required) out += " NOT NULL";
  if (c.default_value) {
    const std::string d = render_default(schema, c, *c.default_value);
    if (!d.empty()) out += " DEFAULT " + d;
  }
  return out;
}

std::string render_create_table(const sql::SqlSchema& schema, sql::TableId id) {
  const sql::Table& t = schema.table(id);
  std::string out = "CREATE TABLE " + qualified_table(schema, id) + " (\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ",\n";
    out += render_column(schema, t.columns[i]);
  }
  if (const auto pk = schema.primary_key(id)) {
    out += ",\n\n";
    out += kIndent;
    out += "CONSTRAINT " + quote(schema.index(*pk).name) + " PRIMARY KEY (";
    const auto& cols = schema.index(*pk).columns;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i) out += ",";
      out += quote(schema.column(cols[i].column).name);
    }
    out += ")";
  }
  return out + "\n)";
}

std::string render_create_index(const sql::SqlSchema& schema, sql::IndexId id) {
  const sql::Index& index = schema.index(id);
  std::string out = "CREATE ";
  if (index.type == sql::IndexType::Unique) out += "UNIQUE ";
  out += "INDEX " + quote(index.name) + " ON " + qualified_table(schema, index.table);
  const std::string using_ = index_algorithm_sql(index.algorithm);
  out += using_.empty() ? "(" : using_ + "(";
  for (std::size_t i = 0; i < index.columns.size(); ++i) {
    const auto& c = index.columns[i];
    if (i) out += ", ";
    out += quote(schema.column(c.column).name);
    if (c.operator_class) out += " " + operator_class_sql(*c.operator_class);
    if (c.sort_order) out += *c.sort_order == sql::SortOrder::Desc ? " DESC" : " ASC";
  }
  return out + ")";
}

std::string render_add_foreign_key(const sql::SqlSchema& schema, sql::ForeignKeyId id) {
  const sql::ForeignKey& fk = schema.foreign_key(id);
  std::string out = "ALTER TABLE " + qualified_table(schema, fk.table) + " ADD ";
  if (fk.constraint_name) out += "CONSTRAINT " + quote(*fk.constraint_name) + " ";
  out += "FOREIGN KEY (";
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    if (i) out += ", ";
    out += quote(schema.column(fk.columns[i]).name);
  }
  out += ") REFERENCES " + qualified_table(schema, fk.referenced_table) + "(";
  for (std::size_t i = 0; i < fk.referenced_columns.size(); ++i) {
    if (i) out += ", ";
    out += quote(schema.column(fk.referenced_columns[i]).name);
  }
  out += ") ON DELETE ";
  out += sql::foreign_key_action_sql(fk.on_delete);
  out += " ON UPDATE ";
  out += sql::foreign_key_action_sql(fk.on_update);
  return out;
}

}  // namespace prismapp::dialect::postgres
