// Prisma's layout formatter for one file (psl/schema-ast `reformat`): walks the concrete syntax
// tree and re-renders every block as aligned tables, keeping comments, collapsing blank lines and
// copying invalid lines verbatim. No semantic changes here; see missing_relations.hpp for those.
#pragma once
#include <string>
#include <string_view>

#include "core/schema/cst.hpp"

namespace prismapp::schema::format {

// Always succeeds (the CST parser never fails). The result ends with a newline.
std::string reformat_file(std::string_view text, int indent_width);

// Same, over a CST already parsed from `text` (parse_cst), to avoid parsing twice.
std::string reformat_cst(const CstNode& root, std::string_view text, int indent_width);

}  // namespace prismapp::schema::format
