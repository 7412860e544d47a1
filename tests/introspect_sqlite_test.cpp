// db pull on SQLite: the introspection conformance corpus (exact text + re-introspection
// idempotence), the Prisma 6.19 oracle pulls and round trips of fixture schemas.
#include <catch2/catch.hpp>

#include <set>

#include "core/dialect/sqlite/sqlite_introspection.hpp"
#include "core/introspect/sql_format.hpp"

#include "tests/cli_support.hpp"
#include "tests/introspect_test_helpers.hpp"

using namespace prismapp;
using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const dialect::Dialect& lite() { return *dialect::find_dialect("sqlite"); }

// Cases we do not pass yet, with the reason; the test fails if one of them starts passing.
const std::set<std::string> kKnownFailures = {};

}  // namespace

TEST_CASE("db pull: SQLite introspection corpus", "[introspect][sqlite]") {
  check_corpus("[introspect][sqlite]", introspection_cases("sqlite"), kKnownFailures, [](const IntrospectionCase& c) {
    TempDir dir;
    auto conn = lite().connect("file:" + (dir.path() / "dev.db").string());
    conn->execute_script(c.sql);
    return run_case(lite(), *conn, c);
  });
}

namespace {

const char* const kViewsSetup =
    "CREATE TABLE A (id INT NOT NULL PRIMARY KEY, first_name VARCHAR(255) NOT NULL, last_name VARCHAR(255) NULL, "
    "val INT DEFAULT 2);\n"
    "CREATE VIEW B AS\n    SELECT id, first_name, last_name, val FROM A;\n"
    "CREATE VIEW \"my view\" AS SELECT id, first_name || last_name AS full_name FROM A WHERE id > 1;\n";

std::string views_config(bool preview) {
  return std::string("generator js {\n  provider = \"prisma-client\"\n") +
         (preview ? "  previewFeatures = [\"views\"]\n" : "") +
         "}\n\ndatasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n";
}

}  // namespace

TEST_CASE("db pull: SQLite views are described with their columns", "[introspect][sqlite][views]") {
  TempDir dir;
  auto conn = lite().connect("file:" + (dir.path() / "dev.db").string());
  conn->execute_script(kViewsSetup);
  const sql::SqlSchema s = conn->describe();
  REQUIRE(s.views.size() == 2);
  const sql::View& b = s.views[0];
  CHECK(b.name == "B");
  REQUIRE(b.definition);
  CHECK(b.definition->rfind("CREATE VIEW B AS", 0) == 0);
  REQUIRE(b.columns.size() == 4);
  CHECK(b.columns[0].name == "id");
  CHECK(b.columns[0].type.family == sql::ColumnTypeFamily::Int);
  CHECK(b.columns[1].type.family == sql::ColumnTypeFamily::String);
  // SQLite reports no NOT NULL and no default for view columns.
  for (const auto& c : b.columns) CHECK(c.type.arity == sql::ColumnArity::Nullable);
  CHECK_FALSE(b.columns[3].default_value.has_value());
  // An expression column has no declared type.
  REQUIRE(s.views[1].columns.size() == 2);
  CHECK(s.views[1].columns[1].type.family == sql::ColumnTypeFamily::Unsupported);
  // View columns stay out of the table arena the differ reads.
  CHECK(s.columns.size() == 4);
}

TEST_CASE("db pull: SQLite view blocks and view definitions", "[introspect][sqlite][views]") {
  TempDir dir;
  auto conn = lite().connect("file:" + (dir.path() / "dev.db").string());
  conn->execute_script(kViewsSetup);

  SECTION("with the views preview feature") {
    const auto r = pull(lite(), *conn, views_config(true));
    CHECK(r.text.find("view B {\n  id         Int?\n  first_name String?\n  last_name  String?\n  val        Int?\n}\n") !=
          std::string::npos);
    // Sanitised name with @@map; the expression column is Unsupported("").
    CHECK(r.text.find("view my_view {\n  id        Int?\n  full_name Unsupported(\"\")?\n\n  @@map(\"my view\")\n}\n") !=
          std::string::npos);
    // Views come after models.
    CHECK(r.text.find("model A {") < r.text.find("view B {"));
    CHECK(r.view_count == 2);
    REQUIRE(r.views);
    REQUIRE(r.views->size() == 2);
    CHECK((*r.views)[0].schema == "main");
    CHECK((*r.views)[0].name == "B");
    CHECK((*r.views)[0].definition == "SELECT\n  id,\n  first_name,\n  last_name,\n  val\nFROM\n  A;");
    CHECK((*r.views)[1].name == "my_view");
    CHECK((*r.views)[1].definition ==
          "SELECT\n  id,\n  first_name || last_name AS full_name\nFROM\n  A\nWHERE\n  id > 1;");
    CHECK(r.warnings.find("View: \"my_view\", field: \"full_name\", original data type: \"\"") != std::string::npos);
  }
  SECTION("without it: no view blocks, no definitions") {
    const auto r = pull(lite(), *conn, views_config(false));
    CHECK(r.text.find("view ") == std::string::npos);
    CHECK_FALSE(r.views.has_value());
    CHECK(r.view_count == 0);
  }
  SECTION("re-introspection keeps the user's names, arity, keys and documentation") {
    const std::string previous = views_config(true) +
                                 "\nmodel A {\n  id         Int     @id\n  first_name String\n  last_name  String?\n"
                                 "  val        Int?    @default(2)\n}\n\n"
                                 "/// Users, as a view.\nview Person {\n  key   Int    @unique @map(\"id\")\n"
                                 "  first String @map(\"first_name\")\n  last  String? @map(\"last_name\")\n"
                                 "  val   Int?\n\n  @@index([first, last])\n  @@map(\"B\")\n}\n";
    const auto r = pull(lite(), *conn, previous);
    CHECK(r.text.find("/// Users, as a view.\nview Person {\n"
                      "  key   Int     @unique @map(\"id\")\n"
                      "  first String  @map(\"first_name\")\n"
                      "  last  String? @map(\"last_name\")\n"
                      "  val   Int?\n\n"
                      "  @@index([first, last])\n"
                      "  @@map(\"B\")\n}\n") != std::string::npos);
    // The view file carries the Prisma name.
    REQUIRE(r.views);
    CHECK((*r.views)[0].name == "Person");
    CHECK(r.warnings.find("These views were enriched with `@@map` information taken from the previous Prisma schema:\n"
                          "  - \"Person\"") != std::string::npos);
    // Idempotent.
    CHECK(pull(lite(), *conn, r.text).text == r.text);
  }
}

TEST_CASE("db pull: view definition formatting (sqlformat)", "[introspect][views]") {
  using introspect::format_sql;
  // Prisma's own expectations (migrate tests, sql-introspection-tests views/sqlite.rs).
  CHECK(format_sql("SELECT id, first_name, last_name FROM User;") ==
        "SELECT\n  id,\n  first_name,\n  last_name\nFROM\n  User;");
  CHECK(format_sql(" SELECT su.first_name,\n    su.last_name,\n    c.name AS company_name\n   FROM (someuser su\n"
                   "     LEFT JOIN work.company c ON ((su.company_id = c.id)));") ==
        "SELECT\n  su.first_name,\n  su.last_name,\n  c.name AS company_name\nFROM\n  (\n    someuser su\n"
        "    LEFT JOIN WORK.company c ON ((su.company_id = c.id))\n  );");
  CHECK(format_sql("select a, count(*) from t where x = 'a, b' and y in (1, 2) group by a order by a desc limit 5") ==
        "SELECT\n  a,\n  count(*)\nFROM\n  t\nWHERE\n  x = 'a, b'\n  AND y IN (1, 2)\nGROUP BY\n  a\nORDER BY\n"
        "  a DESC\nLIMIT\n  5");
  CHECK(format_sql("SELECT CASE WHEN a THEN 1 ELSE 2 END AS b FROM t") ==
        "SELECT\n  CASE\n    WHEN a THEN 1\n    ELSE 2\n  END AS b\nFROM\n  t");
}

TEST_CASE("db pull: the query of a SQLite CREATE VIEW", "[introspect][sqlite][views]") {
  using dialect::sqlite::sqlite_view_query;
  CHECK(sqlite_view_query("CREATE VIEW B AS SELECT 1") == "SELECT 1;");
  CHECK(sqlite_view_query("create temp view if not exists \"main\".\"x y\" (a, b) as\n  select 1, 2;  ") ==
        "select 1, 2;");
  CHECK(sqlite_view_query("CREATE VIEW [as] AS /* c */ SELECT 'as'") == "/* c */ SELECT 'as';");
  CHECK(sqlite_view_query("SELECT 1") == "SELECT 1");
}

TEST_CASE("db pull: SQLite JSON defaults lose their SQL quotes", "[introspect][sqlite][defaults]") {
  TempDir dir;
  auto conn = lite().connect("file:" + (dir.path() / "dev.db").string());
  conn->execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, j JSONB NOT NULL DEFAULT '{\"a\": \"it''s\"}');");
  const auto r = pull(lite(), *conn, views_config(false));
  CHECK(r.text.find("  j  Json @default(\"{\\\"a\\\": \\\"it's\\\"}\")\n") != std::string::npos);
  CHECK(pull(lite(), *conn, r.text).text == r.text);
}
