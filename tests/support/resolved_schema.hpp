// Test fixture: one schema parsed and resolved into a ParserDatabase, with the ASTs kept alive
// beside the database that points into them. Shared by the resolver tests (keys, relations).
#pragma once
#include <string>

#include "core/schema/db/database.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::testing {

struct ResolvedSchema {
  schema::ParsedSchema parsed;
  schema::Diagnostics diagnostics;
  schema::db::ParserDatabase database;

  explicit ResolvedSchema(const std::string& text)
      : parsed(schema::parse_schema(make_sources(text))),
        diagnostics(parsed.diagnostics),
        database(schema::db::ParserDatabase::build(parsed.asts, parsed.sources, diagnostics)) {}

  static schema::SourceSet make_sources(const std::string& text) {
    schema::SourceSet sources;
    sources.add("schema.prisma", text);
    return sources;
  }

  // Every error message, one per line (for INFO/CHECK output).
  std::string errors() const {
    std::string out;
    for (const auto& d : diagnostics.errors()) out += d.message + "\n";
    return out;
  }
};

}  // namespace prismapp::testing
