// PostgreSQL's answers to the differ (Prisma's PostgresSchemaDifferFlavour): native enums, index
// and foreign-key renames, indexes recreated after a column is dropped and re-added, index
// algorithms and operator classes, and which native type changes ALTER COLUMN ... TYPE can make.
#include "core/dialect/postgres/postgres_differ_hooks.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "core/dialect/postgres/postgres_quote.hpp"

namespace prismapp::dialect {
namespace {

using sql::ColumnTypeChange;

// "VarChar(10)" → ("VarChar", [10]).
struct NativeType {
  std::string name;
  std::vector<long> args;
};

// PostgreSQL's implicit arguments: timestamps and times default to precision 6, CHAR and BIT to 1.
void apply_implicit_arguments(NativeType& t) {
  if (!t.args.empty()) return;
  if (t.name == "Timestamp" || t.name == "Timestamptz" || t.name == "Time" || t.name == "Timetz") t.args.push_back(6);
  if (t.name == "Char" || t.name == "Bit") t.args.push_back(1);
}

NativeType parse_native(const std::optional<std::string>& text) {
  NativeType out;
  if (!text) return out;
  const auto paren = text->find('(');
  out.name = text->substr(0, paren);
  if (paren == std::string::npos) {
    apply_implicit_arguments(out);
    return out;
  }
  const char* p = text->c_str() + paren + 1;
  while (*p && *p != ')') {
    char* end = nullptr;
    out.args.push_back(std::strtol(p, &end, 10));
    p = end;
    if (*p == ',') ++p;
  }
  apply_implicit_arguments(out);
  return out;
}

bool one_of(const std::string& name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_string_type(const std::string& n) { return one_of(n, {"Text", "VarChar", "Char", "Citext"}); }
int integer_rank(const std::string& n) {
  if (n == "SmallInt") return 1;
  if (n == "Integer") return 2;
  if (n == "BigInt") return 3;
  return 0;
}
// Length of a string type; "no limit" is the largest.
long string_length(const NativeType& t) {
  if (t.name == "Text" || t.name == "Citext" || t.args.empty()) return t.name == "Char" ? 1 : 1L << 30;
  return t.args.front();
}
long precision_or(const NativeType& t, long dflt) { return t.args.empty() ? dflt : t.args.front(); }

// Prisma's postgres native type change riskiness, for the types it can cast in place.
std::optional<ColumnTypeChange> native_type_change(const NativeType& a, const NativeType& b) {
  if (a.name == b.name && a.args == b.args) return std::nullopt;
  const int ra = integer_rank(a.name), rb = integer_rank(b.name);
  if (ra && rb) return rb >= ra ? ColumnTypeChange::SafeCast : ColumnTypeChange::RiskyCast;
  if (is_string_type(a.name) && is_string_type(b.name))
    return string_length(b) >= string_length(a) ? ColumnTypeChange::SafeCast : ColumnTypeChange::RiskyCast;
  // Everything prints as text.
  if (one_of(b.name, {"Text", "Citext"})) return ColumnTypeChange::SafeCast;
  if (one_of(b.name, {"VarChar", "Char"})) return ColumnTypeChange::RiskyCast;
  if (ra && one_of(b.name, {"Real", "DoublePrecision", "Decimal", "Money"}))
    return b.name == "Decimal" || b.name == "DoublePrecision" ? ColumnTypeChange::SafeCast : ColumnTypeChange::RiskyCast;
  if (one_of(a.name, {"Real", "DoublePrecision", "Decimal", "Money"}) &&
      (rb || one_of(b.name, {"Real", "DoublePrecision", "Decimal", "Money"}))) {
    if (a.name == "Real" && b.name == "DoublePrecision") return ColumnTypeChange::SafeCast;
    if (a.name == "Decimal" && b.name == "Decimal" && precision_or(b, 1000) >= precision_or(a, 1000) &&
        (b.args.size() < 2 || (a.args.size() == 2 && b.args[1] >= a.args[1])))
      return ColumnTypeChange::SafeCast;
    return ColumnTypeChange::RiskyCast;
  }
  const bool a_time = one_of(a.name, {"Timestamp", "Timestamptz", "Date", "Time", "Timetz"});
  const bool b_time = one_of(b.name, {"Timestamp", "Timestamptz", "Date", "Time", "Timetz"});
  if (a_time && b_time) {
    if (a.name == b.name || (one_of(a.name, {"Timestamp", "Timestamptz"}) && one_of(b.name, {"Timestamp", "Timestamptz"})))
      return precision_or(b, 6) >= precision_or(a, 6) ? ColumnTypeChange::SafeCast : ColumnTypeChange::RiskyCast;
    if (a.name == "Date" && one_of(b.name, {"Timestamp", "Timestamptz"})) return ColumnTypeChange::SafeCast;
    if (one_of(a.name, {"Timestamp", "Timestamptz"}) && one_of(b.name, {"Date", "Time", "Timetz"}))
      return ColumnTypeChange::RiskyCast;
    if (one_of(a.name, {"Time", "Timetz"}) && one_of(b.name, {"Time", "Timetz"})) return ColumnTypeChange::SafeCast;
    return ColumnTypeChange::NotCastable;
  }
  if (one_of(a.name, {"Json", "JsonB"}) && one_of(b.name, {"Json", "JsonB"})) return ColumnTypeChange::SafeCast;
  if (one_of(a.name, {"Bit", "VarBit"}) && one_of(b.name, {"Bit", "VarBit"})) return ColumnTypeChange::RiskyCast;
  return ColumnTypeChange::NotCastable;
}

// Operator classes an index column gets when none is named (the describer leaves those out).
bool is_default_operator_class(const std::optional<std::string>& algorithm, const std::string& opclass) {
  const std::string a = algorithm.value_or("BTree");
  if (a == "Gin") return opclass == "JsonbOps" || opclass == "ArrayOps";
  if (a == "SpGist") return opclass == "InetOps" || opclass == "TextOps";
  if (a == "BTree") return opclass == "TextOps";
  if (a == "Brin") {
    const bool minmax = opclass.size() > 9 && opclass.ends_with("MinMaxOps");
    return minmax || opclass == "InetInclusionOps";
  }
  return false;
}

class PostgresDifferHooks final : public DifferHooks {
 public:
  bool can_rename_foreign_key() const override { return true; }
  bool has_native_enums() const override { return true; }
  bool indexes_should_be_recreated_after_column_drop() const override { return true; }
  // Prisma's PostgreSQL check_alter_column: SET NOT NULL fails on existing NULLs, default or not.
  bool made_required_check_ignores_default() const override { return true; }
  // PostGIS's own tables.
  bool table_should_be_ignored(std::string_view name) const override {
    return name == "spatial_ref_sys" || name == "geography_columns" || name == "geometry_columns" ||
           name == "raster_columns" || name == "raster_overviews";
  }

  std::optional<ColumnTypeChange> column_type_change(const sql::Column& previous, const sql::Column& next) const override {
    using F = sql::ColumnTypeFamily;
    const auto& p = previous.type;
    const auto& n = next.type;
    if (p.arity == sql::ColumnArity::List && n.arity != sql::ColumnArity::List) return ColumnTypeChange::NotCastable;
    if (p.family == F::Enum || n.family == F::Enum) {
      if (p.family == F::Enum && n.family == F::Enum) return std::nullopt;  // same name: paired by the enum steps
      if (p.family == F::Enum && parse_native(n.native_type).name == "Text") return ColumnTypeChange::SafeCast;
      if (p.family == F::Enum && is_string_type(parse_native(n.native_type).name)) return ColumnTypeChange::RiskyCast;
      return ColumnTypeChange::NotCastable;
    }
    if (p.family == F::Unsupported || n.family == F::Unsupported) {
      if (p.family == n.family && p.full_data_type == n.full_data_type) return std::nullopt;
      return ColumnTypeChange::NotCastable;
    }
    return native_type_change(parse_native(p.native_type), parse_native(n.native_type));
  }

  bool indexes_match(const sql::Index& previous, const sql::Index& next) const override {
    if (previous.algorithm.value_or("BTree") != next.algorithm.value_or("BTree")) return false;
    for (std::size_t i = 0; i < previous.columns.size() && i < next.columns.size(); ++i) {
      const auto& a = previous.columns[i].operator_class;
      const auto& b = next.columns[i].operator_class;
      if (a && b && *a != *b) return false;
      if (a && !b && !is_default_operator_class(previous.algorithm, *a)) return false;
      if (!a && b && !is_default_operator_class(next.algorithm, *b)) return false;
    }
    return true;
  }

  std::string count_rows_sql(std::string_view ns, std::string_view table) const override {
    return "SELECT COUNT(*) FROM " + from(ns, table);
  }
  std::string count_non_null_values_sql(std::string_view ns, std::string_view table, std::string_view column) const override {
    return "SELECT COUNT(*) FROM " + from(ns, table) + " WHERE " + postgres::quote(column) + " IS NOT NULL";
  }

 private:
  static std::string from(std::string_view ns, std::string_view table) {
    if (ns.empty()) return postgres::quote(table);
    return postgres::quote(ns) + "." + postgres::quote(table);
  }
};

}  // namespace

const DifferHooks& postgres_differ_hooks() {
  static const PostgresDifferHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect
