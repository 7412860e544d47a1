// Shared pieces of the db pull tests (tests/introspect_*_test.cpp): the introspection corpus of
// /work/shared/conformance/introspection (README §4: header tags, setup SQL, expected schema in
// the last block comment) and one call that pulls a live database the way the CLI does.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/dialect/dialect.hpp"
#include "core/dialect/introspection_hooks.hpp"
#include "core/introspect/introspect.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::testing {

struct IntrospectionCase {
  std::string name;  // path below the database folder
  std::string sql;   // the whole file (setup)
  std::string expected;
  std::vector<std::string> tags, exclude, preview_features;
};

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

inline std::vector<IntrospectionCase> introspection_cases(const std::string& database) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "introspection" / database;
  std::vector<IntrospectionCase> cases;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".sql") continue;
    IntrospectionCase c;
    c.name = fs::relative(entry.path(), root).string();
    c.sql = read_text(entry.path());
    std::istringstream lines(c.sql);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("-- tags=", 0) == 0) c.tags = split_list(line.substr(8));
      else if (line.rfind("-- exclude=", 0) == 0) c.exclude = split_list(line.substr(11));
      else if (line.rfind("-- preview_features=", 0) == 0) c.preview_features = split_list(line.substr(20));
    }
    const auto start = c.sql.rfind("/*");
    std::string expected = c.sql.substr(start + 2);
    while (!expected.empty() && expected.front() == '\n') expected.erase(0, 1);
    if (expected.size() >= 3 && expected.ends_with("*/\n")) expected.resize(expected.size() - 3);
    else if (expected.ends_with("*/")) expected.resize(expected.size() - 2);
    c.expected = expected;
    cases.push_back(std::move(c));
  }
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return cases;
}

// The configuration the upstream harness introspects with.
inline std::string corpus_config(const std::string& provider, const std::vector<std::string>& preview) {
  std::string out = "datasource db {\n  provider = \"" + provider + "\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
  out += "generator js {\n  provider = \"prisma-client\"\n";
  if (!preview.empty()) {
    out += "  previewFeatures = [";
    for (std::size_t i = 0; i < preview.size(); ++i) out += (i ? ", \"" : "\"") + preview[i] + "\"";
    out += "]\n";
  }
  return out + "}\n";
}

// Pulls the database behind `connection` with `previous_text` as the current schema.
inline introspect::IntrospectionResult pull(const dialect::Dialect& dialect, dialect::Connection& connection,
                                            const std::string& previous_text,
                                            const std::vector<std::string>& ignored = {}) {
  schema::SourceSet sources;
  sources.add("schema.prisma", previous_text);
  const schema::ValidationResult previous = schema::validate_schema(sources);
  const sql::SqlSchema described = connection.describe();
  const auto& hooks = dialect.introspection_hooks();
  introspect::IntrospectionInput input;
  input.schema = &described;
  input.hooks = &hooks;
  input.facts = hooks.read_facts(connection, described);
  input.previous = &previous;
  input.ignored_tables = ignored;
  input.search_path = hooks.default_namespace(connection, described);
  return introspect::introspect(input);
}

struct CaseOutcome {
  bool first_ok = false;
  bool second_ok = false;
  std::string first, second;
};

// Runs one corpus case on a fresh database: pull, compare, pull again with the result as the
// previous schema, compare again.
inline CaseOutcome run_case(const dialect::Dialect& dialect, dialect::Connection& connection, const IntrospectionCase& c) {
  CaseOutcome out;
  out.first = pull(dialect, connection, corpus_config(std::string(dialect.provider()), c.preview_features)).text;
  out.first_ok = out.first == c.expected;
  out.second = pull(dialect, connection, out.first).text;
  out.second_ok = out.second == out.first;
  return out;
}

// The corpus test of one database: `run` executes a case on a fresh database and returns its
// outcome. Every case must give the expected text and pull back to itself, except the
// `known_failures`, which must still fail (remove one from the list when it passes). An empty
// corpus fails: a missing or misnamed corpus folder must not pass as "0/0".
template <typename Run>
void check_corpus(const std::string& label, const std::vector<IntrospectionCase>& cases,
                  const std::set<std::string>& known_failures, Run&& run) {
  REQUIRE_FALSE(cases.empty());
  int passed = 0, total = 0;
  for (const auto& c : cases) {
    ++total;
    const CaseOutcome out = run(c);
    const bool ok = out.first_ok && out.second_ok;
    if (ok) ++passed;
    if (known_failures.count(c.name)) {
      CHECK_FALSE(ok);
      continue;
    }
    INFO(c.name);
    CHECK(out.first == c.expected);
    CHECK(out.second == out.first);
  }
  std::cout << label << " corpus: " << passed << "/" << total << " passed\n";
}

}  // namespace prismapp::testing
