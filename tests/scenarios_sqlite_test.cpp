// The schema-change scenario corpus (fixtures/scenarios) on SQLite: every scenario through db push
// and through migrations, on database files in a temp dir (tests/scenarios/runner.hpp).
//
// Scenarios listed in fixtures/scenarios/KNOWN_FAILURES.txt are engine bugs being worked on: their
// failure does not fail the test, but a listed scenario that passes is reported so the list
// shrinks. Set SCENARIO=<substring> to run only matching scenarios and print every problem.
// A second test runs every scenario through the real binary (db push, db execute, migrate diff).
#include <catch2/catch.hpp>

#include <stdlib.h>  // mkdtemp

#include <cstdlib>
#include <iostream>

#include "core/dialect/dialect.hpp"
#include "tests/cli_support.hpp"
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
  for (const std::string provider : {"sqlite", "postgresql", "mysql"}) {
    const auto all = scenarios::load_scenarios(kScenarios, provider);  // throws on a malformed expect.txt
    CHECK(all.size() >= 100);
    const std::string list = provider == "sqlite" ? "KNOWN_FAILURES.txt" : "KNOWN_FAILURES." + provider + ".txt";
    for (const auto& [name, reason] : scenarios::load_known_failures(kScenarios / list)) {
      INFO(list << ": " << name);
      CHECK(fs::is_directory(kScenarios / name));
      CHECK(!reason.empty());
    }
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

  const auto report = scenarios::run_corpus(kScenarios, "sqlite", target);
  report.print("sqlite");
  CHECK(report.unexpected.empty());
}

// The same corpus through the binary, the way users meet it: exit codes of db push with and
// without --accept-data-loss, `migrate diff --script` byte-equal to the core's script, and no
// diff left between the pushed database and after.prisma.
namespace {

std::vector<std::string> run_cli_scenario(const scenarios::Scenario& s, const dialect::Dialect& d) {
  namespace t = prismapp::testing;
  std::vector<std::string> problems;
  t::TempDir dir;
  t::write_file(dir / "before.prisma", s.before);
  t::write_file(dir / "after.prisma", s.after);
  t::write_file(dir / "seed.sql", s.seed);
  t::RunOptions opts;
  opts.env["DATABASE_URL"] = "file:./dev.db";  // relative to the schema's folder
  const auto run = [&](const std::vector<std::string>& args) { return t::run_prismapp(dir.path(), args, opts); };
  const auto expect_exit = [&](const t::RunResult& r, bool ok, const std::string& what) {
    if ((r.exit_code == 0) != ok)
      problems.push_back(what + ": exit " + std::to_string(r.exit_code) + "\n" + r.out + r.err);
  };

  expect_exit(run({"db", "push", "--schema", "before.prisma", "--skip-generate"}), true, "db push before");
  expect_exit(run({"db", "execute", "--file", "seed.sql", "--schema", "before.prisma"}), true, "db execute seed");

  // migrate diff --script must print exactly what the core renders.
  schema::SourceSet b, a;
  b.add("before.prisma", s.before);
  a.add("after.prisma", s.after);
  const auto vb = schema::validate_schema(std::move(b));
  const auto va = schema::validate_schema(std::move(a));
  const auto planner = migrate::make_schema_planner(d);
  using Kind = migrate::DiffSource::Kind;
  const auto core = migrate::diff_sources(d, *planner, {Kind::SchemaDatamodel, &vb, "", {}},
                                          {Kind::SchemaDatamodel, &va, "", {}}, std::nullopt);
  const auto diff = run({"migrate", "diff", "--from-schema-datamodel", "before.prisma", "--to-schema-datamodel",
                         "after.prisma", "--script"});
  expect_exit(diff, true, "migrate diff --script");
  // The CLI ends its output with one more newline after the script, as Prisma's does.
  if (diff.out != core.script && diff.out != core.script + "\n") problems.push_back("migrate diff --script differs from the core script:\n" + diff.out);

  const auto& e = s.expect;
  const bool plain_ok = e.data_loss == scenarios::DataLoss::None;
  const auto push = run({"db", "push", "--schema", "after.prisma", "--skip-generate"});
  expect_exit(push, plain_ok, "db push after (without --accept-data-loss)");
  bool applied = plain_ok;
  if (e.data_loss == scenarios::DataLoss::Warning) {
    const auto forced = run({"db", "push", "--schema", "after.prisma", "--skip-generate", "--accept-data-loss"});
    expect_exit(forced, !e.apply_fails, "db push after --accept-data-loss");
    applied = !e.apply_fails;
  } else if (e.data_loss == scenarios::DataLoss::Unexecutable) {
    // Unexecutable steps are not overridden by --accept-data-loss.
    const auto forced = run({"db", "push", "--schema", "after.prisma", "--skip-generate", "--accept-data-loss"});
    expect_exit(forced, false, "db push after --accept-data-loss with unexecutable steps");
  }
  if (applied) {
    const auto residual = run({"migrate", "diff", "--from-url", "file:" + (dir / "dev.db").string(),
                               "--to-schema-datamodel", "after.prisma", "--exit-code"});
    expect_exit(residual, true, "migrate diff --from-url <db> --to-schema after.prisma --exit-code");
  }
  return problems;
}

}  // namespace

TEST_CASE("scenarios: sqlite through the CLI", "[scenarios][sqlite][cli]") {
  const dialect::Dialect* sqlite = dialect::find_dialect("sqlite");
  REQUIRE(sqlite != nullptr);
  const char* filter = std::getenv("SCENARIO");
  const auto known = scenarios::load_known_failures(kScenarios / "KNOWN_FAILURES.txt");
  int passed = 0, failed = 0;
  std::vector<std::string> unexpected;
  for (const auto& s : scenarios::load_scenarios(kScenarios)) {
    if (filter && s.name.find(filter) == std::string::npos) continue;
    const auto problems = run_cli_scenario(s, *sqlite);
    if (problems.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    if (known.count(s.name) && !filter) continue;
    std::string text = s.name;
    for (const auto& p : problems) text += "\n    " + p;
    unexpected.push_back(text);
  }
  std::cout << "scenarios sqlite (CLI): " << passed << " passed, " << failed << " failed\n";
  for (const auto& f : unexpected) std::cout << "  FAILED: " << f << "\n";
  CHECK(unexpected.empty());
}
