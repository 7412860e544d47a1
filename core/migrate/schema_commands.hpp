// `db push`, `migrate diff` and `db execute`: the commands that compare or change a database
// without recording history.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/migrate/migrate_context.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::migrate {

// db push: the migration from the live database to the Prisma schema, with data-loss warnings
// and unexecutable steps evaluated against the live data. Applying is separate so the CLI can
// ask first.
PlannedMigration plan_push(const MigrateContext& ctx, dialect::Connection& connection,
                           const schema::ValidationResult& target);
void apply_push(dialect::Connection& connection, const PlannedMigration& planned);

// One side of `migrate diff`.
struct DiffSource {
  enum class Kind { Empty, SchemaDatamodel, SchemaDatasource, Url, Migrations } kind = Kind::Empty;
  // SchemaDatamodel; also SchemaDatasource (its `schemas` scope how the other side is described)
  const schema::ValidationResult* schema = nullptr;
  std::string url;                                   // SchemaDatasource (its resolved URL), Url
  std::filesystem::path migrations_dir;              // Migrations
};
// `shadow_url` is needed by --from/--to-migrations on databases other than SQLite.
PlannedMigration diff_sources(const dialect::Dialect& dialect, const SchemaPlanner& planner, const DiffSource& from,
                              const DiffSource& to, const std::optional<std::string>& shadow_url);

// db execute: runs the script as written on the database.
void execute_on(const dialect::Dialect& dialect, const std::string& url, const std::string& script);

}  // namespace prismapp::migrate
