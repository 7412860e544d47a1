#include "core/migrate/history_diagnosis.hpp"

#include <algorithm>
#include <iterator>

#include "core/migrate/checksum.hpp"

namespace prismapp::migrate {

HistoryDiagnosis diagnose_history(const std::vector<MigrationDirectory>& folder,
                                  const std::optional<std::vector<MigrationRecord>>& records) {
  HistoryDiagnosis out;
  out.has_migrations_table = records.has_value();
  // Rows marked rolled back (`resolve --rolled-back`) no longer count: like Prisma's
  // diagnoseMigrationHistory, they take no part in the applied, edited or unpersisted checks, so a
  // fixed and re-applied migration is compared with its latest attempt.
  std::vector<MigrationRecord> rows;
  if (records)
    std::copy_if(records->begin(), records->end(), std::back_inserter(rows),
                 [](const MigrationRecord& r) { return !r.rolled_back_at; });

  std::optional<std::size_t> first_unapplied_index;
  for (std::size_t i = 0; i < folder.size(); ++i) {
    const auto& migration = folder[i];
    // Like Prisma, the first live row with the name decides (rows are ordered by started_at).
    const auto row = std::find_if(rows.begin(), rows.end(),
                                  [&](const MigrationRecord& r) { return r.migration_name == migration.name; });
    if (row == rows.end()) {
      if (!first_unapplied_index) first_unapplied_index = i;
      out.unapplied_migration_names.push_back(migration.name);
    } else if (!script_matches_checksum(migration.read_script(), row->checksum)) {
      out.edited_migration_names.push_back(row->migration_name);
    }
  }
  for (const auto& row : rows) {
    if (row.is_failed()) out.failed_migration_names.push_back(row.migration_name);
    const bool in_folder = std::any_of(folder.begin(), folder.end(),
                                       [&](const MigrationDirectory& m) { return m.name == row.migration_name; });
    if (!in_folder) out.unpersisted_migration_names.push_back(row.migration_name);
  }

  const bool behind = !out.unapplied_migration_names.empty();
  const bool ahead = !out.unpersisted_migration_names.empty();
  if (behind && ahead) {
    out.kind = HistoryDiagnosis::Kind::HistoriesDiverge;
    if (first_unapplied_index && *first_unapplied_index > 0)
      out.last_common_migration_name = folder[*first_unapplied_index - 1].name;
  } else if (behind) {
    out.kind = HistoryDiagnosis::Kind::DatabaseIsBehind;
  } else if (ahead) {
    out.kind = HistoryDiagnosis::Kind::MigrationsDirectoryIsBehind;
  }
  return out;
}

std::vector<MigrationDirectory> applied_migrations(const std::vector<MigrationDirectory>& folder,
                                                   const std::vector<MigrationRecord>& records) {
  std::vector<MigrationDirectory> out;
  for (const auto& migration : folder) {
    const bool applied = std::any_of(records.begin(), records.end(), [&](const MigrationRecord& r) {
      return r.is_applied() && r.migration_name == migration.name;
    });
    if (applied) out.push_back(migration);
  }
  return out;
}

}  // namespace prismapp::migrate
