// PostgreSQL's Renderer: one function per migration step, in Prisma's wording. DDL building blocks
// are in postgres_renderer_ddl.cpp, ALTER TABLE / ALTER TYPE in postgres_renderer_alter.cpp.
#include "core/dialect/postgres/postgres_renderer.hpp"

#include <stdexcept>

#include "core/dialect/postgres/postgres_quote.hpp"
#include "core/dialect/postgres/postgres_renderer_alter.hpp"
#include "core/dialect/postgres/postgres_renderer_ddl.hpp"

namespace prismapp::dialect {
namespace {

namespace pg = postgres;
using Statements = std::vector<std::string>;

class PostgresRenderer final : public Renderer {
 public:
  std::string quote(std::string_view identifier) const override { return pg::quote(identifier); }

  Statements render_step(const sql::Step& step, const sql::Migration& m) const override {
    return std::visit([&](const auto& s) { return render(s, m); }, step);
  }

 private:
  static Statements render(const sql::CreateSchema& s, const sql::Migration& m) {
    return {"CREATE SCHEMA IF NOT EXISTS " + pg::quote(m.next->namespaces.at(s.ns.value).name)};
  }
  // Extensions in Prisma's wording: schema and version (quoted identifiers) only when given.
  static Statements render(const sql::CreateExtension& s, const sql::Migration& m) {
    const sql::Extension& e = m.next->extension(s.extension);
    std::string out = "CREATE EXTENSION IF NOT EXISTS " + pg::quote(e.name);
    if (!e.schema.empty() || !e.version.empty()) out += " WITH";
    if (!e.schema.empty()) out += " SCHEMA " + pg::quote(e.schema);
    if (!e.version.empty()) out += " VERSION " + pg::quote(e.version);
    return {out};
  }
  static Statements render(const sql::DropExtension& s, const sql::Migration& m) {
    return {"DROP EXTENSION " + pg::quote(m.previous->extension(s.extension).name)};
  }
  static Statements render(const sql::AlterExtension& s, const sql::Migration& m) {
    const sql::Extension& p = m.previous->extension(s.extension.previous);
    const sql::Extension& n = m.next->extension(s.extension.next);
    Statements out;
    for (const auto change : s.changes) {
      if (change == sql::ExtensionChange::AlterVersion)
        out.push_back("ALTER EXTENSION " + pg::quote(p.name) + " UPDATE TO " + pg::quote(n.version));
      else
        out.push_back("ALTER EXTENSION " + pg::quote(p.name) + " SET SCHEMA " + pg::quote(n.schema));
    }
    return out;
  }
  static Statements render(const sql::DropView& s, const sql::Migration& m) {
    const sql::View& v = m.previous->view(s.view);
    return {"DROP VIEW " + pg::qualified(*m.previous, v.ns, v.name)};
  }
  static Statements render(const sql::CreateEnum& s, const sql::Migration& m) {
    const sql::Enum& e = m.next->enum_(s.enum_id);
    std::string values;
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      if (i) values += ", ";
      values += pg::quote_string(e.values[i]);
    }
    return {"CREATE TYPE " + pg::qualified(*m.next, e.ns, e.name) + " AS ENUM (" + values + ")"};
  }
  static Statements render(const sql::AlterEnum& s, const sql::Migration& m) { return pg::render_alter_enum(s, m); }
  static Statements render(const sql::DropEnum& s, const sql::Migration& m) {
    const sql::Enum& e = m.previous->enum_(s.enum_id);
    return {"DROP TYPE " + pg::qualified(*m.previous, e.ns, e.name)};
  }
  static Statements render(const sql::DropForeignKey& s, const sql::Migration& m) {
    const sql::ForeignKey& fk = m.previous->foreign_key(s.foreign_key);
    return {"ALTER TABLE " + pg::qualified_table(*m.previous, fk.table) + " DROP CONSTRAINT " +
            pg::quote(fk.constraint_name.value_or(""))};
  }
  static Statements render(const sql::AddForeignKey& s, const sql::Migration& m) {
    return {pg::render_add_foreign_key(*m.next, s.foreign_key)};
  }
  static Statements render(const sql::RenameForeignKey& s, const sql::Migration& m) {
    const sql::ForeignKey& p = m.previous->foreign_key(s.foreign_key.previous);
    const sql::ForeignKey& n = m.next->foreign_key(s.foreign_key.next);
    return {"ALTER TABLE " + pg::qualified_table(*m.previous, p.table) + " RENAME CONSTRAINT " +
            pg::quote(p.constraint_name.value_or("")) + " TO " + pg::quote(n.constraint_name.value_or(""))};
  }
  static Statements render(const sql::DropIndex& s, const sql::Migration& m) {
    const sql::Index& index = m.previous->index(s.index);
    return {"DROP INDEX " + pg::qualified(*m.previous, m.previous->table(index.table).ns, index.name)};
  }
  static Statements render(const sql::CreateIndex& s, const sql::Migration& m) { return {pg::render_create_index(*m.next, s.index)}; }
  // Postgres keeps a renamed index in its schema: the new name must not be qualified.
  static Statements render(const sql::RenameIndex& s, const sql::Migration& m) {
    const sql::Index& p = m.previous->index(s.index.previous);
    return {"ALTER INDEX " + pg::qualified(*m.previous, m.previous->table(p.table).ns, p.name) + " RENAME TO " +
            pg::quote(m.next->index(s.index.next).name)};
  }
  static Statements render(const sql::RedefineIndex& s, const sql::Migration& m) {
    const sql::Index& p = m.previous->index(s.index.previous);
    return {"DROP INDEX " + pg::qualified(*m.previous, m.previous->table(p.table).ns, p.name),
            pg::render_create_index(*m.next, s.index.next)};
  }
  static Statements render(const sql::CreateTable& s, const sql::Migration& m) { return {pg::render_create_table(*m.next, s.table)}; }
  static Statements render(const sql::DropTable& s, const sql::Migration& m) {
    return {"DROP TABLE " + pg::qualified_table(*m.previous, s.table)};
  }
  static Statements render(const sql::AlterTable& s, const sql::Migration& m) { return pg::render_alter_table(s, m); }
  // Steps the PostgreSQL differ never produces (ALTER PRIMARY KEY is CockroachDB's; tables are
  // never redefined).
  template <typename Other>
  static Statements render(const Other&, const sql::Migration&) {
    throw std::logic_error("migration step not supported on PostgreSQL");
  }
};

}  // namespace

const Renderer& postgres_renderer() {
  static const PostgresRenderer renderer;
  return renderer;
}

}  // namespace prismapp::dialect
