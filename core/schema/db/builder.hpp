// Mutable access to a ParserDatabase while it is being built (Prisma's parser-database
// `Context`). The resolution passes run in Prisma's order (database.cpp):
//   1. names     (names.cpp)       top-level and field names, duplicates, reserved names
//   2. types     (types.cpp)       field types → ScalarField / RelationField arenas
//   3. attributes (attributes.cpp) the driver: for every relation field, then every model / enum /
//      composite type, visits the attributes in Prisma's order and calls the resolver that owns
//      each one — the KEYS resolver for @id @@id @unique @@unique @@index @@fulltext and the
//      RELATIONS resolver for @relation — with the attribute already opened in `attributes`.
//   4. relations (RELATIONS engineer) infer Relation entries from the relation fields.
// A resolver reads arguments with builder.attributes.visit_default_arg / visit_optional_arg,
// reports through builder.attributes.push_attribute_error / builder.diagnostics, and must NOT
// call validate_visited_arguments / discard_arguments itself (the driver does, like Prisma).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/schema/db/attribute_args.hpp"
#include "core/schema/db/database.hpp"

namespace prismapp::schema::db {

struct ParserDatabase::Builder {
  Builder(ParserDatabase& database, const std::vector<ast::SchemaAst>& asts_, const SourceSet& sources_,
          Diagnostics& diagnostics_)
      : db(database), asts(asts_), sources(sources_), diagnostics(diagnostics_), attributes(diagnostics_) {}

  ParserDatabase& db;
  const std::vector<ast::SchemaAst>& asts;
  const SourceSet& sources;
  Diagnostics& diagnostics;
  AttributeArgs attributes;  // the attribute / argument state machine

  // ---- arenas (append-only during a pass; ids are indexes) ----
  std::vector<ModelInfo>& models() { return db.models_; }
  std::vector<EnumInfo>& enums() { return db.enums_; }
  std::vector<CompositeTypeInfo>& composite_types() { return db.composite_types_; }
  std::vector<ScalarField>& scalar_fields() { return db.scalar_fields_; }
  std::vector<RelationField>& relation_fields() { return db.relation_fields_; }
  std::vector<Relation>& relations() { return db.relations_; }
  std::vector<ScalarFieldId>& unknown_function_defaults() { return db.unknown_function_defaults_; }

  ModelInfo& model(ModelId id) { return db.models_.at(id.value); }
  EnumInfo& enum_(EnumId id) { return db.enums_.at(id.value); }
  CompositeTypeInfo& composite_type(CompositeTypeId id) { return db.composite_types_.at(id.value); }
  ScalarField& scalar_field(ScalarFieldId id) { return db.scalar_fields_.at(id.value); }
  RelationField& relation_field(RelationFieldId id) { return db.relation_fields_.at(id.value); }
  const ast::Model& ast_model(ModelId id) const { return *db.models_.at(id.value).ast; }

  // ---- lookups (valid once the names and types passes have run) ----
  std::optional<ModelId> find_model(std::string_view name) const { return db.find_model(name); }
  std::optional<EnumId> find_enum(std::string_view name) const { return db.find_enum(name); }
  std::optional<CompositeTypeId> find_composite_type(std::string_view name) const {
    return db.find_composite_type(name);
  }
  // A model field by name: scalar, relation, or neither (unknown name or unresolved type).
  FieldRef find_model_field(ModelId model, std::string_view name) const {
    return db.find_model_field(model, name);
  }
  // Index into CompositeTypeInfo::fields.
  std::optional<std::size_t> find_composite_type_field(CompositeTypeId ct, std::string_view name) const {
    return db.find_composite_type_field(ct, name);
  }
};

}  // namespace prismapp::schema::db
