// db pull end to end through the binary: the Prisma 6.19 oracle pulls (schemas/ pushed with
// prismapp, then pulled and compared with artefacts/db-pull.*.v6.prisma), round trips
// (push → pull → push into an empty database → pull gives the same text) over the oracle schemas
// and the scenario corpus, the P4001 empty-database error and the written file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <regex>
#include <sstream>

#include "core/dialect/dialect.hpp"
#include "tests/cli_support.hpp"
#include "tests/scenarios/runner.hpp"
#include "tests/support/mysql_test_db.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kOracle = fs::path(PRISMAPP_SHARED_DIR) / "oracle";

std::string trim_trailing_blank_lines(std::string s) {
  while (s.size() >= 2 && s.ends_with("\n\n")) s.pop_back();
  return s;
}

struct Project {
  TempDir dir;
  std::string url;
  Project(const std::string& schema, std::string url_) : url(std::move(url_)) {
    fs::create_directories(dir / "prisma");
    write_file(dir / "prisma/schema.prisma", schema);
  }
  RunResult run(const std::vector<std::string>& args) const {
    RunOptions o;
    o.env["DATABASE_URL"] = url;
    return run_prismapp(dir.path(), args, o);
  }
  RunResult push() const { return run({"db", "push", "--skip-generate", "--accept-data-loss"}); }
  RunResult pull() const { return run({"db", "pull", "--print"}); }
};

// Prisma 6.19 on SQLite writes `@default("USER")` for an enum field (invalid: its own validator
// rejects it) and drops the enum's @@map; prismapp keeps both right. Undo those two differences.
std::string sqlite_oracle_normalised(std::string ours) {
  ours = std::regex_replace(ours, std::regex("(\nenum \\w+ \\{[^}]*)\n\n  @@map\\(\"[a-z_0-9]+\"\\)\n\\}"), "$1\n}");
  return ours;
}
std::string sqlite_oracle_expected(std::string oracle) {
  return std::regex_replace(oracle, std::regex("(\\w+ +(Role|Status\\d+) +)@default\\(\"(\\w+)\"\\)"), "$1@default($3)");
}

// Push `schema`, pull; push the pulled schema into an empty database, pull again.
std::vector<std::string> line_multiset(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Returns false when `schema` cannot be pushed on its own (scenario-only input), true after a round trip.
bool check_round_trip(const std::string& schema, const std::string& url1, const std::string& url2, const std::string& label,
                      bool sorted_lines = false) {
  INFO(label);
  Project first(schema, url1);
  const auto pushed = first.push();
  if (pushed.exit_code != 0) return false;
  const auto pulled = first.pull();
  REQUIRE(pulled.exit_code == 0);
  Project second(pulled.out, url2);
  const auto pushed2 = second.push();
  INFO(pushed2.err);
  REQUIRE(pushed2.exit_code == 0);
  const auto pulled2 = second.pull();
  REQUIRE(pulled2.exit_code == 0);
  if (sorted_lines) {
    // SQLite lists foreign keys in reverse creation order, so relation fields of a model with two
    // foreign keys swap places on every round trip (Prisma 6.19 does the same): compare lines.
    CHECK(line_multiset(pulled2.out) == line_multiset(pulled.out));
  } else {
    CHECK(pulled2.out == pulled.out);
  }
  return true;
}

}  // namespace

TEST_CASE("db pull matches Prisma 6.19's pull of the oracle SQLite schemas", "[introspect][sqlite]") {
  for (const auto& [schema, artefact] : std::vector<std::pair<std::string, std::string>>{
           {"sqlite6.prisma", "db-pull.sqlite.v6.prisma"}, {"large-sqlite6.prisma", "db-pull.large500-sqlite.v6.prisma"}}) {
    INFO(schema);
    Project p(read_file(kOracle / "schemas" / schema), "file:./dev.db");
    REQUIRE(p.push().exit_code == 0);
    const auto pulled = p.pull();
    REQUIRE(pulled.exit_code == 0);
    const std::string oracle = trim_trailing_blank_lines(read_file(kOracle / "artefacts" / artefact));
    CHECK(sqlite_oracle_normalised(pulled.out) == sqlite_oracle_expected(oracle));
  }
}

TEST_CASE("db pull matches Prisma 6.19's pull of the oracle PostgreSQL schemas", "[introspect][postgres]") {
  for (const auto& [schema, artefact] : std::vector<std::pair<std::string, std::string>>{
           {"pg6.prisma", "db-pull.pg.v6.prisma"}, {"large-pg6.prisma", "db-pull.large500-postgresql.v6.prisma"}}) {
    INFO(schema);
    auto db = fresh_postgres_database("pull_oracle");
    Project p(read_file(kOracle / "schemas" / schema), db.url);
    REQUIRE(p.push().exit_code == 0);
    const auto pulled = p.pull();
    REQUIRE(pulled.exit_code == 0);
    CHECK(pulled.out == trim_trailing_blank_lines(read_file(kOracle / "artefacts" / artefact)));
  }
}

TEST_CASE("db pull round trips the SQLite scenario corpus and oracle schema", "[introspect][sqlite]") {
  check_round_trip(read_file(kOracle / "schemas" / "sqlite6.prisma"), "file:./dev.db", "file:./dev.db", "sqlite6.prisma", true);
  int count = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "scenarios")) {
    const fs::path after = entry.path() / "after.prisma";
    if (!fs::exists(after)) continue;
    const std::string schema = read_file(after);
    if (schema.find("provider = \"sqlite\"") == std::string::npos) continue;
    check_round_trip(schema, "file:./dev.db", "file:./dev.db", entry.path().filename().string(), true);
    ++count;
  }
  std::cout << "[introspect][sqlite] round trips: " << count << " scenario schemas\n";
  REQUIRE(count > 0);  // the scenario corpus was found
}

TEST_CASE("db pull round trips PostgreSQL schemas", "[introspect][postgres]") {
  {
    auto db1 = fresh_postgres_database("pull_rt");
    auto db2 = fresh_postgres_database("pull_rt");
    REQUIRE(check_round_trip(read_file(kOracle / "schemas" / "pg6.prisma"), db1.url, db2.url, "pg6.prisma"));
  }
  // The scenario corpus as the PostgreSQL scenario test applies it (provider-specific variants, else the
  // SQLite schema with provider = "postgresql"): every `after` schema that pushes on its own.
  int count = 0;
  for (const auto& scenario : prismapp::scenarios::load_scenarios(
           fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "scenarios", "postgresql")) {
    if (!scenario.skip_reason.empty()) continue;
    auto db1 = fresh_postgres_database("pull_rt");
    auto db2 = fresh_postgres_database("pull_rt");
    if (check_round_trip(scenario.after, db1.url, db2.url, scenario.name)) ++count;
  }
  std::cout << "[introspect][postgres] round trips: " << count << " scenario schemas\n";
  REQUIRE(count > 50);  // the corpus was found and most of it pushes on its own
}

TEST_CASE("db pull round trips MySQL schemas", "[introspect][mysql]") {
  // The scenario corpus as the MySQL scenario test applies it: every `after` schema that pushes on its own.
  int count = 0;
  for (const auto& scenario : prismapp::scenarios::load_scenarios(
           fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "scenarios", "mysql")) {
    if (!scenario.skip_reason.empty()) continue;
    auto db1 = fresh_mysql_database("pull_rt");
    auto db2 = fresh_mysql_database("pull_rt");
    if (check_round_trip(scenario.after, db1.url, db2.url, scenario.name)) ++count;
  }
  std::cout << "[introspect][mysql] round trips: " << count << " scenario schemas\n";
  REQUIRE(count > 50);  // the corpus was found and most of it pushes on its own
}

TEST_CASE("db pull writes the schema file and reports an empty database", "[introspect][sqlite][cli]") {
  Project p(read_file(kOracle / "schemas" / "sqlite6.prisma"), "file:./dev.db");
  SECTION("empty database: P4001, nothing written") {
    // (No enums in this schema: SQLite keeps the previous schema's enums, which count as content.)
    write_file(p.dir / "prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel A {\n  id Int @id\n}\n");
    const std::string before = read_file(p.dir / "prisma/schema.prisma");
    write_file(p.dir / "prisma/dev.db", "");
    const auto r = p.run({"db", "pull"});
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("P4001 The introspected database was empty") != std::string::npos);
    CHECK(read_file(p.dir / "prisma/schema.prisma") == before);
  }
  SECTION("pull writes the file like --print shows it") {
    REQUIRE(p.push().exit_code == 0);
    const auto printed = p.pull();
    const auto r = p.run({"db", "pull"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("Introspecting based on datasource defined in prisma/schema.prisma") != std::string::npos);
    CHECK(r.out.find("✔ Introspected 5 models and wrote them into prisma/schema.prisma in ") != std::string::npos);
    CHECK(read_file(p.dir / "prisma/schema.prisma") == printed.out);
  }
  SECTION("ignore_tables from prismapp.toml") {
    REQUIRE(p.push().exit_code == 0);
    write_file(p.dir / "prismapp.toml", "[db_pull]\nignore_tables = [\"Tag\"]\n");
    // `Tag` is referenced by post_tags: the relation goes too, the result must still validate.
    const auto r = p.pull();
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("model Tag ") == std::string::npos);
    CHECK(r.out.find("model PostTag") != std::string::npos);
  }
}

namespace {

const char* const kViewSchema =
    "generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = [\"views\"]\n}\n\n"
    "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
    "model A {\n  id   Int    @id\n  name String\n}\n";

// A SQLite project whose database holds table A and view B over it.
struct ViewProject {
  Project p;
  explicit ViewProject(const std::string& schema) : p(schema, "file:./dev.db") {
    REQUIRE(p.push().exit_code == 0);
    write_file(p.dir / "view.sql", "CREATE VIEW B AS SELECT id, name FROM A;");
    const auto r = p.run({"db", "execute", "--file", "view.sql", "--schema", "prisma/schema.prisma"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  bool has_view() const {
    auto conn = prismapp::dialect::find_dialect("sqlite")->connect("file:" + (p.dir / "prisma/dev.db").string());
    return !conn->query("SELECT name FROM sqlite_master WHERE type = 'view' AND name = 'B'").empty();
  }
};

}  // namespace

TEST_CASE("db pull on a missing SQLite file: P1003, nothing created", "[introspect][sqlite][cli]") {
  Project p(kViewSchema, "file:./missing.db");
  const auto r = p.run({"db", "pull"});
  CHECK(r.exit_code == 1);
  INFO(r.err);
  CHECK(r.err.find("P1003") != std::string::npos);
  CHECK(r.err.find("Database `missing.db` does not exist at `" + (p.dir / "prisma/missing.db").string() + "`") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(p.dir / "prisma/missing.db"));
  CHECK(read_file(p.dir / "prisma/schema.prisma") == kViewSchema);
}

TEST_CASE("db pull writes view definitions to views/<namespace>/<view>.sql", "[introspect][sqlite][cli][views]") {
  ViewProject vp(kViewSchema);
  Project& p = vp.p;
  const fs::path views = p.dir / "prisma/views";
  // Leftovers: a stale definition (removed), an empty folder (removed), a top-level file (kept).
  write_file(views / "main/Old.sql", "SELECT 1;");
  fs::create_directories(views / "empty");
  write_file(views / "README.md", "notes");

  const auto r = p.run({"db", "pull"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string schema = read_file(p.dir / "prisma/schema.prisma");
  CHECK(schema.find("view B {\n  id   Int?\n  name String?\n}\n") != std::string::npos);
  CHECK(read_file(views / "main/B.sql") == "SELECT\n  id,\n  name\nFROM\n  A;");
  CHECK_FALSE(fs::exists(views / "main/Old.sql"));
  CHECK_FALSE(fs::exists(views / "empty"));
  CHECK(read_file(views / "README.md") == "notes");

  SECTION("--print writes them too") {
    fs::remove_all(views);
    const auto printed = p.pull();
    REQUIRE(printed.exit_code == 0);
    CHECK(printed.out == schema);
    CHECK(fs::exists(views / "main/B.sql"));
  }
  SECTION("without the preview feature the views folder is left alone") {
    const std::string preview_line = "  previewFeatures = [\"views\"]\n";
    std::string no_preview = schema.substr(0, schema.find("view B {"));
    no_preview.erase(no_preview.find(preview_line), preview_line.size());
    write_file(p.dir / "prisma/schema.prisma", no_preview);
    write_file(views / "main/Old.sql", "SELECT 1;");
    const auto again = p.pull();
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("view ") == std::string::npos);
    CHECK(fs::exists(views / "main/Old.sql"));
  }
  SECTION("a database without views: the folder goes when nothing else is in it") {
    fs::remove(views / "README.md");
    write_file(p.dir / "drop.sql", "DROP VIEW B;");
    REQUIRE(p.run({"db", "execute", "--file", "drop.sql", "--schema", "prisma/schema.prisma"}).exit_code == 0);
    REQUIRE(p.run({"db", "pull"}).exit_code == 0);
    CHECK_FALSE(fs::exists(views));
  }
}

TEST_CASE("migrations leave SQLite views alone; migrate reset drops them", "[introspect][sqlite][cli][views]") {
  ViewProject vp(kViewSchema);
  Project& p = vp.p;
  // The pulled schema (with its view block) is in sync with the database.
  const auto pulled = p.pull();
  REQUIRE(pulled.exit_code == 0);
  write_file(p.dir / "prisma/schema.prisma", pulled.out);

  const auto push = p.run({"db", "push", "--skip-generate"});
  INFO(push.out + push.err);
  CHECK(push.exit_code == 0);
  CHECK(push.out.find("already in sync") != std::string::npos);
  CHECK(vp.has_view());

  const auto diff = p.run({"migrate", "diff", "--from-url", "file:./prisma/dev.db", "--to-schema-datamodel",
                           "prisma/schema.prisma", "--script"});
  INFO(diff.err);
  CHECK(diff.exit_code == 0);
  CHECK(diff.out.find("DROP VIEW") == std::string::npos);
  CHECK(diff.out.find("-- This is an empty migration.") != std::string::npos);

  const auto reset = p.run({"migrate", "reset", "--force", "--skip-generate", "--skip-seed"});
  INFO(reset.out + reset.err);
  CHECK(reset.exit_code == 0);
  CHECK_FALSE(vp.has_view());
}

TEST_CASE("db pull renders PostgreSQL views and writes views/public/<view>.sql", "[introspect][postgres][cli][views]") {
  auto db = fresh_postgres_database("pull_views");
  std::string schema = kViewSchema;
  schema.replace(schema.find("\"sqlite\""), 8, "\"postgresql\"");
  Project p(schema, db.url);
  REQUIRE(p.push().exit_code == 0);
  db.connect()->execute_script("CREATE VIEW \"B\" AS SELECT id, name FROM \"A\" WHERE id > 1;");
  const auto r = p.run({"db", "pull"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pulled = read_file(p.dir / "prisma/schema.prisma");
  CHECK(pulled.find("view B {\n  id   Int?\n  name String?\n}\n") != std::string::npos);
  CHECK(read_file(p.dir / "prisma/views/public/B.sql") ==
        "SELECT\n  \"A\".id,\n  \"A\".name\nFROM\n  \"A\"\nWHERE\n  (\"A\".id > 1);");
  // Re-introspection is stable, and the view never shows up in a migration.
  CHECK(p.pull().out == pulled);
  const auto push = p.run({"db", "push", "--skip-generate"});
  CHECK(push.out.find("already in sync") != std::string::npos);
}
