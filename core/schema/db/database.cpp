// ParserDatabase::build (Prisma's ParserDatabase::new) and the lookups.
#include "core/schema/db/database.hpp"

#include "core/schema/db/relations_resolve.hpp"
#include "core/schema/db/resolve_passes.hpp"

namespace prismapp::schema::db {

ParserDatabase ParserDatabase::build(const std::vector<ast::SchemaAst>& asts, const SourceSet& sources,
                                     Diagnostics& diagnostics) {
  ParserDatabase db;
  db.asts_ = &asts;
  Builder builder(db, asts, sources, diagnostics);
  // Prisma resolves every pass even after parse, name or type errors (duplicates and fields of
  // unknown type are skipped), so `Attribute not known` still shows next to those errors.
  resolve_names(builder);
  resolve_types(builder);
  resolve_attributes(builder);
  infer_relations(builder);
  return db;
}

namespace {
template <typename IdT>
std::optional<IdT> find_top(const std::map<std::string, TopRef, std::less<>>& tops, std::string_view name,
                            TopRef::Kind kind) {
  auto it = tops.find(name);
  if (it == tops.end() || it->second.kind != kind) return std::nullopt;
  return IdT{it->second.index};
}
}  // namespace

std::optional<ModelId> ParserDatabase::find_model(std::string_view name) const {
  return find_top<ModelId>(tops_, name, TopRef::Kind::Model);
}
std::optional<EnumId> ParserDatabase::find_enum(std::string_view name) const {
  return find_top<EnumId>(tops_, name, TopRef::Kind::Enum);
}
std::optional<CompositeTypeId> ParserDatabase::find_composite_type(std::string_view name) const {
  return find_top<CompositeTypeId>(tops_, name, TopRef::Kind::CompositeType);
}

ParserDatabase::FieldRef ParserDatabase::find_model_field(ModelId model, std::string_view field_name) const {
  if (model.value >= model_fields_.size()) return {};
  const auto& fields = model_fields_[model.value];
  auto it = fields.find(field_name);
  return it == fields.end() ? FieldRef{} : it->second;
}

std::optional<ScalarFieldId> ParserDatabase::find_scalar_field(ModelId model, std::string_view field_name) const {
  return find_model_field(model, field_name).scalar;
}

std::optional<RelationFieldId> ParserDatabase::find_relation_field(ModelId model, std::string_view field_name) const {
  return find_model_field(model, field_name).relation;
}

ParserDatabase::FieldRef ParserDatabase::field_at(ModelId model, std::size_t ast_field_index) const {
  if (model.value >= model_field_refs_.size()) return {};
  const auto& refs = model_field_refs_[model.value];
  return ast_field_index < refs.size() ? refs[ast_field_index] : FieldRef{};
}

std::optional<std::size_t> ParserDatabase::find_composite_type_field(CompositeTypeId ct,
                                                                     std::string_view field_name) const {
  if (ct.value >= composite_type_fields_.size()) return std::nullopt;
  const auto& fields = composite_type_fields_[ct.value];
  auto it = fields.find(field_name);
  if (it == fields.end()) return std::nullopt;
  return it->second;
}

}  // namespace prismapp::schema::db
