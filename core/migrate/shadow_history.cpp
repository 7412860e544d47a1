#include "core/migrate/shadow_history.hpp"

#include "core/migrate/database_error_text.hpp"
#include "core/migrate/migrate_error.hpp"

namespace prismapp::migrate {

ShadowHistory::ShadowHistory(const dialect::Dialect& dialect, const std::string& main_url,
                             const std::optional<std::string>& shadow_url, const dialect::DescribeScope& scope) {
  try {
    shadow_ = dialect.create_shadow_database(main_url, shadow_url);
    shadow_->connection->set_scope(scope);
  } catch (const dialect::DatabaseError& e) {
    const std::string code_line = e.code.empty() ? "" : "Error code: " + e.code + "\n";
    throw MigrateError("P3014",
                       "Prisma Migrate could not create the shadow database. Please make sure the database user has "
                       "permission to create databases. Read more about the shadow database (and workarounds) at "
                       "https://pris.ly/d/migrate-shadow\n\nOriginal error: " +
                           code_line + "\n" + e.what());
  }
}

void ShadowHistory::apply(const std::vector<MigrationDirectory>& migrations) {
  for (const auto& migration : migrations) {
    const std::string script = migration.read_script();
    try {
      shadow_->connection->execute_script(script);
    } catch (const dialect::DatabaseError& e) {
      const std::string code_line = e.code.empty() ? "" : "Error code: " + e.code + "\n";
      throw MigrateError("P3006", "Migration `" + migration.name +
                                      "` failed to apply cleanly to the shadow database. \n" + code_line + "Error:\n" +
                                      database_error_text(e).message);
    }
  }
}

sql::SqlSchema ShadowHistory::describe() { return shadow_->connection->describe(); }

sql::SqlSchema schema_from_migrations(const dialect::Dialect& dialect, const std::string& main_url,
                                      const std::optional<std::string>& shadow_url,
                                      const std::vector<MigrationDirectory>& migrations,
                                      const dialect::DescribeScope& scope) {
  ShadowHistory shadow(dialect, main_url, shadow_url, scope);
  shadow.apply(migrations);
  return shadow.describe();
}

}  // namespace prismapp::migrate
