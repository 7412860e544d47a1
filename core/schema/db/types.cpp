// Types pass (Prisma's parser-database types.rs): resolves every field type to a built-in scalar,
// an enum, a composite type, Unsupported(...) or a model (→ relation field), filling the
// scalar-field and relation-field arenas in model / field declaration order.
#include <algorithm>
#include <cctype>
#include <variant>

#include "core/schema/db/resolve_passes.hpp"

namespace prismapp::schema::db {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Resolved {
  std::optional<ModelId> model;
  std::optional<ScalarFieldType> scalar;
};

std::optional<Resolved> resolve_field_type(ParserDatabase::Builder& b, const ast::Field& field) {
  if (field.type.unsupported) {
    ScalarFieldType t;
    t.kind = ScalarFieldType::Kind::Unsupported;
    t.unsupported = field.type.name;
    return Resolved{std::nullopt, t};
  }
  if (auto builtin = connector::parse_scalar_type(field.type.name)) {
    ScalarFieldType t;
    t.builtin = *builtin;
    return Resolved{std::nullopt, t};
  }
  if (auto m = b.find_model(field.type.name)) return Resolved{*m, std::nullopt};
  if (auto e = b.find_enum(field.type.name)) {
    ScalarFieldType t;
    t.kind = ScalarFieldType::Kind::Enum;
    t.enum_id = *e;
    return Resolved{std::nullopt, t};
  }
  if (auto ct = b.find_composite_type(field.type.name)) {
    ScalarFieldType t;
    t.kind = ScalarFieldType::Kind::CompositeType;
    t.composite_type_id = *ct;
    return Resolved{std::nullopt, t};
  }
  return std::nullopt;
}

void report_unknown_type(ParserDatabase::Builder& b, const ast::Field& field) {
  const std::string& name = field.type.name;
  const std::string lower = lowercase(name);
  // Prisma suggests a top-level name differing only in case.
  std::optional<std::string_view> suggestion;
  for (const auto& schema_ast : b.asts) {
    for (const auto& top : schema_ast.tops) {
      const std::string_view top_name = std::visit([](const auto& t) -> std::string_view { return t.name.name; }, top);
      if (std::holds_alternative<ast::SourceConfig>(top) || std::holds_alternative<ast::GeneratorConfig>(top))
        continue;
      if (!suggestion && lowercase(top_name) == lower) suggestion = top_name;
    }
  }
  std::string message = "Type \"" + name + "\" is neither a built-in type, nor refers to another model, composite type, or enum.";
  if (suggestion) message += " Did you mean \"" + std::string(*suggestion) + "\"?";
  b.diagnostics.error(message, field.type.span);
}

}  // namespace

void resolve_types(ParserDatabase::Builder& b) {
  ParserDatabase& db = b.db;
  // Every model field becomes a scalar or a relation field: sizing both arenas for that upper bound
  // avoids regrowth, which at its peak held two copies of the (large) ScalarField array.
  std::size_t model_fields = 0;
  for (const auto& schema_ast : b.asts)
    for (const auto& top : schema_ast.tops)
      if (const auto* model = std::get_if<ast::Model>(&top)) model_fields += model->fields.size();
  db.scalar_fields_.reserve(model_fields);
  db.relation_fields_.reserve(model_fields);
  std::size_t model_index = 0, ct_index = 0;
  for (const auto& schema_ast : b.asts) {
    for (const auto& top : schema_ast.tops) {
      if (const auto* model = std::get_if<ast::Model>(&top)) {
        const ModelId model_id{static_cast<std::uint32_t>(model_index++)};
        auto& refs = db.model_field_refs_[model_id.value];
        for (std::size_t i = 0; i < model->fields.size(); ++i) {
          const ast::Field& field = model->fields[i];
          auto resolved = resolve_field_type(b, field);
          if (!resolved) {
            report_unknown_type(b, field);
            continue;
          }
          ParserDatabase::FieldRef ref;
          if (resolved->model) {
            RelationField rf;
            rf.model = model_id;
            rf.ast_field_index = i;
            rf.ast = &field;
            rf.referenced_model = *resolved->model;
            ref.relation = RelationFieldId{static_cast<std::uint32_t>(db.relation_fields_.size())};
            db.relation_fields_.push_back(std::move(rf));
            b.model(model_id).relation_fields.push_back(*ref.relation);
          } else {
            ScalarField sf;
            sf.model = model_id;
            sf.ast_field_index = i;
            sf.ast = &field;
            sf.type = std::move(*resolved->scalar);
            ref.scalar = ScalarFieldId{static_cast<std::uint32_t>(db.scalar_fields_.size())};
            db.scalar_fields_.push_back(std::move(sf));
            b.model(model_id).scalar_fields.push_back(*ref.scalar);
          }
          refs[i] = ref;
          // Duplicate field names keep the first declaration (as Prisma's names map does).
          auto it = db.model_fields_[model_id.value].find(field.name.name);
          if (it != db.model_fields_[model_id.value].end() && !it->second.scalar && !it->second.relation)
            it->second = ref;
        }
      } else if (const auto* ct = std::get_if<ast::CompositeType>(&top)) {
        CompositeTypeInfo& info = db.composite_types_[ct_index++];
        for (const auto& field : ct->fields) {
          CompositeTypeFieldInfo fi;
          fi.ast = &field;
          auto resolved = resolve_field_type(b, field);
          if (!resolved) {
            report_unknown_type(b, field);
          } else if (resolved->model) {
            b.diagnostics.error("Error validating composite type \"" + ct->name.name + "\": " + field.type.name +
                                    " refers to a model, making this a relation field. Relation fields inside "
                                    "composite types are not supported.",
                                field.type.span);
          } else {
            fi.type = std::move(*resolved->scalar);
          }
          info.fields.push_back(std::move(fi));
        }
      }
    }
  }
}

}  // namespace prismapp::schema::db
