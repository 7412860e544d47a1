// The full DMMF (datamodel + schema + mappings) against Prisma 7.10.1's, captured with the offline
// oracle (fixtures/dmmf/README.md): SQLite, PostgreSQL and MySQL samples, compared as JSON values.
// Also checks the mappings section's shape and that building is deterministic.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/schema.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string dmmf_of(const fs::path& schema) {
  using namespace prismapp::schema;
  SourceSet sources;
  sources.add("schema.prisma", read_text(schema));
  const ValidationResult result = validate_schema(std::move(sources));
  REQUIRE_FALSE(result.diagnostics.has_errors());
  return dmmf::full_dmmf_json(result);
}

// The first differing JSON pointer, for a readable failure.
std::string first_difference(const nlohmann::json& expected, const nlohmann::json& actual) {
  const nlohmann::json patch = nlohmann::json::diff(actual, expected);
  if (patch.empty()) return "";
  const std::string ptr = patch.front().value("path", std::string());
  auto show = [&](const nlohmann::json& root) {
    const nlohmann::json::json_pointer p(ptr);
    if (!root.contains(p)) return std::string("<absent>");
    const std::string s = root.at(p).dump();
    return s.size() > 300 ? s.substr(0, 300) + "..." : s;
  };
  return patch.front().value("op", std::string()) + " " + ptr + ": expected " + show(expected) + ", got " + show(actual);
}

void check_against(const fs::path& schema, const fs::path& captured) {
  const nlohmann::json ours = nlohmann::json::parse(dmmf_of(schema));
  const nlohmann::json prisma = nlohmann::json::parse(read_text(captured));
  INFO(first_difference(prisma, ours));
  CHECK(ours == prisma);
}

const fs::path kOracle = fs::path(PRISMAPP_SHARED_DIR) / "oracle";
const fs::path kFixtures = fs::path(PRISMAPP_SOURCE_DIR) / "fixtures" / "dmmf";

}  // namespace

TEST_CASE("full DMMF equals Prisma 7's for the SQLite oracle sample", "[dmmf][sqlite]") {
  check_against(kOracle / "schemas" / "sqlite6.prisma", kOracle / "artefacts" / "dmmf-sqlite-sample.v7.json");
}

TEST_CASE("full DMMF equals Prisma 7's for the PostgreSQL sample", "[dmmf][postgres]") {
  check_against(kFixtures / "postgresql-sample.prisma", kFixtures / "postgresql-sample.v7.json");
}

TEST_CASE("full DMMF equals Prisma 7's for the MySQL sample", "[dmmf][mysql]") {
  check_against(kFixtures / "mysql-sample.prisma", kFixtures / "mysql-sample.v7.json");
}

TEST_CASE("full DMMF: mappings name every model operation; output is deterministic", "[dmmf]") {
  const fs::path schema = kOracle / "schemas" / "sqlite6.prisma";
  const std::string first = dmmf_of(schema);
  CHECK(first == dmmf_of(schema));
  const auto dmmf = nlohmann::ordered_json::parse(first);
  const auto& ops = dmmf.at("mappings").at("modelOperations");
  REQUIRE(ops.size() == 5);
  CHECK(ops[0].at("model") == "User");
  CHECK(ops[0].at("findUniqueOrThrow") == "findUniqueUserOrThrow");
  CHECK(ops[0].at("createManyAndReturn") == "createManyUserAndReturn");
  CHECK(ops[0].size() == 17);  // "model" + 16 actions
  CHECK(dmmf.at("mappings").at("otherOperations").at("write") == nlohmann::ordered_json::array({"executeRaw", "queryRaw"}));
  // A schema without models still has Query and Mutation (empty) and the isolation level enum.
  using namespace prismapp::schema;
  SourceSet sources;
  sources.add("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = \"postgresql://u@h/d\"\n}\n");
  const auto empty = nlohmann::ordered_json::parse(dmmf::full_dmmf_json(validate_schema(std::move(sources))));
  CHECK(empty.at("schema").at("inputObjectTypes").empty());
  CHECK(empty.at("schema").at("outputObjectTypes").at("prisma").size() == 2);
  CHECK(empty.at("schema").at("enumTypes").at("prisma").at(0).at("values").size() == 4);
}
