// Comparing the migrations folder with `_prisma_migrations` (Prisma's diagnoseMigrationHistory,
// without the drift part, which needs a shadow database: see drift.hpp). A pure function of the
// folder listing and the table rows.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/migrate/history_table.hpp"
#include "core/migrate/migrations_directory.hpp"

namespace prismapp::migrate {

struct HistoryDiagnosis {
  enum class Kind {
    InSync,                       // every folder migration is in the table and vice versa
    DatabaseIsBehind,             // folder migrations not yet applied
    MigrationsDirectoryIsBehind,  // table rows without a folder
    HistoriesDiverge,             // both
  } kind = Kind::InSync;
  std::vector<std::string> unapplied_migration_names;    // in the folder, not in the table
  std::vector<std::string> unpersisted_migration_names;  // in the table, not in the folder
  std::optional<std::string> last_common_migration_name;  // HistoriesDiverge only

  std::vector<std::string> failed_migration_names;  // finished_at and rolled_back_at both NULL
  std::vector<std::string> edited_migration_names;  // checksum differs from the folder's script
  bool has_migrations_table = false;
};

// `records` is nullopt when the table does not exist. Reads each migration.sql whose name is in
// the table (throws MigrateError P3015 when one is missing).
HistoryDiagnosis diagnose_history(const std::vector<MigrationDirectory>& folder,
                                  const std::optional<std::vector<MigrationRecord>>& records);

// The folder migrations recorded as applied (finished and not rolled back): what the shadow
// database replays to compute the schema the database should have.
std::vector<MigrationDirectory> applied_migrations(const std::vector<MigrationDirectory>& folder,
                                                   const std::vector<MigrationRecord>& records);

}  // namespace prismapp::migrate
