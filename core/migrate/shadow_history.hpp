// Replaying migrations on a shadow database to learn the schema they build (Prisma's
// sql_schema_from_migration_history), which drift detection, `migrate dev` and
// `migrate diff --from-migrations` compare against.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/migrate/migrations_directory.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::migrate {

// A shadow database created for one command and dropped with this object.
class ShadowHistory {
 public:
  // Throws MigrateError P3014 when the shadow database cannot be created.
  // `scope`: what describe() covers (the datasource's schemas, as on the main database).
  ShadowHistory(const dialect::Dialect& dialect, const std::string& main_url,
                const std::optional<std::string>& shadow_url, const dialect::DescribeScope& scope = {});
  // Applies the scripts in order; throws MigrateError P3006 naming the first one that fails.
  void apply(const std::vector<MigrationDirectory>& migrations);
  sql::SqlSchema describe();

 private:
  std::unique_ptr<dialect::Dialect::ShadowDatabase> shadow_;
};

// Convenience: a fresh shadow database, `migrations` applied, described.
sql::SqlSchema schema_from_migrations(const dialect::Dialect& dialect, const std::string& main_url,
                                      const std::optional<std::string>& shadow_url,
                                      const std::vector<MigrationDirectory>& migrations,
                                      const dialect::DescribeScope& scope = {});

}  // namespace prismapp::migrate
