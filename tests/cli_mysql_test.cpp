// The migration commands end to end through the real binary against MariaDB (the local test
// server, PRISMAPP_TEST_MYSQL_URL): a MySQL project's life (dev, status, deploy, reset, resolve,
// diff, db push, db execute), bad input (credentials, unreachable server, missing database, no
// permission for the shadow database, a migration failing half-way) and concurrent deploys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include "core/dialect/mysql/mysql_connection.hpp"
#include "core/dialect/mysql/mysql_script.hpp"
#include "core/dialect/mysql/mysql_url.hpp"
#include "tests/cli_support.hpp"
#include "tests/support/mysql_test_db.hpp"

using namespace prismapp::testing;
using prismapp::dialect::mysql::MysqlConnection;
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
             "datasource db {\n  provider = \"mysql\"\n  url      = env(\"DATABASE_URL\")\n}\n" + std::string(models));
}

std::vector<std::string> table_names(const MysqlTestDatabase& db) {
  std::vector<std::string> names;
  for (const auto& row : db.connect()->query(
           "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", {db.name}))
    names.push_back(row[0].value_or(""));
  return names;
}

// The admin URL with other credentials and database.
std::string url_as(const std::string& user, const std::string& password, const std::string& database) {
  const auto admin = prismapp::dialect::mysql::parse_mysql_url(mysql_admin_url());
  return "mysql://" + user + ":" + password + "@" + admin.host + ":" + std::to_string(admin.port) + "/" + database;
}

// A database that does not exist yet, dropped at the end if a command created it.
MysqlTestDatabase future_database(std::string_view tag) {
  const std::string name = "prismapp_test_" + std::string(tag) + "_" + random_suffix();
  return MysqlTestDatabase(name, prismapp::dialect::mysql::mysql_url_with_database(mysql_admin_url(), name));
}

// A user with privileges on one database only (no CREATE DATABASE elsewhere), dropped at the end.
struct RestrictedUser {
  std::string name;
  std::string password = "restricted-secret-pw";
  explicit RestrictedUser(const std::string& database) : name("prismapp_u_" + random_suffix()) {
    auto admin = MysqlConnection::open(mysql_admin_url());
    for (const char* host : {"%", "localhost"}) {
      admin->execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
      admin->execute("GRANT ALL PRIVILEGES ON " + prismapp::dialect::mysql::quote_mysql_identifier(database) + ".* TO '" +
                     name + "'@'" + host + "'");
    }
  }
  ~RestrictedUser() {
    try {
      auto admin = MysqlConnection::open(mysql_admin_url());
      for (const char* host : {"%", "localhost"}) admin->execute("DROP USER IF EXISTS '" + name + "'@'" + host + "'");
    } catch (...) {
    }
  }
  RestrictedUser(const RestrictedUser&) = delete;
  RestrictedUser& operator=(const RestrictedUser&) = delete;
};

}  // namespace

TEST_CASE("mysql: dev, dev again, status, deploy on a fresh database, db push, db execute, reset", "[mysql][cli]") {
  TempDir dir;
  auto main_db = future_database("cli_main");
  const RunOptions main = with_url(main_db.url);
  write_schema(dir, kUserModel);

  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto admin = prismapp::dialect::mysql::parse_mysql_url(mysql_admin_url());
  const std::string location = admin.host + ":" + std::to_string(admin.port);
  CHECK(contains(r.out, "MySQL database " + main_db.name + " created at " + location));
  CHECK(contains(r.err, "Datasource \"db\": MySQL database \"" + main_db.name + "\" at \"" + location + "\""));
  CHECK(contains(r.out, "Your database is now in sync with your schema."));
  REQUIRE(migration_names(dir).size() == 1);
  CHECK(read_file(dir / "prisma/migrations/migration_lock.toml").find("provider = \"mysql\"") != std::string::npos);
  CHECK(contains(read_file(dir / ("prisma/migrations/" + migration_names(dir)[0] + "/migration.sql")), "CREATE TABLE `User`"));
  CHECK(table_names(main_db) == std::vector<std::string>{"User", "_prisma_migrations"});

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

  // The history table as Prisma writes it: finished, one step each, UTC timestamps.
  {
    const auto rows = main_db.connect()->query(
        "SELECT migration_name, applied_steps_count, finished_at IS NOT NULL, logs IS NULL, rolled_back_at IS NULL, "
        "LENGTH(checksum), ABS(TIMESTAMPDIFF(SECOND, started_at, UTC_TIMESTAMP())) < 600 "
        "FROM _prisma_migrations ORDER BY started_at");
    REQUIRE(rows.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(rows[i][0] == std::optional<std::string>(names[i]));
      CHECK(rows[i][1] == std::optional<std::string>("1"));
      CHECK(rows[i][2] == std::optional<std::string>("1"));
      CHECK(rows[i][3] == std::optional<std::string>("1"));
      CHECK(rows[i][4] == std::optional<std::string>("1"));
      CHECK(rows[i][5] == std::optional<std::string>("64"));
      CHECK(rows[i][6] == std::optional<std::string>("1"));
    }
  }

  // A fresh database: status reports pending migrations, deploy applies them.
  auto fresh = fresh_mysql_database("cli_fresh");
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
  auto shadow = fresh_mysql_database("cli_shadow");
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
  CHECK(contains(r.out, "DROP TABLE `Post`;"));
  CHECK(contains(r.out, "DROP TABLE `User`;"));

  // db push on another database, then db execute there.
  auto pushed = future_database("cli_push");
  r = run_prismapp(dir.path(), {"db", "push"}, with_url(pushed.url));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Your database is now in sync with your Prisma schema."));
  CHECK(table_names(pushed) == std::vector<std::string>{"Post", "User"});
  write_file(dir / "seed.sql",
             "INSERT INTO `User` (`email`) VALUES ('a@example.com');\n"
             "INSERT INTO `Post` (`title`, `authorId`) SELECT 'hello; world', `id` FROM `User`;\n");
  r = run_prismapp(dir.path(), {"db", "execute", "--schema", "prisma/schema.prisma", "--file", "seed.sql"},
                   with_url(pushed.url));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Script executed successfully."));
  CHECK(pushed.connect()->query("SELECT title FROM Post")[0][0] == std::optional<std::string>("hello; world"));
  write_file(dir / "bad.sql", "SELEC 1;\n");
  r = run_prismapp(dir.path(), {"db", "execute", "--url", pushed.url, "--file", "bad.sql"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "You have an error in your SQL syntax"));

  // Reset: drops everything and re-applies the migrations.
  main_db.connect()->execute("INSERT INTO `User` (`email`) VALUES ('gone@example.com')");
  r = run_prismapp(dir.path(), {"migrate", "reset", "--force"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Database reset successful"));
  CHECK(main_db.connect()->query("SELECT COUNT(*) FROM `User`")[0][0] == std::optional<std::string>("0"));
  CHECK(table_names(main_db) == std::vector<std::string>{"Post", "User", "_prisma_migrations"});
  CHECK(run_prismapp(dir.path(), {"migrate", "status"}, main).exit_code == 0);

}

TEST_CASE("mysql: a migration failing half-way is P3018 with the query number, then P3009, then recovery",
          "[mysql][cli][bad-input]") {
  TempDir dir;
  auto db = fresh_mysql_database("cli_fail");
  const RunOptions options = with_url(db.url);
  write_schema(dir, kUserModel);
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, options);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);

  // Statement 2 of 3 fails; statement 1 stays applied (MySQL DDL is not transactional).
  const std::string broken = "29990101000000_broken";
  write_file(dir / ("prisma/migrations/" + broken + "/migration.sql"),
             "-- CreateTable\nCREATE TABLE `Temp` (`id` INTEGER NOT NULL);\n\n"
             "-- Oops\nALTER TABLE `Missing` ADD COLUMN `x` INTEGER;\n\n"
             "CREATE TABLE `Never` (`id` INTEGER);\n");
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Error: P3018"));
  CHECK(contains(r.err, "Migration name: " + broken));
  CHECK(contains(r.err, "Database error code: 1146"));
  CHECK(contains(r.err, "Table '" + db.name + ".Missing' doesn't exist\n\nPlease check the query number 2 from the migration file."));
  CHECK(table_names(db) == std::vector<std::string>{"Temp", "User", "_prisma_migrations"});
  {
    const auto rows = db.connect()->query(
        "SELECT finished_at IS NULL, applied_steps_count, logs FROM _prisma_migrations WHERE migration_name = ?", {broken});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == std::optional<std::string>("1"));
    CHECK(rows[0][1] == std::optional<std::string>("0"));
    CHECK(contains(rows[0][2].value_or(""), "Please check the query number 2 from the migration file."));
  }

  r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Error: P3009"));
  CHECK(contains(r.err, "The `" + broken + "` migration started at "));
  r = run_prismapp(dir.path(), {"migrate", "status"}, options);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "Following migration have failed:\n" + broken));

  // Recovery: undo by hand, mark rolled back, fix, deploy.
  write_file(dir / "undo.sql", "DROP TABLE IF EXISTS `Temp`;\n");
  r = run_prismapp(dir.path(), {"db", "execute", "--schema", "prisma/schema.prisma", "--file", "undo.sql"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  r = run_prismapp(dir.path(), {"migrate", "resolve", "--rolled-back", broken}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Migration " + broken + " marked as rolled back."));
  write_file(dir / ("prisma/migrations/" + broken + "/migration.sql"),
             "-- CreateTable\nCREATE TABLE `Temp` (`id` INTEGER NOT NULL);\n");
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, broken));
  CHECK(db.connect()->query("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NOT NULL",
                            {broken})[0][0] == std::optional<std::string>("1"));
  CHECK(db.connect()->query("SELECT COUNT(*) FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL",
                            {broken})[0][0] == std::optional<std::string>("1"));

  // resolve --applied on a migration never run.
  write_file(dir / "prisma/migrations/29990102000000_manual/migration.sql", "CREATE TABLE `Manual` (`id` INTEGER);\n");
  r = run_prismapp(dir.path(), {"migrate", "resolve", "--applied", "29990102000000_manual"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Migration 29990102000000_manual marked as applied."));
  CHECK(run_prismapp(dir.path(), {"migrate", "deploy"}, options).out.find("No pending migrations to apply.") !=
        std::string::npos);
}

TEST_CASE("mysql: wrong password, unreachable server, missing database; passwords never printed",
          "[mysql][cli][bad-input]") {
  TempDir dir;
  write_schema(dir, kUserModel);
  const auto admin = prismapp::dialect::mysql::parse_mysql_url(mysql_admin_url());

  auto r = run_prismapp(dir.path(), {"migrate", "status"}, with_url(url_as(admin.user, "not-the-pw-xyz", "whatever")));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1000"));
  CHECK(contains(r.err, "Authentication failed against database server at `" + admin.host +
                            "`, the provided database credentials for `" + admin.user + "` are not valid."));
  CHECK_FALSE(contains(r.out + r.err, "not-the-pw-xyz"));

  r = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url("mysql://prisma:hidden-pw-123@127.0.0.1:1/db"));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1001"));
  CHECK(contains(r.err, "Can't reach database server at `127.0.0.1`:`1`"));
  CHECK_FALSE(contains(r.out + r.err, "hidden-pw-123"));

  const std::string missing = "prismapp_test_missing_" + random_suffix();
  r = run_prismapp(dir.path(), {"migrate", "status"}, with_url(url_as(admin.user, admin.password.value_or(""), missing)));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1003"));
  CHECK(contains(r.err, "Database `" + missing + "` does not exist on the database server at `" + admin.host + ":" +
                            std::to_string(admin.port) + "`."));
  CHECK_FALSE(contains(r.out + r.err, ":" + admin.password.value_or("") + "@"));

  r = run_prismapp(dir.path(), {"migrate", "status"}, with_url("mysql://prisma:pw-in-bad-url@127.0.0.1:notaport/db"));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1013"));
  CHECK_FALSE(contains(r.out + r.err, "pw-in-bad-url"));
}

TEST_CASE("mysql: migrate dev without permission to create the shadow database is P3014", "[mysql][cli][bad-input]") {
  TempDir dir;
  auto db = fresh_mysql_database("cli_noperm");
  RestrictedUser user(db.name);
  write_schema(dir, kUserModel);
  const RunOptions options = with_url(url_as(user.name, user.password, db.name));
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P3014"));
  CHECK(contains(r.err, "Prisma Migrate could not create the shadow database. Please make sure the database user has "
                        "permission to create databases."));
  CHECK(contains(r.err, "User `" + user.name + "` was denied access on the database `" + db.name + "`"));
  CHECK_FALSE(contains(r.out + r.err, user.password));

  // With a shadow database of its own, the same user can work.
  auto shadow = fresh_mysql_database("cli_noperm_shadow");
  auto admin = MysqlConnection::open(mysql_admin_url());
  for (const char* host : {"%", "localhost"})
    admin->execute("GRANT ALL PRIVILEGES ON " + prismapp::dialect::mysql::quote_mysql_identifier(shadow.name) + ".* TO '" +
                   user.name + "'@'" + host + "'");
  RunOptions with_shadow = options;
  with_shadow.env["SHADOW_DATABASE_URL"] = url_as(user.name, user.password, shadow.name);
  write_file(dir / "prisma/schema.prisma",
             "datasource db {\n  provider = \"mysql\"\n  url      = env(\"DATABASE_URL\")\n"
             "  shadowDatabaseUrl = env(\"SHADOW_DATABASE_URL\")\n}\n" +
                 std::string(kUserModel));
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, with_shadow);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(table_names(db) == std::vector<std::string>{"User", "_prisma_migrations"});

  // The shadow database may not be the main database.
  RunOptions same = options;
  same.env["SHADOW_DATABASE_URL"] = url_as(user.name, user.password, db.name);
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "again"}, same);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "The shadow database you configured appears to be the same as the main database."));
}

TEST_CASE("mysql: eight concurrent migrate deploy processes apply each migration once", "[mysql][concurrency]") {
  TempDir dir;
  auto db = fresh_mysql_database("cli_conc");
  write_schema(dir, kUserModel);
  for (int i = 1; i <= 5; ++i) {
    const std::string name = "2024010100000" + std::to_string(i) + "_m" + std::to_string(i);
    write_file(dir / ("prisma/migrations/" + name + "/migration.sql"),
               "CREATE TABLE `T" + std::to_string(i) + "` (`id` INTEGER NOT NULL);\nDO SLEEP(0.05);\nINSERT INTO `T" +
                   std::to_string(i) + "` VALUES (1);\n");
  }
  write_file(dir / "prisma/migrations/migration_lock.toml",
             "# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n"
             "provider = \"mysql\"\n");

  std::vector<RunResult> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url(db.url)); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  // Each migration ran exactly once: one history row each, one row in each table (a second run
  // would have failed on CREATE TABLE and left a failed row behind).
  auto conn = db.connect();
  CHECK(conn->query("SELECT COUNT(*), COUNT(DISTINCT migration_name) FROM _prisma_migrations WHERE finished_at IS NOT NULL")[0] ==
        prismapp::dialect::Row{std::string("5"), std::string("5")});
  CHECK(conn->query("SELECT COUNT(*) FROM _prisma_migrations")[0][0] == std::optional<std::string>("5"));
  for (int i = 1; i <= 5; ++i)
    CHECK(conn->query("SELECT COUNT(*) FROM `T" + std::to_string(i) + "`")[0][0] == std::optional<std::string>("1"));
}

// [serial]: MySQL named locks are server-wide, so while this test holds Prisma's lock every other MySQL
// migrate test on the server would wait for it (and time out): ctest runs it alone.
TEST_CASE("mysql: migrate deploy waits 10 s for the advisory lock, then P1002", "[mysql][cli][bad-input][serial]") {
  TempDir dir;
  auto db = fresh_mysql_database("cli_lock");
  write_schema(dir, kUserModel);
  write_file(dir / "prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE `User` (`id` INTEGER);\n");
  // Another session holds Prisma's lock.
  auto holder = db.connect();
  REQUIRE(holder->query("SELECT GET_LOCK('prisma_migrate', 60)")[0][0] == std::optional<std::string>("1"));
  const auto started = std::chrono::steady_clock::now();
  auto r = run_prismapp(dir.path(), {"migrate", "deploy"}, with_url(db.url));
  const auto waited = std::chrono::steady_clock::now() - started;
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "P1002"));
  CHECK(contains(r.err, "Timed out trying to acquire a MySQL advisory lock (SELECT GET_LOCK('prisma_migrate', 10))"));
  CHECK(waited >= std::chrono::seconds(9));
  CHECK(table_names(db) == std::vector<std::string>{});

  // PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK skips the lock.
  RunOptions unlocked = with_url(db.url);
  unlocked.env["PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"] = "1";
  r = run_prismapp(dir.path(), {"migrate", "deploy"}, unlocked);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(table_names(db) == std::vector<std::string>{"User", "_prisma_migrations"});
}
