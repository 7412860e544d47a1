#include "core/dialect/mysql/mysql_renderer.hpp"

#include <stdexcept>

#include "core/dialect/mysql/mysql_renderer_alter.hpp"
#include "core/dialect/mysql/mysql_renderer_ddl.hpp"

namespace prismapp::dialect {
namespace {

using mysql_ddl::quote;
using Statements = std::vector<std::string>;

class MysqlRenderer final : public Renderer {
 public:
  std::string quote(std::string_view identifier) const override { return mysql_ddl::quote(identifier); }

  Statements render_step(const sql::Step& step, const sql::Migration& m) const override {
    return std::visit([&](const auto& s) { return render(s, m); }, step);
  }

 private:
  static Statements render(const sql::CreateTable& s, const sql::Migration& m) {
    return {mysql_ddl::render_create_table(*m.next, s.table)};
  }
  static Statements render(const sql::DropTable& s, const sql::Migration& m) {
    return {"DROP TABLE " + mysql_ddl::quote(m.previous->table(s.table).name)};
  }
  static Statements render(const sql::CreateIndex& s, const sql::Migration& m) {
    return {mysql_ddl::render_create_index(*m.next, s.index)};
  }
  static Statements render(const sql::DropIndex& s, const sql::Migration& m) {
    return {mysql_ddl::render_drop_index(*m.previous, s.index)};
  }
  static Statements render(const sql::RenameIndex& s, const sql::Migration& m) {
    const sql::Index& prev = m.previous->index(s.index.previous);
    return {"ALTER TABLE " + mysql_ddl::quote(m.previous->table(prev.table).name) + " RENAME INDEX " + mysql_ddl::quote(prev.name) +
            " TO " + mysql_ddl::quote(m.next->index(s.index.next).name)};
  }
  // The new index first: dropping the old one first fails while a foreign key relies on it.
  static Statements render(const sql::RedefineIndex& s, const sql::Migration& m) {
    return {mysql_ddl::render_create_index(*m.next, s.index.next), mysql_ddl::render_drop_index(*m.previous, s.index.previous)};
  }
  static Statements render(const sql::AddForeignKey& s, const sql::Migration& m) {
    return {mysql_ddl::render_add_foreign_key(*m.next, s.foreign_key)};
  }
  static Statements render(const sql::DropForeignKey& s, const sql::Migration& m) {
    const sql::ForeignKey& fk = m.previous->foreign_key(s.foreign_key);
    if (!fk.constraint_name) throw std::logic_error("MySQL foreign keys always have names");
    return {"ALTER TABLE " + mysql_ddl::quote(m.previous->table(fk.table).name) + " DROP FOREIGN KEY " +
            mysql_ddl::quote(*fk.constraint_name)};
  }
  static Statements render(const sql::AlterTable& s, const sql::Migration& m) { return mysql_ddl::render_alter_table(s, m); }
  static Statements render(const sql::DropView& s, const sql::Migration& m) {
    return {"DROP VIEW " + mysql_ddl::quote(m.previous->view(s.view).name)};
  }
  // Steps the MySQL differ never produces: no schemas, enum types, table redefinitions, foreign
  // key renames or ALTER PRIMARY KEY.
  template <typename Other>
  static Statements render(const Other&, const sql::Migration&) {
    throw std::logic_error("migration step not supported on MySQL");
  }
};

}  // namespace

const Renderer& mysql_renderer() {
  static const MysqlRenderer renderer;
  return renderer;
}

}  // namespace prismapp::dialect
