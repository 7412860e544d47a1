// The schema-change scenario corpus (fixtures/scenarios) on MariaDB (MySQL dialect): every scenario through db
// push and through migrations, each on fresh databases of the test server (runner in
// tests/scenarios/runner.hpp; provider-specific variants and KNOWN_FAILURES.mysql.txt as
// described in fixtures/scenarios/README.md). SCENARIO=<substring> runs matching scenarios only.
#include <catch2/catch.hpp>

#include <stdlib.h>  // mkdtemp

#include <vector>

#include "core/dialect/dialect.hpp"
#include "tests/scenarios/runner.hpp"
#include "tests/support/mysql_test_db.hpp"

namespace fs = std::filesystem;
using namespace prismapp;

TEST_CASE("scenarios: mysql", "[scenarios][mysql]") {
  const dialect::Dialect* mysql = dialect::find_dialect("mysql");
  REQUIRE(mysql != nullptr);
  std::string tmpl = (fs::temp_directory_path() / "prismapp-my-scenarios-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  const fs::path scratch = tmpl;

  // Databases of the running scenario; dropped after it so the server does not fill up.
  std::vector<testing::MysqlTestDatabase> databases;
  const auto shadow = testing::fresh_mysql_database("scn_shadow");
  scenarios::Target target;
  target.dialect = mysql;
  target.work_dir = scratch;
  target.shadow_url = shadow.url;
  target.quote = [](const std::string& id) { return "`" + id + "`"; };
  target.fresh_url = [&](const std::string&, const std::string& tag) {
    databases.push_back(testing::fresh_mysql_database("scn_" + tag.substr(0, 12)));
    return databases.back().url;
  };

  const auto report = scenarios::run_corpus(fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "scenarios", "mysql",
                                            target, [&] { databases.clear(); });
  report.print("mysql");
  std::error_code ec;
  fs::remove_all(scratch, ec);
  CHECK(report.passed >= 113);  // the whole corpus (97 does not apply)
  CHECK(report.unexpected.empty());
}
