// The schema-change scenario corpus (fixtures/scenarios) on PostgreSQL: every scenario through db
// push and through migrations, each on fresh databases of the test server (runner in
// tests/scenarios/runner.hpp; provider-specific variants and KNOWN_FAILURES.postgresql.txt as
// described in fixtures/scenarios/README.md). SCENARIO=<substring> runs matching scenarios only.
#include <catch2/catch.hpp>

#include <stdlib.h>  // mkdtemp

#include <vector>

#include "core/dialect/dialect.hpp"
#include "tests/scenarios/runner.hpp"
#include "tests/support/postgres_test_db.hpp"

namespace fs = std::filesystem;
using namespace prismapp;

TEST_CASE("scenarios: postgresql", "[scenarios][postgres]") {
  const dialect::Dialect* postgres = dialect::find_dialect("postgresql");
  REQUIRE(postgres != nullptr);
  std::string tmpl = (fs::temp_directory_path() / "prismapp-pg-scenarios-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  const fs::path scratch = tmpl;

  // Databases of the running scenario; dropped after it so the server does not fill up.
  std::vector<testing::PostgresTestDatabase> databases;
  const auto shadow = testing::fresh_postgres_database("scn_shadow");
  scenarios::Target target;
  target.dialect = postgres;
  target.work_dir = scratch;
  target.shadow_url = shadow.url;
  target.fresh_url = [&](const std::string&, const std::string& tag) {
    databases.push_back(testing::fresh_postgres_database("scn_" + tag.substr(0, 12)));
    return databases.back().url;
  };

  const auto report = scenarios::run_corpus(fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "scenarios", "postgresql",
                                            target, [&] { databases.clear(); });
  report.print("postgresql");
  std::error_code ec;
  fs::remove_all(scratch, ec);
  CHECK(report.passed >= 118);  // the whole corpus (KNOWN_FAILURES.postgresql.txt is empty)
  CHECK(report.unexpected.empty());
}
