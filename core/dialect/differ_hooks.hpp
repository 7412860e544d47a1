// DifferHooks: what the generic differ (core/diff/differ*) asks a database about while comparing
// two SqlSchemas. Mirrors Prisma's SqlSchemaDifferFlavour: defaults describe the common case
// (PostgreSQL-like), each dialect overrides what differs. Also carries the two counting queries of
// the destructive-change checker, since they are spelled per database.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/migration_steps.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect {

// What the differ learned about one table present in both schemas; enough for a dialect to
// decide that ALTER TABLE cannot express the change and the table must be redefined (SQLite).
struct TableDiffFacts {
  bool created_primary_key = false;
  bool dropped_primary_key = false;
  bool primary_key_changed = false;
  bool dropped_columns = false;
  bool added_required_column = false;
  bool added_nullable_column = false;
  bool any_column_changed = false;
  bool created_foreign_keys = false;
  bool dropped_foreign_keys = false;
};

class DifferHooks {
 public:
  virtual ~DifferHooks() = default;

  // ---- capabilities ---------------------------------------------------------------------------
  virtual bool can_alter_primary_keys() const { return false; }
  virtual bool can_redefine_tables_with_inbound_foreign_keys() const { return false; }
  virtual bool can_rename_index() const { return true; }
  virtual bool can_rename_foreign_key() const = 0;
  // Databases whose foreign keys carry no stable names never rename them.
  virtual bool has_unnamed_foreign_keys() const { return false; }
  // Whether a changed primary-key constraint name is a change at all (false where keys are unnamed).
  virtual bool primary_key_names_matter() const { return true; }
  virtual bool has_native_enums() const { return false; }
  virtual bool lower_cases_table_names() const { return false; }

  // ---- which steps to emit --------------------------------------------------------------------
  virtual bool should_push_foreign_keys_from_created_tables() const { return true; }
  virtual bool should_create_indexes_from_created_tables() const { return true; }
  virtual bool should_drop_indexes_from_dropped_tables() const { return false; }
  virtual bool should_drop_foreign_keys_from_dropped_tables() const { return true; }
  // MySQL: the database keeps an index under every foreign key (and makes one itself); index
  // steps are planned around that (core/diff/differ_fk_indexes.hpp).
  virtual bool should_skip_fk_indexes() const { return false; }
  virtual bool indexes_should_be_recreated_after_column_drop() const { return false; }
  virtual bool should_recreate_the_primary_key_on_column_recreate() const { return false; }
  virtual bool should_skip_index_for_new_table(const sql::SqlSchema&, sql::IndexId) const { return false; }
  virtual bool should_ignore_json_defaults() const { return false; }
  // System tables the differ must not touch (beside _prisma_migrations, always ignored).
  virtual bool table_should_be_ignored(std::string_view /*table_name*/) const { return false; }
  // Tables ALTER TABLE cannot migrate: they get a RedefineTables step instead.
  virtual bool table_needs_redefinition(const TableDiffFacts&) const { return false; }

  // ---- comparisons ----------------------------------------------------------------------------
  // None when the types are the same for migration purposes.
  virtual std::optional<sql::ColumnTypeChange> column_type_change(const sql::Column& previous,
                                                                  const sql::Column& next) const = 0;
  virtual bool column_autoincrement_changed(const sql::Column& previous, const sql::Column& next) const {
    return previous.auto_increment != next.auto_increment;
  }
  // Dialect-specific extra criteria for two same-column indexes to be the same index.
  virtual bool indexes_match(const sql::Index& /*previous*/, const sql::Index& /*next*/) const { return true; }
  virtual bool index_should_be_renamed(const sql::Index& previous, const sql::Index& next) const {
    return previous.name != next.name;
  }
  // Enum columns whose enum lives in the column (MySQL's ENUM('A', 'B')): how a change of the
  // values changes the column's type. None by default: named enums change through AlterEnum.
  virtual std::optional<sql::ColumnTypeChange> enum_values_change(const std::vector<std::string>& /*previous*/,
                                                                  const std::vector<std::string>& /*next*/) const {
    return std::nullopt;
  }
  // Whether a foreign key survives one of its nullable columns becoming required (false on MySQL,
  // which then needs the key dropped and re-added around the column change).
  virtual bool can_cope_with_foreign_key_column_becoming_non_nullable() const { return true; }

  // ---- destructive-change checker: AlterColumn (Prisma's per-database check_alter_column) ------
  // MySQL: a column made required is reported as such and nothing else about that column.
  virtual bool alter_column_required_check_is_exclusive() const { return false; }
  // MySQL: a type change of an inline enum column only warns about the values it removes.
  virtual bool alter_column_checks_enum_value_removal() const { return false; }
  // PostgreSQL, MySQL: a nullable column made required is unexecutable on existing NULLs even when
  // it gains a default (ALTER COLUMN ... SET NOT NULL does not fill them in); SQLite's table copy
  // coalesces NULLs to the new default, so there only required-without-default counts.
  virtual bool made_required_check_ignores_default() const { return false; }

  // ---- destructive-change checker ------------------------------------------------------------
  // A query returning one row with one integer: the table's row count / non-null value count.
  virtual std::string count_rows_sql(std::string_view namespace_name, std::string_view table) const = 0;
  virtual std::string count_non_null_values_sql(std::string_view namespace_name, std::string_view table,
                                                std::string_view column) const = 0;
};

}  // namespace prismapp::dialect
