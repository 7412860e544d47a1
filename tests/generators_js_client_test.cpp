// `prisma-client-js` / `prisma-client` blocks: delegated to the project's Prisma CLI
// (cli/prisma_js_client.cpp). A stand-in `prisma` in node_modules/.bin records how it was called,
// so these tests need neither npm nor the real CLI (tests/generators_npm_test.cpp runs the real one).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const std::string kFake = std::string(PRISMAPP_SOURCE_DIR) + "/fixtures/generators/fake-generator.js";

const std::string kSchema =
    "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\n"
    "generator client {\n  provider = \"prisma-client\"\n  output   = \"./generated/client\"\n}\n\n"
    "generator after {\n  provider = \"node " + kFake + " ok\"\n  output   = \"./out/after\"\n}\n\n"
    "model User {\n  id Int @id\n}\n";

// node_modules/prisma/{package.json, build/index.js} and the .bin link, like npm lays them out.
// The script logs its arguments and the schema it was given, then prints Prisma's success line
// (or fails with `exit_code`).
void install_fake_prisma(const fs::path& project, const std::string& version, int exit_code = 0) {
  const fs::path pkg = project / "node_modules/prisma";
  write_file(pkg / "package.json", "{\"name\": \"prisma\", \"version\": \"" + version + "\"}\n");
  write_file(pkg / "build/index.js",
             "#!/bin/sh\n"
             "echo \"$@\" > \"" + (project / "cli-args.txt").string() + "\"\n"
             "while [ $# -gt 0 ]; do if [ \"$1\" = --schema ]; then cat \"$2\" > \"" +
                 (project / "cli-schema.txt").string() + "\"; fi; shift; done\n"
             "echo 'Prisma schema loaded from somewhere'\n"
             "ls \"" + (project / "out").string() + "\" > \"" + (project / "cli-saw-out.txt").string() + "\" 2>&1\n"
             "if [ " + std::to_string(exit_code) + " -ne 0 ]; then echo 'Error: the client broke' >&2; exit " +
                 std::to_string(exit_code) + "; fi\n"
             "echo '\xE2\x9C\x94 Generated Prisma Client (" + version + ") to ./generated/client in 5ms'\n");
  fs::permissions(pkg / "build/index.js", fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  fs::create_directories(project / "node_modules/.bin");
  fs::create_symlink("../prisma/build/index.js", project / "node_modules/.bin/prisma");
}

}  // namespace

TEST_CASE("generate: a prisma-client block runs through the project's Prisma 7 CLI, url removed", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kSchema);
  install_fake_prisma(dir.path(), "7.10.1");
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string args = read_file(dir / "cli-args.txt");
  CHECK(args.find("generate --no-hints --schema ") == 0);
  CHECK(args.find("--generator client") != std::string::npos);
  CHECK(args.find((dir / "schema.prisma").string()) == std::string::npos);  // a copy, not the user's file
  const std::string given = read_file(dir / "cli-schema.txt");
  CHECK(given.find("url") == std::string::npos);
  CHECK(given.find("provider = \"sqlite\"") != std::string::npos);
  CHECK(given.find("output   = \"./generated/client\"") != std::string::npos);
  // The copy is gone, the user's schema untouched.
  CHECK(read_file(dir / "schema.prisma") == kSchema);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 6);  // schema.prisma, node_modules, cli-*.txt (3), out
  // Schema order: the client ran before the generator after it (whose output did not exist yet).
  CHECK(read_file(dir / "cli-saw-out.txt").find("No such file") != std::string::npos);
  CHECK(fs::exists(dir / "out/after/models.txt"));
  CHECK(r.out.find("\xE2\x9C\x94 Generated Prisma Client (7.10.1) to ./generated/client") != std::string::npos);
}

TEST_CASE("generate: a Prisma 6 CLI gets the schema file itself", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kSchema);
  install_fake_prisma(dir.path(), "6.19.0");
  auto r = run_prismapp(dir.path(), {"generate", "--generator", "client"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_file(dir / "cli-args.txt").find("--schema " + (dir / "schema.prisma").string()) != std::string::npos);
  CHECK(read_file(dir / "cli-schema.txt") == kSchema);
  CHECK_FALSE(fs::exists(dir / "out/after"));  // --generator client: only the client
}

TEST_CASE("generate: the Prisma CLI failing is reported, the other generators still run", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kSchema);
  install_fake_prisma(dir.path(), "7.10.1", 3);
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Generator client (prisma-client, run by the Prisma CLI node_modules/.bin/prisma) failed (exit code 3)") !=
        std::string::npos);
  CHECK(r.err.find("Error: the client broke") != std::string::npos);
  CHECK(fs::exists(dir / "out/after/models.txt"));
  CHECK(read_file(dir / "schema.prisma") == kSchema);
}

TEST_CASE("generate: a prisma-client-js block without any Prisma CLI is a clear error", "[generate][host]") {
  TempDir dir;
  std::string schema = kSchema;
  schema.replace(schema.find("\"prisma-client\""), 15, "\"prisma-client-js\"");
  write_file(dir / "schema.prisma", schema);
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Generator client uses prisma-client-js, the Prisma JavaScript client, which is built into the "
                   "Prisma CLI") != std::string::npos);
  CHECK(r.err.find("npm install --save-dev prisma") != std::string::npos);
  CHECK(fs::exists(dir / "out/after/models.txt"));
}

TEST_CASE("generate: a folder schema's datamodel is Prisma's merge of the files", "[generate][host]") {
  TempDir dir;
  // Unformatted on purpose: Prisma joins the files with a newline and runs its layout formatter.
  write_file(dir / "prisma/schema/a.prisma",
             "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\ngenerator g {\n  provider = \"node " +
                 kFake + " ok\"\n  output = \"../../out/g\"\n}\n");
  write_file(dir / "prisma/schema/b.prisma", "model User {\n  id Int @id\n  email String @unique\n}");
  const auto log = dir / "log.jsonl";
  auto r = run_prismapp(dir.path(), {"generate", "--schema", "prisma/schema"}, {.env = {{"FAKE_GEN_LOG", log.string()}}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  std::string datamodel;
  std::istringstream in(read_file(log));
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto e = nlohmann::json::parse(line);
    if (e.value("method", "") == "generate") datamodel = e["params"]["datamodel"].get<std::string>();
  }
  CHECK(datamodel ==
        "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\ngenerator g {\n  provider = \"node " +
            kFake + " ok\"\n  output   = \"../../out/g\"\n}\n\nmodel User {\n  id    Int    @id\n  email String @unique\n}\n");
}
