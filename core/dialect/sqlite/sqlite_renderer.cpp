#include "core/dialect/sqlite/sqlite_renderer.hpp"

#include <stdexcept>

#include "core/dialect/sqlite/sqlite_renderer_ddl.hpp"

namespace prismapp::dialect {
namespace {

using sqlite_ddl::quote;
using Statements = std::vector<std::string>;

// INSERT INTO "new_T" (...) SELECT ... FROM "T": copies the columns both tables share. A column
// that became required with a default gets its NULLs replaced, since SQLite has no DEFAULT
// keyword in this position.
void copy_into_new_table(Statements& out, const sql::RedefineTable& t, const sql::Migration& m, const std::string& temp) {
  if (t.column_pairs.empty()) return;
  std::string destination, source;
  for (std::size_t i = 0; i < t.column_pairs.size(); ++i) {
    const auto& cp = t.column_pairs[i];
    const sql::Column& prev = m.previous->column(cp.column.previous);
    const sql::Column& next = m.next->column(cp.column.next);
    if (i) {
      destination += ", ";
      source += ", ";
    }
    destination += quote(next.name);
    const bool became_required_with_default =
        cp.changes.arity && next.type.arity == sql::ColumnArity::Required && next.default_value.has_value();
    if (became_required_with_default)
      source += "coalesce(" + quote(prev.name) + ", " + sqlite_ddl::render_default(*next.default_value) + ") AS " + quote(prev.name);
    else
      source += quote(prev.name);
  }
  out.push_back("INSERT INTO " + quote(temp) + " (" + destination + ") SELECT " + source + " FROM " +
                quote(m.previous->table(t.table.previous).name));
}

// SQLite's recipe for schema changes ALTER TABLE cannot make (sqlite.org/lang_altertable.html):
// create the new shape under a temporary name, copy, drop, rename, re-create indexes, with
// foreign-key enforcement suspended around all of it.
Statements render_redefine_tables(const sql::RedefineTables& step, const sql::Migration& m) {
  Statements out{"PRAGMA defer_foreign_keys=ON", "PRAGMA foreign_keys=OFF"};
  for (const sql::RedefineTable& t : step.tables) {
    const std::string& name = m.next->table(t.table.next).name;
    const std::string temp = "new_" + name;
    out.push_back(sqlite_ddl::render_create_table(*m.next, t.table.next, temp));
    copy_into_new_table(out, t, m, temp);
    out.push_back("DROP TABLE " + quote(m.previous->table(t.table.previous).name));
    out.push_back("ALTER TABLE " + quote(temp) + " RENAME TO " + quote(name));
    for (sql::IndexId i : m.next->table(t.table.next).indexes)
      if (m.next->index(i).type != sql::IndexType::PrimaryKey) out.push_back(sqlite_ddl::render_create_index(*m.next, i));
  }
  out.push_back("PRAGMA foreign_keys=ON");
  out.push_back("PRAGMA defer_foreign_keys=OFF");
  return out;
}

Statements render_alter_table(const sql::AlterTable& step, const sql::Migration& m) {
  Statements out;
  const std::string& table = m.previous->table(step.table.previous).name;
  for (const sql::TableChange& change : step.changes) {
    const auto* add = std::get_if<sql::AddColumn>(&change);
    // The differ redefines the table for every other change on SQLite.
    if (!add) throw std::logic_error("SQLite ALTER TABLE supports only ADD COLUMN");
    out.push_back("ALTER TABLE " + quote(table) + " ADD COLUMN " + sqlite_ddl::render_column(*m.next, add->column));
  }
  return out;
}

class SqliteRenderer final : public Renderer {
 public:
  std::string quote(std::string_view identifier) const override { return sqlite_ddl::quote(identifier); }

  Statements render_step(const sql::Step& step, const sql::Migration& m) const override {
    return std::visit([&](const auto& s) { return render(s, m); }, step);
  }

 private:
  static Statements render(const sql::CreateTable& s, const sql::Migration& m) {
    return {sqlite_ddl::render_create_table(*m.next, s.table, m.next->table(s.table).name)};
  }
  // Foreign keys may point at the dropped table from tables dropped later; enforcement is off
  // while dropping (schema validation rules out keys to tables that no longer exist).
  static Statements render(const sql::DropTable& s, const sql::Migration& m) {
    return {"PRAGMA foreign_keys=off", "DROP TABLE " + sqlite_ddl::quote(m.previous->table(s.table).name),
            "PRAGMA foreign_keys=on"};
  }
  static Statements render(const sql::CreateIndex& s, const sql::Migration& m) {
    return {sqlite_ddl::render_create_index(*m.next, s.index)};
  }
  static Statements render(const sql::DropIndex& s, const sql::Migration& m) {
    return {"DROP INDEX " + sqlite_ddl::quote(m.previous->index(s.index).name)};
  }
  static Statements render(const sql::RedefineIndex& s, const sql::Migration& m) {
    return {"DROP INDEX " + sqlite_ddl::quote(m.previous->index(s.index.previous).name),
            sqlite_ddl::render_create_index(*m.next, s.index.next)};
  }
  static Statements render(const sql::AlterTable& s, const sql::Migration& m) { return render_alter_table(s, m); }
  static Statements render(const sql::RedefineTables& s, const sql::Migration& m) { return render_redefine_tables(s, m); }
  static Statements render(const sql::DropView& s, const sql::Migration& m) {
    return {"DROP VIEW " + sqlite_ddl::quote(m.previous->view(s.view).name)};
  }
  // Steps the SQLite differ never produces (no enums, schemas, named or addable foreign keys).
  template <typename Other>
  static Statements render(const Other&, const sql::Migration&) {
    throw std::logic_error("migration step not supported on SQLite");
  }
};

}  // namespace

const Renderer& sqlite_renderer() {
  static const SqliteRenderer renderer;
  return renderer;
}

}  // namespace prismapp::dialect
