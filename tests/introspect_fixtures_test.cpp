// db pull on databases made by other tools (fixtures/introspection/*.sql, see its README): each
// is executed into a fresh database, pulled, validated, pushed into a second empty database and
// pulled again; both pulls must be identical and `migrate diff` between the two databases empty.
// The same round trip runs on the 500-model oracle schema (push, pull, push, pull, diff).
#include <catch2/catch.hpp>
#include <algorithm>
#include <sstream>

#include "tests/cli_support.hpp"
#include "tests/support/mysql_test_db.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "introspection";
const fs::path kOracle = fs::path(PRISMAPP_SHARED_DIR) / "oracle";

RunResult run_with_url(const fs::path& dir, const std::string& url, const std::vector<std::string>& args) {
  RunOptions o;
  o.env["DATABASE_URL"] = url;
  return run_prismapp(dir, args, o);
}

std::string datasource_only(const std::string& provider) {
  return "datasource db {\n  provider = \"" + provider + "\"\n  url      = env(\"DATABASE_URL\")\n}\n";
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// `first` holds the tables already; `second` is empty. The pulled schema of `first` is pushed into
// `second`; returns after checking both pulls and the diff.
void round_trip(const std::string& provider, const std::string& first, const std::string& second) {
  TempDir a;
  write_file(a / "prisma/schema.prisma", datasource_only(provider));
  const auto pulled = run_with_url(a.path(), first, {"db", "pull"});
  INFO("pull 1: " << pulled.out << pulled.err);
  REQUIRE(pulled.exit_code == 0);
  const std::string schema = read_file(a / "prisma/schema.prisma");
  INFO("pulled schema:\n" << schema);
  const auto valid = run_with_url(a.path(), first, {"validate"});
  INFO(valid.err);
  REQUIRE(valid.exit_code == 0);

  TempDir b;
  write_file(b / "prisma/schema.prisma", schema);
  const auto pushed = run_with_url(b.path(), second, {"db", "push", "--skip-generate", "--accept-data-loss"});
  INFO("push: " << pushed.out << pushed.err);
  REQUIRE(pushed.exit_code == 0);
  const auto again = run_with_url(b.path(), second, {"db", "pull", "--print"});
  INFO("pull 2: " << again.err);
  REQUIRE(again.exit_code == 0);
  const std::string first_print = run_with_url(a.path(), first, {"db", "pull", "--print"}).out;
  if (provider == "sqlite") {
    // SQLite reports foreign keys last-declared first, so the relation fields of a model with two
    // foreign keys trade places on every round trip, as with Prisma 6.19: compare the lines.
    CHECK(sorted_lines(again.out) == sorted_lines(first_print));
  } else {
    CHECK(again.out == first_print);
  }

  const auto diff = run_prismapp(a.path(), {"migrate", "diff", "--from-url", first, "--to-url", second, "--script", "--exit-code"});
  INFO("diff between the two databases:\n" << diff.out << diff.err);
  CHECK(diff.exit_code == 0);
}

RunResult execute_sql(const std::string& url, const fs::path& file) {
  TempDir d;
  return run_prismapp(d.path(), {"db", "execute", "--url", url, "--file", file.string()});
}

// Executes the fixture `file` into `first`, then round trips it into the empty `second`.
void round_trip_fixture(const std::string& provider, const fs::path& file, const std::string& first, const std::string& second) {
  const auto executed = execute_sql(first, file);
  INFO(executed.err);
  REQUIRE(executed.exit_code == 0);
  round_trip(provider, first, second);
}

// Pushes the oracle schema `name` into `first`, then round trips it into the empty `second`.
void round_trip_oracle(const std::string& provider, const std::string& name, const std::string& first, const std::string& second) {
  TempDir p;
  write_file(p / "prisma/schema.prisma", read_file(kOracle / "schemas" / name));
  const auto pushed = run_with_url(p.path(), first, {"db", "push", "--skip-generate"});
  INFO(pushed.err);
  REQUIRE(pushed.exit_code == 0);
  round_trip(provider, first, second);
}

}  // namespace

TEST_CASE("db pull: a Django-style SQLite database round trips", "[introspect][sqlite][fixtures]") {
  TempDir dbs;
  const std::string first = "file:" + (dbs / "first.db").string();
  const std::string second = "file:" + (dbs / "second.db").string();
  write_file(dbs / "second.db", "");
  round_trip_fixture("sqlite", kFixtures / "sqlite_django_style.sql", first, second);
}

TEST_CASE("db pull: a hand-written PostgreSQL database round trips", "[introspect][postgres][fixtures]") {
  auto first = fresh_postgres_database("pull_fix");
  auto second = fresh_postgres_database("pull_fix");
  round_trip_fixture("postgresql", kFixtures / "postgres_hand_written.sql", first.url, second.url);
}

TEST_CASE("db pull: a Rails-style MySQL database round trips", "[introspect][mysql][fixtures]") {
  auto first = fresh_mysql_database("pull_fix");
  auto second = fresh_mysql_database("pull_fix");
  round_trip_fixture("mysql", kFixtures / "mysql_rails_style.sql", first.url, second.url);
}

TEST_CASE("db pull: the 500-model schema round trips on PostgreSQL and SQLite", "[introspect][fixtures][large]") {
  SECTION("postgresql") {
    auto first = fresh_postgres_database("pull_large");
    auto second = fresh_postgres_database("pull_large");
    round_trip_oracle("postgresql", "large-pg6.prisma", first.url, second.url);
  }
  SECTION("sqlite") {
    TempDir dbs;
    write_file(dbs / "second.db", "");
    const std::string first = "file:" + (dbs / "first.db").string();
    round_trip_oracle("sqlite", "large-sqlite6.prisma", first, "file:" + (dbs / "second.db").string());
  }
}

TEST_CASE("db pull: names that collide after sanitising are refused, the schema is kept", "[introspect][sqlite][fixtures]") {
  TempDir dir;
  const std::string url = "file:" + (dir / "dev.db").string();
  write_file(dir / "tables.sql",
             "CREATE TABLE \"a-b\" (id INTEGER PRIMARY KEY, \"x-y\" TEXT, \"x_y\" TEXT);\n"
             "CREATE TABLE \"a_b\" (id INTEGER PRIMARY KEY);\n");
  const auto executed = execute_sql(url, dir / "tables.sql");
  INFO(executed.err);
  REQUIRE(executed.exit_code == 0);
  const std::string schema = datasource_only("sqlite") + "\n// kept as it is\n";
  write_file(dir / "prisma/schema.prisma", schema);
  const auto pulled = run_with_url(dir.path(), url, {"db", "pull"});
  INFO(pulled.out << pulled.err);
  CHECK(pulled.exit_code == 1);
  CHECK(pulled.err.find("The introspected schema does not validate, so it was not written") != std::string::npos);
  CHECK(pulled.err.find("The model \"a_b\" cannot be defined because a model with that name already exists.") !=
        std::string::npos);
  CHECK(pulled.err.find("Field \"x_y\" is already defined on model \"a_b\".") != std::string::npos);
  CHECK(read_file(dir / "prisma/schema.prisma") == schema);
}

TEST_CASE("db pull: a file that is not a database is a clear error, the schema is kept", "[introspect][sqlite][fixtures]") {
  TempDir dir;
  std::string garbage(4096, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 131 + 7) % 251);
  write_file(dir / "dev.db", garbage);
  const std::string schema = datasource_only("sqlite");
  write_file(dir / "prisma/schema.prisma", schema);
  const auto pulled = run_with_url(dir.path(), "file:" + (dir / "dev.db").string(), {"db", "pull"});
  INFO(pulled.out << pulled.err);
  CHECK(pulled.exit_code == 1);
  CHECK(pulled.err.find("file is not a database") != std::string::npos);
  CHECK(read_file(dir / "prisma/schema.prisma") == schema);
  CHECK(read_file(dir / "dev.db") == garbage);
}

TEST_CASE("db pull: MySQL views are written to views/<database>/<View>.sql", "[introspect][mysql][fixtures][views]") {
  auto db = fresh_mysql_database("pull_views");
  TempDir dir;
  write_file(dir / "views.sql",
             "CREATE TABLE `people` (`id` int NOT NULL PRIMARY KEY, `name` varchar(50) NOT NULL);\n"
             "CREATE VIEW `people_names` AS SELECT `id`, `name` FROM `people`;\n");
  const auto executed = execute_sql(db.url, dir / "views.sql");
  INFO(executed.err);
  REQUIRE(executed.exit_code == 0);
  write_file(dir / "prisma/schema.prisma", "generator client {\n  provider        = \"prisma-client-py\"\n"
                                            "  previewFeatures = [\"views\"]\n}\n\n" + datasource_only("mysql"));
  const auto pulled = run_with_url(dir.path(), db.url, {"db", "pull"});
  INFO(pulled.out << pulled.err);
  REQUIRE(pulled.exit_code == 0);
  const std::string schema = read_file(dir / "prisma/schema.prisma");
  CHECK(schema.find("view people_names {") != std::string::npos);
  const fs::path sql = dir / "prisma/views" / db.name / "people_names.sql";
  REQUIRE(fs::exists(sql));
  CHECK(read_file(sql).find("people") != std::string::npos);
}
