// The server dialects are loadable modules (core/dialect/dialect_module.hpp): the binary finds them
// beside itself, works without them for everything that does not talk to that database, and says
// clearly what is missing otherwise.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

namespace {

const char* const kPostgresSchema =
    "datasource db {\n"
    "  provider = \"postgresql\"\n"
    "  url      = env(\"DATABASE_URL\")\n"
    "}\n"
    "\n"
    "model User {\n"
    "  id Int @id @default(autoincrement())\n"
    "}\n";

// A copy of the binary alone in a directory: no lib/prismapp beside it.
fs::path lonely_binary(const TempDir& dir) {
  const fs::path bin = dir.path() / "bin" / "prismapp";
  fs::create_directories(bin.parent_path());
  fs::copy_file(PRISMAPP_BINARY, bin);
  return bin;
}

RunOptions options_for(const fs::path& binary) {
  RunOptions options;
  options.binary = binary;
  options.env["DATABASE_URL"] = "postgresql://someone:s3cret-pw@127.0.0.1:5432/nowhere";
  options.env["PRISMAPP_MODULE_DIR"] = std::nullopt;
  return options;
}

}  // namespace

TEST_CASE("dialect modules: validate and format need no module", "[cli][modules]") {
  TempDir dir;
  write_file(dir.path() / "prisma/schema.prisma", kPostgresSchema);
  const RunOptions options = options_for(lonely_binary(dir));
  auto r = run_prismapp(dir.path(), {"validate"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  r = run_prismapp(dir.path(), {"format", "--check"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("dialect modules: a missing module is a clear error naming where it was looked for", "[cli][modules]") {
  TempDir dir;
  write_file(dir.path() / "prisma/schema.prisma", kPostgresSchema);
  const fs::path bin = lonely_binary(dir);
  auto r = run_prismapp(dir.path(), {"migrate", "deploy"}, options_for(bin));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "prismapp could not find its database module libprismapp_postgres.so"));
  CHECK(contains(r.err, (bin.parent_path() / "lib/prismapp/libprismapp_postgres.so").string()));
  CHECK(contains(r.err, "PRISMAPP_MODULE_DIR"));
  CHECK_FALSE(contains(r.out + r.err, "s3cret-pw"));
}

TEST_CASE("dialect modules: a broken module file is refused, not crashed on", "[cli][modules]") {
  TempDir dir;
  write_file(dir.path() / "prisma/schema.prisma", kPostgresSchema);
  write_file(dir.path() / "modules/libprismapp_postgres.so", "not a shared object");
  RunOptions options = options_for(lonely_binary(dir));
  options.env["PRISMAPP_MODULE_DIR"] = (dir.path() / "modules").string();
  auto r = run_prismapp(dir.path(), {"migrate", "deploy"}, options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.signaled);
  CHECK(contains(r.err, "prismapp could not load its database module"));
}

TEST_CASE("dialect modules: PRISMAPP_MODULE_DIR points a copied binary at the modules", "[cli][modules]") {
  TempDir dir;
  write_file(dir.path() / "prisma/schema.prisma", kPostgresSchema);
  RunOptions options = options_for(lonely_binary(dir));
  options.env["PRISMAPP_MODULE_DIR"] = (fs::path(PRISMAPP_BINARY).parent_path() / "lib/prismapp").string();
  // Rendering PostgreSQL SQL needs the module but no server.
  auto r = run_prismapp(dir.path(), {"migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"},
                        options);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "CREATE TABLE \"User\" (\n    \"id\" SERIAL NOT NULL,"));
}
