// The schema front end's public entry points: what the CLI, the differ and the generators call.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/config/configuration.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/diagnostics.hpp"
#include "core/schema/source.hpp"

namespace prismapp::schema {

// Parse every file of the set. Parse-level diagnostics (invalid lines, legacy syntax) are collected.
struct ParsedSchema {
  SourceSet sources;
  std::vector<ast::SchemaAst> asts;  // one per file, same order as sources.files
  Diagnostics diagnostics;
};
ParsedSchema parse_schema(SourceSet sources);

// The full pipeline: parse, resolve, load datasources/generators, validate against the connector.
// Diagnostics are in Prisma's emission order.
struct ValidationResult {
  ParsedSchema parsed;      // sources and parse diagnostics; `asts` is left empty: use db->asts()
  Diagnostics diagnostics;  // all diagnostics, parse ones included
  // The resolved schema (also when there are errors; then possibly partial). It points into its
  // own copy of the ASTs, which the shared_ptr keeps alive, so it is valid on its own.
  std::shared_ptr<const db::ParserDatabase> db;
  config::Configuration configuration;  // empty when resolution failed
};
ValidationResult validate_schema(SourceSet sources);

// Prisma's formatter over all files together (indent width normally 2). Returns one output per
// input file, same order and paths.
std::vector<SourceFile> reformat_schema(const SourceSet& sources, int indent_width = 2);

// `prisma format` as the CLI runs it: reformat, then validate the formatted result (Prisma writes
// nothing when that result is invalid). Same outcome as reformat_schema followed by
// validate_schema of its output; when formatting changed nothing (an already formatted schema,
// the common case) the validation reuses the formatter's parse and parser database.
struct FormatResult {
  std::vector<SourceFile> files;  // reformat_schema(sources)
  ValidationResult validation;    // validate_schema(files); its parsed.sources hold `files`
};
FormatResult format_schema(SourceSet sources, int indent_width = 2);

}  // namespace prismapp::schema
