// Renderer: the SQL statements of each migration step for one database (Prisma's SqlRenderer).
// Generic script assembly (core/diff/script*) adds the `-- StepName` headers, `;` terminators and
// warnings; a renderer only produces statement texts, without trailing semicolons.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/migration_steps.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect {

class Renderer {
 public:
  virtual ~Renderer() = default;
  // Statements for one step (possibly none). Ids in the step refer to migration.previous / .next.
  virtual std::vector<std::string> render_step(const sql::Step& step, const sql::Migration& migration) const = 0;
  // Whole-script transaction wrapping (SQL Server); none elsewhere.
  virtual std::optional<std::string> begin_transaction() const { return std::nullopt; }
  virtual std::optional<std::string> commit_transaction() const { return std::nullopt; }
  // An identifier quoted the database's way ("x" / `x`).
  virtual std::string quote(std::string_view identifier) const = 0;
};

}  // namespace prismapp::dialect
