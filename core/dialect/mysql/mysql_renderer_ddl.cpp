#include "core/dialect/mysql/mysql_renderer_ddl.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "core/dialect/mysql/mysql_native_type.hpp"

namespace prismapp::dialect::mysql_ddl {
namespace {

constexpr std::string_view kIndent = "    ";

// CURRENT_TIMESTAMP takes the column's fractional-second precision (MySQL rejects a default more
// precise than the column); 3 when the type says nothing, as Prisma does.
unsigned now_precision(const sql::Column& column) {
  const auto native = mysql::native_type_of(column.type);
  if (native && (native->is("DateTime") || native->is("Timestamp"))) return native->arg(0).value_or(0);
  return 3;
}

// A DateTime default as a DATETIME literal both MySQL and MariaDB read: `'2024-01-01 00:00:00.000'`,
// in UTC (the session time zone Prisma and prismapp use). Prisma writes chrono's RFC 3339 text
// (`'2024-01-01T00:00:00+00:00'`), which MySQL 8.0.19+ accepts but MariaDB rejects ("Invalid
// default value"); the differ never compares DateTime defaults, so the spelling is free.
std::string datetime_literal(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &consumed) != 6)
    return "'" + text + "'";
  std::size_t i = static_cast<std::size_t>(consumed);
  std::string fraction;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) fraction += text[i++];
  }
  long offset_seconds = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    int oh = 0, om = 0;
    if (std::sscanf(text.c_str() + i + 1, "%2d:%2d", &oh, &om) < 1) return "'" + text + "'";
    offset_seconds = (text[i] == '-' ? -1L : 1L) * (oh * 3600L + om * 60L);
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  const std::time_t utc = timegm(&tm) - offset_seconds;
  std::tm out{};
  gmtime_r(&utc, &out);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &out);
  std::string literal = "'" + std::string(buf);
  if (!fraction.empty()) literal += "." + fraction;
  return literal + "'";
}

// Prisma writes no JSON defaults (MySQL rejects literal defaults on JSON columns), no binary
// literals, no sequences, and nothing for dbgenerated() without an expression.
bool default_is_rendered(const sql::Column& column) {
  if (!column.default_value) return false;
  const sql::DefaultValue& d = *column.default_value;
  if (d.kind == sql::DefaultValue::Kind::Sequence) return false;
  if (d.kind == sql::DefaultValue::Kind::DbGenerated && d.expression.empty()) return false;
  if (column.type.family == sql::ColumnTypeFamily::Json) return false;
  if (column.type.family == sql::ColumnTypeFamily::Binary && d.kind != sql::DefaultValue::Kind::DbGenerated) return false;
  return true;
}

}  // namespace

std::string quote(std::string_view identifier) {
  std::string out = "`";
  out += identifier;
  out += '`';
  return out;
}

// Quotes are doubled as Prisma does; backslashes are escaped too, because MySQL reads `\` in a
// string literal as an escape (Prisma leaves them, and a default like "a \\ b" loses its
// backslash: the database then differs from the schema forever).
std::string quote_string(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
  return out;
}

std::string render_default(const sql::Column& column, const sql::DefaultValue& d) {
  using Kind = sql::DefaultValue::Kind;
  using VKind = sql::SqlValue::Kind;
  switch (d.kind) {
    case Kind::DbGenerated: return d.expression;
    case Kind::Now: return "CURRENT_TIMESTAMP(" + std::to_string(now_precision(column)) + ")";
    case Kind::Sequence:
    case Kind::UniqueRowid: throw std::logic_error("sequence defaults on MySQL");
    case Kind::Value: break;
  }
  switch (d.value.kind) {
    case VKind::String:
    case VKind::EnumValue: return quote_string(d.value.text);
    case VKind::DateTime:
      if (column.type.family == sql::ColumnTypeFamily::DateTime) return datetime_literal(d.value.text);
      return d.value.text;
    case VKind::Null: return "null";
    default: return d.value.text;  // numbers as written, true / false, JSON text
  }
}

std::string render_column(const sql::SqlSchema& s, sql::ColumnId id) {
  const sql::Column& c = s.column(id);
  std::string out = quote(c.name);
  out += ' ';
  out += mysql::column_type_ddl(s, c);
  out += c.type.arity == sql::ColumnArity::Required ? " NOT NULL" : " NULL";
  if (c.auto_increment) out += " AUTO_INCREMENT";
  if (default_is_rendered(c)) {
    out += " DEFAULT ";
    out += render_default(c, *c.default_value);
  }
  return out;
}

std::string render_index_columns(const sql::SqlSchema& s, const sql::Index& index) {
  std::string out;
  for (std::size_t i = 0; i < index.columns.size(); ++i) {
    const sql::IndexColumn& c = index.columns[i];
    if (i) out += ", ";
    out += quote(s.column(c.column).name);
    if (c.length) out += "(" + std::to_string(*c.length) + ")";
    if (c.sort_order) out += *c.sort_order == sql::SortOrder::Desc ? " DESC" : " ASC";
  }
  return out;
}

namespace {
const char* index_keyword(sql::IndexType type) {
  switch (type) {
    case sql::IndexType::Unique: return "UNIQUE INDEX";
    case sql::IndexType::Fulltext: return "FULLTEXT INDEX";
    case sql::IndexType::Normal: return "INDEX";
    case sql::IndexType::PrimaryKey: break;
  }
  throw std::logic_error("a primary key is not an index clause");
}
}  // namespace

std::string render_create_table(const sql::SqlSchema& s, sql::TableId id) {
  const sql::Table& t = s.table(id);
  std::string out = "CREATE TABLE " + quote(t.name) + " (\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ",\n";
    out += kIndent;
    out += render_column(s, t.columns[i]);
  }
  std::vector<std::string> clauses;
  for (sql::IndexId i : t.indexes) {
    const sql::Index& index = s.index(i);
    if (index.type == sql::IndexType::PrimaryKey) continue;
    if (index.implicit_for_foreign_key) continue;  // the foreign key's ADD CONSTRAINT creates it
    clauses.push_back(std::string(index_keyword(index.type)) + " " + quote(index.name) + "(" + render_index_columns(s, index) + ")");
  }
  if (const auto pk = s.primary_key(id)) clauses.push_back("PRIMARY KEY (" + render_index_columns(s, s.index(*pk)) + ")");
  if (!clauses.empty()) out += ",\n";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    out += i ? ",\n" : "\n";
    out += kIndent;
    out += clauses[i];
  }
  out += "\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
  return out;
}

std::string render_create_index(const sql::SqlSchema& s, sql::IndexId id) {
  const sql::Index& index = s.index(id);
  return "CREATE " + std::string(index_keyword(index.type)) + " " + quote(index.name) + " ON " + quote(s.table(index.table).name) +
         "(" + render_index_columns(s, index) + ")";
}

std::string render_drop_index(const sql::SqlSchema& s, sql::IndexId id) {
  const sql::Index& index = s.index(id);
  return "DROP INDEX " + quote(index.name) + " ON " + quote(s.table(index.table).name);
}

std::string render_add_foreign_key(const sql::SqlSchema& s, sql::ForeignKeyId id) {
  const sql::ForeignKey& fk = s.foreign_key(id);
  std::string out = "ALTER TABLE " + quote(s.table(fk.table).name) + " ADD ";
  if (fk.constraint_name) out += "CONSTRAINT " + quote(*fk.constraint_name) + " ";
  out += "FOREIGN KEY (";
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    if (i) out += ", ";
    out += quote(s.column(fk.columns[i]).name);
  }
  out += ") REFERENCES " + quote(s.table(fk.referenced_table).name) + "(";
  for (std::size_t i = 0; i < fk.referenced_columns.size(); ++i) {
    if (i) out += ", ";
    out += quote(s.column(fk.referenced_columns[i]).name);
  }
  out += ") ON DELETE ";
  out += sql::foreign_key_action_sql(fk.on_delete);
  out += " ON UPDATE ";
  out += sql::foreign_key_action_sql(fk.on_update);
  return out;
}

}  // namespace prismapp::dialect::mysql_ddl
