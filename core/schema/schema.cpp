// Facade: wires the stages of the schema front end together.
#include "core/schema/schema.hpp"

#include "core/schema/parser.hpp"
#include "core/schema/validate/pipeline.hpp"

namespace prismapp::schema {

ParsedSchema parse_schema(SourceSet sources) {
  ParsedSchema parsed;
  parsed.sources = std::move(sources);
  parsed.asts.reserve(parsed.sources.files.size());
  for (FileId id = 0; id < parsed.sources.files.size(); ++id)
    parsed.asts.push_back(parse_file(parsed.sources.files[id].text, id, parsed.diagnostics));
  return parsed;
}

namespace {
// The database and the ASTs it points into, owned together.
struct ResolvedSchema {
  ParsedSchema parsed;
  db::ParserDatabase db;
};
}  // namespace

// Prisma's psl-core validate(): parse → parser database → configuration → (only when error-free)
// the validation pipeline.
ValidationResult validate_schema(SourceSet sources) {
  ValidationResult result;
  auto resolved = std::make_shared<ResolvedSchema>();
  resolved->parsed = parse_schema(std::move(sources));
  Diagnostics diagnostics = resolved->parsed.diagnostics;
  resolved->db = db::ParserDatabase::build(resolved->parsed.asts, resolved->parsed.sources, diagnostics);
  result.configuration = config::load_configuration(resolved->parsed.asts, resolved->parsed.sources, diagnostics);

  if (!diagnostics.has_errors()) {
    validate::ValidationContext ctx{resolved->db, result.configuration, nullptr, nullptr,
                                    connector::RelationMode::ForeignKeys, result.configuration.preview_features(),
                                    diagnostics};
    if (const config::Datasource* ds = result.configuration.first_datasource()) {
      ctx.datasource = ds;
      ctx.connector = ds->connector;
      ctx.relation_mode = ds->effective_relation_mode();
    }
    validate::run_validation_pipeline(ctx);
  }
  result.diagnostics = std::move(diagnostics);
  // The ASTs stay with the database that points into them (db->asts()); copying them into the
  // result would double the work on large schemas. The result carries the sources and parse
  // diagnostics, which is what renderers need.
  result.parsed.sources = resolved->parsed.sources;
  result.parsed.diagnostics = resolved->parsed.diagnostics;
  result.db = std::shared_ptr<const db::ParserDatabase>(resolved, &resolved->db);
  return result;
}

}  // namespace prismapp::schema
