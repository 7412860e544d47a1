// Internal to core/schema (not for callers outside it): the stages validate_schema and
// format_schema share, split so that `format` can validate its own first parse when formatting
// changed nothing, instead of parsing and resolving the same text a second time.
#pragma once
#include <memory>
#include <vector>

#include "core/schema/cst.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::schema::front_end {

// The parsed files and the database that points into their ASTs, owned together (the
// ValidationResult's db shared_ptr keeps this alive).
struct ResolvedSchema {
  ParsedSchema parsed;
  db::ParserDatabase db;
};

// Parse every file, then build the parser database over all of them: Prisma's order of
// diagnostics (parse, then resolution) goes to `diagnostics`. `parsed.diagnostics` holds the parse
// ones alone. When `csts` is given, each file's concrete syntax tree is kept there (same order).
std::shared_ptr<ResolvedSchema> resolve(SourceSet sources, Diagnostics& diagnostics, std::vector<Cst>* csts = nullptr);

// The rest of psl-core's validate(): configuration, then (only when error-free) the validation
// pipeline. Takes the diagnostics produced by resolve().
ValidationResult finish_validation(std::shared_ptr<ResolvedSchema> resolved, Diagnostics diagnostics);

}  // namespace prismapp::schema::front_end
