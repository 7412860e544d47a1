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
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>

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

// One node. Every node of a file lives in one array owned by its Cst, and a node's children are
// adjacent in it, so a node only records where they are relative to itself: 20 bytes, no pointer,
// no allocation of its own. (A vector of children per node made allocation and the page faults
// of ~50 bytes per node most of the parser's cost on large schemas.)
struct CstNode {
  Rule rule;
  std::uint32_t start;  // byte offsets into the file text
  std::uint32_t end;
  std::int32_t child_offset;  // index of the first child minus this node's index
  std::uint32_t child_count;

  std::span<const CstNode> children() const { return {this + child_offset, child_count}; }
  std::string_view text(std::string_view source) const { return source.substr(start, end - start); }
  // First direct child with this rule, or nullptr.
  const CstNode* child(Rule r) const {
    for (const auto& c : children())
      if (c.rule == r) return &c;
    return nullptr;
  }
};

// A parsed file: the array of all its nodes (the root is the last one). Move-only, since nodes
// locate their children by position in this array.
class Cst {
 public:
  Cst(std::unique_ptr<CstNode[]> nodes, std::size_t count) : nodes_(std::move(nodes)), count_(count) {}
  Cst(Cst&&) noexcept = default;
  Cst& operator=(Cst&&) noexcept = default;
  Cst(const Cst&) = delete;
  Cst& operator=(const Cst&) = delete;

  // The `schema` node.
  const CstNode& root() const { return nodes_[count_ - 1]; }
  std::size_t node_count() const { return count_; }

 private:
  std::unique_ptr<CstNode[]> nodes_;
  std::size_t count_;
};

// Parses a whole file. Never fails: like the pest grammar, anything unrecognised becomes a
// CATCH_ALL / BLOCK_LEVEL_CATCH_ALL node. The result's root() is the `schema` node.
Cst parse_cst(std::string_view text);

}  // namespace prismapp::schema
