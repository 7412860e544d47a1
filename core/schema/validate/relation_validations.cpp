// The per-relation pass of the validation pipeline (the `for relation in db.walk_relations()`
// loop of psl-core validations.rs), dispatching on the relation kind.
#include "core/schema/validate/relation_validations.hpp"

#include "core/schema/validate/context.hpp"
#include "core/schema/validate/relation_checks.hpp"

namespace prismapp::schema::validate {

using namespace relation_checks;

void validate_relations(ValidationContext& ctx, const KeyNames& key_names) {
  const db::ParserDatabase& db = ctx.db;
  const CascadeGraph graph = CascadeGraph::build(db);
  for (std::uint32_t i = 0; i < db.relations().size(); ++i) {
    const db::RelationId id{i};
    const db::Relation& relation = db.relations()[i];
    switch (relation.kind) {
      case db::Relation::Kind::OneToOne:
      case db::Relation::Kind::OneToMany:
        if (relation.is_complete()) {
          validate_cascade_cycles(ctx, graph, id);
          validate_multiple_cascade_paths(ctx, graph, id);
        }
        validate_inline_relation(ctx, relation);
        if (relation.field_a) validate_foreign_key_constraint_name(ctx, key_names, *relation.field_a);
        validate_inline_relation_set_null(ctx, relation);
        if (relation.is_one_to_one()) validate_one_to_one(ctx, relation);
        else validate_one_to_many(ctx, relation);
        break;
      case db::Relation::Kind::ImplicitManyToMany:
        validate_implicit_many_to_many(ctx, relation);
        break;
      case db::Relation::Kind::TwoWayEmbeddedManyToMany:
        validate_embedded_many_to_many(ctx, relation);
        break;
    }
  }
}

}  // namespace prismapp::schema::validate
