#include "core/dialect/mysql/mysql_renderer_alter.hpp"

#include <stdexcept>

#include "core/dialect/mysql/mysql_native_type.hpp"
#include "core/dialect/mysql/mysql_renderer_ddl.hpp"

namespace prismapp::dialect::mysql_ddl {
namespace {

bool only_default_changed(const sql::ColumnChanges& c) {
  return c.default_value && !c.type && !c.arity && !c.autoincrement;
}

bool is_empty_dbgenerated(const sql::DefaultValue& d) {
  return d.kind == sql::DefaultValue::Kind::DbGenerated && d.expression.empty();
}

// MODIFY `c` TYPE NOT NULL|NULL [DEFAULT x] [AUTO_INCREMENT]. The type is the next column's own
// spelling when it has one (a described column's catalog text), else the native type's.
std::string render_modify(const sql::Column& previous, const sql::Column& next, const sql::SqlSchema& next_schema) {
  std::string type = next.type.full_data_type;
  if (type.empty()) type = mysql::column_type_ddl(next_schema, next);

  // dbgenerated() without an expression keeps the database's current expression: carry it over
  // from the previous (described) column, as Prisma does.
  std::optional<sql::DefaultValue> new_default = next.default_value;
  if (previous.default_value && next.default_value &&
      previous.default_value->kind == sql::DefaultValue::Kind::DbGenerated && !previous.default_value->expression.empty() &&
      is_empty_dbgenerated(*next.default_value))
    new_default = previous.default_value;

  std::string out = "MODIFY " + quote(next.name) + " " + type;
  out += next.type.arity == sql::ColumnArity::Required ? " NOT NULL" : " NULL";
  if (new_default && !is_empty_dbgenerated(*new_default)) {
    const std::string expression = render_default(next, *new_default);
    if (!expression.empty()) out += " DEFAULT " + expression;
  }
  if (next.auto_increment) out += " AUTO_INCREMENT";
  return out;
}

}  // namespace

std::vector<std::string> render_alter_table(const sql::AlterTable& step, const sql::Migration& m) {
  const sql::SqlSchema& prev = *m.previous;
  const sql::SqlSchema& next = *m.next;
  std::vector<std::string> clauses;
  for (const sql::TableChange& change : step.changes) {
    if (std::holds_alternative<sql::DropPrimaryKey>(change)) {
      clauses.push_back("DROP PRIMARY KEY");
    } else if (std::holds_alternative<sql::RenamePrimaryKey>(change)) {
      throw std::logic_error("MySQL primary keys have no names to rename");
    } else if (std::holds_alternative<sql::AddPrimaryKey>(change)) {
      const auto pk = next.primary_key(step.table.next);
      if (!pk) throw std::logic_error("AddPrimaryKey without a primary key");
      clauses.push_back("ADD PRIMARY KEY (" + render_index_columns(next, next.index(*pk)) + ")");
    } else if (const auto* add = std::get_if<sql::AddColumn>(&change)) {
      clauses.push_back("ADD COLUMN " + render_column(next, add->column));
    } else if (const auto* drop = std::get_if<sql::DropColumn>(&change)) {
      clauses.push_back("DROP COLUMN " + quote(prev.column(drop->column).name));
    } else if (const auto* alter = std::get_if<sql::AlterColumn>(&change)) {
      const sql::Column& p = prev.column(alter->column.previous);
      const sql::Column& n = next.column(alter->column.next);
      if (only_default_changed(alter->changes) && !n.default_value)
        clauses.push_back("ALTER COLUMN " + quote(p.name) + " DROP DEFAULT");
      else
        clauses.push_back(render_modify(p, n, next));
    } else if (const auto* recreate = std::get_if<sql::DropAndRecreateColumn>(&change)) {
      clauses.push_back("DROP COLUMN " + quote(prev.column(recreate->column.previous).name));
      clauses.push_back("ADD COLUMN " + render_column(next, recreate->column.next));
    }
  }
  if (clauses.empty()) return {};
  std::string out = "ALTER TABLE " + quote(prev.table(step.table.previous).name) + " ";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (i) out += ",\n    ";
    out += clauses[i];
  }
  return {out};
}

}  // namespace prismapp::dialect::mysql_ddl
