// Concrete syntax tree: one node per grammar rule match, with byte spans, mirroring the pairs that
// Prisma's pest grammar (psl/schema-ast datamodel.pest) produces. Both the AST builder and the
// formatter walk it, which is how the formatter keeps comments, blank lines and invalid lines.
//
// Difference from the datamodel.pest found in the public index: the Prisma version the conformance
// corpus comes from also has multi-line comments (verified against @prisma/prisma-schema-wasm):
//   multi_line_comment = { WHITESPACE* ~ "/*" ~ (!"*/" ~ ANY)* ~ "*/" }
//   comment_block      = ${ ((doc_comment | comment | multi_line_comment) ~ NEWLINE?)+ }
//   trailing_comment   = ${ doc_comment | comment | multi_line_comment }
// A multi_line_comment node has no children; like `comment`, its span includes leading whitespace.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace prismapp::schema {

enum class Rule : std::uint8_t {
  schema,
  model_declaration,
  field_declaration,
  field_type,
  unsupported_type,
  base_type,
  unsupported_optional_list_type,
  list_type,
  optional_type,
  legacy_required_type,
  legacy_list_type,
  type_alias,
  config_block,
  key_value,
  arbitrary_block,
  enum_declaration,
  enum_value_declaration,
  block_attribute,
  field_attribute,
  arguments_list,
  named_argument,
  empty_argument,
  trailing_comma,
  comment_block,
  trailing_comment,
  doc_comment,
  comment,
  multi_line_comment,  // `/* ... */` (newer grammar than the indexed datamodel.pest; see cst_parser.cpp)
  doc_content,
  identifier,
  path,
  empty_lines,
  BLOCK_OPEN,
  BLOCK_CLOSE,
  ENUM_KEYWORD,
  MODEL_KEYWORD,
  TYPE_KEYWORD,
  VIEW_KEYWORD,
  GENERATOR_KEYWORD,
  DATASOURCE_KEYWORD,
  LEGACY_COLON,
  CATCH_ALL,
  BLOCK_LEVEL_CATCH_ALL,
  function_call,
  array_expression,
  expression,
  numeric_literal,
  string_literal,
  string_content,
  EOI,
};

const char* rule_name(Rule rule);

struct CstNode {
  Rule rule;
  std::uint32_t start = 0;  // byte offsets into the file text
  std::uint32_t end = 0;
  std::vector<CstNode> children;

  std::string_view text(std::string_view source) const { return source.substr(start, end - start); }
  // First direct child with this rule, or nullptr.
  const CstNode* child(Rule r) const {
    for (const auto& c : children)
      if (c.rule == r) return &c;
    return nullptr;
  }
};

// Parses a whole file. Never fails: like the pest grammar, anything unrecognised becomes a
// CATCH_ALL / BLOCK_LEVEL_CATCH_ALL node. Returns the `schema` node.
CstNode parse_cst(std::string_view text);

}  // namespace prismapp::schema
