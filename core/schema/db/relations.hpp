// Relation fields (fields whose type is a model) and the relations inferred from them.
// RelationField is filled by the attribute pass (relations_resolve.cpp: `@relation`), Relation by
// the inference pass (relations_infer.cpp, Prisma's relations.rs).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/connector/referential_action.hpp"
#include "core/schema/db/ids.hpp"

namespace prismapp::schema::db {

using connector::ReferentialAction;

struct RelationField {
  ModelId model;
  std::size_t ast_field_index = 0;
  const ast::Field* ast = nullptr;
  ModelId referenced_model;
  // From @relation(...):
  const ast::Attribute* relation_attribute = nullptr;
  std::optional<std::string> relation_name;         // @relation("name") / name:
  std::optional<std::vector<ScalarFieldId>> fields;  // fields: [...] (this model); empty when unresolvable
  std::optional<std::vector<ScalarFieldId>> references;  // references: [...] (referenced model)
  std::optional<std::string> mapped_name;           // map: (foreign key constraint name)
  Span mapped_name_span;                            // the `map:` value
  std::optional<ReferentialAction> on_delete;
  Span on_delete_span;                              // the `onDelete:` value expression
  std::optional<ReferentialAction> on_update;
  Span on_update_span;
  bool is_ignored = false;                          // @ignore

  std::string_view name() const { return ast->name.name; }
  ast::FieldArity arity() const { return ast->arity; }
  bool is_list() const { return ast->arity == ast::FieldArity::List; }
  bool is_optional() const { return ast->arity == ast::FieldArity::Optional; }
  bool is_required() const { return ast->arity == ast::FieldArity::Required; }
  // The name used to pair fields: the explicit name, or "" for unnamed relations.
  std::string_view explicit_name() const { return relation_name ? std::string_view(*relation_name) : std::string_view(); }
  bool has_fields() const { return fields && !fields->empty(); }
  bool has_references() const { return references && !references->empty(); }
};

// A relation between two models, from one or two relation fields (Prisma's relations.rs).
//
// model_a / model_b: in 1:1 and 1:n relations model A holds the referencing side (the foreign key
// on SQL), model B is referenced. In implicit and embedded many-to-many relations A and B are in
// lexicographic order of model names (field names for self relations): the join table `_AToB` and
// its columns A/B depend on that order.
struct Relation {
  enum class Kind {
    ImplicitManyToMany,        // both sides lists, no fields: join table _AToB
    TwoWayEmbeddedManyToMany,  // MongoDB: both sides lists, one of them with fields:
    OneToMany,                 // field_a (if any) is the singular side, field_b the list side
    OneToOne,                  // field_a is the forward side (always present)
  } kind = Kind::OneToMany;
  std::optional<std::string> name;  // explicit relation name, if any
  ModelId model_a;
  ModelId model_b;
  std::optional<RelationFieldId> field_a;  // absent only for a 1:n declared on the list side only
  std::optional<RelationFieldId> field_b;  // absent for a 1:1 or 1:n declared on one side only

  bool is_inline() const { return kind == Kind::OneToMany || kind == Kind::OneToOne; }
  bool is_one_to_one() const { return kind == Kind::OneToOne; }
  bool is_implicit_many_to_many() const { return kind == Kind::ImplicitManyToMany; }
  bool is_two_way_embedded_many_to_many() const { return kind == Kind::TwoWayEmbeddedManyToMany; }
  bool is_self_relation() const { return model_a == model_b; }
  // Inline relations: the side holding fields/references (field_a) and the back side (field_b).
  std::optional<RelationFieldId> forward_field() const { return field_a; }
  std::optional<RelationFieldId> back_field() const { return field_b; }
  bool is_complete() const { return field_a && field_b; }
};

// Prisma's generated relation name for unnamed relations: "AToB" with the model names in
// lexicographic order (RelationName::generated).
std::string generated_relation_name(std::string_view model_a, std::string_view model_b);

}  // namespace prismapp::schema::db
