// `migrate reset` / `migrate dev` end to end through the real binary, on real SQLite files:
// the prismapp.toml seed command (run after reset and after dev creates the database, skipped by
// --skip-seed, failures reported), and the reset confirmation prompt on a (pseudo-)terminal versus
// Prisma's refusal in a non-interactive environment.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/dialect/sqlite/sqlite_connection.hpp"
#include "core/dialect/sqlite/sqlite_url.hpp"
#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const char* const kSchema =
    "generator client {\n  provider = \"prisma-client-py\"\n}\n\n"
    "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n\n"
    "model User {\n"
    "  id    Int    @id @default(autoincrement())\n"
    "  email String @unique\n"
    "}\n";

// How many lines the seed script has appended to seed.log (0 when it never ran).
int seed_runs(const TempDir& dir) {
  if (!fs::exists(dir / "seed.log")) return 0;
  const std::string log = read_file(dir / "seed.log");
  int n = 0;
  for (char c : log) n += c == '\n';
  return n;
}

int user_count(const TempDir& dir) {
  using namespace prismapp::dialect::sqlite;
  auto c = SqliteConnection::open(parse_sqlite_url("file:" + (dir / "prisma/dev.db").string()));
  const auto rows = c->query("SELECT count(*) FROM \"User\"");
  return std::stoi(rows.at(0).at(0).value());
}

// A project whose seed (seed.sh) logs a line to seed.log and inserts a user through `db execute`.
void write_project(const TempDir& dir, const std::string& seed_command = "sh seed.sh") {
  write_file(dir / "prisma/schema.prisma", kSchema);
  write_file(dir / "prismapp.toml", "[migrations]\nseed = \"" + seed_command + "\"\n");
  write_file(dir / "seed.sql", "INSERT INTO \"User\" (\"email\") VALUES ('seeded@example.com');\n");
  write_file(dir / "seed.sh", std::string("set -e\necho seeded >> seed.log\n'") + PRISMAPP_BINARY +
                                  "' db execute --url file:prisma/dev.db --file seed.sql\n");
}

RunOptions no_ci() {
  RunOptions options;
  options.env["CI"] = std::nullopt;
  options.env["PRISMA_MIGRATE_SKIP_SEED"] = std::nullopt;
  return options;
}

// A terminal on stdin and stdout, with `answer` typed into it.
RunOptions terminal(const std::string& answer) {
  RunOptions options = no_ci();
  options.stdin_text = answer;
  options.stdout_tty = true;
  options.timeout_seconds = 60;
  return options;
}

// Creates the database with one migration and the seeded user (the seed runs once).
void migrate_dev_init(const TempDir& dir) {
  const auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, no_ci());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(seed_runs(dir) == 1);
  REQUIRE(user_count(dir) == 1);
}

void add_extra_user(const TempDir& dir) {
  write_file(dir / "extra.sql", "INSERT INTO \"User\" (\"email\") VALUES ('extra@example.com');\n");
  REQUIRE(run_prismapp(dir.path(), {"db", "execute", "--url", "file:prisma/dev.db", "--file", "extra.sql"}, no_ci())
              .exit_code == 0);
  REQUIRE(user_count(dir) == 2);
}

}  // namespace

TEST_CASE("migrate seed: dev on a new database seeds once, later dev runs do not", "[cli][migrate][seed]") {
  TempDir dir;
  write_project(dir);
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, no_ci());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "SQLite database dev.db created at file:./dev.db"));
  CHECK(contains(r.out, "Running seed command `sh seed.sh` ..."));
  CHECK(contains(r.out, "The seed command has been executed."));
  CHECK(seed_runs(dir) == 1);
  CHECK(user_count(dir) == 1);

  r = run_prismapp(dir.path(), {"migrate", "dev"}, no_ci());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Already in sync"));
  CHECK_FALSE(contains(r.out, "Running seed command"));
  CHECK(seed_runs(dir) == 1);
  CHECK(user_count(dir) == 1);
}

TEST_CASE("migrate seed: dev --skip-seed and PRISMA_MIGRATE_SKIP_SEED skip it on a new database",
          "[cli][migrate][seed]") {
  TempDir dir;
  write_project(dir);
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init", "--skip-seed"}, no_ci());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "Running seed command"));
  CHECK(seed_runs(dir) == 0);
  CHECK(user_count(dir) == 0);

  TempDir env_dir;
  write_project(env_dir);
  RunOptions options = no_ci();
  options.env["PRISMA_MIGRATE_SKIP_SEED"] = "1";
  r = run_prismapp(env_dir.path(), {"migrate", "dev", "--name", "init"}, options);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(seed_runs(env_dir) == 0);
}

TEST_CASE("migrate seed: reset --force drops the data, reapplies and seeds; --skip-seed skips the seed",
          "[cli][migrate][seed]") {
  TempDir dir;
  write_project(dir);
  migrate_dev_init(dir);
  add_extra_user(dir);

  auto r = run_prismapp(dir.path(), {"migrate", "reset", "--force"}, no_ci());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Database reset successful"));
  CHECK(contains(r.out, "Running seed command `sh seed.sh` ..."));
  CHECK(contains(r.out, "The seed command has been executed."));
  CHECK(seed_runs(dir) == 2);
  CHECK(user_count(dir) == 1);  // the extra user is gone, the seeded one is back

  r = run_prismapp(dir.path(), {"migrate", "reset", "--force", "--skip-seed"}, no_ci());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Database reset successful"));
  CHECK_FALSE(contains(r.out, "Running seed command"));
  CHECK(seed_runs(dir) == 2);
  CHECK(user_count(dir) == 0);
}

TEST_CASE("migrate seed: a failing seed command fails the command with a clear message", "[cli][migrate][seed]") {
  TempDir dir;
  write_project(dir, "sh fail.sh");
  write_file(dir / "fail.sh", "echo seeded >> seed.log\nexit 3\n");

  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, no_ci());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "An error occurred while running the seed command:"));
  CHECK(contains(r.err, "Command failed with exit code 3: sh fail.sh"));
  CHECK_FALSE(contains(r.out, "The seed command has been executed."));
  CHECK(seed_runs(dir) == 1);
  CHECK(user_count(dir) == 0);  // the migration itself was applied

  r = run_prismapp(dir.path(), {"migrate", "reset", "--force"}, no_ci());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "Database reset successful"));
  CHECK(contains(r.err, "An error occurred while running the seed command:"));
  CHECK(contains(r.err, "Command failed with exit code 3: sh fail.sh"));
  CHECK(seed_runs(dir) == 2);
}

TEST_CASE("migrate reset prompt: on a terminal, y resets and seeds", "[cli][migrate][prompt]") {
  TempDir dir;
  write_project(dir);
  migrate_dev_init(dir);
  add_extra_user(dir);

  for (const std::string answer : {"y\n", "Y\n", "yes\n"}) {
    const auto r = run_prismapp(dir.path(), {"migrate", "reset"}, terminal(answer));
    INFO("answer " << answer << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "Are you sure you want to reset your database? All data will be lost."));
    CHECK(contains(r.out, "Database reset successful"));
    CHECK(contains(r.out, "The seed command has been executed."));
    CHECK(user_count(dir) == 1);
    add_extra_user(dir);
  }
  CHECK(seed_runs(dir) == 4);
}

TEST_CASE("migrate reset prompt: on a terminal, n or an empty answer drops nothing", "[cli][migrate][prompt]") {
  TempDir dir;
  write_project(dir);
  migrate_dev_init(dir);
  add_extra_user(dir);

  for (const std::string answer : {"n\n", "\n", "no\n", "whatever\n"}) {
    const auto r = run_prismapp(dir.path(), {"migrate", "reset"}, terminal(answer));
    INFO("answer " << answer << "\n" << r.out << r.err);
    CHECK(r.exit_code == 130);  // cmd_migrate_dev.cpp's kExitCancelled
    CHECK(contains(r.out, "Are you sure you want to reset your database? All data will be lost."));
    CHECK(contains(r.out, "Reset cancelled."));
    CHECK_FALSE(contains(r.out, "Database reset successful"));
    CHECK_FALSE(contains(r.out, "Running seed command"));
    CHECK(user_count(dir) == 2);
  }
  CHECK(seed_runs(dir) == 1);
}

TEST_CASE("migrate reset prompt: without a terminal it refuses and drops nothing", "[cli][migrate][prompt]") {
  TempDir dir;
  write_project(dir);
  migrate_dev_init(dir);
  add_extra_user(dir);

  const char* const kNonInteractive =
      "Prisma Migrate has detected that the environment is non-interactive. It is recommended to run this command "
      "in an interactive environment.";

  SECTION("stdin is not a terminal") {
    const auto r = run_prismapp(dir.path(), {"migrate", "reset"}, no_ci());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, kNonInteractive));
    CHECK(contains(r.err, "to run this command without user interaction."));
    CHECK_FALSE(contains(r.out, "Database reset successful"));
  }
  SECTION("a terminal, but CI=true") {
    RunOptions options = terminal("y\n");
    options.env["CI"] = "true";
    const auto r = run_prismapp(dir.path(), {"migrate", "reset"}, options);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, kNonInteractive));
    CHECK_FALSE(contains(r.out, "Are you sure you want to reset your database?"));
    CHECK_FALSE(contains(r.out, "Database reset successful"));
  }
  SECTION("CI=false counts as interactive") {
    RunOptions options = terminal("n\n");
    options.env["CI"] = "false";
    const auto r = run_prismapp(dir.path(), {"migrate", "reset"}, options);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 130);
    CHECK(contains(r.out, "Reset cancelled."));
  }
  CHECK(user_count(dir) == 2);
  CHECK(seed_runs(dir) == 1);
}
