#include "core/schema/format/missing_relations.hpp"

#include <algorithm>
#include <optional>

#include "core/schema/format/inflector.hpp"
#include "core/schema/format/relation_analysis.hpp"

namespace prismapp::schema::format {
namespace {

const char* render_arity(ast::FieldArity arity) {
  switch (arity) {
    case ast::FieldArity::Required:
      return "";
    case ast::FieldArity::Optional:
      return "?";
    case ast::FieldArity::List:
      return "[]";
  }
  return "";
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

// A foreign-key scalar field the relation needs, named after the referenced model and field.
struct InferredScalarField {
  std::string name;
  ast::FieldArity arity = ast::FieldArity::Optional;
  std::size_t type_model = 0;  // the field whose type the new field gets
  std::size_t type_field = 0;
  std::size_t blueprint_model = 0;  // the referenced field (source of the native type)
  std::size_t blueprint_field = 0;
};

class MissingBitsCollector {
 public:
  MissingBitsCollector(const SourceSet& sources, const RelationSchema& schema) : sources_(sources), s_(schema) {}

  std::vector<MissingBit> run() {
    for (const auto& rel : s_.relations) {
      if (!rel.is_inline()) continue;
      push_missing_relation_fields(rel);
      push_missing_scalar_fields(rel);
    }
    for (const auto& rel : s_.relations)
      if (rel.is_inline()) push_missing_relation_attribute(rel);
    for (const auto& rel : s_.relations)
      if (rel.is_inline()) push_missing_relation_arguments(rel);
    return std::move(bits_);
  }

 private:
  const RelationFieldInfo* forward(const RelationInfo& rel) const {
    return rel.forward_field == kNone ? nullptr : &s_.relation_fields[rel.forward_field];
  }
  std::string_view model_name(std::size_t m) const { return s_.models[m].ast->name.name; }

  void add(FileId file, std::uint32_t position, std::string content) {
    bits_.push_back(MissingBit{file, position, std::move(content)});
  }

  // Just before the closing brace of a model.
  std::uint32_t before_closing_brace(std::size_t m) const {
    const ast::Model& model = *s_.models[m].ast;
    const std::string& text = sources_.file(s_.models[m].file).text;
    std::uint32_t pos = model.span.end > 0 ? model.span.end - 1 : 0;
    while (pos > model.span.start && pos < text.size() && text[pos] != '}') --pos;
    return pos;
  }

  std::vector<InferredScalarField> infer_referencing_scalar_fields(const RelationInfo& rel) const {
    std::vector<InferredScalarField> out;
    const auto& criterias = s_.unique_criterias[rel.model_b];
    if (criterias.empty()) return out;
    const RelationFieldInfo* fwd = forward(rel);
    for (std::size_t f : criterias.front()) {
      InferredScalarField inferred;
      inferred.name = lower_first(model_name(rel.model_b)) + upper_first(s_.field(rel.model_b, f).name.name);
      inferred.blueprint_model = rel.model_b;
      inferred.blueprint_field = f;
      std::size_t existing = s_.find_field(rel.model_a, inferred.name);
      if (existing != kNone && !s_.is_relation_field(rel.model_a, existing)) {
        inferred.arity = s_.field(rel.model_a, existing).arity;
        inferred.type_model = rel.model_a;
        inferred.type_field = existing;
      } else {
        inferred.arity = fwd ? s_.field(fwd->model, fwd->field).arity : ast::FieldArity::Optional;
        inferred.type_model = rel.model_b;
        inferred.type_field = f;
      }
      out.push_back(std::move(inferred));
    }
    return out;
  }

  // The arity of the forward relation field, even when that field does not exist yet.
  ast::FieldArity forward_arity(const RelationInfo& rel) const {
    if (const RelationFieldInfo* fwd = forward(rel)) return s_.field(fwd->model, fwd->field).arity;
    for (const auto& f : infer_referencing_scalar_fields(rel))
      if (f.arity == ast::FieldArity::Optional) return ast::FieldArity::Optional;
    return ast::FieldArity::Required;
  }

  std::string fields_argument(const RelationInfo& rel) const {
    std::vector<std::string> names;
    for (auto& f : infer_referencing_scalar_fields(rel)) names.push_back(std::move(f.name));
    return "fields: [" + join(names, ", ") + "]";
  }

  std::string references_argument(const RelationInfo& rel) const {
    std::vector<std::string> names;
    const RelationFieldInfo* fwd = forward(rel);
    if (fwd && fwd->references) {
      for (std::size_t f : *fwd->references) names.emplace_back(s_.field(rel.model_b, f).name.name);
    } else {
      // First strict unique criteria: no optional and no Unsupported fields.
      for (const auto& criteria : s_.unique_criterias[rel.model_b]) {
        bool strict = std::all_of(criteria.begin(), criteria.end(), [&](std::size_t f) {
          const ast::Field& field = s_.field(rel.model_b, f);
          return field.arity != ast::FieldArity::Optional && !field.type.unsupported;
        });
        if (!strict) continue;
        for (std::size_t f : criteria) names.emplace_back(s_.field(rel.model_b, f).name.name);
        break;
      }
    }
    return "references: [" + join(names, ", ") + "]";
  }

  void push_missing_relation_fields(const RelationInfo& rel) {
    if (rel.back_field == kNone) {
      std::string_view referencing = model_name(rel.model_a);
      const char* arity = rel.kind == RelationKind::OneToOne ? "?" : "[]";
      std::string name = to_camel_case(referencing);
      if (rel.kind != RelationKind::OneToOne) name = to_plural(name);
      std::string content = name + " " + std::string(referencing) + arity + " " +
                            (s_.is_ignored(rel.model_a) ? "@ignore" : "") + "\n";
      add(s_.models[rel.model_b].file, before_closing_brace(rel.model_b), std::move(content));
    }
    if (rel.forward_field == kNone) {
      std::string_view referenced = model_name(rel.model_b);
      const char* arity = render_arity(forward_arity(rel));
      std::string name = to_camel_case(referenced);
      if (std::string_view(arity) == "[]") name = to_plural(name);
      std::string content = name + " " + std::string(referenced) + arity + " @relation(" + fields_argument(rel) +
                            ", " + references_argument(rel) + ")\n";
      add(s_.models[rel.model_a].file, before_closing_brace(rel.model_a), std::move(content));
    }
  }

  void push_missing_scalar_fields(const RelationInfo& rel) {
    const RelationFieldInfo* fwd = forward(rel);
    if (fwd && fwd->fields) return;
    for (const auto& field : infer_referencing_scalar_fields(rel)) {
      std::size_t existing = s_.find_field(rel.model_a, field.name);
      if (existing != kNone && !s_.is_relation_field(rel.model_a, existing)) continue;  // already there
      std::string_view type = s_.builtin_scalar(field.type_model, field.type_field);
      if (type.empty()) return;  // upstream stops at the first non-builtin type
      std::string attributes;
      if (const ast::Attribute* native = s_.native_type_attribute(field.blueprint_model, field.blueprint_field))
        attributes = std::string(sources_.slice(native->span));
      std::string content =
          field.name + " " + std::string(type) + render_arity(field.arity) + " " + attributes + "\n";
      add(s_.models[rel.model_a].file, before_closing_brace(rel.model_a), std::move(content));
    }
  }

  // Right after the forward field's type and its `?`/`[]` markers.
  std::uint32_t after_type(const RelationFieldInfo& rf) const {
    const ast::Field& field = s_.field(rf.model, rf.field);
    const std::string& text = sources_.file(s_.models[rf.model].file).text;
    std::uint32_t pos = field.type.span.end;
    while (pos < text.size() && (text[pos] == '[' || text[pos] == ']' || text[pos] == '?' || text[pos] == '!')) ++pos;
    return pos;
  }

  void push_missing_relation_attribute(const RelationInfo& rel) {
    const RelationFieldInfo* fwd = forward(rel);
    if (!fwd || fwd->relation_attribute) return;
    std::string content = " @relation(" + fields_argument(rel) + ", " + references_argument(rel) + ")";
    add(s_.models[fwd->model].file, after_type(*fwd), std::move(content));
  }

  void push_missing_relation_arguments(const RelationInfo& rel) {
    const RelationFieldInfo* fwd = forward(rel);
    if (!fwd || !fwd->relation_attribute) return;
    std::vector<std::string> extra;
    if (!fwd->fields) extra.push_back(fields_argument(rel));
    if (!fwd->references) extra.push_back(references_argument(rel));
    const ast::Attribute& attribute = *fwd->relation_attribute;
    // Even with nothing missing upstream inserts a lone ", ", which the formatter then drops as a
    // trailing comma. That is a no-op unless the list already ends in a comma, so it is only
    // reproduced then: an insertion makes the whole file be parsed a second time.
    if (extra.empty() && !attribute.arguments.trailing_comma) return;
    bool no_arguments = attribute.arguments.arguments.empty();
    std::string content = (no_arguments ? "(" : ", ") + join(extra, ", ") + (no_arguments ? ")" : "");
    add(s_.models[fwd->model].file, no_arguments ? attribute.span.end : attribute.span.end - 1, std::move(content));
  }

  const SourceSet& sources_;
  const RelationSchema& s_;
  std::vector<MissingBit> bits_;
};

}  // namespace

std::vector<MissingBit> compute_missing_bits(const SourceSet& sources, const std::vector<ast::SchemaAst>& asts,
                                             bool has_errors) {
  if (has_errors) return {};
  RelationSchema schema = analyse_relations(asts, has_errors);
  if (schema.has_errors) return {};
  return MissingBitsCollector(sources, schema).run();
}

std::string apply_missing_bits(std::string_view text, std::vector<MissingBit> bits) {
  std::stable_sort(bits.begin(), bits.end(),
                   [](const MissingBit& a, const MissingBit& b) { return a.position < b.position; });
  std::size_t extra = 0;
  for (const auto& b : bits) extra += b.content.size();
  std::string out;
  out.reserve(text.size() + extra);
  std::size_t last = 0;
  for (const auto& b : bits) {
    std::size_t pos = std::min<std::size_t>(std::max<std::size_t>(b.position, last), text.size());
    out.append(text.substr(last, pos - last));
    out.append(b.content);
    last = pos;
  }
  out.append(text.substr(last));
  return out;
}

}  // namespace prismapp::schema::format
