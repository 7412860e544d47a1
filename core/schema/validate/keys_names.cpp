// Constraint namespaces (psl-core names.rs + constraint_namespace.rs): every constraint name is
// counted once per connector scope it takes part in; a name counted twice in a scope clashes.
#include "core/schema/validate/keys_names.hpp"

#include "core/schema/connector/constraint_names.hpp"
#include "core/schema/db/keys_constraint_names.hpp"

namespace prismapp::schema::validate {

using connector::ConstraintKind;
using connector::ConstraintScope;

namespace {

std::string_view schema_of(const db::ModelInfo& model) {
  return model.schema ? std::string_view(*model.schema) : std::string_view();
}

// The key of `name` in one constraint namespace: Global* scopes are per schema, Model* scopes per
// model.
KeyNames::Data::Key namespace_key(ConstraintScope scope, std::string_view schema, std::uint32_t model,
                                  std::string_view name) {
  if (connector::scope_is_global(scope)) return {scope, 0, schema, name};
  return {scope, model, std::string_view(), name};
}

// Prisma checks each kind against a fixed list of scopes, in this order.
std::vector<ConstraintScope> possible_scopes(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::KeyOrIndex:
      return {ConstraintScope::GlobalKeyIndex, ConstraintScope::GlobalPrimaryKeyKeyIndex, ConstraintScope::ModelKeyIndex,
              ConstraintScope::ModelPrimaryKeyKeyIndex};
    case ConstraintKind::ForeignKey:
      return {ConstraintScope::GlobalForeignKey, ConstraintScope::GlobalPrimaryKeyForeignKeyDefault,
              ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey};
    case ConstraintKind::Default:
      return {ConstraintScope::GlobalPrimaryKeyForeignKeyDefault};
    case ConstraintKind::PrimaryKey:
      return {ConstraintScope::GlobalPrimaryKeyForeignKeyDefault, ConstraintScope::GlobalPrimaryKeyKeyIndex,
              ConstraintScope::ModelPrimaryKeyKeyIndex, ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey};
  }
  return {};
}

// The foreign key constraint name of an inline relation: `map:` or the default from the
// referencing model and its `fields:` columns.
std::optional<std::pair<db::ModelId, std::string>> foreign_key_name(const db::ParserDatabase& db,
                                                                     const db::Relation& relation,
                                                                     const connector::Connector& connector) {
  if (relation.kind != db::Relation::Kind::OneToMany && relation.kind != db::Relation::Kind::OneToOne)
    return std::nullopt;
  if (!relation.field_a) return std::nullopt;
  const db::RelationField& forward = db.relation_field(*relation.field_a);
  if (forward.mapped_name) return std::make_pair(forward.model, *forward.mapped_name);
  std::vector<std::string_view> columns;
  if (forward.fields)
    for (db::ScalarFieldId f : *forward.fields) columns.push_back(db.scalar_field(f).database_name());
  return std::make_pair(forward.model,
                        connector::foreign_key_constraint_name(db.model(forward.model).database_name(), columns, connector));
}

}  // namespace

KeyNames::KeyNames(std::unique_ptr<Data> data) : data_(std::move(data)) {}
KeyNames::KeyNames(KeyNames&&) noexcept = default;
KeyNames& KeyNames::operator=(KeyNames&&) noexcept = default;
KeyNames::~KeyNames() = default;

KeyNames KeyNames::build(const ValidationContext& ctx) {
  auto data = std::make_unique<Data>();
  const db::ParserDatabase& db = ctx.db;

  // Custom client names are per model whatever the connector.
  for (std::uint32_t m = 0; m < db.models().size(); ++m) {
    const db::ModelInfo& model = db.models()[m];
    if (model.keys.primary_key && model.keys.primary_key->name) ++data->custom_names[{m, *model.keys.primary_key->name}];
    for (const auto& index : model.keys.indexes)
      if (index.name) ++data->custom_names[{m, *index.name}];
  }
  if (!ctx.connector) return KeyNames(std::move(data));
  const connector::Connector& connector = *ctx.connector;

  // Collect every named constraint once, then count it in each scope that includes its kind.
  struct Named {
    db::ModelId model;
    ConstraintKind kind;
    std::string name;
  };
  std::vector<Named> all;
  for (std::uint32_t m = 0; m < db.models().size(); ++m) {
    db::ModelId id{m};
    const db::ModelInfo& model = db.models()[m];
    if (auto pk = db::primary_key_constraint_name(db, id, connector)) all.push_back({id, ConstraintKind::PrimaryKey, *pk});
    for (const auto& index : model.keys.indexes)
      all.push_back({id, ConstraintKind::KeyOrIndex, db::index_constraint_name(db, id, index, connector)});
  }
  for (const db::Relation& relation : db.relations())
    if (auto fk = foreign_key_name(db, relation, connector)) all.push_back({fk->first, ConstraintKind::ForeignKey, fk->second});
  for (const db::ScalarField& field : db.scalar_fields()) {
    if (!field.default_value) continue;
    std::string name = field.default_value->mapped_name
                           ? *field.default_value->mapped_name
                           : connector::default_constraint_name(db.model(field.model).database_name(),
                                                                 field.database_name(), connector);
    all.push_back({field.model, ConstraintKind::Default, std::move(name)});
  }

  // The names move into the data first: the keys are views of them.
  data->names.reserve(all.size());
  for (Named& n : all) data->names.push_back(std::move(n.name));
  data->counts.reserve(all.size() * connector.constraint_scopes.size());
  for (ConstraintScope scope : connector.constraint_scopes) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      const Named& n = all[i];
      if (!connector::scope_includes(scope, n.kind)) continue;
      // Prisma counts foreign keys per model only in the relation's referencing model, and views
      // have no foreign keys; the Named list already reflects both.
      const std::string_view name = data->names[i];
      const std::size_t count = ++data->counts[namespace_key(scope, schema_of(db.model(n.model)), n.model.value, name)];
      if (count == 2) data->clashing.insert(name);
    }
  }
  return KeyNames(std::move(data));
}

std::vector<ConstraintScope> KeyNames::Data::violations(const ValidationContext& ctx, db::ModelId model,
                                                        ConstraintKind kind, std::string_view name) const {
  std::vector<ConstraintScope> out;
  // A name never counted twice anywhere cannot clash in any scope.
  if (clashing.empty() || clashing.find(name) == clashing.end()) return out;
  const std::string_view schema = schema_of(ctx.db.model(model));
  const auto scopes = possible_scopes(kind);
  auto clashes = [&](ConstraintScope scope) {
    auto it = counts.find(namespace_key(scope, schema, model.value, name));
    return it != counts.end() && it->second > 1;
  };
  for (ConstraintScope scope : scopes)
    if (connector::scope_is_global(scope) && clashes(scope)) out.push_back(scope);
  for (ConstraintScope scope : scopes)
    if (!connector::scope_is_global(scope) && clashes(scope)) out.push_back(scope);
  return out;
}

bool KeyNames::Data::custom_name_clashes(db::ModelId model, std::string_view name) const {
  auto it = custom_names.find(std::make_pair(model.value, std::string(name)));
  return it != custom_names.end() && it->second > 1;
}

void report_constraint_name_violations(ValidationContext& ctx, const KeyNames& names, db::ModelId model,
                                       ConstraintKind kind, std::string_view name, std::string_view attribute_name,
                                       Span span) {
  std::string_view model_name = ctx.db.model(model).name();
  for (ConstraintScope scope : names.data().violations(ctx, model, kind, name))
    ctx.diagnostics.attribute_error(attribute_name, connector::constraint_name_clash_message(name, scope, model_name),
                                    span);
}

Span argument_span_or_attribute(const ast::Attribute& attribute, std::string_view name) {
  for (const auto& arg : attribute.arguments.arguments)
    if (arg.name && arg.name->name == name) return arg.span;
  return attribute.span;
}

void validate_default_constraint_name(ValidationContext& ctx, const KeyNames& names, db::ScalarFieldId field_id) {
  if (!ctx.connector) return;
  const db::ScalarField& field = ctx.db.scalar_field(field_id);
  if (!field.default_value) return;
  if (names.data().clashing.empty()) return;  // nothing can clash: skip building the name
  std::string name = field.default_value->mapped_name
                         ? *field.default_value->mapped_name
                         : connector::default_constraint_name(ctx.db.model(field.model).database_name(),
                                                               field.database_name(), *ctx.connector);
  // At `map:` of @default, else at the whole field.
  Span span = field.ast->span;
  for (const auto& arg : field.default_value->attribute->arguments.arguments)
    if (arg.name && arg.name->name == "map") span = arg.span;
  report_constraint_name_violations(ctx, names, field.model, ConstraintKind::Default, name, "@default", span);
}

void validate_foreign_key_constraint_name(ValidationContext& ctx, const KeyNames& names,
                                          db::RelationFieldId relation_field) {
  if (!ctx.connector) return;
  if (names.data().clashing.empty()) return;  // nothing can clash: skip building the name
  const db::RelationField& rf = ctx.db.relation_field(relation_field);
  std::string name;
  if (rf.mapped_name) {
    name = *rf.mapped_name;
  } else {
    std::vector<std::string_view> columns;
    if (rf.fields)
      for (db::ScalarFieldId f : *rf.fields) columns.push_back(ctx.db.scalar_field(f).database_name());
    name = connector::foreign_key_constraint_name(ctx.db.model(rf.model).database_name(), columns, *ctx.connector);
  }
  // At `map:` of @relation, else at the whole field (Prisma's span_for_argument("relation", "map")).
  Span span = rf.ast->span;
  if (rf.relation_attribute)
    for (const auto& arg : rf.relation_attribute->arguments.arguments)
      if (arg.name && arg.name->name == "map") span = arg.span;
  report_constraint_name_violations(ctx, names, rf.model, ConstraintKind::ForeignKey, name, "@relation", span);
}

}  // namespace prismapp::schema::validate
