// Bad input never crashes the binary; flags, --version, --help and colour behave as documented.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {
bool has_ansi(const std::string& s) { return s.find("\x1b[") != std::string::npos; }
const char* const kBroken = "model User {\n  id Int @id\n  x  Strin\n}\n";
}  // namespace

TEST_CASE("version: --version and -v print prismapp's and the Prisma compat version", "[cli]") {
  TempDir dir;
  for (const char* flag : {"--version", "-v"}) {
    const auto r = run_prismapp(dir.path(), {flag});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("prismapp " PRISMAPP_VERSION) != std::string::npos);
    CHECK(r.out.find("Prisma compat ") != std::string::npos);
  }
}

TEST_CASE("help: --help lists the commands; no command prints help", "[cli]") {
  TempDir dir;
  auto r = run_prismapp(dir.path(), {"--help"});
  CHECK(r.exit_code == 0);
  for (const char* cmd : {"init", "validate", "format", "debug"}) CHECK(r.out.find(cmd) != std::string::npos);
  r = run_prismapp(dir.path(), {});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("validate") != std::string::npos);
  r = run_prismapp(dir.path(), {"format", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--check") != std::string::npos);
}

TEST_CASE("unknown flags and commands exit 1 with an error, not a crash", "[cli]") {
  TempDir dir;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--bogus"}, {"validate", "--bogus"}, {"format", "--check=maybe"}, {"frobnicate"}, {"validate", "--schema"}}) {
    const auto r = run_prismapp(dir.path(), args);
    INFO(args[0] << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(r.exit_code == 1);
    CHECK_FALSE(r.signaled);
    CHECK(r.err.find("Error: ") != std::string::npos);
  }
}

TEST_CASE("binary and non-UTF-8 schema files are rejected cleanly", "[cli][bad-input]") {
  TempDir dir;
  write_file(dir / "bin.prisma", std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10));
  auto r = run_prismapp(dir.path(), {"validate", "--schema", "bin.prisma"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.signaled);
  CHECK(r.err.find("Schema file `bin.prisma` contains binary data") != std::string::npos);

  write_file(dir / "latin1.prisma", "model Caf\xe9 {\n  id Int @id\n}\n");
  r = run_prismapp(dir.path(), {"format", "--schema", "latin1.prisma"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Schema file `latin1.prisma` is not valid UTF-8 at line 1, column 10") != std::string::npos);
  CHECK(read_file(dir / "latin1.prisma") == "model Caf\xe9 {\n  id Int @id\n}\n");
}

TEST_CASE("an unreadable schema file is a clear error", "[cli][bad-input]") {
  if (::geteuid() == 0) {
    // root reads files regardless of permissions; a directory named like a file stands in.
    TempDir dir;
    fs::create_directories(dir / "schema.prisma/inner");
    const auto r = run_prismapp(dir.path(), {"validate"});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(r.signaled);
    return;
  }
  TempDir dir;
  write_file(dir / "schema.prisma", kBroken);
  ::chmod((dir / "schema.prisma").c_str(), 0);
  const auto r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Could not read schema file `schema.prisma`: Permission denied") != std::string::npos);
}

TEST_CASE("bad input: --schema pointing at a device or an empty file does not crash", "[cli][bad-input]") {
  TempDir dir;
  auto r = run_prismapp(dir.path(), {"validate", "--schema", "/dev/null"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("expected file or directory") != std::string::npos);
  write_file(dir / "empty.prisma", "");
  r = run_prismapp(dir.path(), {"format", "--schema", "empty.prisma"});
  CHECK_FALSE(r.signaled);
  CHECK(r.exit_code <= 1);
}

TEST_CASE("a 50 MB schema is handled without crashing", "[cli][bad-input][slow]") {
  TempDir dir;
  std::string text = "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:x.db\"\n}\n";
  int i = 0;
  while (text.size() < 50u * 1024u * 1024u) {
    text += "\n/// doc comment padding padding padding padding padding padding padding padding padding\nmodel M" +
            std::to_string(i++) + " {\n  id Int @id\n}\n";
  }
  write_file(dir / "big.prisma", text);
  const auto r = run_prismapp(dir.path(), {"validate", "--schema", "big.prisma"}, RunOptions{{}, false, 600});
  CHECK_FALSE(r.signaled);
  CHECK(r.exit_code <= 1);
}

TEST_CASE("colour: none when piped, forced by CLICOLOR_FORCE, NO_COLOR disables", "[cli][colour]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kBroken);

  auto r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(has_ansi(r.err));

  r = run_prismapp(dir.path(), {"validate"}, RunOptions{{{"CLICOLOR_FORCE", std::string("1")}}});
  CHECK(r.exit_code == 1);
  CHECK(has_ansi(r.err));
  CHECK(r.err.find("\x1b[1;91merror\x1b[0m") != std::string::npos);

  r = run_prismapp(dir.path(), {"validate"}, RunOptions{{{"CLICOLOR_FORCE", std::string("0")}}});
  CHECK_FALSE(has_ansi(r.err));

  // A terminal gets colour, unless NO_COLOR is set.
  write_file(dir / "schema.prisma", kValidSchema);
  RunOptions tty;
  tty.stdout_tty = true;
  tty.env["DATABASE_URL"] = std::string("file:x.db");
  r = run_prismapp(dir.path(), {"validate"}, tty);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\x1b[4mschema.prisma\x1b[24m") != std::string::npos);
  tty.env["NO_COLOR"] = std::string("1");
  r = run_prismapp(dir.path(), {"validate"}, tty);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(has_ansi(r.out));
  CHECK(r.out.find("The schema at schema.prisma is valid") != std::string::npos);
}

TEST_CASE("5 MB of garbage: every line an error, output capped, bounded time", "[cli][bad-input][slow]") {
  TempDir dir;
  std::string text;
  for (int i = 0; text.size() < 5u * 1024u * 1024u; ++i) text += "garbage line " + std::to_string(i) + " here\n";
  write_file(dir / "garbage.prisma", text);
  const auto r = run_prismapp(dir.path(), {"validate", "--schema", "garbage.prisma"}, RunOptions{{}, false, 600});
  CHECK_FALSE(r.signaled);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("more errors not shown (only the first 200 are printed)") != std::string::npos);
  CHECK(r.err.find("Validation Error Count: ") != std::string::npos);
}
