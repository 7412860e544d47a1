// A deliberately small stand-in for Prisma's parser database, covering only what the formatter's
// relation completion needs: which fields are relation fields, how they pair up into relations
// (same rules as parser-database's relations.rs), unique criteria, and whether resolution found an
// error (in which case the formatter must not add anything). To be replaced by the real resolver.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"

namespace prismapp::schema::format {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct ModelRef {
  const ast::Model* ast = nullptr;
  FileId file = 0;
};

// A model field whose type names a model.
struct RelationFieldInfo {
  std::size_t model = 0;  // index into RelationSchema::models
  std::size_t field = 0;  // index into the model's ast fields
  std::size_t referenced_model = 0;
  std::optional<std::string> name;                   // @relation("name") / name:
  std::optional<std::vector<std::size_t>> fields;    // fields: [...] (own model's field indices)
  std::optional<std::vector<std::size_t>> references;  // references: [...] (referenced model's)
  const ast::Attribute* relation_attribute = nullptr;
};

enum class RelationKind { OneToOne, OneToMany, ImplicitManyToMany, TwoWayEmbeddedManyToMany };

// A relation between model A (holds the foreign key, "referencing") and model B ("referenced").
struct RelationInfo {
  RelationKind kind = RelationKind::OneToMany;
  std::size_t model_a = 0;
  std::size_t model_b = 0;
  std::size_t forward_field = kNone;  // relation field index (into relation_fields) on model A
  std::size_t back_field = kNone;     // relation field index on model B
  bool is_inline() const {
    return kind == RelationKind::OneToOne || kind == RelationKind::OneToMany;
  }
};

struct RelationSchema {
  std::vector<ModelRef> models;                 // file order, then declaration order
  std::vector<RelationFieldInfo> relation_fields;  // (model, field) order
  std::vector<RelationInfo> relations;          // creation order (= Prisma's RelationId order)
  // Per model: primary key first, then unique indexes (@unique fields, then @@unique), as field
  // index lists.
  std::vector<std::vector<std::vector<std::size_t>>> unique_criterias;
  std::vector<std::vector<std::vector<std::size_t>>> unique_indexes;  // without the primary key
  std::vector<std::string_view> datasource_names;
  bool has_errors = false;

  const ast::Field& field(std::size_t model, std::size_t field_index) const {
    return models[model].ast->fields[field_index];
  }
  bool is_relation_field(std::size_t model, std::size_t field_index) const;
  // Builtin scalar type name of a field ("Int", "String", ...), or empty if it is not one.
  std::string_view builtin_scalar(std::size_t model, std::size_t field_index) const;
  bool is_ignored(std::size_t model) const;
  std::size_t find_field(std::size_t model, std::string_view name) const;  // kNone if absent
  // The first `@<datasource>.<Type>(...)` attribute of a field, if any.
  const ast::Attribute* native_type_attribute(std::size_t model, std::size_t field_index) const;

  std::vector<std::vector<bool>> relation_field_flags;  // [model][field]
};

// Builds the relation view of all files. `parse_had_errors` folds in the parser's diagnostics.
RelationSchema analyse_relations(const std::vector<ast::SchemaAst>& asts, bool parse_had_errors);

}  // namespace prismapp::schema::format
