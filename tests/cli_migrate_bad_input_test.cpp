// The migration commands given bad input, through the real binary: a locked database, no
// migrations folder, a broken migration.sql, an applied migration edited afterwards, and a
// migration_lock.toml naming another provider. Each must fail clearly (Prisma's code and wording)
// and leave the data already in the database alone.
#include <catch2/catch.hpp>

#include "core/dialect/sqlite/sqlite_connection.hpp"
#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace sqlite = prismapp::dialect::sqlite;

namespace {

const char* const kSchema =
    "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
    "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n";

std::unique_ptr<sqlite::SqliteConnection> open_db(const TempDir& dir) {
  sqlite::SqliteUrl url;
  url.file_path = (dir / "prisma/dev.db").string();
  return sqlite::SqliteConnection::open(url);
}

// socket_timeout=1 keeps the busy wait of the locked-database case short.
RunOptions env() {
  RunOptions options;
  options.env["DATABASE_URL"] = "file:./dev.db?socket_timeout=1";
  return options;
}

RunResult run(const TempDir& dir, const std::vector<std::string>& args) { return run_prismapp(dir.path(), args, env()); }

// A project migrated once (`..._init`), holding one User row.
std::string migrated_project(const TempDir& dir) {
  write_file(dir / "prisma/schema.prisma", kSchema);
  const auto r = run(dir, {"migrate", "dev", "--name", "init"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  open_db(dir)->execute_script("INSERT INTO \"User\" (\"email\") VALUES ('kept@example.com');");
  for (const auto& e : std::filesystem::directory_iterator(dir / "prisma/migrations"))
    if (e.is_directory()) return e.path().filename().string();
  FAIL("no migration folder");
  return {};
}

std::string user_emails(const TempDir& dir) {
  std::string out;
  for (const auto& row : open_db(dir)->query("SELECT \"email\" FROM \"User\" ORDER BY \"id\"")) out += row.at(0).value_or("NULL") + ";";
  return out;
}

}  // namespace

TEST_CASE("migrate deploy on a database another connection holds locked fails clearly", "[cli][migrate][bad-input]") {
  TempDir dir;
  migrated_project(dir);
  write_file(dir / "prisma/migrations/29990101000000_more/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n");
  {
    auto holder = open_db(dir);
    holder->execute_script("BEGIN EXCLUSIVE;");
    const auto r = run(dir, {"migrate", "deploy"});
    INFO(r.out << r.err);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.signaled);
    CHECK(contains(r.err, "P1008"));
    CHECK(contains(r.err, "database is locked"));
    holder->execute_script("ROLLBACK;");
  }
  // Nothing was recorded as failed: the next deploy simply applies the migration.
  const auto r = run(dir, {"migrate", "deploy"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "29990101000000_more"));
  CHECK(user_emails(dir) == "kept@example.com;");
}

TEST_CASE("migrate deploy and status without a migrations folder", "[cli][migrate][bad-input]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", kSchema);
  auto r = run(dir, {"migrate", "status"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "No migration found in prisma/migrations"));
  CHECK(contains(r.err, "The current database is not managed by Prisma Migrate."));

  r = run(dir, {"migrate", "deploy"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "No migration found in prisma/migrations"));
  CHECK(contains(r.out, "No pending migrations to apply."));
  CHECK_FALSE(std::filesystem::exists(dir / "prisma/migrations"));

  r = run(dir, {"migrate", "status"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "No migration found in prisma/migrations"));
  CHECK(contains(r.out, "Database schema is up to date!"));
}

TEST_CASE("a migration.sql with a syntax error: P3018, then P3009, data intact", "[cli][migrate][bad-input]") {
  TempDir dir;
  migrated_project(dir);
  write_file(dir / "prisma/migrations/29990101000000_broken/migration.sql",
             "CREATE TABLE \"Post\" (\"id\" INTEGER PRIMARY KEY);\nCREATE TABLE \"Oops\" (\n");
  auto r = run(dir, {"migrate", "deploy"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P3018"));
  CHECK(contains(r.err, "Migration name: 29990101000000_broken"));
  CHECK(contains(r.err, "incomplete input"));

  const auto rows = open_db(dir)->query(
      "SELECT \"finished_at\" IS NULL, \"logs\" IS NOT NULL FROM \"_prisma_migrations\" "
      "WHERE \"migration_name\" = '29990101000000_broken'");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == "1");
  CHECK(rows[0][1] == "1");

  r = run(dir, {"migrate", "deploy"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P3009"));
  CHECK(contains(r.err, "The `29990101000000_broken` migration started at"));
  CHECK(user_emails(dir) == "kept@example.com;");

  r = run(dir, {"migrate", "status"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Following migration have failed:\n29990101000000_broken"));
}

TEST_CASE("an applied migration edited afterwards", "[cli][migrate][bad-input]") {
  TempDir dir;
  const std::string init = migrated_project(dir);
  const auto script = dir / ("prisma/migrations/" + init + "/migration.sql");
  write_file(script, read_file(script) + "-- edited\n");

  auto r = run(dir, {"migrate", "dev", "--name", "next"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "The migration `" + init + "` was modified after it was applied."));
  CHECK(contains(r.err, "Prisma Migrate has detected that the environment is non-interactive"));

  // Prisma's status does not look at checksums (MigrateStatus.ts ignores editedMigrationNames);
  // deploy does not either: the history is complete, so nothing is applied and nothing is lost.
  r = run(dir, {"migrate", "deploy"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "No pending migrations to apply."));
  CHECK(user_emails(dir) == "kept@example.com;");
}

TEST_CASE("a migration_lock.toml of another provider: P3019", "[cli][migrate][bad-input]") {
  TempDir dir;
  migrated_project(dir);
  write_file(dir / "prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
  const std::vector<std::vector<std::string>> commands{{"migrate", "deploy"}, {"migrate", "dev", "--name", "x"}};
  for (const auto& args : commands) {
    const auto r = run(dir, args);
    INFO(args[1] << "\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "P3019"));
    CHECK(contains(r.err, "The datasource provider `sqlite` specified in your schema does not match the one specified "
                          "in the migration_lock.toml, `postgresql`."));
  }
  CHECK(user_emails(dir) == "kept@example.com;");
}
