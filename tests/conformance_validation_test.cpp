// Runs ../shared/conformance/psl-validation: each file is validated as `schema.prisma` and all
// warnings then all errors, rendered with ANSI colours, must equal the trailing `// ` block byte
// for byte (harness rules in conformance/README.md §1).
//
// Set PSL_CASE=<substring> to print the expected and actual output of matching cases.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

#include "core/schema/schema.hpp"
#include "tests/conformance/corpus.hpp"

namespace fs = std::filesystem;
using namespace prismapp;

namespace {

// The expectation is the last run of lines starting with `//` that reaches the end of the file;
// each line has every leading "// " removed.
std::string expected_diagnostics(const std::string& text) {
  std::size_t block_start = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' || i + 1 == text.size()) continue;  // a final newline changes nothing
    const bool comment = text.compare(i + 1, 2, "//") == 0;
    if (comment && block_start == std::string::npos) block_start = i + 1;
    if (!comment) block_start = std::string::npos;
  }
  if (block_start == std::string::npos) return "";
  std::string out;
  std::istringstream lines(text.substr(block_start));
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view v = line;
    while (v.substr(0, 3) == "// ") v.remove_prefix(3);
    out += v;
    out += '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("psl-validation conformance corpus", "[conformance][psl-validation]") {
  const fs::path root = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "psl-validation";
  const auto files = testing::corpus_files(root, ".prisma");
  REQUIRE(files.size() == 216);
  const auto known = testing::known_failures(fs::path(PRISMAPP_SOURCE_DIR) / "tests" / "conformance" /
                                             "psl-validation-known-failures.txt");
  const char* focus = std::getenv("PSL_CASE");

  int passed = 0;
  std::vector<std::string> regressions, unexpectedly_passing;
  for (const auto& file : files) {
    const std::string rel = fs::relative(file, root).generic_string();
    const std::string text = testing::read_file(file);
    schema::SourceSet sources;
    sources.add("schema.prisma", text);
    const auto result = schema::validate_schema(std::move(sources));
    const std::string actual = schema::render_diagnostics(result.diagnostics, result.parsed.sources, true);
    const std::string expected = expected_diagnostics(text);
    const bool ok = actual == expected;
    if (focus && rel.find(focus) != std::string::npos) {
      std::cout << "=== " << rel << (ok ? " PASS" : " FAIL") << "\n--- expected\n"
                << expected << "--- actual\n" << actual << "---\n";
    }
    if (ok) ++passed;
    const bool listed = known.count(rel) > 0;
    if (!ok && !listed) regressions.push_back(rel);
    if (ok && listed) unexpectedly_passing.push_back(rel);
  }
  std::cout << "psl-validation: " << passed << " passed, " << (files.size() - passed) << " failed (of "
            << files.size() << ")\n";
  for (const auto& r : unexpectedly_passing) std::cout << "  now passing (remove from known failures): " << r << "\n";
  for (const auto& r : regressions) std::cout << "  FAIL (not a known failure): " << r << "\n";
  CHECK(regressions.empty());
}
