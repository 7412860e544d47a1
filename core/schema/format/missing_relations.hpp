// The "magic" half of `prisma format`: when the schema resolves without errors, relations that
// are only declared on one side are completed — missing back-relation fields, missing
// `@relation(fields: [...], references: [...])` arguments and missing foreign-key scalar fields
// (with the referenced field's native type). Like upstream (psl-core reformat.rs) the result is a
// list of text insertions into the original files; the layout formatter then runs on the
// enriched text, which is what makes the added lines align with the rest.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/source.hpp"

namespace prismapp::schema::format {

struct MissingBit {
  FileId file = 0;
  std::uint32_t position = 0;  // byte offset in the original file text
  std::string content;         // inserted before the byte at `position`
};

// `asts` holds one AST per file of `sources` (same order). Returns no bits when `has_errors`
// (parse errors) or when the relation analysis finds resolution errors.
std::vector<MissingBit> compute_missing_bits(const SourceSet& sources, const std::vector<ast::SchemaAst>& asts,
                                             bool has_errors);

// Inserts the bits of one file (any order; stable by position) into its text.
std::string apply_missing_bits(std::string_view text, std::vector<MissingBit> bits);

}  // namespace prismapp::schema::format
