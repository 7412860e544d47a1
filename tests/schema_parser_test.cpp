// The CST parser and AST builder: spans, pest's whitespace rules, comments, escapes and the
// parse-level diagnostics Prisma emits.
#include <catch2/catch.hpp>

#include "core/schema/parser.hpp"

using namespace prismapp::schema;

namespace {

ast::SchemaAst parse(std::string_view text, Diagnostics& diags) { return parse_file(text, 0, diags); }

const ast::Model& only_model(const ast::SchemaAst& a) {
  REQUIRE(a.tops.size() == 1);
  return std::get<ast::Model>(a.tops[0]);
}

std::string slice(std::string_view text, Span s) { return std::string(text.substr(s.start, s.end - s.start)); }

}  // namespace

TEST_CASE("field attribute spans include trailing whitespace when no arguments follow", "[parser]") {
  // pest's `path ~ arguments_list?` skips whitespace before finding no arguments.
  const std::string text = "model A {\n  id Int @id   @default(1)\n}\n";
  Diagnostics d;
  auto a = parse(text, d);
  const auto& f = only_model(a).fields.at(0);
  REQUIRE(f.attributes.size() == 2);
  CHECK(slice(text, f.attributes[0].span) == "@id   ");
  CHECK(slice(text, f.attributes[1].span) == "@default(1)");
  CHECK(f.attributes[1].name.name == "default");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("field types, arities and Unsupported", "[parser]") {
  const std::string text =
      "model A {\n  a Int\n  b String?\n  c Float[]\n  d Unsupported(\"circle\")?\n  e Int [] \n}\n";
  Diagnostics d;
  auto a = parse(text, d);
  const auto& m = only_model(a);
  REQUIRE(m.fields.size() == 5);
  CHECK(m.fields[0].arity == ast::FieldArity::Required);
  CHECK(m.fields[1].arity == ast::FieldArity::Optional);
  CHECK(m.fields[2].arity == ast::FieldArity::List);
  CHECK(m.fields[3].type.unsupported);
  CHECK(m.fields[3].type.name == "circle");
  CHECK(m.fields[3].arity == ast::FieldArity::Optional);
  CHECK(m.fields[4].arity == ast::FieldArity::List);  // whitespace is allowed before []
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("legacy syntax gives Prisma's messages", "[parser]") {
  Diagnostics d;
  parse("model A {\n  a: Int\n  b Int!\n  c [Int]\n  d Int[]?\n}\n", d);
  REQUIRE(d.errors().size() == 4);
  CHECK(d.errors()[0].message == "Field declarations don't require a `:`.");
  CHECK(d.errors()[1].message == "Fields are required by default, `!` is no longer required.");
  CHECK(d.errors()[2].message == "To specify a list, please use `Type[]` instead of `[Type]`.");
  CHECK(d.errors()[3].message == "Optional lists are not supported. Use either `Type[]` or `Type?`.");
}

TEST_CASE("invalid lines and blocks are reported, not dropped", "[parser]") {
  const std::string text = "foo bar\nthing {\n  x\n}\nmodel A {\n  this is not a field\n}\n";
  Diagnostics d;
  auto a = parse(text, d);
  REQUIRE(d.errors().size() == 3);
  CHECK(d.errors()[0].message ==
        "Error validating: This line is invalid. It does not start with any known Prisma schema keyword.");
  CHECK(d.errors()[1].message.find("This block is invalid.") != std::string::npos);
  CHECK(d.errors()[2].message == "Error validating: This line is not a valid field or attribute definition.");
  CHECK(slice(text, d.errors()[2].span) == "this is not a field\n");
  CHECK(only_model(a).fields.empty());
}

TEST_CASE("documentation comes from /// and /* */ comments, not //", "[parser]") {
  const std::string text =
      "/// Model doc\n// not doc\nmodel A {\n  /// field doc\n  id Int @id /// trailing\n  /* block\n  doc */ x "
      "Int\n}\n";
  Diagnostics d;
  auto a = parse(text, d);
  const auto& m = only_model(a);
  REQUIRE(m.documentation);
  CHECK(m.documentation->text == "Model doc");
  REQUIRE(m.fields.size() == 2);
  CHECK(m.fields[0].documentation->text == "field doc\ntrailing");
  CHECK(m.fields[1].documentation->text == "block\n  doc");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("a comment separated by a blank line is free-floating", "[parser]") {
  Diagnostics d;
  auto a = parse("/// floating\n\nmodel A {\n  id Int @id\n}\n", d);
  CHECK_FALSE(only_model(a).documentation.has_value());
}

TEST_CASE("string escapes follow JSON, with Prisma's errors", "[parser]") {
  Diagnostics d;
  auto a = parse(R"(model A {
  a String @default("x\ty\"z\u00e9\ud83d\ude00")
  b String @default("C:\path")
}
)",
                 d);
  const auto& m = only_model(a);
  CHECK(m.fields[0].attributes[0].arguments.arguments[0].value().value == "x\ty\"z\xC3\xA9\xF0\x9F\x98\x80");
  REQUIRE(d.errors().size() == 1);
  CHECK(d.errors()[0].message ==
        "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.");
}

TEST_CASE("expressions: functions, arrays, named and empty arguments", "[parser]") {
  Diagnostics d;
  auto a = parse("model A {\n  id Int @id\n  @@index([a(sort: Desc), b], map: \"x\", type: Hash, name:)\n}\n", d);
  const auto& attr = only_model(a).attributes.at(0);
  CHECK(attr.name.name == "index");
  REQUIRE(attr.arguments.arguments.size() == 3);
  const auto& fields = attr.arguments.arguments[0].value();
  REQUIRE(fields.is_array());
  CHECK(fields.items[0].is_function());
  CHECK(fields.items[0].value == "a");
  CHECK(fields.items[0].arguments.arguments[0].name->name == "sort");
  CHECK(fields.items[1].is_constant());
  CHECK(attr.arguments.arguments[1].value().is_string());
  CHECK(attr.arguments.arguments[2].value().value == "Hash");
  REQUIRE(attr.arguments.empty_arguments.size() == 1);
  CHECK(attr.arguments.empty_arguments[0].name.name == "name");
}

TEST_CASE("configuration blocks, enums, composite types and views", "[parser]") {
  Diagnostics d;
  auto a = parse(
      "datasource db {\n  provider = \"sqlite\" // c\n  url = env(\"X\")\n}\ngenerator g {\n  provider = \"x\"\n  "
      "flag =\n}\nenum E {\n  A @map(\"a\")\n  B\n  @@map(\"e\")\n}\ntype T {\n  x Int\n}\nview V {\n  id Int @unique\n}\n",
      d);
  REQUIRE(a.tops.size() == 5);
  const auto& ds = std::get<ast::SourceConfig>(a.tops[0]);
  CHECK(ds.properties.size() == 2);
  CHECK(ds.properties[1].value->is_function());
  const auto& gen = std::get<ast::GeneratorConfig>(a.tops[1]);
  REQUIRE(gen.properties.size() == 2);
  CHECK_FALSE(gen.properties[1].value.has_value());  // `flag =` parses; the loader reports it
  const auto& e = std::get<ast::Enum>(a.tops[2]);
  CHECK(e.values.size() == 2);
  CHECK(e.attributes.size() == 1);
  CHECK(std::get<ast::CompositeType>(a.tops[3]).fields.size() == 1);
  CHECK(std::get<ast::Model>(a.tops[4]).is_view);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("the parser never loses or crashes on arbitrary bytes", "[parser]") {
  const std::string inputs[] = {
      std::string("\0\xff\xfe model {\n", 11), "model A {", "}}}}", "model A {\n  id Int @default(\"unterminated\n}\n",
      "\r\r\n\n", "model A {\r\n  id Int\r\n}\r\n", "@@@@", "/* never closed"};
  for (const auto& in : inputs) {
    Diagnostics d;
    const Cst cst = parse_cst(in);
    const CstNode& root = cst.root();
    CHECK(root.end == in.size());
    CHECK(root.children().back().rule == Rule::EOI);
    parse(in, d);
  }
}

TEST_CASE("CRLF line endings parse like LF", "[parser]") {
  Diagnostics d;
  auto a = parse("model A {\r\n  id Int @id\r\n  name String\r\n}\r\n", d);
  CHECK(only_model(a).fields.size() == 2);
  CHECK_FALSE(d.has_errors());
}
