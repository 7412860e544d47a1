// Unit tests of the CLI helpers: dotenv parsing and expansion, URL masking, the colour decision,
// prismapp.toml parsing and the schema text checks.
#include <catch2/catch.hpp>

#include <map>

#include "cli/cli_error.hpp"
#include "cli/config_file.hpp"
#include "cli/env_file.hpp"
#include "cli/output_style.hpp"
#include "cli/schema_discovery.hpp"
#include "cli/url_mask.hpp"

using namespace prismapp::cli;

namespace {
std::map<std::string, std::string> as_map(const std::vector<EnvEntry>& entries) {
  std::map<std::string, std::string> m;
  for (const auto& e : entries) m[e.key] = e.value;
  return m;
}
}  // namespace

TEST_CASE("dotenv: the parsing rules of dotenv 16", "[cli][dotenv]") {
  const auto m = as_map(parse_dotenv(
      "# comment\n"
      "PLAIN=value\n"
      "SPACED =  spaced value  \n"
      "export EXPORTED=yes\n"
      "DOUBLE=\"a # not a comment\"\n"
      "SINGLE='single $x'\n"
      "BACKTICK=`back`\n"
      "NEWLINES=\"line1\\nline2\"\n"
      "LITERAL='line1\\nline2'\n"
      "HASH=abc#comment\n"
      "EMPTY=\n"
      "YAML: style\n"
      "MULTI=\"first\nsecond\"\n"
      "not a valid line\n"
      "CRLF=crlf\r\n"
      "DUP=1\nDUP=2\n"
      "DOTTED.KEY-1=ok\n"
      "TRAILING=\"quoted\" garbage\n"));
  CHECK(m.at("PLAIN") == "value");
  CHECK(m.at("SPACED") == "spaced value");
  CHECK(m.at("EXPORTED") == "yes");
  CHECK(m.at("DOUBLE") == "a # not a comment");
  CHECK(m.at("SINGLE") == "single $x");
  CHECK(m.at("BACKTICK") == "back");
  CHECK(m.at("NEWLINES") == "line1\nline2");
  CHECK(m.at("LITERAL") == "line1\\nline2");
  CHECK(m.at("HASH") == "abc");
  CHECK(m.at("EMPTY").empty());
  CHECK(m.at("YAML") == "style");
  CHECK(m.at("MULTI") == "first\nsecond");
  CHECK(m.at("CRLF") == "crlf");
  CHECK(m.at("DUP") == "2");
  CHECK(m.at("DOTTED.KEY-1") == "ok");
  CHECK(m.at("TRAILING") == "\"quoted\" garbage");
  CHECK(m.count("not") == 0);
}

TEST_CASE("dotenv: ${VAR} expansion like Prisma's dotenvExpand", "[cli][dotenv]") {
  auto entries = parse_dotenv(
      "HOST=localhost\nURL=postgresql://${USER_NAME}@${HOST}/db\nESCAPED=\\${HOST}\nNOBRACES=$HOST\n"
      "MISSING=${NOPE}x\nSELF=${SELF}a\n");
  const std::map<std::string, std::string> process_env{{"USER_NAME", "alice"}, {"HOST", "from-env"}};
  expand_dotenv(entries, [&](const std::string& name) -> std::optional<std::string> {
    auto it = process_env.find(name);
    if (it == process_env.end()) return std::nullopt;
    return it->second;
  });
  const auto m = as_map(entries);
  CHECK(m.at("HOST") == "from-env");  // the environment wins over the file
  CHECK(m.at("URL") == "postgresql://alice@from-env/db");
  CHECK(m.at("ESCAPED") == "${HOST}");
  CHECK(m.at("NOBRACES") == "$HOST");
  CHECK(m.at("MISSING") == "x");
  CHECK_FALSE(m.at("SELF").empty());  // a self reference terminates
}

TEST_CASE("dotenv_defines finds keys, with or without export", "[cli][dotenv]") {
  CHECK(dotenv_defines("export DATABASE_URL=x\n", "DATABASE_URL"));
  CHECK(dotenv_defines("A=1\nDATABASE_URL=\n", "DATABASE_URL"));
  CHECK_FALSE(dotenv_defines("# DATABASE_URL=x\n", "DATABASE_URL"));
  CHECK_FALSE(dotenv_defines("SHADOW_DATABASE_URL=x\n", "DATABASE_URL"));
}

TEST_CASE("URL passwords are masked", "[cli][url]") {
  CHECK(mask_url_password("postgresql://user:secret@localhost:5432/db?schema=public") ==
        "postgresql://user:****@localhost:5432/db?schema=public");
  CHECK(mask_url_password("mysql://root:p%40ss@127.0.0.1/app") == "mysql://root:****@127.0.0.1/app");
  CHECK(mask_url_password("mysql://root:a@b@127.0.0.1/app") == "mysql://root:****@127.0.0.1/app");
  CHECK(mask_url_password("postgresql://user@localhost/db") == "postgresql://user@localhost/db");
  CHECK(mask_url_password("file:./dev.db") == "file:./dev.db");
  CHECK(mask_url_password("sqlserver://localhost:1433;database=mydb;user=SA;password=randompassword;") ==
        "sqlserver://localhost:1433;database=mydb;user=SA;password=****;");
  CHECK(mask_url_password("postgresql://h/db?user=u&password=pw&sslmode=require") ==
        "postgresql://h/db?user=u&password=****&sslmode=require");
}

TEST_CASE("colour decision: CLICOLOR_FORCE > NO_COLOR > terminal", "[cli][colour]") {
  CHECK(decide_colour({true, nullptr, nullptr}));
  CHECK_FALSE(decide_colour({false, nullptr, nullptr}));
  CHECK_FALSE(decide_colour({true, "1", nullptr}));
  CHECK(decide_colour({true, "", nullptr}));  // empty NO_COLOR does not count
  CHECK(decide_colour({false, nullptr, "1"}));
  CHECK_FALSE(decide_colour({false, nullptr, "0"}));
  CHECK(decide_colour({false, "1", "1"}));
  CHECK(Style(true).underline("x") == "\x1b[4mx\x1b[24m");
  CHECK(Style(false).red("x") == "x");
}

TEST_CASE("prismapp.toml parsing", "[cli][config]") {
  const auto c = parse_config("schema = \"db/schema.prisma\"\n[migrations]\nseed = \"python seed.py\"\nother = 1\n",
                              "prismapp.toml", "/proj");
  REQUIRE(c.schema);
  CHECK(*c.schema == "db/schema.prisma");
  CHECK(c.schema_path->generic_string() == "/proj/db/schema.prisma");
  CHECK(c.migrations.seed == std::optional<std::string>("python seed.py"));
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].find("migrations.other") != std::string::npos);

  CHECK(parse_config("", "prismapp.toml", "/p").schema == std::nullopt);
  CHECK_THROWS_AS(parse_config("schema = [1]", "prismapp.toml", "/p"), CliError);
  CHECK_THROWS_AS(parse_config("migrations = 3", "prismapp.toml", "/p"), CliError);
  CHECK_THROWS_AS(parse_config("[migrations]\nseed = false", "prismapp.toml", "/p"), CliError);
  CHECK_THROWS_WITH(parse_config("schema = \"a\"\nschema = \"b\"", "prismapp.toml", "/p"),
                    Catch::Contains("Could not parse prismapp.toml"));
}

TEST_CASE("schema text checks: NUL bytes and invalid UTF-8", "[cli][discovery]") {
  CHECK_NOTHROW(check_schema_text("model A {\n  id Int @id // ünïcödé ✓ 🚀\n}\n", "s.prisma"));
  CHECK_THROWS_WITH(check_schema_text(std::string("a\nb\0c", 5), "s.prisma"),
                    Catch::Contains("binary data") && Catch::Contains("line 2, column 2"));
  CHECK_THROWS_WITH(check_schema_text("\xff", "s.prisma"), Catch::Contains("not valid UTF-8"));
  CHECK_THROWS_WITH(check_schema_text("\xc0\xaf", "s.prisma"), Catch::Contains("not valid UTF-8"));      // overlong
  CHECK_THROWS_WITH(check_schema_text("\xed\xa0\x80", "s.prisma"), Catch::Contains("not valid UTF-8"));  // surrogate
  CHECK_THROWS_WITH(check_schema_text("ok \xe2\x82", "s.prisma"), Catch::Contains("truncated"));
}
