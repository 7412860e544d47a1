// `prismapp debug dmmf` through the real binary: the full DMMF (datamodel, schema, mappings) must
// equal Prisma 7's for the oracle's sample schema, and invalid schemas get the P1012 report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

TEST_CASE("debug dmmf prints Prisma's full DMMF for the oracle sample", "[cli][dmmf]") {
  const fs::path oracle = fs::path(PRISMAPP_SHARED_DIR) / "oracle";
  TempDir dir;
  write_file(dir / "schema.prisma", read_file(oracle / "schemas" / "sqlite6.prisma"));
  RunOptions options;
  options.env["DATABASE_URL"] = "file:./dev.db";
  const auto run = run_prismapp(dir.path(), {"debug", "dmmf"}, options);
  REQUIRE(run.exit_code == 0);
  const auto ours = nlohmann::json::parse(run.out);
  const auto prisma = nlohmann::json::parse(read_file(oracle / "artefacts" / "dmmf-sqlite-sample.v7.json"));
  CHECK(ours.at("datamodel") == prisma.at("datamodel"));
  CHECK(ours.at("schema") == prisma.at("schema"));
  CHECK(ours.at("mappings") == prisma.at("mappings"));
}

TEST_CASE("debug dmmf refuses an invalid schema with P1012", "[cli][dmmf]") {
  TempDir dir;
  write_file(dir / "schema.prisma", "model A {\n  id Int @id\n  b Nope\n}\n");
  const auto run = run_prismapp(dir.path(), {"debug", "dmmf"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("P1012") != std::string::npos);
  CHECK(run.out.empty());
}
