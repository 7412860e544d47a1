#include "core/dialect/mysql/mysql_describer_columns.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace prismapp::dialect::mysql {
namespace {

using Family = sql::ColumnTypeFamily;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with_unsigned(const std::string& column_type) {
  const std::string l = lower(column_type);
  return l.size() >= 8 && l.compare(l.size() - 8, 8, "unsigned") == 0;
}

// Prisma's extract_precision: the single digit 1-9 in the last "(n)" of the type.
std::optional<unsigned> display_width(const std::string& column_type) {
  const auto close = column_type.rfind(')');
  if (close == std::string::npos || close < 2 || column_type[close - 2] != '(') return std::nullopt;
  const char c = column_type[close - 1];
  if (c < '1' || c > '9') return std::nullopt;
  return static_cast<unsigned>(c - '0');
}

std::optional<long long> parse_int(const std::string& s) {
  if (s.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

bool parses_as_float(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0' && !std::isspace(static_cast<unsigned char>(s.front()));
}

std::string num(const std::string& name, std::optional<std::uint32_t> n) {
  return name + "(" + std::to_string(n.value_or(0)) + ")";
}

sql::DefaultValue db_generated(std::string expression) {
  sql::DefaultValue d;
  d.kind = sql::DefaultValue::Kind::DbGenerated;
  d.expression = std::move(expression);
  return d;
}

// An expression default as Prisma keeps it: parenthesized.
sql::DefaultValue expression_default(const std::string& s) {
  if (!s.empty() && s.front() == '(') return db_generated(s);
  return db_generated("(" + s + ")");
}

sql::DefaultValue value_default(sql::SqlValue::Kind kind, std::string text) {
  sql::DefaultValue d;
  d.value.kind = kind;
  d.value.text = std::move(text);
  return d;
}

bool is_current_timestamp(const std::string& s) {
  const std::string l = lower(s);
  const std::string_view prefix = "current_timestamp";
  if (l.compare(0, prefix.size(), prefix) != 0) return false;
  std::string_view rest = std::string_view(l).substr(prefix.size());
  if (rest.empty()) return true;
  if (rest.front() != '(' || rest.back() != ')') return false;
  for (char c : rest.substr(1, rest.size() - 2))
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// MySQL string literal escapes as the catalog shows them: \' and '' are a quote, \\x is \x.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else if (s[i] == '\\' && i + 2 < s.size() && s[i + 1] == '\\' && s[i + 2] != '\\') {
      out += '\\';
      out += s[i + 2];
      i += 2;
    } else if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// MariaDB: the literal as SQL would write it ('a\nb \\ c''d': \n, \\, \' and '' escapes, other
// characters raw); MySQL: the raw text.
std::string unquote_string_default(const std::string& s, bool mariadb) {
  if (!mariadb) return unescape(s);
  std::string_view inner = s;
  const auto first = s.find('\'');
  const auto last = s.rfind('\'');
  if (first != std::string::npos && last != first) inner = std::string_view(s).substr(first + 1, last - first - 1);
  std::string out;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const char c = inner[i];
    if (c == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else if (c == '\\' && i + 1 < inner.size()) {
      const char e = inner[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case 'Z': out += '\x1a'; break;
        case 'b': out += '\b'; break;
        default: out += e;  // \\, \', \" and unknown escapes stand for the character
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

}  // namespace

std::vector<std::string> parse_enum_values(const std::string& column_type) {
  std::vector<std::string> values;
  const auto open = column_type.find('(');
  const auto close = column_type.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close <= open) return values;
  const std::string_view body = std::string_view(column_type).substr(open + 1, close - open - 1);
  std::size_t i = 0;
  while (i < body.size()) {
    if (body[i] != '\'') {
      ++i;
      continue;
    }
    std::string value;
    ++i;
    while (i < body.size()) {
      if (body[i] == '\'' && i + 1 < body.size() && body[i + 1] == '\'') {
        value += '\'';
        i += 2;
      } else if (body[i] == '\'') {
        ++i;
        break;
      } else {
        value += body[i++];
      }
    }
    values.push_back(std::move(value));
  }
  return values;
}

sql::ColumnType describe_column_type(const ColumnRow& row, bool mariadb, sql::SqlSchema& schema) {
  (void)mariadb;
  sql::ColumnType t;
  t.arity = row.nullable ? sql::ColumnArity::Nullable : sql::ColumnArity::Required;
  t.full_data_type = row.column_type;
  const std::string& d = row.data_type;
  const bool is_unsigned = ends_with_unsigned(row.column_type);
  auto set = [&](Family family, std::optional<std::string> native) {
    t.family = family;
    t.native_type = std::move(native);
  };
  auto invalid_bool_default = [&] {
    if (!row.column_default || *row.column_default == "NULL") return false;
    const auto v = parse_int(*row.column_default);
    return v && *v != 0 && *v != 1;
  };

  if (d == "int") set(Family::Int, is_unsigned ? "UnsignedInt" : "Int");
  else if (d == "smallint") set(Family::Int, is_unsigned ? "UnsignedSmallInt" : "SmallInt");
  else if (d == "tinyint" && display_width(row.column_type) == 1u && !invalid_bool_default()) set(Family::Boolean, "TinyInt");
  else if (d == "tinyint") set(Family::Int, is_unsigned ? "UnsignedTinyInt" : "TinyInt");
  else if (d == "mediumint") set(Family::Int, is_unsigned ? "UnsignedMediumInt" : "MediumInt");
  else if (d == "bigint") set(Family::BigInt, is_unsigned ? "UnsignedBigInt" : "BigInt");
  else if (d == "decimal")
    set(Family::Decimal, "Decimal(" + std::to_string(row.numeric_precision.value_or(10)) + "," +
                             std::to_string(row.numeric_scale.value_or(0)) + ")");
  else if (d == "float") set(Family::Float, "Float");
  else if (d == "double") set(Family::Float, "Double");
  else if (d == "char") set(Family::String, num("Char", row.character_maximum_length));
  else if (d == "varchar") set(Family::String, num("VarChar", row.character_maximum_length));
  else if (d == "text") set(Family::String, "Text");
  else if (d == "tinytext") set(Family::String, "TinyText");
  else if (d == "mediumtext") set(Family::String, "MediumText");
  else if (d == "longtext" && row.json_checked) set(Family::Json, "Json");
  else if (d == "longtext") set(Family::String, "LongText");
  else if (d == "enum") {
    t.family = Family::Enum;
    t.enum_id = schema.add_enum(sql::Enum{sql::NamespaceId{0}, row.table_name + "_" + row.column_name,
                                          parse_enum_values(row.column_type)});
  } else if (d == "json") set(Family::Json, "Json");
  else if (d == "set") set(Family::String, std::nullopt);
  else if (d == "date") set(Family::DateTime, "Date");
  else if (d == "time") set(Family::DateTime, num("Time", row.datetime_precision));
  else if (d == "datetime") set(Family::DateTime, num("DateTime", row.datetime_precision));
  else if (d == "timestamp") set(Family::DateTime, num("Timestamp", row.datetime_precision));
  else if (d == "year") set(Family::Int, "Year");
  else if (d == "bit") set(row.numeric_precision == 1u ? Family::Boolean : Family::Binary, num("Bit", row.numeric_precision));
  else if (d == "binary") set(Family::Binary, num("Binary", row.character_maximum_length));
  else if (d == "varbinary") set(Family::Binary, num("VarBinary", row.character_maximum_length));
  else if (d == "blob") set(Family::Binary, "Blob");
  else if (d == "tinyblob") set(Family::Binary, "TinyBlob");
  else if (d == "mediumblob") set(Family::Binary, "MediumBlob");
  else if (d == "longblob") set(Family::Binary, "LongBlob");
  else set(Family::Unsupported, std::nullopt);
  return t;
}

std::optional<sql::DefaultValue> describe_column_default(const ColumnRow& row, const sql::ColumnType& type, bool mariadb) {
  if (!row.column_default || *row.column_default == "NULL") return std::nullopt;
  const std::string& s = *row.column_default;
  const bool default_generated = row.extra == "default_generated";
  const bool expression = default_generated || mariadb;
  using VKind = sql::SqlValue::Kind;
  auto fallback = [&] { return expression ? expression_default(s) : db_generated(s); };

  switch (type.family) {
    case Family::Int:
    case Family::BigInt:
      if (auto v = parse_int(s)) return value_default(VKind::Int, std::to_string(*v));
      return fallback();
    case Family::Float:
    case Family::Decimal:
      if (parses_as_float(s)) return value_default(VKind::Float, s);
      return fallback();
    case Family::Boolean: {
      const auto v = parse_int(s);
      if (v == 1) return value_default(VKind::Boolean, "true");
      if (v == 0) return value_default(VKind::Boolean, "false");
      return fallback();
    }
    case Family::String:
      if (default_generated || (mariadb && (s.empty() || s.front() != '\''))) return expression_default(s);
      return value_default(VKind::String, unquote_string_default(s, mariadb));
    case Family::DateTime:
      if (is_current_timestamp(s)) {
        sql::DefaultValue d;
        d.kind = sql::DefaultValue::Kind::Now;
        return d;
      }
      if (expression) return expression_default(s);
      if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') return db_generated(s);
      return db_generated("'" + s + "'");
    case Family::Enum: {
      if (default_generated || (mariadb && (s.empty() || s.front() != '\''))) return expression_default(s);
      std::string cleaned;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 8, "_utf8mb4") == 0) {
          i += 7;
          continue;
        }
        cleaned += s[i];
      }
      std::string unquoted = unquote(cleaned);
      std::string value;
      for (std::size_t i = 0; i < unquoted.size(); ++i) {
        if (unquoted[i] == '\\' && i + 1 < unquoted.size() && unquoted[i + 1] == '\'') {
          ++i;  // Prisma drops \' entirely
          continue;
        }
        if (unquoted[i] == '\'' && i + 1 < unquoted.size() && unquoted[i + 1] == '\'') ++i;
        value += unquoted[i];
      }
      return value_default(VKind::EnumValue, value);
    }
    case Family::Binary:
    case Family::Json:
    case Family::Uuid:
    case Family::Unsupported: return fallback();
  }
  return fallback();
}

}  // namespace prismapp::dialect::mysql
