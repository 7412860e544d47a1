// `migrate dev`, `migrate reset` and `db push` run the schema's generators afterwards, as Prisma 6
// does (tryToRunGenerate), unless --skip-generate / PRISMA_MIGRATE_SKIP_GENERATE.
#include <catch2/catch.hpp>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const std::string kFake = std::string(PRISMAPP_SOURCE_DIR) + "/fixtures/generators/fake-generator.js";

std::string schema(const std::string& fake_mode) {
  return "generator py {\n  provider = \"prisma-client-py\"\n  recursive_type_depth = 5\n  output = \"../client\"\n}\n\n"
         "generator fake {\n  provider = \"node " + kFake + " " + fake_mode + "\"\n  output   = \"../fake\"\n}\n\n"
         "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n\n"
         "model User {\n  id    Int    @id\n  email String @unique\n}\n";
}

}  // namespace

TEST_CASE("migrate dev and db push run the generators afterwards", "[cli][generate]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", schema("ok"));
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto sync = r.out.find("Your database is now in sync with your schema.");
  const auto running = r.out.find("Running generate... (Use --skip-generate to skip the generators)");
  REQUIRE(sync != std::string::npos);
  REQUIRE(running != std::string::npos);
  CHECK(sync < running);
  CHECK(r.out.find("Generated Prisma Client Python") != std::string::npos);
  CHECK(r.out.find("Generated Fake ok (9.9.9) to ./fake") != std::string::npos);
  CHECK(fs::exists(dir / "client/__init__.py"));
  CHECK(read_file(dir / "fake/models.txt") == "User\n");

  // db push after a schema change regenerates (the new model reaches the generator).
  fs::remove_all(dir / "fake");
  write_file(dir / "prisma/schema.prisma", schema("ok") + "\nmodel Post {\n  id Int @id\n}\n");
  r = run_prismapp(dir.path(), {"db", "push"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Running generate...") != std::string::npos);
  CHECK(read_file(dir / "fake/models.txt") == "User\nPost\n");
}

TEST_CASE("migrate: --skip-generate and PRISMA_MIGRATE_SKIP_GENERATE skip the generators", "[cli][generate]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", schema("ok"));
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init", "--skip-generate"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Running generate") == std::string::npos);
  CHECK_FALSE(fs::exists(dir / "client"));
  CHECK_FALSE(fs::exists(dir / "fake"));

  r = run_prismapp(dir.path(), {"migrate", "reset", "--force"}, {.env = {{"PRISMA_MIGRATE_SKIP_GENERATE", "1"}}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Running generate") == std::string::npos);
  CHECK_FALSE(fs::exists(dir / "fake"));

  r = run_prismapp(dir.path(), {"migrate", "reset", "--force"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Running generate") != std::string::npos);
  CHECK(fs::exists(dir / "fake/models.txt"));
}

TEST_CASE("a failing generator after migrate dev is reported, the migration stands", "[cli][generate]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", schema("crash"));
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);  // as with Prisma: the database work is done
  CHECK(r.out.find("fatal: fake crash") != std::string::npos);
  CHECK(fs::exists(dir / "client/__init__.py"));  // the other generator still ran
  auto status = run_prismapp(dir.path(), {"migrate", "status"});
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("Database schema is up to date!") != std::string::npos);
}
