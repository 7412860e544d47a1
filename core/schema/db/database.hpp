// The resolved schema (Prisma's parser-database): names, field types, attributes and relations
// resolved over the ASTs of all files, in flat arenas indexed by typed ids. Validation, the
// formatter's relation completion, DMMF and the SQL calculator all read this.
//
// Ownership (one engineer per part, see docs/architecture.md):
//   database.hpp/.cpp, names, types, scalar-field attributes, the attribute visiting driver ... core
//   keys.hpp (ids, indexes, unique constraints, fulltext, constraint names)            ... keys
//   relations.hpp (relation fields' @relation, relation inference, referential actions)  ... relations
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/db/ids.hpp"
#include "core/schema/db/keys.hpp"
#include "core/schema/db/relations.hpp"
#include "core/schema/db/scalar.hpp"
#include "core/schema/diagnostics.hpp"
#include "core/schema/source.hpp"

namespace prismapp::schema::db {

// True for names the generated client reserves (PrismaClient and the JavaScript keywords): the
// validator rejects them as model/enum names and introspection renames such tables.
bool is_reserved_type_name(std::string_view name);

// A model or view and its model-level attributes.
struct ModelInfo {
  const ast::Model* ast = nullptr;
  FileId file = 0;
  std::vector<ScalarFieldId> scalar_fields;      // in declaration order
  std::vector<RelationFieldId> relation_fields;  // in declaration order
  std::optional<std::string> mapped_name;        // @@map("...")
  Span mapped_name_span;
  bool is_ignored = false;                       // @@ignore
  Span ignore_span;
  std::optional<std::string> schema;             // @@schema("...")
  Span schema_span;
  const ast::Attribute* shard_key_attribute = nullptr;  // @@shardKey([...])
  ModelKeys keys;                                // @@id/@id, @@unique/@unique, @@index, @@fulltext (keys.hpp)

  std::string_view name() const { return ast->name.name; }
  std::string_view database_name() const { return mapped_name ? std::string_view(*mapped_name) : name(); }
  bool is_view() const { return ast->is_view; }
};

struct EnumValueInfo {
  const ast::EnumValue* ast = nullptr;
  std::optional<std::string> mapped_name;  // @map("...")
  std::string_view name() const { return ast->name.name; }
  std::string_view database_name() const { return mapped_name ? std::string_view(*mapped_name) : name(); }
};

struct EnumInfo {
  const ast::Enum* ast = nullptr;
  FileId file = 0;
  std::vector<EnumValueInfo> values;
  std::optional<std::string> mapped_name;  // @@map
  std::optional<std::string> schema;       // @@schema
  Span schema_span;
  std::string_view name() const { return ast->name.name; }
  std::string_view database_name() const { return mapped_name ? std::string_view(*mapped_name) : name(); }
};

struct CompositeTypeFieldInfo {
  const ast::Field* ast = nullptr;
  ScalarFieldType type;                     // composite type fields are never relations
  std::optional<std::string> mapped_name;   // @map
  std::optional<DefaultValue> default_value;
  std::optional<NativeTypeAttribute> native_type;
};

struct CompositeTypeInfo {
  const ast::CompositeType* ast = nullptr;
  FileId file = 0;
  std::vector<CompositeTypeFieldInfo> fields;
  std::string_view name() const { return ast->name.name; }
};

// What a name at the top level refers to.
struct TopRef {
  enum class Kind { Model, Enum, CompositeType, Generator, Datasource } kind;
  std::uint32_t index;  // ModelId/EnumId/CompositeTypeId value, or position in asts for configs
};

class ParserDatabase {
 public:
  // Resolves everything and appends Prisma's parser-database diagnostics, in Prisma's order.
  // The ASTs must outlive the database (it keeps pointers into them).
  static ParserDatabase build(const std::vector<ast::SchemaAst>& asts, const SourceSet& sources,
                              Diagnostics& diagnostics);

  const std::vector<ModelInfo>& models() const { return models_; }
  const std::vector<EnumInfo>& enums() const { return enums_; }
  const std::vector<CompositeTypeInfo>& composite_types() const { return composite_types_; }
  const std::vector<ScalarField>& scalar_fields() const { return scalar_fields_; }
  const std::vector<RelationField>& relation_fields() const { return relation_fields_; }
  const std::vector<Relation>& relations() const { return relations_; }

  const ModelInfo& model(ModelId id) const { return models_.at(id.value); }
  const EnumInfo& enum_(EnumId id) const { return enums_.at(id.value); }
  const CompositeTypeInfo& composite_type(CompositeTypeId id) const { return composite_types_.at(id.value); }
  const ScalarField& scalar_field(ScalarFieldId id) const { return scalar_fields_.at(id.value); }
  const RelationField& relation_field(RelationFieldId id) const { return relation_fields_.at(id.value); }
  const Relation& relation(RelationId id) const { return relations_.at(id.value); }

  std::optional<ModelId> find_model(std::string_view name) const;
  std::optional<EnumId> find_enum(std::string_view name) const;
  std::optional<CompositeTypeId> find_composite_type(std::string_view name) const;
  std::optional<ScalarFieldId> find_scalar_field(ModelId model, std::string_view field_name) const;
  std::optional<RelationFieldId> find_relation_field(ModelId model, std::string_view field_name) const;

  // The whole model in declaration order: each AST field index maps to either a scalar or a
  // relation field (or neither, when its type could not be resolved).
  struct FieldRef {
    std::optional<ScalarFieldId> scalar;
    std::optional<RelationFieldId> relation;
  };
  FieldRef field_at(ModelId model, std::size_t ast_field_index) const;
  // A model field by name (declaration name, not @map): scalar, relation, or neither.
  FieldRef find_model_field(ModelId model, std::string_view field_name) const;
  // Index into CompositeTypeInfo::fields.
  std::optional<std::size_t> find_composite_type_field(CompositeTypeId ct, std::string_view field_name) const;
  // Names of all datasource blocks, in source order (for the native type prefix check).
  const std::vector<std::string>& datasource_names() const { return datasource_names_; }

  const std::vector<ast::SchemaAst>& asts() const { return *asts_; }
  // Scalar fields whose @default calls a function Prisma's resolver does not know (the
  // connector decides: "Unknown function in @default(): `x` is not known. ...").
  const std::vector<ScalarFieldId>& unknown_function_defaults() const { return unknown_function_defaults_; }

  // Mutable access for the resolution passes (names, types, attributes, relations), which live
  // in separate files but build one database.
  struct Builder;
  friend struct Builder;
  // The names and types passes fill the private indexes directly.
  friend void resolve_names(Builder& builder);
  friend void resolve_types(Builder& builder);

 private:
  const std::vector<ast::SchemaAst>* asts_ = nullptr;
  std::vector<ModelInfo> models_;
  std::vector<EnumInfo> enums_;
  std::vector<CompositeTypeInfo> composite_types_;
  std::vector<ScalarField> scalar_fields_;
  std::vector<RelationField> relation_fields_;
  std::vector<Relation> relations_;
  std::map<std::string, TopRef, std::less<>> tops_;
  // (model, field name) → field; filled by the names pass.
  std::vector<std::map<std::string, FieldRef, std::less<>>> model_fields_;
  // Per model: AST field index → field (same size as ast::Model::fields).
  std::vector<std::vector<FieldRef>> model_field_refs_;
  std::vector<std::map<std::string, std::size_t, std::less<>>> composite_type_fields_;
  std::vector<std::string> datasource_names_;
  std::vector<ScalarFieldId> unknown_function_defaults_;
};

}  // namespace prismapp::schema::db
