// The attribute visiting driver (Prisma's parser-database attributes.rs): the order in which
// fields, blocks and attributes are visited decides the order of diagnostics, so it follows
// Prisma exactly: all relation fields first, then each model (its scalar fields, then its block
// attributes), enum, and composite type in source order.
#include <variant>

#include "core/schema/db/keys_resolve.hpp"
#include "core/schema/db/relations_resolve.hpp"
#include "core/schema/db/resolve_passes.hpp"

namespace prismapp::schema::db {
namespace {

using Container = AttributeArgs::Container;

void visit_relation_field_attributes(ParserDatabase::Builder& b, RelationFieldId id) {
  AttributeArgs& v = b.attributes;
  const RelationField& rf = b.relation_field(id);
  const ModelId model = rf.model;
  const ast::Field& field = *rf.ast;
  v.visit_attributes(field.attributes, Container::Field);

  if (v.visit_optional_single("relation")) {
    resolve_relation_attribute(b, v, model, id);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("id")) {
    report_relation_field_id(b, model, id);
    v.discard_arguments();
  }
  if (v.visit_optional_single("ignore")) {
    b.relation_field(id).is_ignored = true;
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("default")) {
    v.push_attribute_error("Cannot set a default value on a relation field.");
    v.discard_arguments();
  }
  if (v.visit_optional_single("map")) {
    v.push_attribute_error("The attribute `@map` cannot be used on relation fields.");
    v.visit_default_arg("name");
    v.discard_arguments();
  }
  if (v.visit_optional_single("unique")) {
    report_relation_field_unique(b, model, id);
    v.discard_arguments();
  }
  v.validate_visited_attributes();
}

void visit_scalar_field_attributes(ParserDatabase::Builder& b, ModelId model, ScalarFieldId id) {
  AttributeArgs& v = b.attributes;
  const ast::Field& field = *b.scalar_field(id).ast;
  v.visit_attributes(field.attributes, Container::Field);

  if (v.visit_optional_single("map")) {
    resolve_field_map(b, id);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("ignore")) {
    if (b.scalar_field(id).type.kind == ScalarFieldType::Kind::Unsupported) {
      v.push_attribute_error(
          "Fields of type `Unsupported` cannot take an `@ignore` attribute. They are already treated as ignored by "
          "the client due to their type.");
    } else {
      b.scalar_field(id).is_ignored = true;
    }
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("relation")) {
    v.push_attribute_error("Invalid field type, not a relation.");
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("id")) {
    resolve_field_id(b, model, id);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("updatedAt")) {
    const ScalarField& sf = b.scalar_field(id);
    if (!(sf.type.kind == ScalarFieldType::Kind::BuiltIn && sf.type.builtin == ScalarType::DateTime))
      v.push_attribute_error("Fields that are marked with @updatedAt must be of type DateTime.");
    if (sf.is_list()) v.push_attribute_error("Fields that are marked with @updatedAt cannot be lists.");
    b.scalar_field(id).is_updated_at = true;
    b.scalar_field(id).updated_at_span = v.current().span;
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("default")) {
    resolve_field_default(b, id);
    v.validate_visited_arguments();
  }
  if (b.scalar_field(id).type.kind == ScalarFieldType::Kind::BuiltIn) {
    if (auto scoped = v.visit_datasource_scoped()) resolve_field_native_type(b, id, *scoped);
  }
  if (v.visit_optional_single("unique")) {
    resolve_field_unique(b, model, id);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("shardKey")) {
    b.scalar_field(id).shard_key_span = v.current().span;
    resolve_field_shard_key(b, model, id);
    v.validate_visited_arguments();
  }
  v.validate_visited_attributes();
}

void visit_model_ignore(ParserDatabase::Builder& b, ModelId model) {
  for (ScalarFieldId sf : b.model(model).scalar_fields) {
    if (!b.scalar_field(sf).is_ignored) continue;
    b.diagnostics.attribute_error("@ignore", "Fields on an already ignored Model do not need an `@ignore` annotation.",
                                  b.scalar_field(sf).ast->span);
  }
  b.model(model).is_ignored = true;
  b.model(model).ignore_span = b.attributes.current().span;
}

void resolve_model_attributes(ParserDatabase::Builder& b, ModelId model) {
  AttributeArgs& v = b.attributes;
  const std::vector<ScalarFieldId> scalar_fields = b.model(model).scalar_fields;
  for (ScalarFieldId sf : scalar_fields) visit_scalar_field_attributes(b, model, sf);

  v.visit_attributes(b.ast_model(model).attributes, Container::Block);
  if (v.visit_optional_single("ignore")) {
    visit_model_ignore(b, model);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("id")) {
    resolve_model_id(b, model);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("map")) {
    resolve_model_map(b, model);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("schema")) {
    resolve_model_schema(b, model);
    v.validate_visited_arguments();
  }
  while (v.visit_repeated("index")) {
    resolve_model_index(b, model);
    v.validate_visited_arguments();
  }
  while (v.visit_repeated("unique")) {
    resolve_model_unique(b, model);
    v.validate_visited_arguments();
  }
  while (v.visit_repeated("fulltext")) {
    resolve_model_fulltext(b, model);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("shardKey")) {
    b.model(model).shard_key_attribute = &v.current();
    resolve_model_shard_key(b, model);
    v.validate_visited_arguments();
  }
  validate_id_field_arities(b, model);
  validate_shard_key_field_arities(b, model);
  v.validate_visited_attributes();
}

void resolve_enum_attributes(ParserDatabase::Builder& b, EnumId id) {
  AttributeArgs& v = b.attributes;
  EnumInfo& info = b.enum_(id);
  for (auto& value : info.values) {
    v.visit_attributes(value.ast->attributes, Container::Field);
    if (v.visit_optional_single("map")) {
      value.mapped_name = visit_map_argument(b);
      v.validate_visited_arguments();
    }
    v.validate_visited_attributes();
  }
  v.visit_attributes(info.ast->attributes, Container::Block);
  if (v.visit_optional_single("map")) {
    info.mapped_name = visit_map_argument(b);
    v.validate_visited_arguments();
  }
  if (v.visit_optional_single("schema")) {
    if (const ast::Expression* e = v.visit_default_arg("map")) {
      if (auto s = coerce_string(*e, b.diagnostics)) {
        info.schema = std::string(*s);
        info.schema_span = e->span;
      }
    }
    v.validate_visited_arguments();
  }
  v.validate_visited_attributes();
}

void resolve_composite_type_attributes(ParserDatabase::Builder& b, CompositeTypeId id) {
  AttributeArgs& v = b.attributes;
  CompositeTypeInfo& info = b.composite_type(id);
  for (auto& field : info.fields) {
    v.visit_attributes(field.ast->attributes, Container::Field);
    if (field.type.kind == ScalarFieldType::Kind::BuiltIn) {
      if (auto scoped = v.visit_datasource_scoped()) {
        NativeTypeAttribute nt;
        nt.attribute = scoped->attribute;
        nt.datasource_name = std::string(scoped->datasource);
        nt.name = std::string(scoped->name);
        for (const auto& arg : scoped->attribute->arguments.arguments)
          nt.arguments.push_back(expression_to_string(arg.value()));
        field.native_type = std::move(nt);
      }
    }
    if (v.visit_optional_single("map")) {
      field.mapped_name = visit_map_argument(b);
      v.validate_visited_arguments();
    }
    if (v.visit_optional_single("default")) {
      resolve_composite_field_default(b, id, static_cast<std::size_t>(&field - info.fields.data()));
      v.validate_visited_arguments();
    }
    v.validate_visited_attributes();
  }
}

}  // namespace

void resolve_attributes(ParserDatabase::Builder& b) {
  for (std::uint32_t i = 0; i < b.relation_fields().size(); ++i) visit_relation_field_attributes(b, RelationFieldId{i});
  std::uint32_t model = 0, enm = 0, ct = 0;
  for (const auto& schema_ast : b.asts) {
    for (const auto& top : schema_ast.tops) {
      if (std::holds_alternative<ast::Model>(top)) {
        resolve_model_attributes(b, ModelId{model++});
      } else if (std::holds_alternative<ast::Enum>(top)) {
        resolve_enum_attributes(b, EnumId{enm++});
      } else if (std::holds_alternative<ast::CompositeType>(top)) {
        resolve_composite_type_attributes(b, CompositeTypeId{ct++});
      }
    }
  }
}

}  // namespace prismapp::schema::db
