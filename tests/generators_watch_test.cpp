// `prismapp generate --watch`: regenerates on schema edits, keeps watching after an error, and
// exits 0 on SIGINT.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <thread>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const std::string kFake = std::string(PRISMAPP_SOURCE_DIR) + "/fixtures/generators/fake-generator.js";

std::string schema(const std::string& models) {
  return "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\ngenerator g {\n  provider = \"node " +
         kFake + " ok\"\n  output   = \"./out\"\n}\n" + models;
}

bool wait_until(const std::function<bool()>& cond, int ms = 20000) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return cond();
}

std::string slurp(const fs::path& p) { return fs::exists(p) ? read_file(p) : std::string(); }

}  // namespace

TEST_CASE("generate --watch regenerates, survives errors, exits 0 on SIGINT", "[generate][host][watch]") {
  TempDir dir;
  write_file(dir / "schema.prisma", schema("\nmodel A {\n  id Int @id\n}\n"));
  const auto out_file = dir / "stdout.txt", err_file = dir / "stderr.txt";

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::chdir(dir.path().c_str());
    const int o = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1), ::dup2(e, 2);
    ::setenv("NO_COLOR", "1", 1);
    ::execl(PRISMAPP_BINARY, PRISMAPP_BINARY, "generate", "--watch", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto models = dir / "out/models.txt";
  CHECK(wait_until([&] { return slurp(models) == "A\n" && slurp(out_file).find("Watching...") != std::string::npos; }));

  // An edit: regenerated.
  write_file(dir / "schema.prisma", schema("\nmodel A {\n  id Int @id\n}\n\nmodel B {\n  id Int @id\n}\n"));
  CHECK(wait_until([&] { return slurp(models) == "A\nB\n"; }));
  CHECK(slurp(out_file).find("Change in schema.prisma") != std::string::npos);

  // A broken edit: the error is printed, the watcher goes on.
  write_file(dir / "schema.prisma", schema("\nmodel A {\n  id Int @id\n  broken\n}\n"));
  CHECK(wait_until([&] { return slurp(err_file).find("Error") != std::string::npos; }));
  int status = 0;
  CHECK(::waitpid(pid, &status, WNOHANG) == 0);  // still running

  // Replaced through a rename (how many editors save): still followed.
  write_file(dir / "schema.tmp", schema("\nmodel C {\n  id Int @id\n}\n"));
  fs::rename(dir / "schema.tmp", dir / "schema.prisma");
  CHECK(wait_until([&] { return slurp(models) == "C\n"; }));

  ::kill(pid, SIGINT);
  bool exited = wait_until([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, 10000);
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  INFO(slurp(out_file) << slurp(err_file));
  REQUIRE(exited);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
