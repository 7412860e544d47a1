#include "core/dialect/mysql/mysql_differ_hooks.hpp"

#include <algorithm>

#include "core/dialect/mysql/mysql_native_type.hpp"
#include "core/dialect/mysql/mysql_renderer_ddl.hpp"
#include "core/dialect/mysql/mysql_type_change.hpp"

namespace prismapp::dialect {
namespace {

using sql::ColumnTypeFamily;

class MysqlDifferHooks final : public DifferHooks {
 public:
  bool can_rename_foreign_key() const override { return false; }
  // MySQL 8 (and MariaDB >= 10.5.2) rename indexes in place. Prisma renders drop-and-recreate
  // when it detects MariaDB; prismapp follows MySQL, which MariaDB 10.11 accepts.
  bool can_rename_index() const override { return true; }
  bool primary_key_names_matter() const override { return false; }
  bool should_create_indexes_from_created_tables() const override { return false; }
  bool should_ignore_json_defaults() const override { return true; }
  bool should_skip_fk_indexes() const override { return true; }
  bool can_cope_with_foreign_key_column_becoming_non_nullable() const override { return false; }
  bool alter_column_required_check_is_exclusive() const override { return true; }
  bool alter_column_checks_enum_value_removal() const override { return true; }

  std::optional<sql::ColumnTypeChange> column_type_change(const sql::Column& previous, const sql::Column& next) const override {
    const auto p = mysql::native_type_of(previous.type);
    const auto n = mysql::native_type_of(next.type);
    // On MariaDB, JSON is an alias of LONGTEXT (a CHECK (json_valid(...)) marks it).
    if (p && n && p->is("LongText") && n->is("Json")) return std::nullopt;
    if (!(p && n) && previous.type.family == ColumnTypeFamily::String && next.type.family == ColumnTypeFamily::Json)
      return std::nullopt;

    const bool prev_enum = previous.type.family == ColumnTypeFamily::Enum;
    const bool next_enum = next.type.family == ColumnTypeFamily::Enum;
    if (prev_enum && next_enum) return std::nullopt;  // decided by enum_values_change (needs the schemas)
    if (prev_enum != next_enum) return sql::ColumnTypeChange::RiskyCast;

    if (p && n) return mysql::native_type_change(*p, *n);
    if (previous.type.family != next.type.family) return sql::ColumnTypeChange::RiskyCast;
    if (previous.type.family == ColumnTypeFamily::Unsupported && previous.type.full_data_type != next.type.full_data_type)
      return sql::ColumnTypeChange::RiskyCast;
    return std::nullopt;
  }

  std::optional<sql::ColumnTypeChange> enum_values_change(const std::vector<std::string>& previous,
                                                          const std::vector<std::string>& next) const override {
    if (previous == next) return std::nullopt;
    const bool kept_all = std::all_of(previous.begin(), previous.end(), [&](const std::string& v) {
      return std::find(next.begin(), next.end(), v) != next.end();
    });
    return kept_all ? sql::ColumnTypeChange::SafeCast : sql::ColumnTypeChange::RiskyCast;
  }

  std::string count_rows_sql(std::string_view, std::string_view table) const override {
    return "SELECT COUNT(*) FROM " + mysql_ddl::quote(table);
  }
  std::string count_non_null_values_sql(std::string_view, std::string_view table, std::string_view column) const override {
    return "SELECT COUNT(*) FROM " + mysql_ddl::quote(table) + " WHERE " + mysql_ddl::quote(column) + " IS NOT NULL";
  }
};

}  // namespace

const DifferHooks& mysql_differ_hooks() {
  static const MysqlDifferHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect
