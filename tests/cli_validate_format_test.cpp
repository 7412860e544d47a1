// `prismapp validate` and `prismapp format`, run as real processes.
#include <catch2/catch.hpp>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const char* const kInvalidSchema =
    "datasource db {\n"
    "  provider = \"sqlite\"\n"
    "  url      = \"file:dev.db\"\n"
    "}\n"
    "\n"
    "model User {\n"
    "  id    Int   @id\n"
    "  email Strin\n"
    "}\n";

const char* const kMisformatted =
    "datasource db {\n"
    "  provider = \"sqlite\"\n"
    "  url = \"file:dev.db\"\n"
    "}\n"
    "\n"
    "model User {\n"
    "  id Int @id\n"
    "  email String @unique\n"
    "}\n";

const RunOptions kWithUrl{{{"DATABASE_URL", std::string("file:./dev.db")}}};

}  // namespace

TEST_CASE("validate: a valid schema exits 0 with Prisma's message", "[cli][validate]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", kValidSchema);
  const auto r = run_prismapp(dir.path(), {"validate"}, kWithUrl);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "The schema at prisma/schema.prisma is valid 🚀\n");
  CHECK(r.err.find("Prisma schema loaded from prisma/schema.prisma\n") != std::string::npos);
}

TEST_CASE("validate: an invalid schema exits 1 with the P1012 report", "[cli][validate]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kInvalidSchema);
  const auto r = run_prismapp(dir.path(), {"validate"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("Error: Prisma schema validation - (validate wasm)\nError code: P1012\nerror: ") !=
        std::string::npos);
  CHECK(r.err.find("  -->  schema.prisma:8\n") != std::string::npos);
  CHECK(r.err.find("\nValidation Error Count: 1\n[Context: validate]\n\nprismapp Version : ") != std::string::npos);
  CHECK(r.err.find("(Prisma compat ") != std::string::npos);
}

TEST_CASE("validate: the report matches Prisma's layout line for line", "[cli][validate]") {
  // As ../shared/oracle/artefacts/validate-error.02-unknown-type-and-attr.v7.txt (plus a `url`
  // line, which Prisma 6 requires; two type errors), version line aside.
  TempDir dir;
  write_file(dir / "schemas/broken.prisma",
             "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n}\n\nmodel User {\n  id    Int      @id\n"
             "  email Strin    @unique\n  age   Innt     @default(0)\n}\n");
  const auto r = run_prismapp(dir.path(), {"validate", "--schema", "schemas/broken.prisma"});
  CHECK(r.exit_code == 1);
  const std::string expected =
      "Error: Prisma schema validation - (validate wasm)\n"
      "Error code: P1012\n"
      "error: Type \"Strin\" is neither a built-in type, nor refers to another model, composite type, or enum.\n"
      "  -->  schemas/broken.prisma:8\n"
      "   | \n"
      " 7 |   id    Int      @id\n"
      " 8 |   email Strin    @unique\n"
      "   | \n"
      "error: Type \"Innt\" is neither a built-in type, nor refers to another model, composite type, or enum.\n"
      "  -->  schemas/broken.prisma:9\n"
      "   | \n"
      " 8 |   email Strin    @unique\n"
      " 9 |   age   Innt     @default(0)\n"
      "   | \n"
      "\n"
      "Validation Error Count: 2\n"
      "[Context: validate]\n"
      "\n"
      "prismapp Version : ";
  const auto at = r.err.find("Error: ");
  REQUIRE(at != std::string::npos);
  CHECK(r.err.substr(at, expected.size()) == expected);
}

TEST_CASE("validate: a multi-file folder says 'The schemas at ... are valid'", "[cli][validate]") {
  TempDir dir;
  write_file(dir / "prisma/schema/main.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:x.db\"\n}\n");
  write_file(dir / "prisma/schema/models/user.prisma", "model User {\n  id Int @id\n}\n");
  const auto r = run_prismapp(dir.path(), {"validate", "--schema", "prisma/schema"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "The schemas at prisma/schema are valid 🚀\n");
}

TEST_CASE("validate: errors in a multi-file schema name the right file", "[cli][validate]") {
  TempDir dir;
  write_file(dir / "schema/a.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:x.db\"\n}\n");
  write_file(dir / "schema/b.prisma", "model User {\n  id Int @id\n  x  Strin\n}\n");
  const auto r = run_prismapp(dir.path(), {"validate", "--schema", "schema"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("  -->  schema/b.prisma:3\n") != std::string::npos);
}

TEST_CASE("format rewrites misformatted files in place", "[cli][format]") {
  TempDir dir;
  write_file(dir / "prisma/schema.prisma", kMisformatted);
  const auto r = run_prismapp(dir.path(), {"format"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("Formatted prisma/schema.prisma in ", 0) == 0);
  CHECK(r.out.find("ms 🚀\n") != std::string::npos);
  const std::string formatted = read_file(dir / "prisma/schema.prisma");
  CHECK(formatted.find("  url      = \"file:dev.db\"\n") != std::string::npos);
  CHECK(formatted.find("  id    Int    @id\n") != std::string::npos);
  // Formatting is idempotent.
  const auto again = run_prismapp(dir.path(), {"format", "--check"});
  CHECK(again.exit_code == 0);
}

TEST_CASE("format --check: exit 1 and names unformatted files, writes nothing", "[cli][format]") {
  TempDir dir;
  write_file(dir / "schema/a.prisma", kMisformatted);
  write_file(dir / "schema/b.prisma", "model Post {\n  id Int @id\n}\n");
  const auto r = run_prismapp(dir.path(), {"format", "--check", "--schema", "schema"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("schema/a.prisma") != std::string::npos);
  CHECK(r.err.find("schema/b.prisma") == std::string::npos);
  CHECK(r.err.find("There are unformatted files. Run prismapp format to format them.") != std::string::npos);
  CHECK(read_file(dir / "schema/a.prisma") == kMisformatted);
}

TEST_CASE("format --check: exit 0 when everything is formatted", "[cli][format]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kValidSchema);
  const auto r = run_prismapp(dir.path(), {"format", "--check"}, kWithUrl);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "All files are formatted correctly!\n");
}

TEST_CASE("format refuses a schema with validation errors (P1012) and leaves it untouched", "[cli][format]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kInvalidSchema);
  const auto r = run_prismapp(dir.path(), {"format"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Error code: P1012") != std::string::npos);
  CHECK(read_file(dir / "schema.prisma") == kInvalidSchema);
}

TEST_CASE("format of a multi-file schema formats each file", "[cli][format]") {
  TempDir dir;
  write_file(dir / "prisma/schema/a.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:x.db\"\n}\n");
  write_file(dir / "prisma/schema/b.prisma", "model Post {\n  id Int @id\n  title String\n}\n");
  const auto r = run_prismapp(dir.path(), {"format"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("Formatted prisma/schema in ", 0) == 0);
  CHECK(read_file(dir / "prisma/schema/a.prisma").find("  url      = \"file:x.db\"") != std::string::npos);
  CHECK(read_file(dir / "prisma/schema/b.prisma").find("  id    Int    @id\n  title String\n") != std::string::npos);
}

TEST_CASE("validate: an unset DATABASE_URL fails like Prisma's getConfig; format does not care", "[cli][validate]") {
  TempDir dir;
  write_file(dir / "schema.prisma", kValidSchema);
  const auto r = run_prismapp(dir.path(), {"validate"});
  CHECK(r.exit_code == 1);
  const std::string expected =
      "Error: Prisma schema validation - (get-config wasm)\n"
      "Error code: P1012\n"
      "error: Environment variable not found: DATABASE_URL.\n"
      "  -->  schema.prisma:7\n"
      "   | \n"
      " 6 |   provider = \"sqlite\"\n"
      " 7 |   url      = env(\"DATABASE_URL\")\n"
      "   | \n"
      "\n"
      "Validation Error Count: 1\n"
      "[Context: getConfig]\n";
  CHECK(r.err.find(expected) != std::string::npos);

  const auto f = run_prismapp(dir.path(), {"format", "--check"});
  CHECK(f.exit_code == 0);

  // A URL of the wrong kind for the provider is reported the same way.
  const auto w = run_prismapp(dir.path(), {"validate"}, RunOptions{{{"DATABASE_URL", std::string("mysql://x")}}});
  CHECK(w.exit_code == 1);
  CHECK(w.err.find("[Context: getConfig]") != std::string::npos);
}
