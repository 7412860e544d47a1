// The migration commands end to end through the real binary against PostgreSQL 15 (the local
// test server, PRISMAPP_TEST_POSTGRES_URL): a PostgreSQL project's life (dev, status, deploy,
// reset, resolve, diff, db push, db execute), bad input (credentials, unreachable server, missing
// database, no permission for the shadow database, a migration failing half-way) and concurrent
// deploys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include "core/dialect/postgres/postgres_connection.hpp"
#include "core/dialect/postgres/postgres_url.hpp"
#include "tests/cli_support.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp::testing;
using prismapp::dialect::postgres::PostgresConnection;
using prismapp::dialect::postgres::quote_identifier;
namespace fs = std::filesystem;

namespace {

const char* const kUserModel =
    "\nmodel User {\n"
    "  id    Int    @id @default(autoincrement())\n"
    "  email String @unique\n"
    "}\n";

const char* const kUserPostModels =
    "\nmodel User {\n"
    "  id    Int     @id @default(autoincrement())\n"
    "  email String  @unique\n"
    "  name  String?\n"
    "  posts Post[]\n"
    "}\n\n"
    "model Post {\n"
    "  id       Int      @id @default(autoincrement())\n"
    "  title    String   @db.VarChar(200)\n"
    "  created  DateTime @default(now())\n"
    "  author   User     @relation(fields: [authorId], references: [id])\n"
    "  authorId Int\n"
    "}\n";

void write_schema(const TempDir& dir, const char* models) {
  write_file(dir / "prisma/schema.prisma",
             "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n" + std::string(models));
}

std::vector<std::string> table_names(const PostgresTestDatabase& db) {
  std::vector<std::string> names;
  for (const auto& row : db.connect()->query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
    names.push_back(row[0].value_or(""));
  return names;
}

const prismapp::dialect::postgres::PostgresUrl& admin_url() {
  static const auto admin = prismapp::dialect::postgres::parse_postgres_url(postgres_admin_url());
  return admin;
}

std::string location() { return admin_url().host + ":" + std::to_string(admin_url().port); }

// The admin server with other credentials and database.
std::string url_as(const std::string& user, const std::string& password, const std::string& database) {
  return "postgresql://" + user + ":" + password + "@" + location() + "/" + database;
}

// A database that does not exist yet, dropped at the end if a command created it.
PostgresTestDatabase future_database(std::string_view tag) {
  const std::string name = "prismapp_test_" + std::string(tag) + "_" + random_suffix();
  return PostgresTestDatabase(name, prismapp::dialect::postgres::with_database(postgres_admin_url(), name));
}

// A role that may log in and own one database, but not create databases; dropped at the end
// (after the databases it owns: declare it before them).
struct RestrictedRole {
  std::string name;
  std::string password = "restricted-secret-pw";
  RestrictedRole() : name("prismapp_r_" + random_suffix()) {
    PostgresConnection::open(postgres_admin_url())
        ->execute_script("CREATE ROLE " + name + " LOGIN NOCREATEDB PASSWORD '" + password + "'");
  }
  void own(const std::string& database) const {
    PostgresConnection::open(postgres_admin_url())
        ->execute_script("ALTER DATABASE " + quote_identifier(database) + " OWNER TO " + name);
    PostgresConnection::open(prismapp::dialect::postgres::with_database(postgres_admin_url(), database))
        ->execute_script("ALTER SCHEMA public OWNER TO " + name);
  }
  ~RestrictedRole() {
    try {
      auto admin = PostgresConnection::open(postgres_admin_url());
      admin->execute_script("DROP OWNED BY " + name + " CASCADE");
      admin->execute_script("DROP ROLE IF EXISTS " + name);
    } catch (...) {
    }
  }
  RestrictedRole(const RestrictedRole&) = delete;
  RestrictedRole& operator=(const RestrictedRole&) = delete;
};

}  // namespace

TEST_CASE("postgres: dev, dev again, status, deploy on a fresh database, diff, db push, db execute, reset",
          "[postgres][cli]") {
  TempDir dir;
  auto main_db = future_database("cli_main");
  const RunOptions main = with_url(main_db.url);
  write_schema(dir, kUserModel);

  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "PostgreSQL database " + main_db.name + " created at " + location()));
  CHECK(contains(r.err, "Datasource \"db\": PostgreSQL database \"" + main_db.name + "\", schema \"public\" at \"" +
                            location() + "\""));
  CHECK(contains(r.out, "Your database is now in sync with your schema."));
  REQUIRE(migration_names(dir).size() == 1);
  CHECK(contains(read_file(dir / "prisma/migrations/migration_lock.toml"), "provider = \"postgresql\""));
  const std::string init_sql = read_file(dir / ("prisma/migrations/" + migration_names(dir)[0] + "/migration.sql"));
  CHECK(contains(init_sql, "CREATE TABLE \"User\""));
  CHECK(table_names(main_db) == std::vector<std::string>{"User", "_prisma_migrations"});
  CHECK_FALSE(contains(r.out + r.err, ":" + admin_url().password.value_or("") + "@"));

  next_second();
  write_schema(dir, kUserPostModels);
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "posts"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto names = migration_names(dir);
  REQUIRE(names.size() == 2);

  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "nothing"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Already in sync, no schema change or pending migration was found."));
  CHECK(migration_names(dir).size() == 2);

  r = run_prismapp(dir.path(), {"migrate", "status"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "2 migrations found in prisma/migrations"));
  CHECK(contains(r.out, "Database schema is up to date!"));

  // The history table as Prisma writes it: finished, one step each, sha256 of the file, UTC.
  {
    const auto rows = main_db.connect()->query(
        "SELECT migration_name, applied_steps_count, finished_at IS NOT NULL, logs IS NULL, rolled_back_at IS NULL, "
        "checksum, abs(extract(epoch FROM (now() - started_at))) < 600, length(id) "
        "FROM _prisma_migrations ORDER BY started_at");
    REQUIRE(rows.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(rows[i][0] == std::optional<std::string>(names[i]));
      CHECK(rows[i][1] == std::optional<std::string>("1"));
      CHECK(rows[i][2] == std::optional<std::string>("t"));
      CHECK(rows[i][3] == std::optional<std::string>("t"));
      CHECK(rows[i][4] == std::optional<std::string>("t"));
      CHECK(rows[i][6] == std::optional<std::string>("t"));
      CHECK(rows[i][7] == std::optional<std::string>("36"));
      // sha256 of migration.sql, as PostgreSQL computes it over the same bytes.
      const std::string file = read_file(dir / ("prisma/migrations/" + names[i] + "/migration.sql"));
      CHECK(rows[i][5] == std::optional<std::string>(scalar(main_db, "SELECT encode(sha256(convert_to(?, 'UTF8')), 'hex')", {file})));
    }
  }

  // A fresh database: status reports pending migrations, deploy applies them.
  auto fresh = fresh_postgres_database("cli_fresh");
  r = run_prismapp(dir.path(), {"migrate", "status"}, with_url(fresh.url));
  CHECK(r.exit_code == 1);
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url(fresh.url));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "All migrations have been successfully applied."));
  CHECK(contains(r.out, names[0]));
  CHECK(contains(r.out, names[1]));
  CHECK(table_names(fresh) == std::vector<std::string>{"Post", "User", "_prisma_migrations"});
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url(fresh.url));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "No pending migrations to apply."));

  // migrate diff from the migrations (replayed on a configured shadow database) to the schema.
  auto shadow = fresh_postgres_database("cli_shadow");
  r = run_prismapp(dir.path(), {"migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel",
                                "prisma/schema.prisma", "--shadow-database-url", shadow.url, "--exit-code"},
                   main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "No difference detected."));
  r = run_prismapp(dir.path(), {"migrate", "diff", "--from-migrations", "prisma/migrations", "--to-empty",
                                "--shadow-database-url", shadow.url, "--script"},
                   main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "DROP TABLE \"Post\";"));
  CHECK(contains(r.out, "DROP TABLE \"User\";"));

  // db push on another database, then db execute there.
  auto pushed = future_database("cli_push");
  r = run_prismapp(dir.path(), {"db", "push"}, with_url(pushed.url));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Your database is now in sync with your Prisma schema."));
  CHECK(table_names(pushed) == std::vector<std::string>{"Post", "User"});
  r = run_prismapp(dir.path(), {"db", "push"}, with_url(pushed.url));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "The database is already in sync with the Prisma schema."));
  write_file(dir / "seed.sql",
             "INSERT INTO \"User\" (\"email\") VALUES ('a@example.com');\n"
             "INSERT INTO \"Post\" (\"title\", \"authorId\") SELECT 'hello; world', \"id\" FROM \"User\";\n");
  r = run_prismapp(dir.path(), {"db", "execute", "--schema", "prisma/schema.prisma", "--file", "seed.sql"},
                   with_url(pushed.url));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Script executed successfully."));
  CHECK(scalar(pushed, "SELECT title FROM \"Post\"") == "hello; world");
  write_file(dir / "bad.sql", "SELEC 1;\n");
  r = run_prismapp(dir.path(), {"db", "execute", "--url", pushed.url, "--file", "bad.sql"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "syntax error at or near \"SELEC\""));

  // Reset: drops everything and re-applies the migrations.
  main_db.connect()->execute("INSERT INTO \"User\" (\"email\") VALUES ('gone@example.com')");
  r = run_prismapp(dir.path(), {"migrate", "reset", "--force"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Database reset successful"));
  CHECK(scalar(main_db, "SELECT count(*) FROM \"User\"") == "0");
  CHECK(table_names(main_db) == std::vector<std::string>{"Post", "User", "_prisma_migrations"});
  CHECK(run_prismapp(dir.path(), {"migrate", "status"}, main).exit_code == 0);

  // No shadow database was left behind by migrate dev.
  CHECK(scalar(main_db, "SELECT count(*) FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'") == "0");
}

TEST_CASE("postgres: a non-default schema from the URL", "[postgres][cli]") {
  TempDir dir;
  auto db = fresh_postgres_database("cli_schema");
  const RunOptions options = with_url(db.url_with("schema=app"));
  write_schema(dir, kUserModel);
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, options);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "schema \"app\""));
  CHECK(scalar(db, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'app'") ==
        "User,_prisma_migrations");
  CHECK(table_names(db).empty());
  r = run_prismapp(dir.path(), {"migrate", "status"}, options);
  CHECK(r.exit_code == 0);
}

TEST_CASE("postgres: a migration failing half-way is P3018 with Prisma's logs, then P3009, then recovery",
          "[postgres][cli][bad-input]") {
  TempDir dir;
  auto db = fresh_postgres_database("cli_fail");
  const RunOptions options = with_url(db.url);
  write_schema(dir, kUserModel);
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, options);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);

  // Statement 2 of 3 fails; the script ran as one implicit transaction, so statement 1 is undone.
  const std::string broken = "29990101000000_broken";
  write_file(dir / ("prisma/migrations/" + broken + "/migration.sql"),
             "-- CreateTable\nCREATE TABLE \"Temp\" (\"id\" INTEGER NOT NULL);\n\n"
             "-- Oops\nALTER TABLE \"Missing\" ADD COLUMN \"x\" INTEGER;\n\n"
             "CREATE TABLE \"Never\" (\"id\" INTEGER);\n");
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Error: P3018"));
  CHECK(contains(r.err, "Migration name: " + broken));
  CHECK(contains(r.err, "Database error code: 42P01"));
  // (PostgreSQL gives no position for this error, so Prisma prints no "Position:" block.)
  CHECK(contains(r.err, "Database error:\nERROR: relation \"Missing\" does not exist\n\nDbError { severity: \"ERROR\""));
  CHECK(contains(r.err, "DbError { severity: \"ERROR\", parsed_severity: Some(Error), code: SqlState(E42P01)"));
  CHECK(table_names(db) == std::vector<std::string>{"User", "_prisma_migrations"});
  {
    const auto rows = db.connect()->query(
        "SELECT finished_at IS NULL, applied_steps_count, logs FROM _prisma_migrations WHERE migration_name = ?", {broken});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == std::optional<std::string>("t"));
    CHECK(rows[0][1] == std::optional<std::string>("0"));
    CHECK(contains(rows[0][2].value_or(""), "Database error code: 42P01"));
    CHECK(contains(rows[0][2].value_or(""), "ERROR: relation \"Missing\" does not exist"));
  }

  r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Error: P3009"));
  CHECK(contains(r.err, "The `" + broken + "` migration started at "));
  r = run_prismapp(dir.path(), {"migrate", "status"}, options);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Following migration have failed:\n" + broken));

  // Recovery: mark rolled back, fix, deploy.
  r = run_prismapp(dir.path(), {"migrate", "resolve", "--rolled-back", broken}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Migration " + broken + " marked as rolled back."));
  write_file(dir / ("prisma/migrations/" + broken + "/migration.sql"),
             "-- CreateTable\nCREATE TABLE \"Temp\" (\"id\" INTEGER NOT NULL);\n");
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, broken));
  CHECK(scalar(db, "SELECT count(*) FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NOT NULL", {broken}) == "1");
  CHECK(scalar(db, "SELECT count(*) FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL", {broken}) == "1");

  // resolve --applied on a migration never run.
  write_file(dir / "prisma/migrations/29990102000000_manual/migration.sql", "CREATE TABLE \"Manual\" (\"id\" INTEGER);\n");
  r = run_prismapp(dir.path(), {"migrate", "resolve", "--applied", "29990102000000_manual"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Migration 29990102000000_manual marked as applied."));
  CHECK(contains(run_prismapp(dir.path(), {"migrate", "deploy"}, options).out, "No pending migrations to apply."));
  CHECK(table_names(db) == std::vector<std::string>{"Temp", "User", "_prisma_migrations"});
}

TEST_CASE("postgres: wrong password, unreachable server, missing database; passwords never printed",
          "[postgres][cli][bad-input]") {
  TempDir dir;
  write_schema(dir, kUserModel);
  const auto& admin = admin_url();

  auto r = run_prismapp(dir.path(), {"migrate", "status"}, with_url(url_as(admin.user, "not-the-pw-xyz", "postgres")));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1000"));
  CHECK(contains(r.err, "Authentication failed against database server at `" + admin.host +
                            "`, the provided database credentials for `" + admin.user + "` are not valid."));
  CHECK_FALSE(contains(r.out + r.err, "not-the-pw-xyz"));

  r = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url("postgresql://postgres:hidden-pw-123@127.0.0.1:1/db"));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1001"));
  CHECK(contains(r.err, "Can't reach database server at `127.0.0.1`:`1`"));
  CHECK_FALSE(contains(r.out + r.err, "hidden-pw-123"));

  // migrate status does not create a missing database; migrate dev does.
  auto missing = future_database("cli_missing");
  r = run_prismapp(dir.path(), {"migrate", "status"}, with_url(missing.url));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1003"));
  CHECK(contains(r.err, "Database `" + missing.name + "` does not exist on the database server at `" + location() + "`."));
  CHECK_FALSE(contains(r.out + r.err, ":" + admin.password.value_or("") + "@"));
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, with_url(missing.url));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "PostgreSQL database " + missing.name + " created at " + location()));

  r = run_prismapp(dir.path(), {"migrate", "status"}, with_url("postgresql://postgres:pw-in-bad-url@127.0.0.1:notaport/db"));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1013"));
  CHECK_FALSE(contains(r.out + r.err, "pw-in-bad-url"));
}

TEST_CASE("postgres: migrate dev without CREATEDB is P3014; a configured shadow database works",
          "[postgres][cli][bad-input]") {
  TempDir dir;
  RestrictedRole role;
  auto db = fresh_postgres_database("cli_noperm");
  role.own(db.name);
  write_schema(dir, kUserModel);
  const RunOptions options = with_url(url_as(role.name, role.password, db.name));
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P3014"));
  CHECK(contains(r.err, "Prisma Migrate could not create the shadow database. Please make sure the database user has "
                        "permission to create databases."));
  CHECK(contains(r.err, "ERROR: permission denied to create database"));
  CHECK_FALSE(contains(r.out + r.err, role.password));

  // With a shadow database of its own, the same role can work.
  auto shadow = fresh_postgres_database("cli_noperm_shadow");
  role.own(shadow.name);
  RunOptions with_shadow = options;
  with_shadow.env["SHADOW_DATABASE_URL"] = url_as(role.name, role.password, shadow.name);
  write_file(dir / "prisma/schema.prisma",
             "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n"
             "  shadowDatabaseUrl = env(\"SHADOW_DATABASE_URL\")\n}\n" +
                 std::string(kUserModel));
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, with_shadow);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(table_names(db) == std::vector<std::string>{"User", "_prisma_migrations"});
}

TEST_CASE("postgres: eight concurrent migrate deploy processes apply each migration once",
          "[postgres][concurrency]") {
  TempDir dir;
  auto db = fresh_postgres_database("cli_conc");
  write_schema(dir, kUserModel);
  for (int i = 1; i <= 5; ++i) {
    const std::string name = "2024010100000" + std::to_string(i) + "_m" + std::to_string(i);
    write_file(dir / ("prisma/migrations/" + name + "/migration.sql"),
               "CREATE TABLE \"T" + std::to_string(i) + "\" (\"id\" INTEGER NOT NULL);\nSELECT pg_sleep(0.05);\nINSERT INTO \"T" +
                   std::to_string(i) + "\" VALUES (1);\n");
  }
  write_file(dir / "prisma/migrations/migration_lock.toml",
             "# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n"
             "provider = \"postgresql\"\n");

  std::vector<RunResult> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url(db.url)); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  // Each migration ran exactly once: one history row each, none failed, one row in each table.
  auto conn = db.connect();
  CHECK(conn->query("SELECT count(*), count(DISTINCT migration_name) FROM _prisma_migrations WHERE finished_at IS NOT NULL")[0] ==
        prismapp::dialect::Row{std::string("5"), std::string("5")});
  CHECK(conn->query("SELECT count(*) FROM _prisma_migrations")[0][0] == std::optional<std::string>("5"));
  for (int i = 1; i <= 5; ++i)
    CHECK(conn->query("SELECT count(*) FROM \"T" + std::to_string(i) + "\"")[0][0] == std::optional<std::string>("1"));
}

TEST_CASE("postgres: migrate deploy waits 10 s for the advisory lock, then P1002", "[postgres][cli][bad-input][slow]") {
  TempDir dir;
  auto db = fresh_postgres_database("cli_lock");
  write_schema(dir, kUserModel);
  write_file(dir / "prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INTEGER);\n");
  auto holder = db.connect();
  REQUIRE(holder->query("SELECT pg_try_advisory_lock(72707369)")[0][0] == std::optional<std::string>("t"));
  const auto started = std::chrono::steady_clock::now();
  auto r = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url(db.url));
  const auto waited = std::chrono::steady_clock::now() - started;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1002"));
  CHECK(contains(r.err, "Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369))."));
  CHECK(waited >= std::chrono::seconds(9));
  CHECK(table_names(db).empty());

  RunOptions unlocked = with_url(db.url);
  unlocked.env["PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"] = "1";
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, unlocked);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(table_names(db) == std::vector<std::string>{"User", "_prisma_migrations"});
}
