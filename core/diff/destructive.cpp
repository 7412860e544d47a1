#include "core/diff/destructive.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include <fmt/format.h>

namespace prismapp::diff {
namespace {

enum class CheckKind {
  // warnings
  NonEmptyColumnDrop,
  NonEmptyTableDrop,
  RiskyCast,
  NotCastable,
  PrimaryKeyChange,
  UniqueConstraintAddition,
  EnumValueRemoval,
  DropAndRecreateColumn,
  // unexecutable
  AddedRequiredFieldToTable,
  AddedRequiredFieldToTableWithPrismaLevelDefault,
  MadeOptionalFieldRequired,
  DropAndRecreateRequiredColumn,
};

struct Check {
  CheckKind kind;
  std::size_t step_index;
  std::string ns, table, column;
  std::string previous_type, next_type;  // casts
  std::string list;                      // unique columns / enum values, comma-joined
  bool needs_rows() const {
    switch (kind) {
      case CheckKind::NonEmptyTableDrop:
      case CheckKind::PrimaryKeyChange:
      case CheckKind::AddedRequiredFieldToTable:
      case CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault:
      case CheckKind::MadeOptionalFieldRequired:
      case CheckKind::DropAndRecreateColumn:
      case CheckKind::DropAndRecreateRequiredColumn: return true;
      default: return false;
    }
  }
  bool needs_values() const {
    return kind == CheckKind::NonEmptyColumnDrop || kind == CheckKind::RiskyCast || kind == CheckKind::NotCastable ||
           kind == CheckKind::MadeOptionalFieldRequired || kind == CheckKind::DropAndRecreateColumn;
  }
};

// Counts gathered from the live database; absent when there was no database to ask.
class Inspection {
 public:
  std::optional<long long> rows(const Check& c) const { return find(rows_, {c.ns, c.table, ""}); }
  std::optional<long long> values(const Check& c) const { return find(values_, {c.ns, c.table, c.column}); }

  void gather(const Check& c, const dialect::DifferHooks& hooks, dialect::Connection& conn) {
    if (c.needs_rows() && !rows(c)) rows_[{c.ns, c.table, ""}] = count(conn, hooks.count_rows_sql(c.ns, c.table));
    if (c.needs_values() && !values(c))
      values_[{c.ns, c.table, c.column}] = count(conn, hooks.count_non_null_values_sql(c.ns, c.table, c.column));
  }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;
  static std::optional<long long> find(const std::map<Key, long long>& m, const Key& k) {
    auto it = m.find(k);
    return it == m.end() ? std::nullopt : std::optional{it->second};
  }
  static long long count(dialect::Connection& conn, const std::string& sql) {
    const auto rows = conn.query(sql);
    if (rows.empty() || rows.front().empty() || !rows.front().front()) return 0;
    return std::stoll(*rows.front().front());
  }
  std::map<Key, long long> rows_, values_;
};

std::optional<std::string> evaluate(const Check& c, const Inspection& db) {
  const auto rows = db.rows(c);
  const auto values = db.values(c);
  switch (c.kind) {
    case CheckKind::NonEmptyTableDrop:
      if (rows == 0) return std::nullopt;
      if (rows) return fmt::format("You are about to drop the `{}` table, which is not empty ({} rows).", c.table, *rows);
      return fmt::format("You are about to drop the `{}` table. If the table is not empty, all the data it contains will be lost.",
                         c.table);
    case CheckKind::NonEmptyColumnDrop:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format("You are about to drop the column `{}` on the `{}` table, which still contains {} non-null values.",
                           c.column, c.table, *values);
      return fmt::format("You are about to drop the column `{}` on the `{}` table. All the data in the column will be lost.",
                         c.column, c.table);
    case CheckKind::RiskyCast:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format(
            "You are about to alter the column `{}` on the `{}` table, which contains {} non-null values. The data in that "
            "column will be cast from `{}` to `{}`.",
            c.column, c.table, *values, c.previous_type, c.next_type);
      return fmt::format(
          "You are about to alter the column `{}` on the `{}` table. The data in that column could be lost. The data in "
          "that column will be cast from `{}` to `{}`.",
          c.column, c.table, c.previous_type, c.next_type);
    case CheckKind::NotCastable:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format(
            "You are about to alter the column `{}` on the `{}` table, which contains {} non-null values. The data in that "
            "column will be cast from `{}` to `{}`. This cast may fail. Please make sure the data in the column can be cast.",
            c.column, c.table, *values, c.previous_type, c.next_type);
      return fmt::format(
          "You are about to alter the column `{}` on the `{}` table. The data in that column will be cast from `{}` to `{}`. "
          "This cast may fail. Please make sure the data in the column can be cast.",
          c.column, c.table, c.previous_type, c.next_type);
    case CheckKind::PrimaryKeyChange:
      if (rows == 0) return std::nullopt;
      return fmt::format(
          "The primary key for the `{}` table will be changed. If it partially fails, the table could be left without "
          "primary key constraint.",
          c.table);
    case CheckKind::UniqueConstraintAddition:
      return fmt::format(
          "A unique constraint covering the columns `[{}]` on the table `{}` will be added. If there are existing duplicate "
          "values, this will fail.",
          c.list, c.table);
    case CheckKind::EnumValueRemoval:
      return fmt::format(
          "The values [{}] on the enum `{}` will be removed. If these variants are still used in the database, this will fail.",
          c.list, c.table);
    case CheckKind::DropAndRecreateColumn:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format(
            "The `{}` column on the `{}` table would be dropped and recreated. This will lead to data loss.", c.column, c.table);
      return fmt::format(
          "The `{}` column on the `{}` table would be dropped and recreated. This will lead to data loss if there is data in "
          "the column.",
          c.column, c.table);
    case CheckKind::DropAndRecreateRequiredColumn:
      if (rows == 0) return std::nullopt;
      if (rows)
        return fmt::format(
            "Changed the type of `{}` on the `{}` table. No cast exists, the column would be dropped and recreated, which "
            "cannot be done since the column is required and there is data in the table.",
            c.column, c.table);
      return fmt::format(
          "Changed the type of `{}` on the `{}` table. No cast exists, the column would be dropped and recreated, which cannot "
          "be done if there is data, since the column is required.",
          c.column, c.table);
    case CheckKind::AddedRequiredFieldToTable:
      if (rows == 0) return std::nullopt;
      return fmt::format("Added the required column `{}` to the `{}` table without a default value. {}", c.column, c.table,
                         rows ? fmt::format("There are {} rows in this table, it is not possible to execute this step.", *rows)
                              : std::string("This is not possible if the table is not empty."));
    case CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault:
      if (rows == 0) return std::nullopt;
      return fmt::format(
          "The required column `{}` was added to the `{}` table with a prisma-level default value. {} Please add this column "
          "as optional, then populate it before making it required.",
          c.column, c.table,
          rows ? fmt::format("There are {} rows in this table, it is not possible to execute this step.", *rows)
               : std::string("This is not possible if the table is not empty."));
    case CheckKind::MadeOptionalFieldRequired:
      if (rows == 0) return std::nullopt;
      if (rows && values) {
        const long long nulls = *rows - *values;
        if (nulls == 0) return std::nullopt;
        return fmt::format("Made the column `{}` on table `{}` required, but there are {} existing NULL values.", c.column,
                           c.table, nulls);
      }
      return fmt::format(
          "Made the column `{}` on table `{}` required. This step will fail if there are existing NULL values in that column.",
          c.column, c.table);
  }
  return std::nullopt;
}

bool is_unexecutable(CheckKind k) {
  return k == CheckKind::AddedRequiredFieldToTable || k == CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault ||
         k == CheckKind::MadeOptionalFieldRequired || k == CheckKind::DropAndRecreateRequiredColumn;
}

class Planner {
 public:
  Planner(const sql::Migration& m, const dialect::DifferHooks& hooks) : m_(m), hooks_(hooks) {}
  std::vector<Check> checks;

  void plan() {
    for (std::size_t i = 0; i < m_.steps.size(); ++i) {
      step_ = i;
      std::visit([&](const auto& s) { on(s); }, m_.steps[i]);
    }
  }

 private:
  const sql::Migration& m_;
  const dialect::DifferHooks& hooks_;
  std::size_t step_ = 0;

  Check table_check(CheckKind kind, const sql::SqlSchema& s, sql::TableId t) const {
    Check c{kind, step_, s.namespaces.at(s.table(t).ns.value).name, s.table(t).name, "", "", "", ""};
    return c;
  }
  Check column_check(CheckKind kind, const sql::SqlSchema& s, sql::ColumnId col) const {
    Check c = table_check(kind, s, s.column(col).table);
    c.column = s.column(col).name;
    return c;
  }

  void column_drop(sql::ColumnId previous) { checks.push_back(column_check(CheckKind::NonEmptyColumnDrop, *m_.previous, previous)); }

  // Required columns without a default cannot be added to tables with rows.
  void column_add(sql::ColumnId next, bool has_virtual_default) {
    const sql::Column& c = m_.next->column(next);
    if (c.type.arity != sql::ColumnArity::Required || c.default_value) return;
    checks.push_back(column_check(has_virtual_default ? CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault
                                                      : CheckKind::AddedRequiredFieldToTable,
                                  *m_.next, next));
  }

  // Prisma's display_column_type: the native type where the column has one, else the family.
  static std::string display_type(const sql::Column& c) {
    return c.type.native_type ? *c.type.native_type : std::string(sql::column_type_family_name(c.type.family));
  }

  // MySQL's check_alter_column: a column made required is only that; a changed inline enum only
  // warns about the values it loses.
  bool exclusive_alter_column_checks(sql::Pair<sql::ColumnId> ids, const sql::ColumnChanges& changes) {
    const sql::Column& prev = m_.previous->column(ids.previous);
    const sql::Column& next = m_.next->column(ids.next);
    const bool only_type = changes.type && !changes.arity && !changes.default_value && !changes.autoincrement;
    if (hooks_.alter_column_required_check_is_exclusive() && changes.arity && next.type.arity == sql::ColumnArity::Required) {
      checks.push_back(column_check(CheckKind::MadeOptionalFieldRequired, *m_.previous, ids.previous));
      return true;
    }
    if (hooks_.alter_column_checks_enum_value_removal() && only_type && prev.type.family == sql::ColumnTypeFamily::Enum &&
        next.type.family == sql::ColumnTypeFamily::Enum) {
      const sql::Enum& pe = m_.previous->enum_(prev.type.enum_id);
      const sql::Enum& ne = m_.next->enum_(next.type.enum_id);
      Check c{CheckKind::EnumValueRemoval, step_, "", ne.name, "", "", "", ""};
      for (const auto& v : pe.values) {
        if (std::find(ne.values.begin(), ne.values.end(), v) != ne.values.end()) continue;
        if (!c.list.empty()) c.list += ",";
        c.list += v;
      }
      if (!c.list.empty()) checks.push_back(std::move(c));
      return true;
    }
    return false;
  }

  // Prisma's check_drop_and_recreate_column (PostgreSQL, MySQL).
  void drop_and_recreate(sql::Pair<sql::ColumnId> ids, const sql::ColumnChanges& changes) {
    const sql::Column& prev = m_.previous->column(ids.previous);
    const sql::Column& next = m_.next->column(ids.next);
    const bool next_required_without_default = next.type.arity == sql::ColumnArity::Required && !next.default_value;
    if (changes.arity && prev.type.arity == sql::ColumnArity::Nullable && next_required_without_default)
      checks.push_back(column_check(CheckKind::AddedRequiredFieldToTable, *m_.previous, ids.previous));
    else if (next_required_without_default)
      checks.push_back(column_check(CheckKind::DropAndRecreateRequiredColumn, *m_.previous, ids.previous));
    else
      checks.push_back(column_check(CheckKind::DropAndRecreateColumn, *m_.previous, ids.previous));
  }

  void column_change(sql::Pair<sql::ColumnId> ids, const sql::ColumnChanges& changes,
                     const std::optional<sql::ColumnTypeChange>& type_change) {
    const sql::Column& prev = m_.previous->column(ids.previous);
    const sql::Column& next = m_.next->column(ids.next);
    const bool became_required = prev.type.arity == sql::ColumnArity::Nullable && next.type.arity == sql::ColumnArity::Required;
    if (!changes.type && !became_required) return;
    if (changes.arity && next.type.arity == sql::ColumnArity::Required &&
        (!next.default_value || (became_required && hooks_.made_required_check_ignores_default())))
      checks.push_back(column_check(CheckKind::MadeOptionalFieldRequired, *m_.previous, ids.previous));
    if (type_change == sql::ColumnTypeChange::RiskyCast || type_change == sql::ColumnTypeChange::NotCastable) {
      Check c = column_check(type_change == sql::ColumnTypeChange::RiskyCast ? CheckKind::RiskyCast : CheckKind::NotCastable,
                             *m_.previous, ids.previous);
      c.previous_type = display_type(prev);
      c.next_type = display_type(next);
      checks.push_back(std::move(c));
    }
  }

  void on(const sql::AlterTable& s) {
    for (const auto& change : s.changes) {
      if (const auto* d = std::get_if<sql::DropColumn>(&change)) {
        column_drop(d->column);
      } else if (const auto* a = std::get_if<sql::AlterColumn>(&change)) {
        // Prisma's generic AlterColumn check: arity and risky casts, as for redefinitions.
        if (!exclusive_alter_column_checks(a->column, a->changes)) column_change(a->column, a->changes, a->type_change);
      } else if (const auto* add = std::get_if<sql::AddColumn>(&change)) {
        column_add(add->column, add->has_virtual_default);
      } else if (std::holds_alternative<sql::DropPrimaryKey>(change)) {
        checks.push_back(table_check(CheckKind::PrimaryKeyChange, *m_.previous, s.table.previous));
      } else if (const auto* r = std::get_if<sql::DropAndRecreateColumn>(&change)) {
        drop_and_recreate(r->column, r->changes);
      }
    }
  }
  void on(const sql::RedefineTables& s) {
    for (const auto& t : s.tables) {
      if (t.dropped_primary_key) checks.push_back(table_check(CheckKind::PrimaryKeyChange, *m_.previous, t.table.previous));
      for (sql::ColumnId c : t.added_columns) {
        const bool virtual_default = std::find(t.added_columns_with_virtual_defaults.begin(),
                                               t.added_columns_with_virtual_defaults.end(), c) !=
                                     t.added_columns_with_virtual_defaults.end();
        column_add(c, virtual_default);
      }
      for (sql::ColumnId c : t.dropped_columns) column_drop(c);
      for (const auto& cp : t.column_pairs) column_change(cp.column, cp.changes, cp.type_change);
    }
  }
  void on(const sql::DropTable& s) { checks.push_back(table_check(CheckKind::NonEmptyTableDrop, *m_.previous, s.table)); }
  void on(const sql::CreateIndex& s) {
    // Only indexes on existing tables can meet existing duplicates.
    if (!s.previous_table || s.from_drop_and_recreate) return;
    const sql::Index& index = m_.next->index(s.index);
    if (index.type != sql::IndexType::Unique) return;
    Check c = table_check(CheckKind::UniqueConstraintAddition, *m_.next, index.table);
    for (std::size_t i = 0; i < index.columns.size(); ++i) {
      if (i) c.list += ",";
      c.list += m_.next->column(index.columns[i].column).name;
    }
    checks.push_back(std::move(c));
  }
  void on(const sql::AlterEnum& s) {
    if (s.dropped_values.empty()) return;
    Check c{CheckKind::EnumValueRemoval, step_, "", m_.next->enum_(s.enum_id.next).name, "", "", "", ""};
    for (std::size_t i = 0; i < s.dropped_values.size(); ++i) {
      if (i) c.list += ",";
      c.list += s.dropped_values[i];
    }
    checks.push_back(std::move(c));
  }
  template <typename Other>
  void on(const Other&) {}
};

}  // namespace

DestructiveWarnings check_destructive_changes(const sql::Migration& migration, const dialect::DifferHooks& hooks,
                                              dialect::Connection* connection) {
  Planner planner(migration, hooks);
  planner.plan();

  Inspection inspection;
  if (connection) {
    // Prisma inspects for the unexecutable checks first, then the warnings; the cache makes the
    // order irrelevant for the results.
    for (const Check& c : planner.checks) inspection.gather(c, hooks, *connection);
  }

  DestructiveWarnings out;
  for (const Check& c : planner.checks) {
    auto message = evaluate(c, inspection);
    if (!message) continue;
    (is_unexecutable(c.kind) ? out.unexecutable : out.warnings).push_back({std::move(*message), c.step_index});
  }
  return out;
}

}  // namespace prismapp::diff
