// Facade: wires the stages of the schema front end together.
#include "core/schema/schema.hpp"

#include "core/schema/front_end.hpp"
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

namespace front_end {

std::shared_ptr<ResolvedSchema> resolve(SourceSet sources, Diagnostics& diagnostics, std::vector<Cst>* csts) {
  auto resolved = std::make_shared<ResolvedSchema>();
  ParsedSchema& parsed = resolved->parsed;
  // The sources move into their final home before parsing: CSTs and spans refer to this text.
  parsed.sources = std::move(sources);
  parsed.asts.reserve(parsed.sources.files.size());
  if (csts != nullptr) csts->reserve(parsed.sources.files.size());
  for (FileId id = 0; id < parsed.sources.files.size(); ++id) {
    const std::string& text = parsed.sources.files[id].text;
    Cst cst = parse_cst(text);
    parsed.asts.push_back(build_ast(cst.root(), text, id, parsed.diagnostics));
    if (csts != nullptr) csts->push_back(std::move(cst));
  }
  diagnostics = parsed.diagnostics;
  resolved->db = db::ParserDatabase::build(parsed.asts, parsed.sources, diagnostics);
  return resolved;
}

ValidationResult finish_validation(std::shared_ptr<ResolvedSchema> resolved, Diagnostics diagnostics) {
  ValidationResult result;
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
  // diagnostics, which is what renderers need. The sources move: nothing resolved keeps a
  // reference into them (the ASTs and the configuration own their strings).
  result.parsed.sources = std::move(resolved->parsed.sources);
  result.parsed.diagnostics = resolved->parsed.diagnostics;
  result.db = std::shared_ptr<const db::ParserDatabase>(resolved, &resolved->db);
  return result;
}

}  // namespace front_end

// Prisma's psl-core validate(): parse → parser database → configuration → (only when error-free)
// the validation pipeline.
ValidationResult validate_schema(SourceSet sources) {
  Diagnostics diagnostics;
  auto resolved = front_end::resolve(std::move(sources), diagnostics);
  return front_end::finish_validation(std::move(resolved), std::move(diagnostics));
}

}  // namespace prismapp::schema
