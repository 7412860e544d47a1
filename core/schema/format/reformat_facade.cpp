// `reformat_schema` (schema.hpp): the whole `prisma format` pipeline over a set of files.
#include <utility>

#include "core/schema/cst.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/format/missing_relations.hpp"
#include "core/schema/format/reformatter.hpp"
#include "core/schema/parser.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::schema {

std::vector<SourceFile> reformat_schema(const SourceSet& sources, int indent_width) {
  // Each file is parsed once; its CST feeds both the AST (for relation completion) and the
  // layout formatter. Only files that receive relation completions are parsed a second time,
  // from their enriched text.
  std::vector<CstNode> csts;
  std::vector<ast::SchemaAst> asts;
  csts.reserve(sources.files.size());
  asts.reserve(sources.files.size());
  Diagnostics diagnostics;
  for (FileId id = 0; id < sources.files.size(); ++id) {
    const std::string& text = sources.files[id].text;
    csts.push_back(parse_cst(text));
    asts.push_back(build_ast(csts.back(), text, id, diagnostics));
  }

  // Relation completion needs every file at once (a back-relation field goes into the file of
  // the model that lacks it), and only runs when parsing and resolution (the parser database)
  // report no errors — upstream's exact gate.
  if (!diagnostics.has_errors()) (void)db::ParserDatabase::build(asts, sources, diagnostics);
  std::vector<format::MissingBit> bits = format::compute_missing_bits(sources, asts, diagnostics.has_errors());
  std::vector<std::vector<format::MissingBit>> per_file(sources.files.size());
  for (auto& bit : bits)
    if (bit.file < per_file.size()) per_file[bit.file].push_back(std::move(bit));

  std::vector<SourceFile> out;
  out.reserve(sources.files.size());
  for (std::size_t i = 0; i < sources.files.size(); ++i) {
    const SourceFile& file = sources.files[i];
    std::string formatted =
        per_file[i].empty()
            ? format::reformat_cst(csts[i], file.text, indent_width)
            : format::reformat_file(format::apply_missing_bits(file.text, std::move(per_file[i])), indent_width);
    out.push_back(SourceFile{file.path, std::move(formatted)});
  }
  return out;
}

}  // namespace prismapp::schema
