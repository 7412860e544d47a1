#include "core/dialect/postgres/postgres_default_parser.hpp"

#include <cctype>
#include <vector>

namespace prismapp::dialect::postgres {
namespace {

using Kind = sql::SqlValue::Kind;
using F = sql::ColumnTypeFamily;

std::string hex_to_base64(std::string_view hex) {
  static constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::vector<unsigned char> bytes;
  auto nibble = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10); };
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<unsigned char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const unsigned n = (bytes[i] << 16) | ((i + 1 < bytes.size() ? bytes[i + 1] : 0) << 8) |
                       (i + 2 < bytes.size() ? bytes[i + 2] : 0);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kB64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kB64[n & 63] : '=';
  }
  return out;
}

// A quoted literal at the start of `s` ('it''s' → it's); npos-safe. Returns the end position.
std::optional<std::pair<std::string, std::size_t>> quoted_literal(std::string_view s) {
  if (s.empty() || s.front() != '\'') return std::nullopt;
  std::string out;
  std::size_t i = 1;
  while (i < s.size()) {
    if (s[i] == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      return std::pair{out, i + 1};
    }
    out += s[i++];
  }
  return std::nullopt;
}

// A trailing `::type` cast (possibly several, e.g. '1'::text::integer) is allowed after a literal.
bool only_casts_follow(std::string_view rest) {
  while (!rest.empty()) {
    if (rest.substr(0, 2) != "::") return false;
    rest.remove_prefix(2);
    std::size_t i = 0;
    bool in_quotes = false;
    while (i < rest.size() && (in_quotes || rest[i] != ':')) {
      if (rest[i] == '"') in_quotes = !in_quotes;
      ++i;
    }
    rest.remove_prefix(i);
  }
  return true;
}

bool is_number(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = s[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])))
      digits = true;
    else if (s[i] == '.' && !dot)
      dot = true;
    else if ((s[i] == 'e' || s[i] == 'E') && digits)
      return true;
    else
      return false;
  }
  return digits;
}

std::string strip_parens(std::string_view s) {
  while (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

// One scalar literal of the column's family: the text before any cast.
std::optional<sql::SqlValue> scalar_literal(std::string_view text, const sql::ColumnType& type) {
  std::string s = strip_parens(text);
  sql::SqlValue v;
  std::string body;
  if (auto q = quoted_literal(s)) {
    if (!only_casts_follow(std::string_view(s).substr(q->second))) return std::nullopt;
    body = q->first;
    switch (type.family) {
      case F::Enum: v.kind = Kind::EnumValue; break;
      case F::Json: v.kind = Kind::Json; break;
      case F::DateTime: v.kind = Kind::DateTime; break;
      case F::Binary:
        if (body.rfind("\\x", 0) != 0) return std::nullopt;
        v.kind = Kind::Bytes;
        body = hex_to_base64(std::string_view(body).substr(2));
        break;
      case F::Int:
      case F::BigInt:
        if (!is_number(body)) return std::nullopt;
        v.kind = Kind::Int;
        break;
      case F::Float:
      case F::Decimal:
        if (!is_number(body)) return std::nullopt;
        v.kind = Kind::Float;
        break;
      case F::Boolean:
        if (body != "true" && body != "false") return std::nullopt;
        v.kind = Kind::Boolean;
        break;
      default: v.kind = Kind::String; break;
    }
    v.text = body;
    return v;
  }
  const auto cast = s.find("::");
  body = s.substr(0, cast);
  if (cast != std::string::npos && !only_casts_follow(std::string_view(s).substr(cast))) return std::nullopt;
  body = strip_parens(body);
  if (body == "true" || body == "false") {
    if (type.family != F::Boolean) return std::nullopt;
    v.kind = Kind::Boolean;
  } else if (is_number(body)) {
    v.kind = type.family == F::Int || type.family == F::BigInt ? Kind::Int : Kind::Float;
  } else {
    return std::nullopt;
  }
  v.text = body;
  return v;
}

// Items of ARRAY[a, b] split at top-level commas.
std::vector<std::string> split_items(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  int depth = 0;
  for (char c : s) {
    if (c == '\'') quoted = !quoted;
    if (!quoted && (c == '(' || c == '[')) ++depth;
    if (!quoted && (c == ')' || c == ']')) --depth;
    if (!quoted && depth == 0 && c == ',') {
      out.push_back(cur);
      cur.clear();
      continue;
    }
    if (cur.empty() && c == ' ' && !quoted) continue;
    cur += c;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::optional<sql::SqlValue> list_literal(const std::string& s, const sql::ColumnType& type) {
  sql::SqlValue list;
  list.kind = Kind::List;
  if (s.rfind("ARRAY[", 0) == 0) {
    // The bracket closing ARRAY[ (not the last one: `ARRAY[]::text[]` ends with the cast's).
    std::size_t close = std::string::npos;
    bool quoted = false;
    int depth = 0;
    for (std::size_t i = 5; i < s.size() && close == std::string::npos; ++i) {
      if (s[i] == '\'') quoted = !quoted;
      if (quoted) continue;
      if (s[i] == '[') ++depth;
      if (s[i] == ']' && --depth == 0) close = i;
    }
    if (close == std::string::npos || !only_casts_follow(std::string_view(s).substr(close + 1))) return std::nullopt;
    for (const auto& item : split_items(std::string_view(s).substr(6, close - 6))) {
      auto v = scalar_literal(item, type);
      if (!v) return std::nullopt;
      list.items.push_back(*v);
    }
    return list;
  }
  // '{a,b}'::text[] — only the empty list is classified (C-style lists need unescaping rules).
  if (auto q = quoted_literal(s); q && q->first == "{}" && only_casts_follow(std::string_view(s).substr(q->second)))
    return list;
  return std::nullopt;
}

}  // namespace

std::optional<sql::DefaultValue> parse_column_default(const std::string& expression, const sql::ColumnType& type) {
  sql::DefaultValue d;
  if (expression == "now()" || expression == "CURRENT_TIMESTAMP" || expression == "CURRENT_TIMESTAMP(3)") {
    d.kind = sql::DefaultValue::Kind::Now;
    return d;
  }
  if (expression == "NULL" || expression.rfind("NULL::", 0) == 0) return std::nullopt;
  std::optional<sql::SqlValue> value =
      type.arity == sql::ColumnArity::List ? list_literal(expression, type) : scalar_literal(expression, type);
  if (value) {
    d.kind = sql::DefaultValue::Kind::Value;
    d.value = std::move(*value);
    // A timestamp/date literal ('2024-01-01 00:00:00'::timestamp without time zone) is not in Prisma's
    // RFC 3339 form: db pull writes it as dbgenerated("<expression>") like Prisma, so keep the text.
    const bool datetime = d.value.kind == sql::SqlValue::Kind::DateTime ||
                          (!d.value.items.empty() && d.value.items.front().kind == sql::SqlValue::Kind::DateTime);
    if (datetime) d.expression = expression;
    return d;
  }
  d.kind = sql::DefaultValue::Kind::DbGenerated;
  d.expression = expression;
  return d;
}

}  // namespace prismapp::dialect::postgres
