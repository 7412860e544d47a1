// Runs the getDMMF corpus (shared/conformance/dmmf/get_dmmf, from prisma-fmt's get_dmmf.rs): each
// case folder holds one or more .prisma files and either expected.json (the full DMMF
// {datamodel, schema, mappings}, compared as JSON values) or expected_error.json (the P1012 error
// get_dmmf returns: the coloured error blocks and "Validation Error Count: N").
//
// The corpus comes from prisma-engines of October 2025 (Prisma 6.x), whose input fields had no
// `isParameterizable` key; Prisma 7.10.1 (our target, checked in schema_dmmf_full_test.cpp against
// captured output) adds it to every input field and argument. It is dropped before comparing;
// everything else must match exactly.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema/diagnostics.hpp"
#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/schema.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "dmmf" / "get_dmmf";

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What prisma-fmt's get_dmmf returns for the case: the DMMF, or the error object.
nlohmann::json get_dmmf(const fs::path& dir) {
  using namespace prismapp::schema;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".prisma") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  SourceSet sources;
  for (const auto& f : files) sources.add(f.filename().string(), read_text(f));
  const ValidationResult result = validate_schema(std::move(sources));
  if (result.diagnostics.has_errors()) {
    std::string message;
    for (const auto& e : result.diagnostics.errors()) message += render_diagnostic(e, result.parsed.sources, true);
    message += "\nValidation Error Count: " + std::to_string(result.diagnostics.errors().size());
    return nlohmann::json{{"error_code", "P1012"}, {"message", message}};
  }
  return nlohmann::json::parse(dmmf::full_dmmf_json(result));
}

void drop_is_parameterizable(nlohmann::json& j) {
  if (j.is_object()) {
    j.erase("isParameterizable");
    for (auto& [key, value] : j.items()) drop_is_parameterizable(value);
  } else if (j.is_array()) {
    for (auto& value : j) drop_is_parameterizable(value);
  }
}

}  // namespace

TEST_CASE("getDMMF conformance", "[conformance][dmmf]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(kCorpus))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() == 5);
  std::size_t passed = 0;
  for (const auto& dir : cases) {
    const bool error_case = fs::exists(dir / "expected_error.json");
    const nlohmann::json expected =
        nlohmann::json::parse(read_text(dir / (error_case ? "expected_error.json" : "expected.json")));
    nlohmann::json actual = get_dmmf(dir);
    drop_is_parameterizable(actual);
    INFO(dir.filename().string());
    CHECK(actual == expected);
    if (actual == expected) ++passed;
  }
  WARN("getDMMF conformance: " << passed << "/" << cases.size() << " cases pass");
}
