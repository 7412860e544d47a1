#include "core/dialect/sqlite/sqlite_describer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace prismapp::dialect::sqlite {
namespace {

using sql::ColumnArity;
using sql::ColumnTypeFamily;
using sql::DefaultValue;
using sql::SqlValue;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---- defaults -------------------------------------------------------------------------------
// Prisma's parsers accept an optional single quote on either side of a number: '5', 5, -5.

std::string_view strip_optional_quotes(std::string_view s) {
  if (s.starts_with('\'')) s.remove_prefix(1);
  if (s.ends_with('\'')) s.remove_suffix(1);
  return s;
}

std::optional<std::string> parse_int(std::string_view raw) {
  const std::string_view s = strip_optional_quotes(raw);
  const std::string_view digits = s.starts_with('-') ? s.substr(1) : s;
  if (!all_digits(digits)) return std::nullopt;
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;  // out of i64 range
  return std::string(s);
}

// A decimal literal as BigDecimal reads it: [+-]digits[.digits][e[+-]digits].
std::optional<std::string> parse_decimal(std::string_view raw) {
  const std::string_view s = strip_optional_quotes(raw);
  if (s.empty() || s.find('\'') != std::string_view::npos) return std::nullopt;
  std::size_t i = 0;
  if (s[i] == '+' || s[i] == '-') ++i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size() || !all_digits(s.substr(i))) return std::nullopt;
    i = s.size();
  }
  if (i != s.size()) return std::nullopt;
  return std::string(s);
}

// "A single quote within the string can be encoded by putting two single quotes in a row"
// (lang_expr). Prisma strips one pair of '...' or "..." and then undoubles '' everywhere.
std::string unquote_string(std::string_view s) {
  if (s.size() >= 2 && ((s.front() == '\'' && s.back() == '\'') || (s.front() == '"' && s.back() == '"')))
    s = s.substr(1, s.size() - 2);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'') ++i;
  }
  return out;
}

DefaultValue literal(SqlValue::Kind kind, std::string text) {
  DefaultValue d;
  d.kind = DefaultValue::Kind::Value;
  d.value.kind = kind;
  d.value.text = std::move(text);
  return d;
}

DefaultValue db_generated(std::string_view raw) {
  DefaultValue d;
  d.kind = DefaultValue::Kind::DbGenerated;
  d.expression = std::string(raw);
  return d;
}

DefaultValue from_parsed(const std::optional<std::string>& v, SqlValue::Kind kind, std::string_view raw) {
  return v ? literal(kind, *v) : db_generated(raw);
}

// ---- CREATE TABLE tokens (for constraint names) ----------------------------------------------

struct Token {
  enum class Kind { Word, Quoted, String, Punct } kind;
  std::string text;  // identifiers unquoted
  bool is(std::string_view keyword) const { return kind == Kind::Word && iequals(text, keyword); }
};

std::string read_delimited(std::string_view sql, std::size_t& i, char close) {
  std::string out;
  ++i;  // opening delimiter
  while (i < sql.size()) {
    if (sql[i] == close) {
      // Doubling escapes the delimiter ('' "" ``); ']' cannot be escaped.
      if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
        out += close;
        i += 2;
        continue;
      }
      ++i;
      return out;
    }
    out += sql[i++];
  }
  return out;
}

std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const auto end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '\'') {
      out.push_back({Token::Kind::String, read_delimited(sql, i, '\'')});
    } else if (c == '"' || c == '`') {
      out.push_back({Token::Kind::Quoted, read_delimited(sql, i, c)});
    } else if (c == '[') {
      out.push_back({Token::Kind::Quoted, read_delimited(sql, i, ']')});
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80) {
      const std::size_t start = i;
      while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' || sql[i] == '$' ||
                                static_cast<unsigned char>(sql[i]) >= 0x80))
        ++i;
      out.push_back({Token::Kind::Word, std::string(sql.substr(start, i - start))});
    } else {
      out.push_back({Token::Kind::Punct, std::string(1, c)});
      ++i;
    }
  }
  return out;
}

bool is_name(const Token& t) { return t.kind == Token::Kind::Word || t.kind == Token::Kind::Quoted || t.kind == Token::Kind::String; }

// The definitions between the outer parentheses of CREATE TABLE, split at top-level commas.
std::vector<std::vector<Token>> table_elements(const std::vector<Token>& tokens) {
  std::vector<std::vector<Token>> out;
  int depth = 0;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::Punct && t.text == "(") {
      if (depth++ == 0) {
        out.emplace_back();
        continue;
      }
    } else if (t.kind == Token::Kind::Punct && t.text == ")") {
      if (--depth == 0) break;
    } else if (depth == 1 && t.kind == Token::Kind::Punct && t.text == ",") {
      out.emplace_back();
      continue;
    }
    if (depth >= 1) out.back().push_back(t);
  }
  return out;
}

// `REFERENCES [schema.]table` starting at tokens[i] == REFERENCES.
std::string referenced_table_at(const std::vector<Token>& el, std::size_t i) {
  if (i + 1 >= el.size() || !is_name(el[i + 1])) return {};
  if (i + 3 < el.size() && el[i + 2].kind == Token::Kind::Punct && el[i + 2].text == "." && is_name(el[i + 3]))
    return el[i + 3].text;
  return el[i + 1].text;
}

// ---- catalog rows -----------------------------------------------------------------------------

const std::string& text(const Row& row, std::size_t i) {
  static const std::string empty;
  return row.at(i) ? *row.at(i) : empty;
}

long long integer(const Row& row, std::size_t i) {
  const std::string& s = text(row, i);
  long long v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

sql::ForeignKeyAction action(std::string_view s) {
  const std::string l = lower(s);
  if (l == "restrict") return sql::ForeignKeyAction::Restrict;
  if (l == "cascade") return sql::ForeignKeyAction::Cascade;
  if (l == "set null") return sql::ForeignKeyAction::SetNull;
  if (l == "set default") return sql::ForeignKeyAction::SetDefault;
  return sql::ForeignKeyAction::NoAction;
}

struct Catalog {
  sql::SqlSchema& schema;
  std::unordered_map<std::string, sql::TableId> tables;
  std::unordered_map<std::string, std::string> create_sql;  // table name -> CREATE TABLE text

  std::optional<sql::TableId> table(const std::string& name) const {
    if (auto it = tables.find(name); it != tables.end()) return it->second;
    // Identifiers are case-insensitive in SQLite: REFERENCES users may name table "Users".
    for (const auto& [n, id] : tables)
      if (iequals(n, name)) return id;
    return std::nullopt;
  }

  std::optional<sql::ColumnId> column(sql::TableId t, std::string_view name) const {
    if (auto c = schema.find_column(t, name)) return c;
    for (sql::ColumnId c : schema.table(t).columns)
      if (iequals(schema.column(c).name, name)) return c;
    return std::nullopt;
  }
};

void read_containers(Connection& conn, Catalog& cat) {
  const auto rows = conn.query(
      "SELECT type, name, sql FROM sqlite_master WHERE type = 'table' OR type = 'view' ORDER BY name ASC");
  for (const Row& row : rows) {
    const std::string& name = text(row, 1);
    if (is_ignored_sqlite_table(name)) continue;
    if (text(row, 0) == "table") {
      cat.tables.emplace(name, cat.schema.add_table(name));
      cat.create_sql.emplace(name, text(row, 2));
    } else {
      sql::View view;
      view.ns = sql::NamespaceId{0};
      view.name = name;
      view.definition = row.at(2);
      cat.schema.add_view(std::move(view));
    }
  }
}

void read_columns(Connection& conn, Catalog& cat) {
  const auto rows = conn.query(
      "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
      "FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
      "WHERE m.type = 'table' ORDER BY m.name, p.cid");
  std::map<std::uint32_t, std::map<long long, sql::ColumnId>> pk_columns;  // table -> pk position -> column
  for (const Row& row : rows) {
    const auto it = cat.tables.find(text(row, 0));
    if (it == cat.tables.end()) continue;
    const sql::TableId table = it->second;
    sql::Column col;
    col.name = text(row, 1);
    col.type = sqlite_column_type(text(row, 2), integer(row, 3) != 0 ? ColumnArity::Required : ColumnArity::Nullable);
    if (row.at(4)) col.default_value = sqlite_default_value(*row.at(4), col.type.family);
    const sql::ColumnId id = cat.schema.add_column(table, std::move(col));
    if (const long long pk = integer(row, 5); pk > 0) pk_columns[table.value][pk] = id;
  }

  for (const auto& [table_value, cols] : pk_columns) {
    sql::Index pk;
    pk.table = sql::TableId{table_value};
    pk.type = sql::IndexType::PrimaryKey;
    for (const auto& [pos, col] : cols) pk.columns.push_back(sql::IndexColumn{col, std::nullopt, std::nullopt, std::nullopt});
    cat.schema.add_index(std::move(pk));
    // A lone INTEGER primary key is the rowid: always NOT NULL, filled in automatically (with or
    // without AUTOINCREMENT; Prisma does not tell them apart). lang_createtable.html#rowid
    if (cols.size() == 1) {
      sql::Column& col = cat.schema.columns.at(cols.begin()->second.value);
      if (iequals(col.type.full_data_type, "integer")) {
        col.auto_increment = true;
        col.type.arity = ColumnArity::Required;
      }
    }
  }
}

// The columns of every view, as `PRAGMA table_info` reports them: the declared type of the
// column a view column selects (empty for an expression), never NOT NULL, no default. db pull
// renders them as view fields (views preview feature); migrations never read them.
void read_view_columns(Connection& conn, Catalog& cat) {
  if (cat.schema.views.empty()) return;
  const auto rows = conn.query(
      "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value "
      "FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
      "WHERE m.type = 'view' ORDER BY m.name, p.cid");
  std::unordered_map<std::string, std::size_t> views;
  for (std::size_t i = 0; i < cat.schema.views.size(); ++i) views.emplace(cat.schema.views[i].name, i);
  for (const Row& row : rows) {
    const auto it = views.find(text(row, 0));
    if (it == views.end()) continue;
    sql::Column col;
    col.name = text(row, 1);
    col.type = sqlite_column_type(text(row, 2), integer(row, 3) != 0 ? ColumnArity::Required : ColumnArity::Nullable);
    if (row.at(4)) col.default_value = sqlite_default_value(*row.at(4), col.type.family);
    cat.schema.views[it->second].columns.push_back(std::move(col));
  }
}

void read_indexes(Connection& conn, Catalog& cat) {
  // origin 'pk' is the primary key's autoindex (described from table_info); 'u' autoindexes of
  // UNIQUE constraints are unique indexes like CREATE UNIQUE INDEX ones. key = 1 keeps the
  // indexed columns and drops the rowid every index carries.
  const auto rows = conn.query(
      "SELECT m.name, il.name, il.\"unique\", x.name, x.\"desc\" "
      "FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS x "
      "WHERE m.type = 'table' AND il.origin <> 'pk' AND x.key = 1 "
      "ORDER BY m.name, il.seq, x.seqno");
  std::size_t i = 0;
  while (i < rows.size()) {
    const std::string& table_name = text(rows[i], 0);
    const std::string& index_name = text(rows[i], 1);
    std::size_t end = i;
    while (end < rows.size() && text(rows[end], 0) == table_name && text(rows[end], 1) == index_name) ++end;

    const auto table = cat.tables.find(table_name);
    if (table != cat.tables.end()) {
      sql::Index index;
      index.table = table->second;
      index.name = index_name;
      index.type = integer(rows[i], 2) != 0 ? sql::IndexType::Unique : sql::IndexType::Normal;
      bool valid = true;
      for (std::size_t r = i; r < end; ++r) {
        // A NULL column name is an expression or the rowid: Prisma leaves such indexes out.
        const auto col = rows[r].at(3) ? cat.column(index.table, *rows[r].at(3)) : std::nullopt;
        if (!col) {
          valid = false;
          break;
        }
        const auto order = integer(rows[r], 4) != 0 ? sql::SortOrder::Desc : sql::SortOrder::Asc;
        index.columns.push_back(sql::IndexColumn{*col, order, std::nullopt, std::nullopt});
      }
      if (valid) cat.schema.add_index(std::move(index));
    }
    i = end;
  }
}

void read_foreign_keys(Connection& conn, Catalog& cat) {
  const auto rows = conn.query(
      "SELECT m.name, fk.id, fk.\"table\", fk.\"from\", fk.\"to\", fk.on_update, fk.on_delete "
      "FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS fk "
      "WHERE m.type = 'table' ORDER BY m.name, fk.id, fk.seq");
  std::string names_for;  // the table whose named foreign keys are in `named`
  std::vector<NamedForeignKey> named;
  std::vector<bool> used;

  std::size_t i = 0;
  while (i < rows.size()) {
    const std::string& table_name = text(rows[i], 0);
    const long long fk_id = integer(rows[i], 1);
    std::size_t end = i;
    while (end < rows.size() && text(rows[end], 0) == table_name && integer(rows[end], 1) == fk_id) ++end;

    const auto table = cat.tables.find(table_name);
    const auto referenced = cat.table(text(rows[i], 2));
    if (table != cat.tables.end() && referenced) {
      sql::ForeignKey fk;
      fk.table = table->second;
      fk.referenced_table = *referenced;
      fk.on_update = action(text(rows[i], 5));
      fk.on_delete = action(text(rows[i], 6));
      bool valid = true;
      bool implicit_target = false;
      for (std::size_t r = i; r < end && valid; ++r) {
        const auto col = cat.column(fk.table, text(rows[r], 3));
        valid = col.has_value();
        if (col) fk.columns.push_back(*col);
        if (!rows[r].at(4)) {
          implicit_target = true;  // `REFERENCES t` without columns: t's primary key
        } else if (const auto ref = cat.column(fk.referenced_table, *rows[r].at(4))) {
          fk.referenced_columns.push_back(*ref);
        } else {
          valid = false;
        }
      }
      if (valid && implicit_target) {
        fk.referenced_columns.clear();
        if (const auto pk = cat.schema.primary_key(fk.referenced_table))
          for (const auto& ic : cat.schema.index(*pk).columns) fk.referenced_columns.push_back(ic.column);
        valid = fk.referenced_columns.size() == fk.columns.size();
      }
      if (valid) {
        if (names_for != table_name) {
          names_for = table_name;
          named = sqlite_named_foreign_keys(cat.create_sql[table_name]);
          used.assign(named.size(), false);
        }
        // Match by constrained columns (and referenced table, for twins on the same columns).
        for (std::size_t n = 0; n < named.size(); ++n) {
          if (used[n] || named[n].columns.size() != fk.columns.size()) continue;
          bool same = iequals(named[n].referenced_table, cat.schema.table(fk.referenced_table).name);
          for (std::size_t c = 0; same && c < fk.columns.size(); ++c)
            same = iequals(named[n].columns[c], cat.schema.column(fk.columns[c]).name);
          if (same) {
            used[n] = true;
            fk.constraint_name = named[n].name;
            break;
          }
        }
        cat.schema.add_foreign_key(std::move(fk));
      }
    }
    i = end;
  }
}

}  // namespace

bool is_ignored_sqlite_table(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kIgnored = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2",
                                                               "sqlite_stat3",    "sqlite_stat4", "d1_migrations"};
  if (std::find(kIgnored.begin(), kIgnored.end(), name) != kIgnored.end()) return true;
  // Cloudflare D1's own tables: _cf_ followed by an upper-case word (_cf_KV, _cf_METADATA).
  return name.starts_with("_cf_") && name.size() > 4 && std::isupper(static_cast<unsigned char>(name[4]));
}

sql::ColumnType sqlite_column_type(std::string_view declared, sql::ColumnArity arity) {
  const std::string t = lower(declared);
  static const std::map<std::string, ColumnTypeFamily, std::less<>> kExact = {
      {"int", ColumnTypeFamily::Int},           {"integer", ColumnTypeFamily::Int},
      {"serial", ColumnTypeFamily::Int},        {"bigint", ColumnTypeFamily::BigInt},
      {"real", ColumnTypeFamily::Float},        {"float", ColumnTypeFamily::Float},
      {"double", ColumnTypeFamily::Float},      {"boolean", ColumnTypeFamily::Boolean},
      {"text", ColumnTypeFamily::String},       {"date", ColumnTypeFamily::DateTime},
      {"datetime", ColumnTypeFamily::DateTime}, {"timestamp", ColumnTypeFamily::DateTime},
      {"binary", ColumnTypeFamily::Binary},     {"blob", ColumnTypeFamily::Binary},
      {"jsonb", ColumnTypeFamily::Json},        {"binary[]", ColumnTypeFamily::Binary},
      {"boolean[]", ColumnTypeFamily::Boolean}, {"date[]", ColumnTypeFamily::DateTime},
      {"datetime[]", ColumnTypeFamily::DateTime}, {"timestamp[]", ColumnTypeFamily::DateTime},
      {"double[]", ColumnTypeFamily::Float},    {"float[]", ColumnTypeFamily::Float},
      {"int[]", ColumnTypeFamily::Int},         {"integer[]", ColumnTypeFamily::Int},
      {"text[]", ColumnTypeFamily::String},
  };
  sql::ColumnType out;
  out.arity = arity;
  out.full_data_type = t;
  if (const auto it = kExact.find(t); it != kExact.end()) out.family = it->second;
  else if (t.find("char") != std::string::npos) out.family = ColumnTypeFamily::String;
  else if (t.find("numeric") != std::string::npos || t.find("decimal") != std::string::npos)
    out.family = ColumnTypeFamily::Decimal;
  else out.family = ColumnTypeFamily::Unsupported;
  return out;
}

std::optional<sql::DefaultValue> sqlite_default_value(std::string_view raw, sql::ColumnTypeFamily family) {
  if (iequals(raw, "null")) return std::nullopt;
  switch (family) {
    case ColumnTypeFamily::Int: return from_parsed(parse_int(raw), SqlValue::Kind::Int, raw);
    case ColumnTypeFamily::BigInt: return from_parsed(parse_int(raw), SqlValue::Kind::Int, raw);
    case ColumnTypeFamily::Float:
    case ColumnTypeFamily::Decimal: return from_parsed(parse_decimal(raw), SqlValue::Kind::Float, raw);
    case ColumnTypeFamily::Boolean: {
      if (const auto i = parse_int(raw)) {
        if (*i == "1") return literal(SqlValue::Kind::Boolean, "true");
        if (*i == "0") return literal(SqlValue::Kind::Boolean, "false");
      }
      const std::string l = lower(raw);
      if (l == "true" || l == "false") return literal(SqlValue::Kind::Boolean, l);
      return db_generated(raw);
    }
    case ColumnTypeFamily::String: return literal(SqlValue::Kind::String, unquote_string(raw));
    case ColumnTypeFamily::DateTime: {
      const std::string l = lower(raw);
      if (l == "current_timestamp" || l == "datetime('now')" || l == "datetime('now', 'localtime')") {
        DefaultValue d;
        d.kind = DefaultValue::Kind::Now;
        return d;
      }
      return db_generated(raw);
    }
    // A JSON default is a string literal holding JSON ('{"a": 1}'): the value is the JSON text.
    // (Prisma keeps the SQL literal, quotes included, and db pull then prints them inside the
    // PSL string; JSON text never starts with a single quote, so unquoting loses nothing.)
    // Anything else (an expression) stays as written.
    case ColumnTypeFamily::Json:
      if (raw.size() >= 2 && raw.front() == '\'' && raw.back() == '\'')
        return literal(SqlValue::Kind::Json, unquote_string(raw));
      return literal(SqlValue::Kind::Json, std::string(raw));
    case ColumnTypeFamily::Enum: return literal(SqlValue::Kind::EnumValue, std::string(raw));
    case ColumnTypeFamily::Binary:
    case ColumnTypeFamily::Uuid:
    case ColumnTypeFamily::Unsupported: return db_generated(raw);
  }
  return db_generated(raw);
}

std::vector<NamedForeignKey> sqlite_named_foreign_keys(std::string_view create_table_sql) {
  std::vector<NamedForeignKey> out;
  for (const auto& el : table_elements(tokenize(create_table_sql))) {
    if (el.empty()) continue;
    const Token& first = el.front();
    const bool table_constraint = first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("UNIQUE") ||
                                  first.is("CHECK") || first.is("FOREIGN");
    for (std::size_t i = 0; i + 2 < el.size(); ++i) {
      if (!el[i].is("CONSTRAINT") || !is_name(el[i + 1])) continue;
      NamedForeignKey fk;
      fk.name = el[i + 1].text;
      std::size_t j = i + 2;
      if (el[j].is("FOREIGN")) {
        // FOREIGN KEY ( a , b ) REFERENCES t
        j += 2;
        if (j >= el.size() || el[j].text != "(") continue;
        for (++j; j < el.size() && el[j].text != ")"; ++j)
          if (el[j].kind != Token::Kind::Punct) fk.columns.push_back(el[j].text);
        ++j;
        if (j >= el.size() || !el[j].is("REFERENCES")) continue;
      } else if (el[j].is("REFERENCES") && !table_constraint) {
        fk.columns.push_back(first.text);  // a column constraint names its own column
      } else {
        continue;
      }
      fk.referenced_table = referenced_table_at(el, j);
      out.push_back(std::move(fk));
    }
  }
  return out;
}

sql::SqlSchema describe_sqlite(Connection& conn) {
  sql::SqlSchema schema;
  Catalog cat{schema, {}, {}};
  read_containers(conn, cat);
  read_columns(conn, cat);
  read_view_columns(conn, cat);
  read_indexes(conn, cat);
  read_foreign_keys(conn, cat);
  return schema;
}

}  // namespace prismapp::dialect::sqlite
