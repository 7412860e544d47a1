// `_prisma_migrations` bookkeeping, history diagnosis and applying migrations, on real SQLite files.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/dialect/sqlite/sqlite_dialect.hpp"
#include "core/migrate/apply_migrations.hpp"
#include "core/migrate/checksum.hpp"
#include "core/migrate/history_diagnosis.hpp"
#include "core/migrate/history_table.hpp"
#include "core/migrate/migrate_error.hpp"
#include "core/migrate/uuid.hpp"
#include "tests/cli_support.hpp"

using namespace prismapp::migrate;
using prismapp::testing::TempDir;
using prismapp::testing::write_file;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<prismapp::dialect::Connection> open_db(const TempDir& dir) {
  return prismapp::dialect::sqlite::sqlite_dialect().connect("file:" + (dir / "dev.db").string());
}

void add_migration(const TempDir& dir, const std::string& name, const std::string& sql) {
  write_file(dir / ("migrations/" + name + "/migration.sql"), sql);
}

}  // namespace

TEST_CASE("uuid v4 strings have Prisma's shape", "[migrate][uuid]") {
  const std::string a = new_uuid_v4();
  REQUIRE(a.size() == 36);
  CHECK(a[8] == '-');
  CHECK(a[14] == '4');
  CHECK(std::string("89ab").find(a[19]) != std::string::npos);
  CHECK(a != new_uuid_v4());
}

TEST_CASE("timestamps display like chrono's DateTime<Utc>", "[migrate][history]") {
  CHECK(display_timestamp("1704110400000") == "2024-01-01 12:00:00 UTC");
  CHECK(display_timestamp("1704110400123") == "2024-01-01 12:00:00.123 UTC");
  CHECK(display_timestamp("2024-01-01 12:00:00") == "2024-01-01 12:00:00 UTC");
}

TEST_CASE("the history table is created with Prisma's DDL and records a migration's life", "[migrate][history]") {
  TempDir dir;
  auto conn = open_db(dir);
  HistoryTable history(*conn, prismapp::dialect::sqlite::sqlite_dialect());
  CHECK_FALSE(history.load().has_value());
  history.initialize({});
  const auto sql = conn->query("SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'");
  REQUIRE(sql.size() == 1);
  CHECK(sql[0][0].value_or("").find("\"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0") != std::string::npos);

  const std::string id = history.record_started("20240101000000_init", render_checksum("x"));
  auto records = history.load();
  REQUIRE(records);
  REQUIRE(records->size() == 1);
  CHECK(records->front().is_failed());
  history.record_successful_step(id);
  history.record_finished(id);
  records = history.load();
  CHECK(records->front().is_applied());
  CHECK(records->front().applied_steps_count == 1);
  // Prisma's SQLite driver stores DateTime values as integer milliseconds.
  const auto type = conn->query("SELECT typeof(started_at), typeof(finished_at) FROM _prisma_migrations");
  CHECK(type[0][0] == std::optional<std::string>("integer"));
  CHECK(type[0][1] == std::optional<std::string>("integer"));

  history.mark_rolled_back(id);
  records = history.load();
  CHECK_FALSE(records->front().is_applied());
  CHECK_FALSE(records->front().is_failed());
}

TEST_CASE("initialize refuses a non-empty unmanaged database with P3005", "[migrate][history]") {
  TempDir dir;
  auto conn = open_db(dir);
  HistoryTable history(*conn, prismapp::dialect::sqlite::sqlite_dialect());
  CHECK_NOTHROW(history.initialize({"sqlite_sequence"}));
  TempDir dir2;
  auto conn2 = open_db(dir2);
  HistoryTable history2(*conn2, prismapp::dialect::sqlite::sqlite_dialect());
  try {
    history2.initialize({"User"});
    FAIL("expected P3005");
  } catch (const MigrateError& e) {
    CHECK(e.code == "P3005");
  }
}

TEST_CASE("apply_migrations applies in order, records failures, then refuses with P3009", "[migrate][apply]") {
  TempDir dir;
  add_migration(dir, "20240101000000_a", "CREATE TABLE \"A\" (\"id\" INTEGER PRIMARY KEY);\n");
  add_migration(dir, "20240102000000_b", "CREATE TABLE \"B\" (\"id\" INTEGER PRIMARY KEY);\n");
  auto conn = open_db(dir);
  const auto applied = apply_migrations(*conn, prismapp::dialect::sqlite::sqlite_dialect(), dir / "migrations");
  CHECK(applied == std::vector<std::string>{"20240101000000_a", "20240102000000_b"});
  CHECK(apply_migrations(*conn, prismapp::dialect::sqlite::sqlite_dialect(), dir / "migrations").empty());

  add_migration(dir, "20240103000000_bad", "CREATE TABLE \"C\" (\"id\" INTEGER);\nNOT SQL AT ALL;\n");
  try {
    apply_migrations(*conn, prismapp::dialect::sqlite::sqlite_dialect(), dir / "migrations");
    FAIL("expected P3018");
  } catch (const MigrateError& e) {
    CHECK(e.code == "P3018");
    CHECK(std::string(e.what()).find("Migration name: 20240103000000_bad") != std::string::npos);
    CHECK(std::string(e.what()).find("syntax error") != std::string::npos);
  }
  HistoryTable history(*conn, prismapp::dialect::sqlite::sqlite_dialect());
  const auto records = history.load();
  REQUIRE(records->size() == 3);
  CHECK(records->back().is_failed());
  CHECK(records->back().logs.value_or("").find("syntax error") != std::string::npos);
  try {
    apply_migrations(*conn, prismapp::dialect::sqlite::sqlite_dialect(), dir / "migrations");
    FAIL("expected P3009");
  } catch (const MigrateError& e) {
    CHECK(e.code == "P3009");
    CHECK(std::string(e.what()).find("The `20240103000000_bad` migration started at ") != std::string::npos);
  }
}

TEST_CASE("diagnose_history classifies applied, pending, failed, edited and missing migrations", "[migrate][diagnose]") {
  TempDir dir;
  add_migration(dir, "20240101000000_a", "A");
  add_migration(dir, "20240102000000_b", "B");
  auto folder = list_migrations(dir / "migrations");

  SECTION("no table") {
    const auto d = diagnose_history(folder, std::nullopt);
    CHECK_FALSE(d.has_migrations_table);
    CHECK(d.kind == HistoryDiagnosis::Kind::DatabaseIsBehind);
    CHECK(d.unapplied_migration_names.size() == 2);
  }
  auto record = [](std::string name, std::string script, bool finished) {
    MigrationRecord r;
    r.id = new_uuid_v4();
    r.migration_name = std::move(name);
    r.checksum = render_checksum(script);
    r.started_at = "1704110400000";
    if (finished) r.finished_at = "1704110400001";
    return r;
  };
  SECTION("in sync") {
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A", true), record("20240102000000_b", "B", true)});
    CHECK(d.kind == HistoryDiagnosis::Kind::InSync);
    CHECK(d.edited_migration_names.empty());
  }
  SECTION("edited and failed") {
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A changed", true), record("20240102000000_b", "B", false)});
    CHECK(d.edited_migration_names == std::vector<std::string>{"20240101000000_a"});
    CHECK(d.failed_migration_names == std::vector<std::string>{"20240102000000_b"});
  }
  SECTION("a rolled-back attempt is ignored once the fixed migration is applied") {
    auto rolled_back = record("20240102000000_b", "B broken", false);
    rolled_back.rolled_back_at = "1704110400002";
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A", true), rolled_back,
                                                        record("20240102000000_b", "B", true)});
    CHECK(d.kind == HistoryDiagnosis::Kind::InSync);
    CHECK(d.edited_migration_names.empty());
    CHECK(d.failed_migration_names.empty());
    CHECK(d.unapplied_migration_names.empty());
  }
  SECTION("a migration whose only row is rolled back is unapplied, not edited") {
    auto rolled_back = record("20240102000000_b", "B broken", false);
    rolled_back.rolled_back_at = "1704110400002";
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A", true), rolled_back});
    CHECK(d.kind == HistoryDiagnosis::Kind::DatabaseIsBehind);
    CHECK(d.unapplied_migration_names == std::vector<std::string>{"20240102000000_b"});
    CHECK(d.edited_migration_names.empty());
  }
  SECTION("rolled-back rows of a deleted migration are not unpersisted") {
    auto rolled_back = record("20231231000000_gone", "G", false);
    rolled_back.rolled_back_at = "1704110400002";
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A", true), record("20240102000000_b", "B", true),
                                                        rolled_back});
    CHECK(d.kind == HistoryDiagnosis::Kind::InSync);
    CHECK(d.unpersisted_migration_names.empty());
  }
  SECTION("migrations directory is behind") {
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A", true), record("20240102000000_b", "B", true),
                                                        record("20240103000000_gone", "G", true)});
    CHECK(d.kind == HistoryDiagnosis::Kind::MigrationsDirectoryIsBehind);
    CHECK(d.unpersisted_migration_names == std::vector<std::string>{"20240103000000_gone"});
  }
  SECTION("histories diverge") {
    const auto d = diagnose_history(folder, std::vector{record("20240101000000_a", "A", true), record("20231231000000_gone", "G", true)});
    CHECK(d.kind == HistoryDiagnosis::Kind::HistoriesDiverge);
    CHECK(d.last_common_migration_name == std::optional<std::string>("20240101000000_a"));
    CHECK(d.unpersisted_migration_names == std::vector<std::string>{"20231231000000_gone"});
    CHECK(d.unapplied_migration_names == std::vector<std::string>{"20240102000000_b"});
  }
}
