#include "core/migrate/database_error_text.hpp"

#include "core/dialect/sqlite/sqlite_connection.hpp"

namespace prismapp::migrate {

DatabaseErrorText database_error_text(const dialect::DatabaseError& error) {
  // SQLite errors carry the driver's extended code, which Prisma prints as the database error
  // code. Other dialects fill DatabaseError's database_code/database_message.
  if (const auto* sqlite = dynamic_cast<const dialect::sqlite::SqliteError*>(&error)) {
    return {"SQLite database error\n" + sqlite->sqlite_message, std::to_string(sqlite->extended_code)};
  }
  if (!error.database_message.empty()) return {error.database_message, error.database_code};
  return {error.what(), error.database_code};
}

}  // namespace prismapp::migrate
