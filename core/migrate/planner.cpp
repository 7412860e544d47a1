// SchemaPlanner over core/diff: calculator → differ → destructive checks → script.
#include <memory>

#include "core/diff/calculator.hpp"
#include "core/diff/destructive.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "core/migrate/schema_planner.hpp"

namespace prismapp::migrate {
namespace {

class DiffPlanner final : public SchemaPlanner {
 public:
  explicit DiffPlanner(const dialect::Dialect& dialect) : dialect_(dialect) {}

  TargetSchema target_schema(const schema::ValidationResult& validated) const override {
    diff::CalculatedSchema calculated = diff::calculate(validated, dialect_.calculator_hooks());
    return TargetSchema{std::move(calculated.schema), std::move(calculated.prisma_level_defaults)};
  }

  using SchemaPlanner::plan;
  PlannedMigration plan(sql::SqlSchema from, TargetSchema to, dialect::Connection* live) const override {
    PlannedMigration out;
    out.from = std::make_unique<sql::SqlSchema>(std::move(from));
    out.to = std::make_unique<sql::SqlSchema>(std::move(to.schema));
    out.migration = diff::diff_schemas(*out.from, *out.to, dialect_.differ_hooks(), to.prisma_level_defaults);
    // The script carries the pure (hypothetical) warnings, like Prisma's migration files; the
    // returned warnings are checked against the live data when there is a database.
    const diff::DestructiveWarnings pure = diff::check_destructive_changes(out.migration, dialect_.differ_hooks(), nullptr);
    out.script = diff::render_script(out.migration, dialect_.renderer(), &pure);
    const diff::DestructiveWarnings checked =
        live ? diff::check_destructive_changes(out.migration, dialect_.differ_hooks(), live) : pure;
    for (const auto& w : checked.warnings) out.warnings.push_back(w.description);
    for (const auto& u : checked.unexecutable) out.unexecutable.push_back(u.description);
    return out;
  }

 private:
  const dialect::Dialect& dialect_;
};

}  // namespace

std::unique_ptr<SchemaPlanner> make_schema_planner(const dialect::Dialect& dialect) {
  return std::make_unique<DiffPlanner>(dialect);
}

}  // namespace prismapp::migrate
