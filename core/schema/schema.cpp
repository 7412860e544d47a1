// Facade: wires the stages of the schema front end together.
#include "core/schema/schema.hpp"

#include "core/schema/parser.hpp"

namespace prismapp::schema {

ParsedSchema parse_schema(SourceSet sources) {
  ParsedSchema parsed;
  parsed.sources = std::move(sources);
  parsed.asts.reserve(parsed.sources.files.size());
  for (FileId id = 0; id < parsed.sources.files.size(); ++id)
    parsed.asts.push_back(parse_file(parsed.sources.files[id].text, id, parsed.diagnostics));
  return parsed;
}

ValidationResult validate_schema(SourceSet sources) {
  ValidationResult result;
  result.parsed = parse_schema(std::move(sources));
  result.diagnostics = result.parsed.diagnostics;
  // Resolution, configuration loading and connector validation are added stage by stage.
  return result;
}

}  // namespace prismapp::schema
