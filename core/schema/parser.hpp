// Text → CST → AST for one file, with Prisma's parse-level diagnostics.
#pragma once
#include <string_view>

#include "core/schema/ast.hpp"
#include "core/schema/cst.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema {

// Builds the AST from a CST produced by parse_cst(text). Emits the diagnostics Prisma's parser
// emits (invalid lines and blocks, legacy syntax, bad escapes, type aliases).
ast::SchemaAst build_ast(const CstNode& root, std::string_view text, FileId file, Diagnostics& diagnostics);

// parse_cst + build_ast.
ast::SchemaAst parse_file(std::string_view text, FileId file, Diagnostics& diagnostics);

}  // namespace prismapp::schema
