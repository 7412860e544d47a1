// Schema discovery (--schema, prismapp.toml, default locations), .env loading and prismapp.toml,
// observed through the real binary.
#include <catch2/catch.hpp>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

std::string with_model(const std::string& model) {
  return "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\nmodel " + model +
         " {\n  id Int @id\n}\n";
}

// Which schema was picked, from the "Prisma schema loaded from ..." line.
std::string loaded_from(const RunResult& r) {
  const std::string marker = "Prisma schema loaded from ";
  const auto at = r.err.find(marker);
  if (at == std::string::npos) return "";
  const auto end = r.err.find('\n', at);
  return r.err.substr(at + marker.size(), end - at - marker.size());
}

}  // namespace

TEST_CASE("discovery: ./schema.prisma wins over ./prisma/schema.prisma and ./prisma/schema/", "[cli][discovery]") {
  TempDir dir;
  write_file(dir / "schema.prisma", with_model("Root"));
  write_file(dir / "prisma/schema.prisma", with_model("Nested"));
  write_file(dir / "prisma/schema/a.prisma", with_model("Folder"));
  auto r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 0);
  CHECK(loaded_from(r) == "schema.prisma");

  fs::remove(dir / "schema.prisma");
  r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 0);
  CHECK(loaded_from(r) == "prisma/schema.prisma");

  fs::remove(dir / "prisma/schema.prisma");
  r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 0);
  CHECK(loaded_from(r) == "prisma/schema");
  CHECK(r.out == "The schemas at prisma/schema are valid 🚀\n");
}

TEST_CASE("discovery: prismapp.toml `schema` wins over the defaults, --schema wins over both", "[cli][discovery]") {
  TempDir dir;
  write_file(dir / "schema.prisma", with_model("Root"));
  write_file(dir / "db/main.prisma", with_model("Configured"));
  write_file(dir / "other.prisma", with_model("Flag"));
  write_file(dir / "prismapp.toml", "schema = \"db/main.prisma\"\n");
  auto r = run_prismapp(dir.path(), {"validate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(loaded_from(r) == "db/main.prisma");

  r = run_prismapp(dir.path(), {"validate", "--schema", "other.prisma"});
  CHECK(r.exit_code == 0);
  CHECK(loaded_from(r) == "other.prisma");

  r = run_prismapp(dir.path(), {"validate", "--schema=other.prisma"});
  CHECK(r.exit_code == 0);
  CHECK(loaded_from(r) == "other.prisma");
}

TEST_CASE("discovery: a missing schema gives Prisma's 'Could not find Prisma Schema' error", "[cli][discovery]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Error: Could not find Prisma Schema that is required for this command.") != std::string::npos);
  CHECK(r.err.find("schema.prisma: file not found") != std::string::npos);
  CHECK(r.err.find("prisma/schema.prisma: file not found") != std::string::npos);
  CHECK(r.err.find("See also https://pris.ly/d/prisma-schema-location") != std::string::npos);
}

TEST_CASE("discovery: --schema to a missing path, and prismapp.toml to a missing path", "[cli][discovery]") {
  TempDir dir;
  auto r = run_prismapp(dir.path(), {"validate", "--schema", "nope.prisma"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Could not load `--schema` from provided path `nope.prisma`: file or directory not found") !=
        std::string::npos);

  write_file(dir / "prismapp.toml", "schema = \"missing/schema.prisma\"\n");
  r = run_prismapp(dir.path(), {"format"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Could not load schema from `missing/schema.prisma` provided by \"prismapp.toml\"") !=
        std::string::npos);
}

TEST_CASE("discovery: a folder without .prisma files is a clear error", "[cli][discovery]") {
  TempDir dir;
  write_file(dir / "empty/readme.txt", "not a schema");
  const auto r = run_prismapp(dir.path(), {"validate", "--schema", "empty"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.signaled);
  CHECK(r.err.find("contains no .prisma files") != std::string::npos);
}

TEST_CASE("prismapp.toml: unknown keys warn, invalid TOML fails", "[cli][config]") {
  TempDir dir;
  write_file(dir / "schema.prisma", with_model("A"));
  write_file(dir / "prismapp.toml", "schema = \"schema.prisma\"\ncolour = true\n[migrations]\nseed = \"python seed.py\"\n");
  auto r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warn prismapp.toml: unknown key `colour`") != std::string::npos);

  write_file(dir / "prismapp.toml", "schema = \n");
  r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Could not parse prismapp.toml") != std::string::npos);

  write_file(dir / "prismapp.toml", "schema = 42\n");
  r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("`schema` must be a string") != std::string::npos);
}

TEST_CASE(".env: loaded from the project root and the schema folder, announced like Prisma", "[cli][env]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", kValidSchema);
  write_file(dir / ".env", "ROOT_ONLY=1\n");
  write_file(dir / "prisma/.env", "DATABASE_URL=\"file:./from-schema-env.db\"\n");
  const auto r = run_prismapp(dir.path(), {"validate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("Environment variables loaded from .env\n") != std::string::npos);
  CHECK(r.err.find("Environment variables loaded from prisma/.env\n") != std::string::npos);
  CHECK(r.err.find("Environment variables loaded from .env") < r.err.find("Prisma schema loaded from"));
}

TEST_CASE(".env never overrides the environment; ${VAR} expands", "[cli][env]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", kValidSchema);
  write_file(dir / ".env",
             "# comment\nexport BASE=file:./dev\nDATABASE_URL=\"${BASE}.db\" # trailing comment\n"
             "SECRET_URL=postgresql://user:hunter2@localhost/db\n");

  auto r = run_prismapp(dir.path(), {"debug"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("- DATABASE_URL: `file:./dev.db`") != std::string::npos);
  CHECK(r.out.find("- BASE: `file:./dev`") != std::string::npos);
  // Passwords are masked even in debug output.
  CHECK(r.out.find("hunter2") == std::string::npos);
  CHECK(r.out.find("- SECRET_URL: `postgresql://user:****@localhost/db`") != std::string::npos);

  r = run_prismapp(dir.path(), {"debug"}, RunOptions{{{"DATABASE_URL", std::string("file:./from-env.db")}}});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("- DATABASE_URL: `file:./from-env.db`") != std::string::npos);

  // The process environment also wins inside expansions.
  r = run_prismapp(dir.path(), {"debug"}, RunOptions{{{"BASE", std::string("file:./other")}}});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("- DATABASE_URL: `file:./other.db`") != std::string::npos);
}

TEST_CASE(".env in the project root wins over the schema folder's .env", "[cli][env]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", kValidSchema);
  write_file(dir / ".env", "DATABASE_URL=file:./root.db\n");
  write_file(dir / "prisma/.env", "DATABASE_URL=file:./schema.db\nONLY_IN_SCHEMA=yes\n");
  const auto r = run_prismapp(dir.path(), {"debug"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("- DATABASE_URL: `file:./root.db`") != std::string::npos);
  CHECK(r.out.find("- ONLY_IN_SCHEMA: `yes`") != std::string::npos);
}
