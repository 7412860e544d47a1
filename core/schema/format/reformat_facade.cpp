// `reformat_schema` and `format_schema` (schema.hpp): the whole `prisma format` pipeline over a
// set of files, and the same followed by the validation of its result.
#include <utility>

#include "core/schema/cst.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/format/missing_relations.hpp"
#include "core/schema/format/reformatter.hpp"
#include "core/schema/front_end.hpp"
#include "core/schema/parser.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::schema {
namespace {

// Formats every file from its CST and AST. `has_errors`: parsing or resolution reported errors,
// in which case relation completion does not run (upstream's exact gate). Only files that receive
// relation completions are parsed again, from their enriched text.
std::vector<SourceFile> layout(const SourceSet& sources, const std::vector<Cst>& csts,
                               const std::vector<ast::SchemaAst>& asts, bool has_errors, int indent_width) {
  // Relation completion needs every file at once (a back-relation field goes into the file of
  // the model that lacks it).
  std::vector<format::MissingBit> bits = format::compute_missing_bits(sources, asts, has_errors);
  std::vector<std::vector<format::MissingBit>> per_file(sources.files.size());
  for (auto& bit : bits)
    if (bit.file < per_file.size()) per_file[bit.file].push_back(std::move(bit));

  std::vector<SourceFile> out;
  out.reserve(sources.files.size());
  for (std::size_t i = 0; i < sources.files.size(); ++i) {
    const SourceFile& file = sources.files[i];
    std::string formatted =
        per_file[i].empty()
            ? format::reformat_cst(csts[i].root(), file.text, indent_width)
            : format::reformat_file(format::apply_missing_bits(file.text, std::move(per_file[i])), indent_width);
    out.push_back(SourceFile{file.path, std::move(formatted)});
  }
  return out;
}

}  // namespace

std::vector<SourceFile> reformat_schema(const SourceSet& sources, int indent_width) {
  // Each file is parsed once; its CST feeds both the AST (for relation completion) and the
  // layout formatter.
  std::vector<Cst> csts;
  std::vector<ast::SchemaAst> asts;
  csts.reserve(sources.files.size());
  asts.reserve(sources.files.size());
  Diagnostics diagnostics;
  for (FileId id = 0; id < sources.files.size(); ++id) {
    const std::string& text = sources.files[id].text;
    csts.push_back(parse_cst(text));
    asts.push_back(build_ast(csts.back().root(), text, id, diagnostics));
  }
  // Resolution errors also stop relation completion; the database is only needed for them.
  if (!diagnostics.has_errors()) (void)db::ParserDatabase::build(asts, sources, diagnostics);
  return layout(sources, csts, asts, diagnostics.has_errors(), indent_width);
}

FormatResult format_schema(SourceSet sources, int indent_width) {
  // One parse and one parser database serve both the formatter and, when formatting changed
  // nothing, the validation. The database is built even after parse errors, as validation does;
  // that leaves the relation-completion gate unchanged (parse errors close it either way).
  Diagnostics diagnostics;
  std::vector<Cst> csts;
  auto resolved = front_end::resolve(std::move(sources), diagnostics, &csts);
  const SourceSet& input = resolved->parsed.sources;

  FormatResult result;
  result.files = layout(input, csts, resolved->parsed.asts, diagnostics.has_errors(), indent_width);
  std::vector<Cst>().swap(csts);  // not needed any more: free them before validation allocates

  bool unchanged = true;
  for (std::size_t i = 0; i < result.files.size(); ++i) unchanged = unchanged && result.files[i].text == input.files[i].text;
  if (unchanged) {
    // Validating the formatted text would parse and resolve the very same bytes again.
    result.validation = front_end::finish_validation(std::move(resolved), std::move(diagnostics));
    return result;
  }
  resolved.reset();
  SourceSet formatted;
  for (const auto& file : result.files) formatted.add(file.path, file.text);
  result.validation = validate_schema(std::move(formatted));
  return result;
}

}  // namespace prismapp::schema
