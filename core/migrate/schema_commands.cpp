#include "core/migrate/schema_commands.hpp"

#include "core/migrate/describe_scope.hpp"
#include "core/migrate/migrations_directory.hpp"
#include "core/migrate/shadow_history.hpp"

namespace prismapp::migrate {
namespace {

TargetSchema resolve_source(const dialect::Dialect& dialect, const SchemaPlanner& planner, const DiffSource& source,
                            const std::optional<std::string>& shadow_url, const dialect::DescribeScope& scope) {
  switch (source.kind) {
    case DiffSource::Kind::Empty: return TargetSchema{};
    case DiffSource::Kind::SchemaDatamodel: return planner.target_schema(*source.schema);
    case DiffSource::Kind::SchemaDatasource:
    case DiffSource::Kind::Url: return TargetSchema{connect_scoped(dialect, source.url, scope)->describe(), {}};
    case DiffSource::Kind::Migrations:
      // migrate diff has no main database: an empty main URL (passing the shadow URL there made
      // every --shadow-database-url look like "the same as the main database").
      return TargetSchema{
          schema_from_migrations(dialect, "", shadow_url, list_migrations(source.migrations_dir), scope), {}};
  }
  return TargetSchema{};
}

}  // namespace

PlannedMigration plan_push(const MigrateContext& ctx, dialect::Connection& connection,
                           const schema::ValidationResult& target) {
  return ctx.planner->plan(connection.describe(), ctx.planner->target_schema(target), &connection);
}

void apply_push(dialect::Connection& connection, const PlannedMigration& planned) {
  if (planned.empty()) return;
  connection.execute_script(planned.script);
}

PlannedMigration diff_sources(const dialect::Dialect& dialect, const SchemaPlanner& planner, const DiffSource& from,
                              const DiffSource& to, const std::optional<std::string>& shadow_url) {
  // Like Prisma, databases and migration histories are described with the schemas (and preview
  // features) of whichever side is a Prisma schema.
  dialect::DescribeScope scope;
  for (const DiffSource* side : {&from, &to})
    if (side->schema && scope.namespaces.empty() && !scope.extensions) scope = describe_scope(*side->schema);
  TargetSchema before = resolve_source(dialect, planner, from, shadow_url, scope);
  TargetSchema after = resolve_source(dialect, planner, to, shadow_url, scope);
  return planner.plan(std::move(before.schema), std::move(after), nullptr);
}

void execute_on(const dialect::Dialect& dialect, const std::string& url, const std::string& script) {
  dialect.connect(url)->execute_script(script);
}

}  // namespace prismapp::migrate
