// `prismapp init`, run as a real process in a temporary directory.
#include <catch2/catch.hpp>

#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;

TEST_CASE("init creates prisma/schema.prisma, .env and .gitignore (SQLite by default)", "[cli][init]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"init"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string schema = read_file(dir / "prisma/schema.prisma");
  CHECK(schema.find("generator client {\n  provider = \"prisma-client-py\"\n}") != std::string::npos);
  CHECK(schema.find("datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}") !=
        std::string::npos);
  const std::string env = read_file(dir / ".env");
  CHECK(env.find("DATABASE_URL=\"file:./dev.db\"") != std::string::npos);
  CHECK(fs::exists(dir / ".gitignore"));
  CHECK(r.out.find("Your Prisma schema was created at prisma/schema.prisma") != std::string::npos);
}

TEST_CASE("init twice fails with Prisma's message and changes nothing", "[cli][init]") {
  TempDir dir;
  REQUIRE(run_prismapp(dir.path(), {"init"}).exit_code == 0);
  const std::string before = read_file(dir / "prisma/schema.prisma");
  const auto r = run_prismapp(dir.path(), {"init", "--datasource-provider", "postgresql"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("File prisma/schema.prisma already exists in your project.") != std::string::npos);
  CHECK(r.err.find("Please try again in a project that is not yet using Prisma.") != std::string::npos);
  CHECK(read_file(dir / "prisma/schema.prisma") == before);
}

TEST_CASE("init refuses when ./schema.prisma or a prisma folder exists", "[cli][init]") {
  SECTION("schema.prisma in the project root") {
    TempDir dir;
    write_file(dir / "schema.prisma", "");
    const auto r = run_prismapp(dir.path(), {"init"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("File schema.prisma already exists") != std::string::npos);
  }
  SECTION("a prisma folder") {
    TempDir dir;
    fs::create_directory(dir / "prisma");
    const auto r = run_prismapp(dir.path(), {"init"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("A folder called prisma already exists") != std::string::npos);
  }
}

TEST_CASE("init --datasource-provider picks the provider and Prisma's default URL", "[cli][init]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"init", "--datasource-provider", "PostgreSQL"});
  REQUIRE(r.exit_code == 0);
  CHECK(read_file(dir / "prisma/schema.prisma").find("provider = \"postgresql\"") != std::string::npos);
  CHECK(read_file(dir / ".env").find(
            "DATABASE_URL=\"postgresql://johndoe:randompassword@localhost:5432/mydb?schema=public\"") !=
        std::string::npos);
  // The password is not echoed.
  CHECK(r.out.find("randompassword") == std::string::npos);
  CHECK(r.out.find("johndoe:****@localhost") != std::string::npos);
}

TEST_CASE("init rejects an unknown provider", "[cli][init]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"init", "--datasource-provider", "oracle"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Provider \"oracle\" is invalid or not supported.") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "prisma"));
}

TEST_CASE("init --url infers the provider and never prints the password", "[cli][init]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"init", "--url", "mysql://root:s3cr3t-pw@127.0.0.1:3306/app"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_file(dir / "prisma/schema.prisma").find("provider = \"mysql\"") != std::string::npos);
  CHECK(read_file(dir / ".env").find("DATABASE_URL=\"mysql://root:s3cr3t-pw@127.0.0.1:3306/app\"") !=
        std::string::npos);
  CHECK(r.out.find("s3cr3t-pw") == std::string::npos);
  CHECK(r.err.find("s3cr3t-pw") == std::string::npos);
  CHECK(r.out.find("mysql://root:****@127.0.0.1:3306/app") != std::string::npos);
}

TEST_CASE("init --url with an unknown protocol fails without echoing the URL", "[cli][init]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"init", "--url", "oracle://u:topsecret@h/db"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Unknown protocol \"oracle:\"") != std::string::npos);
  CHECK(r.err.find("topsecret") == std::string::npos);
}

TEST_CASE("init appends DATABASE_URL to an existing .env, or leaves it alone", "[cli][init]") {
  SECTION("no DATABASE_URL yet: appended, existing content kept") {
    TempDir dir;
    write_file(dir / ".env", "OTHER=1\n");
    REQUIRE(run_prismapp(dir.path(), {"init"}).exit_code == 0);
    const std::string env = read_file(dir / ".env");
    CHECK(env.rfind("OTHER=1\n", 0) == 0);
    CHECK(env.find("# This was inserted by `prismapp init`:") != std::string::npos);
    CHECK(env.find("DATABASE_URL=\"file:./dev.db\"") != std::string::npos);
  }
  SECTION("DATABASE_URL already there: file unchanged, warning printed") {
    TempDir dir;
    write_file(dir / ".env", "export DATABASE_URL='postgresql://a:b@h/db'\n");
    const auto r = run_prismapp(dir.path(), {"init"});
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(dir / ".env") == "export DATABASE_URL='postgresql://a:b@h/db'\n");
    CHECK(r.out.find("Prisma would have added DATABASE_URL but it already exists in .env") != std::string::npos);
  }
}

TEST_CASE("init does not overwrite an existing .gitignore", "[cli][init]") {
  TempDir dir;
  write_file(dir / ".gitignore", "build/\n");
  const auto r = run_prismapp(dir.path(), {"init"});
  REQUIRE(r.exit_code == 0);
  CHECK(read_file(dir / ".gitignore") == "build/\n");
  CHECK(r.out.find("You already have a .gitignore file.") != std::string::npos);
}

TEST_CASE("init takes no positional arguments", "[cli][init]") {
  TempDir dir;
  const auto r = run_prismapp(dir.path(), {"init", "extra"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(fs::exists(dir / "prisma"));
}

TEST_CASE("the schema written by init validates and is already formatted", "[cli][init]") {
  TempDir dir;
  REQUIRE(run_prismapp(dir.path(), {"init"}).exit_code == 0);
  const auto v = run_prismapp(dir.path(), {"validate"});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  const auto f = run_prismapp(dir.path(), {"format", "--check"});
  INFO(f.out << f.err);
  CHECK(f.exit_code == 0);
}
