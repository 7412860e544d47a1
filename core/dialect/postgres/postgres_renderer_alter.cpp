#include "core/dialect/postgres/postgres_renderer_alter.hpp"

#include <algorithm>
#include <cctype>

#include "core/dialect/postgres/postgres_quote.hpp"
#include "core/dialect/postgres/postgres_renderer_ddl.hpp"
#include "core/dialect/postgres/postgres_types.hpp"

namespace prismapp::dialect::postgres {
namespace {

using Statements = std::vector<std::string>;

struct AlterOutput {
  Statements before, clauses, after;
};

// One column change, expanded the way Prisma orders it: arity, default, type (once), sequence.
void render_alter_column(const sql::AlterColumn& change, const sql::Migration& m, AlterOutput& out) {
  const sql::SqlSchema& prev_schema = *m.previous;
  const sql::SqlSchema& next_schema = *m.next;
  const sql::Column& prev = prev_schema.column(change.column.previous);
  const sql::Column& next = next_schema.column(change.column.next);
  const std::string prefix = "ALTER COLUMN " + quote(prev.name);
  const auto& c = change.changes;
  bool set_type = c.type;
  if (c.arity) {
    using A = sql::ColumnArity;
    const A p = prev.type.arity, n = next.type.arity;
    if (p == A::List || n == A::List) set_type = true;
    if (n == A::Nullable && p != A::Nullable) out.clauses.push_back(prefix + " DROP NOT NULL");
    if (n == A::Required && p != A::Required) out.clauses.push_back(prefix + " SET NOT NULL");
  }
  if (c.default_value) {
    std::string rendered;
    if (next.default_value) rendered = render_default(next_schema, next, *next.default_value);
    if (next.default_value)
      out.clauses.push_back(prefix + " SET DEFAULT " + rendered);
    else
      out.clauses.push_back(prefix + " DROP DEFAULT");
  }
  if (c.autoincrement) {
    const sql::Table& table = next_schema.table(next.table);
    if (prev.auto_increment) {
      out.clauses.push_back(prefix + " DROP DEFAULT");
      out.after.push_back("DROP SEQUENCE " + quote(prev_schema.table(prev.table).name + "_" + prev.name + "_seq"));
    } else {
      // What a SERIAL column would have had.
      std::string sequence;
      if (next_schema.explicit_namespaces) sequence = quote(next_schema.namespaces.at(table.ns.value).name) + ".";
      sequence += table.name + "_" + next.name + "_seq";
      std::transform(sequence.begin(), sequence.end(), sequence.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      out.before.push_back("CREATE SEQUENCE " + sequence);
      out.clauses.push_back(prefix + " SET DEFAULT nextval(" + quote_string(sequence) + ")");
      out.after.push_back("ALTER SEQUENCE " + sequence + " OWNED BY " + qualified_table(prev_schema, prev.table) + "." +
                          quote(prev.name));
    }
  }
  if (set_type) out.clauses.push_back(prefix + " SET DATA TYPE " + column_type_sql(next_schema, next, false));
}

}  // namespace

Statements render_alter_table(const sql::AlterTable& step, const sql::Migration& m) {
  const sql::SqlSchema& prev = *m.previous;
  const sql::SqlSchema& next = *m.next;
  AlterOutput out;
  for (const sql::TableChange& change : step.changes) {
    if (std::holds_alternative<sql::DropPrimaryKey>(change)) {
      out.clauses.push_back("DROP CONSTRAINT " + quote(prev.index(*prev.primary_key(step.table.previous)).name));
    } else if (std::holds_alternative<sql::RenamePrimaryKey>(change)) {
      out.clauses.push_back("RENAME CONSTRAINT " + quote(prev.index(*prev.primary_key(step.table.previous)).name) + " TO " +
                            quote(next.index(*next.primary_key(step.table.next)).name));
    } else if (std::holds_alternative<sql::AddPrimaryKey>(change)) {
      const sql::Index& pk = next.index(*next.primary_key(step.table.next));
      std::string clause = "ADD CONSTRAINT " + quote(pk.name) + " PRIMARY KEY (";
      for (std::size_t i = 0; i < pk.columns.size(); ++i) {
        if (i) clause += ", ";
        clause += quote(next.column(pk.columns[i].column).name);
      }
      out.clauses.push_back(clause + ")");
    } else if (const auto* add = std::get_if<sql::AddColumn>(&change)) {
      out.clauses.push_back("ADD COLUMN " + render_column(next, add->column));
    } else if (const auto* drop = std::get_if<sql::DropColumn>(&change)) {
      out.clauses.push_back("DROP COLUMN " + quote(prev.column(drop->column).name));
    } else if (const auto* alter = std::get_if<sql::AlterColumn>(&change)) {
      render_alter_column(*alter, m, out);
    } else if (const auto* recreate = std::get_if<sql::DropAndRecreateColumn>(&change)) {
      out.clauses.push_back("DROP COLUMN " + quote(prev.column(recreate->column.previous).name));
      out.clauses.push_back("ADD COLUMN " + render_column(next, recreate->column.next));
    }
  }
  if (out.clauses.empty()) return {};
  std::string alter = "ALTER TABLE " + qualified_table(prev, step.table.previous) + " ";
  for (std::size_t i = 0; i < out.clauses.size(); ++i) {
    if (i) alter += ",\n";
    alter += out.clauses[i];
  }
  Statements result = std::move(out.before);
  result.push_back(std::move(alter));
  for (auto& s : out.after) result.push_back(std::move(s));
  return result;
}

// Values can be added in place; dropping one means a new type, a cast of every column using it,
// and a swap of names, with defaults that use the type dropped and reinstalled around it.
Statements render_alter_enum(const sql::AlterEnum& step, const sql::Migration& m) {
  const sql::SqlSchema& prev = *m.previous;
  const sql::SqlSchema& next = *m.next;
  const sql::Enum& p = prev.enum_(step.enum_id.previous);
  const sql::Enum& n = next.enum_(step.enum_id.next);
  if (step.dropped_values.empty()) {
    Statements out;
    for (const auto& v : step.created_values)
      out.push_back("ALTER TYPE " + qualified(prev, p.ns, p.name) + " ADD VALUE " + quote_string(v));
    if (out.size() > 1)
      out[0] =
          "-- This migration adds more than one value to an enum.\n"
          "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
          "-- in a single migration. This can be worked around by creating\n"
          "-- multiple migrations, each migration adding only one value to\n"
          "-- the enum.\n\n\n" +
          out[0];
    return out;
  }
  Statements out{"BEGIN"};
  const std::string tmp = qualified(next, n.ns, n.name + "_new");
  std::string values;
  for (std::size_t i = 0; i < n.values.size(); ++i) {
    if (i) values += ", ";
    values += quote_string(n.values[i]);
  }
  out.push_back("CREATE TYPE " + tmp + " AS ENUM (" + values + ")");
  for (const auto& [column, _] : step.previous_usages_as_default) {
    const sql::Column& c = prev.column(column);
    out.push_back("ALTER TABLE " + qualified_table(prev, c.table) + " ALTER COLUMN " + quote(c.name) + " DROP DEFAULT");
  }
  for (const sql::Column& c : next.columns) {
    if (c.type.family != sql::ColumnTypeFamily::Enum || c.type.enum_id != step.enum_id.next) continue;
    const std::string array = c.type.arity == sql::ColumnArity::List ? "[]" : "";
    out.push_back("ALTER TABLE " + qualified_table(next, c.table) + " ALTER COLUMN " + quote(c.name) + " TYPE " + tmp + array +
                  " USING (" + quote(c.name) + "::text::" + tmp + array + ")");
  }
  out.push_back("ALTER TYPE " + qualified(prev, p.ns, p.name) + " RENAME TO " + quote(p.name + "_old"));
  out.push_back("ALTER TYPE " + tmp + " RENAME TO " + quote(n.name));
  out.push_back("DROP TYPE " + qualified(prev, p.ns, p.name + "_old"));
  for (const auto& [column, next_column] : step.previous_usages_as_default) {
    if (!next_column) continue;
    const sql::Column& pc = prev.column(column);
    const sql::Column& nc = next.column(*next_column);
    if (!nc.default_value) continue;
    out.push_back("ALTER TABLE " + qualified_table(prev, pc.table) + " ALTER COLUMN " + quote(pc.name) + " SET DEFAULT " +
                  render_default(next, nc, *nc.default_value));
  }
  out.push_back("COMMIT");
  return out;
}

}  // namespace prismapp::dialect::postgres
