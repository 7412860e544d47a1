// External generators through `prismapp generate` (generators/host + cli/cmd_generate_external):
// Prisma 7's JSON-RPC protocol with the fake generator in fixtures/generators/fake-generator.js.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <climits>
#include <sstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "generators/host/generator_host.hpp"
#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;
namespace host = prismapp::generators::host;

namespace {

const std::string kFake = std::string(PRISMAPP_SOURCE_DIR) + "/fixtures/generators/fake-generator.js";

std::string gen_block(const std::string& name, const std::string& mode, bool with_output, const std::string& extra = "") {
  std::string s = "\ngenerator " + name + " {\n  provider = \"node " + kFake + " " + mode + extra + "\"\n";
  if (with_output) s += "  output   = \"./out/" + name + "\"\n";
  return s + "}\n";
}

std::string schema_with(const std::string& generators) {
  return "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\nmodel User {\n  id    Int    @id\n"
         "  email String @unique\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   "
         "User @relation(fields: [authorId], references: [id])\n}\n" +
         generators;
}

std::vector<nlohmann::json> read_log(const fs::path& p) {
  std::vector<nlohmann::json> out;
  std::istringstream in(read_file(p));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

// Running (a zombie is dead: an orphan is reparented to PID 1, which in some containers never reaps).
bool process_alive(long pid) {
  if (::kill(static_cast<pid_t>(pid), 0) != 0) return false;
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  return close == std::string::npos || close + 2 >= stat.size() || stat[close + 2] != 'Z';
}

}  // namespace

TEST_CASE("generate: protocol order, ids and request params", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("one", "ok", true) + gen_block("two", "ok", false)));
  const auto log = dir / "log.jsonl";
  auto r = run_prismapp(dir.path(), {"generate"}, {.env = {{"FAKE_GEN_LOG", log.string()}}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);

  std::vector<nlohmann::json> requests;
  int starts = 0;
  for (auto& e : read_log(log)) {
    if (e.contains("jsonrpc")) requests.push_back(e);
    if (e.value("event", "") == "start") {
      ++starts;
      CHECK(e["invocation"] == "true");  // PRISMA_GENERATOR_INVOCATION
    }
  }
  CHECK(starts == 2);
  REQUIRE(requests.size() == 4);
  // Both manifests first (concurrently, ids 1-2 in some order), then generate in schema order.
  CHECK(requests[0]["method"] == "getManifest");
  CHECK(requests[1]["method"] == "getManifest");
  CHECK(requests[2]["method"] == "generate");
  CHECK(requests[3]["method"] == "generate");
  const long long first = std::min(requests[0]["id"].get<long long>(), requests[1]["id"].get<long long>());
  CHECK(first == 1);
  CHECK(requests[2]["id"] == 3);
  CHECK(requests[3]["id"] == 4);
  CHECK(requests[2]["params"]["generator"]["name"] == "one");
  CHECK(requests[3]["params"]["generator"]["name"] == "two");

  // getManifest params: the block as written.
  for (int i = 0; i < 2; ++i) {
    const auto& p = requests[i]["params"];
    std::vector<std::string> keys;
    for (auto it = p.begin(); it != p.end(); ++it) keys.push_back(it.key());
    if (p["name"] == "one") CHECK(p["output"] == nlohmann::json{{"fromEnvVar", nullptr}, {"value", "./out/one"}});
    if (p["name"] == "two") CHECK(p["output"].is_null());
    CHECK(p["binaryTargets"][0]["native"] == true);
    CHECK(p["sourceFilePath"] == (dir / "schema.prisma").string());
  }
  // generate params, Prisma 7's shape (nlohmann::json sorts keys, so check presence and values).
  const auto& g = requests[2]["params"];
  for (const char* k : {"datamodel", "datasources", "generator", "dmmf", "otherGenerators", "schemaPath", "version",
                        "allowNoModels", "binaryPaths"})
    CHECK(g.contains(k));
  CHECK(g["datamodel"] == read_file(dir / "schema.prisma"));
  CHECK(g["generator"]["output"]["value"] == (dir / "out/one").string());
  CHECK(g["generator"]["isCustomOutput"] == true);
  CHECK(g["otherGenerators"].size() == 1);
  CHECK(g["otherGenerators"][0]["name"] == "two");
  CHECK(g["otherGenerators"][0]["output"]["value"] == (dir / "fake-ok").string());
  CHECK_FALSE(g["otherGenerators"][0].contains("isCustomOutput"));
  CHECK(g["version"] == "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8");
  CHECK(g["allowNoModels"] == true);
  CHECK(g["binaryPaths"] == nlohmann::json::object());
  CHECK(g["datasources"][0]["provider"] == "sqlite");
  CHECK(g["dmmf"].contains("datamodel"));
  CHECK(g["dmmf"].contains("schema"));
  CHECK(g["dmmf"].contains("mappings"));
  CHECK(g["schemaPath"] == (dir / "schema.prisma").string());
  // The raw line keeps Prisma's key order.
  const std::string raw = read_file(log);
  CHECK(raw.find(R"({"jsonrpc":"2.0","method":"generate","params":{"datamodel":)") != std::string::npos);

  CHECK(read_file(dir / "out/one/models.txt") == "User\nPost\n");
  CHECK(read_file(dir / "fake-ok/models.txt") == "User\nPost\n");
}

TEST_CASE("generate: manifest defaultOutput and prettyName in the success line", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("g", "ok", false)));
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("✔ Generated Fake ok (9.9.9) to ./fake-ok in ") != std::string::npos);
  CHECK(fs::exists(dir / "fake-ok/models.txt"));
}

TEST_CASE("generate: generators start and answer getManifest concurrently", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("a", "ok", true, " 800") + gen_block("b", "garbage", true, " 800")));
  const auto log = dir / "log.jsonl";
  auto r = run_prismapp(dir.path(), {"generate"}, {.env = {{"FAKE_GEN_LOG", log.string()}}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  long long last_start = 0, first_manifest = LLONG_MAX;
  for (auto& e : read_log(log)) {
    if (e.value("event", "") == "start") last_start = std::max(last_start, e["t"].get<long long>());
    if (e.value("event", "") == "manifest") first_manifest = std::min(first_manifest, e["t"].get<long long>());
  }
  // The second generator was started before the first one answered (each waits 800 ms).
  CHECK(last_start < first_manifest);
  CHECK(fs::exists(dir / "out/b/models.txt"));  // garbage on stderr is only log output
}

TEST_CASE("generate: a generator's JSON-RPC error fails the run, the others still run", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("bad", "rpcerr", true) + gen_block("good", "ok", true)));
  auto r = run_prismapp(dir.path(), {"generate"}, {.env = {{"NO_COLOR", "1"}}});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Error: \nFake failure: bad config\n") != std::string::npos);
  CHECK(fs::exists(dir / "out/good/models.txt"));
}

TEST_CASE("generate: a crashing generator shows its log lines, Prisma's text", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("boom", "crash", true) + gen_block("good", "ok", true)));
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Generator \"node " + kFake + " crash\" failed:\n\nfake crash log: got getManifest\nfake crash log: got "
                   "generate\nfatal: fake crash\n") != std::string::npos);
  CHECK(fs::exists(dir / "out/good/models.txt"));
}

TEST_CASE("generate: a hanging generator times out and its whole process group is killed", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("stuck", "hang", true) + gen_block("good", "ok", true)));
  const auto log = dir / "log.jsonl";
  auto r = run_prismapp(dir.path(), {"generate"},
                        {.env = {{"FAKE_GEN_LOG", log.string()}, {"PRISMAPP_GENERATOR_TIMEOUT_MS", "1500"}}});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("did not answer \"generate\" within 1500 ms") != std::string::npos);
  CHECK(fs::exists(dir / "out/good/models.txt"));
  std::vector<long> pids;
  for (auto& e : read_log(log))
    if (e.contains("pid")) pids.push_back(e["pid"].get<long>());
  CHECK(pids.size() == 3);  // two generators + the hanging one's grandchild
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  for (long pid : pids) CHECK_FALSE(process_alive(pid));
}

TEST_CASE("generate: a generator answering on stdout gets a clear error", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("wrong", "stdout", true) + gen_block("good", "ok", true)));
  auto r = run_prismapp(dir.path(), {"generate"}, {.env = {{"PRISMAPP_GENERATOR_TIMEOUT_MS", "20000"}}});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("answered \"getManifest\" on stdout") != std::string::npos);
  CHECK(fs::exists(dir / "out/good/models.txt"));
}

TEST_CASE("generate: unknown provider, Prisma's /bin/sh message", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with("\ngenerator x {\n  provider = \"no-such-generator-xyz\"\n}\n"));
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Generator \"no-such-generator-xyz\" failed:\n\n/bin/sh: 1: no-such-generator-xyz: not found\n") !=
        std::string::npos);
}

TEST_CASE("generate: requiresGenerators names a missing provider", "[generate][host]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema_with(gen_block("r", "requires", true)));
  auto r = run_prismapp(dir.path(), {"generate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Generator \"Fake requires\" requires generator \"prisma-client-js\", but it is missing in your "
                   "schema.prisma.") != std::string::npos);
}

TEST_CASE("generate: node_modules/.bin of the schema folder's parents is on PATH", "[generate][host]") {
  TempDir dir;
  fs::create_directories(dir / "node_modules/.bin");
  fs::create_directories(dir / "app/prisma");
  write_file(dir / "node_modules/.bin/my-fake-gen", "#!/bin/sh\nexec node " + kFake + " ok\n");
  fs::permissions(dir / "node_modules/.bin/my-fake-gen", fs::perms::owner_all);
  write_file(dir / "app/prisma/schema.prisma",
             schema_with("\ngenerator x {\n  provider = \"my-fake-gen\"\n  output   = \"../gen\"\n}\n"));
  auto r = run_prismapp(dir / "app", {"generate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("✔ Generated Fake ok (9.9.9) to ./gen in ") != std::string::npos);
  CHECK(fs::exists(dir / "app/gen/models.txt"));
}

TEST_CASE("generator host: every child is reaped, ids count on across runs", "[generate][host]") {
  TempDir dir;
  const auto env = host::generator_environment({});
  host::HostOptions options;
  options.env = env;
  options.timeout = std::chrono::milliseconds(1500);
  const long long before = host::GeneratorHost::last_message_id();
  {
    std::vector<std::string> commands = {"node " + kFake + " ok", "node " + kFake + " crash", "node " + kFake + " hang",
                                         "exit 7", "sleep 1000"};
    std::vector<nlohmann::ordered_json> configs(commands.size(), nlohmann::ordered_json{{"name", "x"}});
    host::GeneratorHost h(commands, configs, options);
    CHECK(h.manifest(0).ok);
    CHECK_FALSE(h.manifest(3).ok);
    CHECK(h.manifest(3).error.find("failed:") != std::string::npos);
    CHECK_FALSE(h.manifest(4).ok);  // `sleep` never answers: timeout
    CHECK(h.manifest(4).error.find("within 1500 ms") != std::string::npos);
    const std::string params = R"({"generator":{"output":{"value":")" + (dir / "o").string() +
                               R"("}},"dmmf":{"datamodel":{"models":[]}}})";
    CHECK(h.generate(0, params).ok);
    auto crash = h.generate(1, params);
    CHECK_FALSE(crash.ok);
    CHECK(crash.error.find("fatal: fake crash") != std::string::npos);
    CHECK_FALSE(h.generate(2, params).ok);
  }
  CHECK(host::GeneratorHost::last_message_id() == before + 5 + 3);
  int status = 0;
  CHECK(::waitpid(-1, &status, WNOHANG) == -1);
  CHECK(errno == ECHILD);
}
