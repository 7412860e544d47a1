// db pull on PostgreSQL: the introspection conformance corpus (exact text + re-introspection
// idempotence), the Prisma 6.19 oracle pulls, round trips of fixture schemas and the CLI.
#include <catch2/catch.hpp>

#include <set>

#include "tests/introspect_test_helpers.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp;
using namespace prismapp::testing;

namespace {

const dialect::Dialect& pg() { return *dialect::find_dialect("postgresql"); }

// Cases we do not pass yet, with the reason; the test fails if one of them starts passing.
const std::set<std::string> kKnownFailures = {};

}  // namespace

TEST_CASE("db pull: PostgreSQL introspection corpus", "[introspect][postgres]") {
  check_corpus("[introspect][postgres]", introspection_cases("postgres"), kKnownFailures, [](const IntrospectionCase& c) {
    auto db = fresh_postgres_database("pull");
    auto conn = db.connect();
    conn->execute_script(c.sql);
    return run_case(pg(), *conn, c);
  });
}

namespace {
bool contains_text(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}
}  // namespace

TEST_CASE("db pull: PostgreSQL multi-schema (@@schema, schemas kept, relation across schemas)",
          "[introspect][postgres][multi-schema]") {
  auto db = fresh_postgres_database("pull_ms");
  auto conn = db.connect();
  conn->execute_script(
      "CREATE SCHEMA audit;\n"
      "CREATE TYPE audit.\"Level\" AS ENUM ('info', 'error');\n"
      "CREATE TABLE public.\"User\" (id SERIAL PRIMARY KEY, name TEXT NOT NULL);\n"
      "CREATE TABLE audit.\"Log\" (id SERIAL PRIMARY KEY, level audit.\"Level\" NOT NULL, "
      "\"userId\" INTEGER NOT NULL REFERENCES public.\"User\"(id));\n"
      "CREATE TABLE public.\"Other\" (id INTEGER PRIMARY KEY);\n");
  // The datasource lists both schemas: db pull describes both (the CLI sets this scope from it).
  conn->set_scope(dialect::DescribeScope{{"audit", "public"}, false});
  const std::string previous =
      "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n  schemas  = [\"audit\", \"public\"]\n}\n";
  const std::string first = pull(pg(), *conn, previous).text;
  INFO(first);
  CHECK(contains_text(first, "  schemas  = [\"audit\", \"public\"]\n"));
  CHECK(contains_text(first,
                      "model Log {\n  id     Int   @id @default(autoincrement())\n  level  Level\n  userId Int\n"
                      "  User   User  @relation(fields: [userId], references: [id], onDelete: NoAction, onUpdate: NoAction)\n\n"
                      "  @@schema(\"audit\")\n}\n"));
  CHECK(contains_text(first, "  Log  Log[]\n\n  @@schema(\"public\")\n}\n"));
  CHECK(contains_text(first, "enum Level {\n  info\n  error\n\n  @@schema(\"audit\")\n}\n"));
  CHECK(contains_text(first, "model Other {\n  id Int @id\n\n  @@schema(\"public\")\n}\n"));
  // Re-introspection is stable.
  CHECK(pull(pg(), *conn, first).text == first);

  // Only one listed schema: the other one's tables are not pulled.
  auto only_public = db.connect();
  only_public->set_scope(dialect::DescribeScope{{"public"}, false});
  const std::string single = pull(pg(), *only_public,
                                  "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n"
                                  "  schemas  = [\"public\"]\n}\n")
                                 .text;
  CHECK_FALSE(contains_text(single, "model Log"));
  CHECK(contains_text(single, "model User"));
}
