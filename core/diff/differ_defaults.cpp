// Whether two column defaults are the same for migration purposes. Follows Prisma's
// sql_schema_differ/column.rs::defaults_match, including its deliberate blind spots (datetime
// literals are never diffed; dbgenerated() without an expression matches anything).
#include <cctype>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/diff/differ_database.hpp"

namespace prismapp::diff {
namespace {

using Kind = sql::DefaultValue::Kind;
using VKind = sql::SqlValue::Kind;

bool json_equal(const std::string& a, const std::string& b) {
  auto pa = nlohmann::json::parse(a, nullptr, false);
  auto pb = nlohmann::json::parse(b, nullptr, false);
  if (pa.is_discarded() || pb.is_discarded()) return true;  // unparseable: do not diff
  return pa == pb;
}

bool is_number(VKind k) { return k == VKind::Int || k == VKind::Float; }
bool is_textual(VKind k) { return k == VKind::String || k == VKind::EnumValue; }

bool values_equal(const sql::SqlValue& a, const sql::SqlValue& b) {
  if (is_textual(a.kind) && is_textual(b.kind)) return a.text == b.text;
  if (is_number(a.kind) && is_number(b.kind)) {
    // "1" and "1.0" are one value; compare numerically when both parse.
    char* ea = nullptr;
    char* eb = nullptr;
    const double da = std::strtod(a.text.c_str(), &ea);
    const double db = std::strtod(b.text.c_str(), &eb);
    if (ea && *ea == '\0' && eb && *eb == '\0') return da == db;
    return a.text == b.text;
  }
  if (a.kind != b.kind) return false;
  if (a.kind == VKind::List) {
    if (a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
      if (!values_equal(a.items[i], b.items[i])) return false;
    return true;
  }
  return a.text == b.text;
}

bool list_defaults_match(const sql::SqlValue& prev, const sql::SqlValue& next) {
  if (prev.items.size() != next.items.size()) return false;
  for (std::size_t i = 0; i < prev.items.size(); ++i) {
    const auto& p = prev.items[i];
    const auto& n = next.items[i];
    if ((p.kind == VKind::String && n.kind == VKind::Json) || (p.kind == VKind::Json && n.kind == VKind::String)) {
      if (!json_equal(p.text, n.text)) return false;
    } else if (p.kind == VKind::DateTime || n.kind == VKind::DateTime) {
      continue;
    } else if (!values_equal(p, n)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool defaults_match(const sql::Column& previous, const sql::Column& next, const dialect::DifferHooks& hooks) {
  if (hooks.should_ignore_json_defaults() &&
      (previous.type.family == sql::ColumnTypeFamily::Json || next.type.family == sql::ColumnTypeFamily::Json))
    return true;

  const auto& prev = previous.default_value;
  const auto& nxt = next.default_value;
  const bool names_match = (prev ? prev->constraint_name : std::nullopt) == (nxt ? nxt->constraint_name : std::nullopt);

  if (!prev && !nxt) return true;
  if (!nxt) {
    // A sequence default goes away with its sequence, not as a column change.
    return prev->kind == Kind::Sequence;
  }
  if (!prev) {
    if (nxt->kind == Kind::DbGenerated) return nxt->expression.empty();
    return nxt->kind == Kind::Sequence;
  }

  const bool prev_value = prev->kind == Kind::Value;
  const bool next_value = nxt->kind == Kind::Value;
  const bool any_datetime_column =
      previous.type.family == sql::ColumnTypeFamily::DateTime || next.type.family == sql::ColumnTypeFamily::DateTime;

  if (((prev->kind == Kind::DbGenerated && next_value && nxt->value.kind == VKind::List) ||
       (prev_value && prev->value.kind == VKind::List && nxt->kind == Kind::DbGenerated)) &&
      any_datetime_column)
    return true;

  if (prev_value && next_value) {
    const auto& a = prev->value;
    const auto& b = nxt->value;
    if (a.kind == VKind::List && b.kind == VKind::List) return list_defaults_match(a, b);
    if ((a.kind == VKind::Json && b.kind == VKind::Json) || (a.kind == VKind::String && b.kind == VKind::Json) ||
        (a.kind == VKind::Json && b.kind == VKind::String))
      return json_equal(a.text, b.text) && names_match;
    if (a.kind == VKind::DateTime || b.kind == VKind::DateTime) return true;
    return values_equal(a, b) && names_match;
  }
  // Datetime literals are not compared against anything.
  if ((prev_value && prev->value.kind == VKind::DateTime) || (next_value && nxt->value.kind == VKind::DateTime)) return true;

  if (prev->kind == Kind::Now && nxt->kind == Kind::Now) return true;
  if (nxt->kind == Kind::DbGenerated && nxt->expression.empty()) return true;
  if (prev->kind == Kind::UniqueRowid || nxt->kind == Kind::UniqueRowid)
    return prev->kind == Kind::UniqueRowid && nxt->kind == Kind::UniqueRowid;
  if (prev->kind == Kind::DbGenerated && nxt->kind == Kind::DbGenerated) {
    const auto& x = prev->expression;
    const auto& y = nxt->expression;
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(x[i])) != std::tolower(static_cast<unsigned char>(y[i]))) return false;
    return names_match;
  }
  if (nxt->kind == Kind::Sequence) return true;
  return false;
}

}  // namespace prismapp::diff
