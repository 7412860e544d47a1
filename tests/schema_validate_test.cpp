// Validation messages for cases the psl-validation corpus does not cover, checked against the
// real Prisma (prisma-engines wasm validate): @default shapes, literal contents (Json/Bytes/
// DateTime), connector rules for autoincrement()/sequence()/auto(), duplicate names.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/schema/schema.hpp"
#include "core/schema/validate/default_value_literals.hpp"

using namespace prismapp::schema;

namespace {

// The headline of every diagnostic ("error: ..."), in output order.
std::vector<std::string> headlines(const std::string& text) {
  SourceSet sources;
  sources.add("schema.prisma", text);
  const auto result = validate_schema(std::move(sources));
  std::istringstream rendered(render_diagnostics(result.diagnostics, result.parsed.sources, false));
  std::vector<std::string> out;
  std::string line;
  while (std::getline(rendered, line))
    if (line.rfind("error: ", 0) == 0 || line.rfind("warning: ", 0) == 0) out.push_back(line);
  return out;
}

std::string with_datasource(const std::string& provider, const std::string& body) {
  return "datasource db {\n  provider = \"" + provider + "\"\n  url = env(\"X\")\n}\n\n" + body;
}

const std::string kAttr = "error: Error parsing attribute \"@default\": ";

}  // namespace

TEST_CASE("@default: function and literal shapes", "[validate][default]") {
  const auto out = headlines(with_datasource("postgresql", R"(model A {
  id Int @id @default(autoincrement())
  a String @default(now())
  e Int @default(autoincrement(1))
  f String @default(dbgenerated(""))
  j String @default(auto(1))
  l Boolean @default(TRUE)
  m Int @default("a")
  p String @default(["a"])
  q String[] @default("a")
  r String[] @default(["a", 1])
  t String @default(ulid(1))
})"));
  const std::vector<std::string> expected = {
      kAttr + "The function `now()` cannot be used on fields of type `String`.",
      kAttr + "The `autoincrement` function does not take any argument. Consider changing this default to "
              "`autoincrement()`.",
      kAttr + "dbgenerated() takes either no argument, or a single nonempty string argument.",
      kAttr + "`auto()` takes no arguments",
      kAttr + "A boolean literal must be `true` or `false`.",
      kAttr + "Expected a Int value, but found `\"a\"`.",
      kAttr + "The default value of a non-list field cannot be a list.",
      kAttr + "The default value of a list field must be a list.",
      kAttr + "Expected a String value, but found `1`.",
      kAttr + "The `ulid` function does not take any argument. Consider changing this default to `ulid()`.",
  };
  CHECK(out == expected);
}

TEST_CASE("@default: enum values", "[validate][default]") {
  const auto out = headlines(with_datasource("postgresql", R"(enum E {
  X
  Y
}

model A {
  id Int @id
  a E @default(Z)
  b E @default("X")
  c E[] @default([X, Z])
  d E[] @default(X)
  e E @default(dbgenerated("x"))
})"));
  const std::vector<std::string> expected = {
      kAttr + "The defined default value `Z` is not a valid value of the enum specified for the field.",
      kAttr + "Expected an enum value, but found `\"X\"`.",
      kAttr + "The defined default value `Z` is not a valid value of the enum specified for the field.",
      kAttr + "Expected an enum value, but found `X`.",
  };
  CHECK(out == expected);
}

TEST_CASE("@default: composite type fields", "[validate][default]") {
  const auto out = headlines(with_datasource("mongodb", R"(type T {
  a String @default(dbgenerated("x"))
  b Int @default(autoincrement())
  d String @default(foo())
  e DateTime @default(uuid())
  g String @default("x", map: "m")
}

type U {
  x Int
}

model M {
  id String @id @default(auto()) @map("_id") @db.ObjectId
  t  T
  u  U @default("x")
})"));
  const std::vector<std::string> expected = {
      kAttr + "Fields of composite types cannot have `dbgenerated()` as default.",
      kAttr + "The function `autoincrement()` is not supported on composite fields.",
      "error: Unknown function in @default(): `foo` is not known. You can read about the available functions here: "
      "https://pris.ly/d/attribute-functions",
      kAttr + "The function `uuid()` cannot be used on fields of type `DateTime`.",
      kAttr + "The `map` argument is not allowed on a composite type field.",
      "error: Error validating field `u` in composite type `U`: Defaults on fields of type composite are not "
      "supported. Please remove the `@default` attribute.",
  };
  CHECK(out == expected);
}

TEST_CASE("@default: literal contents", "[validate][default]") {
  const auto out = headlines(with_datasource("postgresql", R"(model A {
  id Int @id
  j Json @default("{not json")
  k Json @default("{\"a\": [1, 2.5e3, null]}")
  b Bytes @default("not base64!!")
  c Bytes @default("aGVsbG8=")
  d DateTime @default("2020-13-01")
  e DateTime @default("2020-01-01T00:00:00Z")
})"));
  const std::vector<std::string> expected = {
      kAttr + "Parse error: \"{not json\" is not a valid JSON string. (key must be a string at line 1 column 2)",
      kAttr + "Parse error: \"not base64!!\" is not a valid base64 string. (Could not convert from `base64 encoded "
              "bytes` to `PrismaValue::Bytes`)",
      kAttr + "Parse error: \"2020-13-01\" is not a valid rfc3339 datetime string. (input is out of range)",
  };
  CHECK(out == expected);
}

TEST_CASE("serde_json-compatible JSON errors", "[validate][default]") {
  using prismapp::schema::validate::json_parse_error;
  CHECK(json_parse_error("{\"a\": [1, {\"b\": true}], \"c\": -0.5E+2}") == std::nullopt);
  CHECK(json_parse_error("{") == "EOF while parsing an object at line 1 column 1");
  CHECK(json_parse_error("[1,") == "EOF while parsing a value at line 1 column 3");
  CHECK(json_parse_error("[1 2]") == "expected `,` or `]` at line 1 column 4");
  CHECK(json_parse_error("{\"a\" 1}") == "expected `:` at line 1 column 6");
  CHECK(json_parse_error("{\"a\": }") == "expected value at line 1 column 7");
  CHECK(json_parse_error("tru") == "EOF while parsing a value at line 1 column 3");
  CHECK(json_parse_error("1 2") == "trailing characters at line 1 column 3");
  CHECK(json_parse_error("01") == "invalid number at line 1 column 2");
  CHECK(json_parse_error("1.") == "EOF while parsing a value at line 1 column 2");
  CHECK(json_parse_error("\"abc") == "EOF while parsing a string at line 1 column 4");
  CHECK(json_parse_error("[1,]") == "trailing comma at line 1 column 4");
  CHECK(json_parse_error("{\"a\":1,}") == "trailing comma at line 1 column 8");
  CHECK(json_parse_error("") == "EOF while parsing a value at line 1 column 0");
}

TEST_CASE("chrono-compatible RFC 3339 errors and base64", "[validate][default]") {
  using namespace prismapp::schema::validate;
  CHECK(rfc3339_parse_error("2020-01-01") == "premature end of input");
  CHECK(rfc3339_parse_error("2020-01-01T25:00:00Z") == "input is out of range");
  CHECK(rfc3339_parse_error("2020-02-30T00:00:00Z") == "input is out of range");
  CHECK(rfc3339_parse_error("2020-01-01T00:00:00Zx") == "trailing input");
  CHECK(rfc3339_parse_error("20-01-01T00:00:00Z") == "input contains invalid characters");
  CHECK(rfc3339_parse_error("2020-01-01T00:00:00+0100") == "input contains invalid characters");
  CHECK(rfc3339_parse_error("2020-01-01t00:00:60.123456789z") == std::nullopt);
  CHECK(rfc3339_parse_error("2020-01-01 00:00:00+01:00") == std::nullopt);
  CHECK(is_valid_base64(""));
  CHECK(is_valid_base64("aGVsbA=="));
  CHECK_FALSE(is_valid_base64("aGVsbG8"));
  CHECK_FALSE(is_valid_base64("ab=="));
  CHECK_FALSE(is_valid_base64("a-b_"));
}

TEST_CASE("autoincrement() and sequence() connector rules", "[validate][default]") {
  const std::string body = R"(model A {
  id Int @id
  a  Int @default(autoincrement())
  b  Int @default(autoincrement())
}

model B {
  id String @id
  a  BigInt @default(autoincrement()) @unique
  s  Int @default(sequence(maxValue: 10))
  t  Int @default(sequence(foo: 1))
})";
  const std::string unknown =
      "error: Unknown function in @default(): `sequence` is not known. You can read about the available functions "
      "here: https://pris.ly/d/attribute-functions";
  const std::string crdb =
      "error: Error parsing attribute \"default\": The `autoincrement()` default function is defined only on BigInt "
      "fields on CockroachDB. Use sequence() if you want an autoincrementing Int field.";
  CHECK(headlines(with_datasource("postgresql", body)) == std::vector<std::string>{unknown, unknown});
  CHECK(headlines(with_datasource("cockroachdb", body)) ==
        std::vector<std::string>{"error: Unexpected argument in `sequence()` function call", crdb, crdb});
  const auto sqlite = headlines(with_datasource("sqlite", body));
  REQUIRE(sqlite.size() == 8);
  CHECK(sqlite[2] == kAttr + "The `autoincrement()` default value is used multiple times on this model even though "
                             "the underlying datasource only supports one instance per table.");
  CHECK(sqlite[3] == kAttr + "The `autoincrement()` default value is used on a non-id field even though the "
                             "datasource does not support this.");
  CHECK(sqlite[4] == kAttr + "The `autoincrement()` default value is used on a non-indexed field even though the "
                             "datasource does not support this.");
}

TEST_CASE("duplicate top names: the last declaration is the one fields refer to", "[validate][names]") {
  const auto out = headlines(with_datasource("postgresql", R"(model A {
  id Int @id
}

enum A {
  X
}

model B {
  id Int @id
  a  A @default(X)
  x  Int @bar
})"));
  const std::vector<std::string> expected = {
      "error: The enum \"A\" cannot be defined because a model with that name already exists.",
      "error: Attribute not known: \"@bar\".",
  };
  CHECK(out == expected);
}

TEST_CASE("enums sharing a database name", "[validate][names]") {
  const auto out = headlines(with_datasource("postgresql", R"(enum A {
  X
  @@map("e")
}

enum B {
  Y
  @@map("e")
})"));
  CHECK(out == std::vector<std::string>{"error: An enum with the same database name is already defined."});
}

TEST_CASE("MongoDB auto() needs an ObjectId @id", "[validate][default]") {
  const auto out = headlines(with_datasource("mongodb", R"(model M {
  id Int    @id @map("_id")
  b  Bytes  @default(auto())
})"));
  const std::vector<std::string> expected = {
      "error: Error validating field `b` in model `M`: MongoDB `@default(auto())` fields must have `ObjectId` native "
      "type.",
      "error: Error validating field `b` in model `M`: MongoDB `@default(auto())` fields must have the `@id` "
      "attribute.",
  };
  CHECK(out == expected);
}
