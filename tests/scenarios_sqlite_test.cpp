// The schema-change scenario corpus (fixtures/scenarios) on SQLite: every scenario through db push
// and through migrations, on database files in a temp dir (tests/scenarios/runner.hpp).
//
// Scenarios listed in fixtures/scenarios/KNOWN_FAILURES.txt are engine bugs being worked on: their
// failure does not fail the test, but a listed scenario that passes is reported so the list
// shrinks. Set SCENARIO=<substring> to run only matching scenarios and print every problem.
#include <catch2/catch.hpp>

#include <stdlib.h>  // mkdtemp

#include <cstdlib>
#include <iostream>

#include "core/dialect/dialect.hpp"
#include "tests/scenarios/runner.hpp"

namespace fs = std::filesystem;
using namespace prismapp;

namespace {

const fs::path kScenarios = fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "scenarios";

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "prismapp-scenarios-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

}  // namespace

TEST_CASE("scenarios: the corpus is well formed", "[scenarios]") {
  const auto all = scenarios::load_scenarios(kScenarios);  // throws on a malformed expect.txt
  CHECK(all.size() >= 45);
  for (const auto& [name, reason] : scenarios::load_known_failures(kScenarios / "KNOWN_FAILURES.txt")) {
    INFO(name);
    CHECK(fs::is_directory(kScenarios / name));
    CHECK(!reason.empty());
  }
}

TEST_CASE("scenarios: sqlite", "[scenarios][sqlite]") {
  const dialect::Dialect* sqlite = dialect::find_dialect("sqlite");
  REQUIRE(sqlite != nullptr);
  ScratchDir scratch;
  scenarios::Target target;
  target.dialect = sqlite;
  target.work_dir = scratch.path;
  target.fresh_url = [&](const std::string& scenario, const std::string& tag) {
    const fs::path file = scratch.path / (scenario + "-" + tag + ".db");
    fs::remove(file);
    return "file:" + file.string();
  };

  const char* filter = std::getenv("SCENARIO");
  const auto known = scenarios::load_known_failures(kScenarios / "KNOWN_FAILURES.txt");
  int passed = 0, failed = 0;
  std::vector<std::string> unexpected, known_failed, known_passed;
  for (const auto& s : scenarios::load_scenarios(kScenarios)) {
    if (filter && s.name.find(filter) == std::string::npos) continue;
    const auto problems = scenarios::run_scenario(s, target);
    const bool is_known = known.count(s.name) > 0;
    if (problems.empty()) {
      ++passed;
      if (is_known) known_passed.push_back(s.name);
      continue;
    }
    ++failed;
    std::string text = s.name;
    for (const auto& p : problems) text += "\n    " + p;
    (is_known ? known_failed : unexpected).push_back(filter || !is_known ? text : s.name + " (known: " + known.at(s.name) + ")");
  }

  std::cout << "scenarios sqlite: " << passed << " passed, " << failed << " failed\n";
  for (const auto& f : known_failed) std::cout << "  known failure: " << f << "\n";
  for (const auto& f : unexpected) std::cout << "  FAILED: " << f << "\n";
  for (const auto& n : known_passed) std::cout << "  listed in KNOWN_FAILURES.txt but passes: " << n << "\n";
  CHECK(unexpected.empty());
}
