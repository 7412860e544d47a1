// Runs Prisma's reformatter corpus (shared/conformance/psl-reformat, README §2): every input must
// format to its expected file byte for byte, and the expected files must be fixed points.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/schema/schema.hpp"

namespace fs = std::filesystem;
using prismapp::schema::reformat_schema;
using prismapp::schema::SourceFile;
using prismapp::schema::SourceSet;

namespace {

const fs::path kCorpus = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "psl-reformat";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One case: input files and the expected output files (same names, same order).
struct ReformatCase {
  std::string name;
  std::vector<SourceFile> inputs;
  std::vector<SourceFile> expected;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<ReformatCase> load_cases() {
  std::vector<ReformatCase> cases;
  const fs::path single = kCorpus / "reformatter";
  if (fs::exists(single)) {
    for (const auto& entry : fs::recursive_directory_iterator(single)) {
      if (!entry.is_regular_file()) continue;
      std::string file = entry.path().string();
      if (!ends_with(file, ".prisma") || ends_with(file, ".reformatted.prisma")) continue;
      fs::path expected = file.substr(0, file.size() - 7) + ".reformatted.prisma";
      ReformatCase c;
      c.name = fs::relative(entry.path(), kCorpus).generic_string();
      // Upstream formats a single file as "schema.prisma".
      c.inputs.push_back(SourceFile{"schema.prisma", read_file(entry.path())});
      c.expected.push_back(SourceFile{"schema.prisma", fs::exists(expected) ? read_file(expected) : std::string()});
      cases.push_back(std::move(c));
    }
  }
  const fs::path multi = kCorpus / "reformatter_multi_file";
  if (fs::exists(multi)) {
    for (const auto& dir : fs::directory_iterator(multi)) {
      if (!dir.is_directory() || ends_with(dir.path().string(), ".reformatted")) continue;
      ReformatCase c;
      c.name = fs::relative(dir.path(), kCorpus).generic_string();
      std::vector<fs::path> files;
      for (const auto& f : fs::directory_iterator(dir.path()))
        if (f.is_regular_file()) files.push_back(f.path());
      std::sort(files.begin(), files.end());
      fs::path expected_dir = dir.path().string() + ".reformatted";
      for (const auto& f : files) {
        std::string name = f.filename().string();
        c.inputs.push_back(SourceFile{name, read_file(f)});
        fs::path e = expected_dir / name;
        c.expected.push_back(SourceFile{name, fs::exists(e) ? read_file(e) : std::string("<missing expected file>")});
      }
      if (fs::exists(expected_dir)) {
        for (const auto& f : fs::directory_iterator(expected_dir)) {
          std::string name = f.path().filename().string();
          if (!fs::exists(dir.path() / name)) c.expected.push_back(SourceFile{name, "<unexpected extra file>"});
        }
      }
      cases.push_back(std::move(c));
    }
  }
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return cases;
}

std::vector<SourceFile> format_all(const std::vector<SourceFile>& files) {
  SourceSet set;
  for (const auto& f : files) set.add(f.path, f.text);
  return reformat_schema(set, 2);
}

bool same_files(const std::vector<SourceFile>& a, const std::vector<SourceFile>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].path != b[i].path || a[i].text != b[i].text) return false;
  return true;
}

}  // namespace

TEST_CASE("psl-reformat conformance: each case", "[conformance][reformat]") {
  static const std::vector<ReformatCase> cases = load_cases();
  REQUIRE(cases.size() == 18);
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      std::vector<SourceFile> actual = format_all(c.inputs);
      REQUIRE(actual.size() == c.inputs.size());
      for (std::size_t i = 0; i < c.expected.size(); ++i) {
        INFO("file " << c.expected[i].path);
        REQUIRE(i < actual.size());
        CHECK(actual[i].path == c.expected[i].path);
        CHECK(actual[i].text == c.expected[i].text);
      }
      // Idempotence: the expected output is already formatted.
      std::vector<SourceFile> again = format_all(c.expected);
      for (std::size_t i = 0; i < c.expected.size() && i < again.size(); ++i) {
        INFO("idempotence, file " << c.expected[i].path);
        CHECK(again[i].text == c.expected[i].text);
      }
    }
  }
}

TEST_CASE("psl-reformat conformance: summary", "[conformance][reformat]") {
  const std::vector<ReformatCase> cases = load_cases();
  std::size_t passed = 0;
  std::vector<std::string> failed;
  for (const auto& c : cases) {
    bool ok = same_files(format_all(c.inputs), c.expected) && same_files(format_all(c.expected), c.expected);
    if (ok) {
      ++passed;
    } else {
      failed.push_back(c.name);
    }
  }
  std::cout << "psl-reformat conformance: " << passed << "/" << cases.size() << " cases byte-identical";
  for (const auto& f : failed) std::cout << "\n  FAIL " << f;
  std::cout << std::endl;
  CHECK(passed == cases.size());
}
