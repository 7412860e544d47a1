// Runs the DMMF datamodel corpus (shared/conformance/dmmf/test_files, README §3): each N.prisma
// must produce the `datamodel` section equal, as a JSON value, to N.json (key order irrelevant,
// array order relevant).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/schema.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "dmmf" / "test_files";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.path().extension() == ".prisma") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

struct Actual {
  nlohmann::json datamodel;
  std::string first_error;  // the corpus schemas are valid: any error is a validator bug
};

Actual actual_datamodel(const std::string& schema_text) {
  using namespace prismapp::schema;
  SourceSet sources;
  sources.add("schema.prisma", schema_text);
  const ValidationResult result = validate_schema(std::move(sources));
  Actual actual;
  if (result.diagnostics.has_errors()) actual.first_error = result.diagnostics.errors().front().message;
  // Compared as plain JSON values: nlohmann::json equality ignores key order.
  actual.datamodel = nlohmann::json::parse(prismapp::schema::dmmf::datamodel_to_dmmf(result).dump());
  return actual;
}

// "" when equal, else the first differing JSON pointer with both values (shortened).
std::string first_difference(const nlohmann::json& expected, const nlohmann::json& actual) {
  if (expected == actual) return "";
  const nlohmann::json patch = nlohmann::json::diff(actual, expected);
  if (patch.empty()) return "(differs, no patch)";
  const auto& op = patch.front();
  const std::string pointer = op.value("path", std::string());
  auto show = [](const nlohmann::json& root, const std::string& ptr) {
    const nlohmann::json::json_pointer p(ptr);
    if (!root.contains(p)) return std::string("<absent>");
    std::string s = root.at(p).dump();
    return s.size() > 200 ? s.substr(0, 200) + "..." : s;
  };
  return op.value("op", std::string()) + " " + pointer + ": expected " + show(expected, pointer) + ", got " +
         show(actual, pointer);
}

}  // namespace

TEST_CASE("dmmf datamodel conformance", "[conformance][dmmf]") {
  const std::vector<std::string> names = case_names();
  REQUIRE(names.size() == 13);
  std::size_t passed = 0;
  std::vector<std::string> failures;
  for (const auto& name : names) {
    const nlohmann::json expected = nlohmann::json::parse(read_file(kCorpus / (name + ".json")));
    const Actual actual = actual_datamodel(read_file(kCorpus / (name + ".prisma")));
    const std::string diff = first_difference(expected, actual.datamodel);
    if (diff.empty()) {
      ++passed;
    } else {
      failures.push_back(name + ": " + diff);
    }
  }
  std::cout << "dmmf datamodel: " << passed << " passed, " << failures.size() << " failed";
  for (const auto& f : failures) std::cout << "\n  FAIL " << f;
  std::cout << std::endl;
  CHECK(failures.empty());
}

// Prisma builds these DMMFs from validated schemas: the corpus must also validate without errors.
// Kept apart from the DMMF comparison so a validator regression is reported as such.
// Known validator gaps (owned outside the DMMF), with the reason; a listed case that validates
// cleanly is only reported, so fixing the validator does not break this test.
const std::map<std::string, std::string> kKnownInvalid = {
    {"ignore", "no datasource: Prisma's empty connector has AutoIncrement, ours rejects autoincrement()"},
};

TEST_CASE("dmmf datamodel corpus schemas are valid", "[conformance][dmmf]") {
  std::vector<std::string> invalid;
  for (const auto& name : case_names()) {
    const Actual actual = actual_datamodel(read_file(kCorpus / (name + ".prisma")));
    const bool known = kKnownInvalid.count(name) != 0;
    if (actual.first_error.empty()) {
      if (known) std::cout << "dmmf corpus: " << name << " now validates, drop it from kKnownInvalid\n";
    } else if (!known) {
      invalid.push_back(name + ": " + actual.first_error);
    }
  }
  for (const auto& i : invalid) std::cout << "dmmf corpus schema rejected by validation: " << i << "\n";
  CHECK(invalid.empty());
}
