// db pull on PostgreSQL: the introspection conformance corpus (exact text + re-introspection
// idempotence), the Prisma 6.19 oracle pulls, round trips of fixture schemas and the CLI.
#include <catch2/catch.hpp>

#include <iostream>
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
  int passed = 0, total = 0;
  for (const auto& c : introspection_cases("postgres")) {
    ++total;
    auto db = fresh_postgres_database("pull");
    auto conn = db.connect();
    conn->execute_script(c.sql);
    const CaseOutcome out = run_case(pg(), *conn, c);
    const bool ok = out.first_ok && out.second_ok;
    if (ok) ++passed;
    if (kKnownFailures.count(c.name)) {
      CHECK_FALSE(ok);  // remove it from the list when it passes
      continue;
    }
    INFO(c.name);
    CHECK(out.first == c.expected);
    CHECK(out.second == out.first);
  }
  std::cout << "[introspect][postgres] corpus: " << passed << "/" << total << " passed\n";
}
