// Internal to the relation validations (relation_*.cpp): the checks of one relation kind each, and
// small read helpers over the database that Prisma's walkers provide.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/db/database.hpp"
#include "core/schema/validate/context.hpp"

namespace prismapp::schema::validate::relation_checks {

inline constexpr std::string_view kRelationAttribute = "@relation";

// ---- reading the database ----
std::string_view model_name(const db::ParserDatabase& db, db::ModelId model);
// "view" or "model": the container word Prisma uses in messages.
std::string_view container_word(const db::ParserDatabase& db, db::ModelId model);
std::string_view scalar_field_name(const db::ParserDatabase& db, db::ScalarFieldId field);
// The span of `@relation(...)`, or the field span when there is no attribute.
Span relation_attribute_span_or_field(const db::RelationField& field);
// The span of the whole `name: value` argument of `@relation`, if written.
std::optional<Span> relation_argument_span(const db::RelationField& field, std::string_view argument);
// "a, b, c" from scalar field names.
std::string joined_field_names(const db::ParserDatabase& db, const std::vector<db::ScalarFieldId>& fields,
                               std::string_view separator = ", ");
// Unique criteria of a model (Prisma's unique_criterias): the primary key, then unique indexes,
// as lists of top-level scalar fields (nullopt entries for composite paths, which never match).
std::vector<std::vector<std::optional<db::ScalarFieldId>>> unique_criteria(const db::ParserDatabase& db,
                                                                          db::ModelId model);
bool has_single_id_field(const db::ParserDatabase& db, db::ModelId model);
bool same_scalar_type(const db::ScalarFieldType& a, const db::ScalarFieldType& b);

// The relation field's referencing scalar fields (`fields:`) when written and not empty-on-error.
inline bool empty_fields(const std::optional<std::vector<db::ScalarFieldId>>& fields) {
  return !fields || fields->empty();
}

// The default or explicit onDelete / onUpdate of a complete inline relation (Prisma's
// CompleteInlineRelationWalker::on_delete / on_update).
db::ReferentialAction effective_on_delete(const ValidationContext& ctx, const db::RelationField& forward);
db::ReferentialAction effective_on_update(const db::RelationField& forward);
inline bool triggers_modification(db::ReferentialAction action) {
  return action != db::ReferentialAction::NoAction && action != db::ReferentialAction::Restrict;
}

// ---- checks by relation kind (validations.rs order inside each) ----
// references_unique_fields, same_length_in_referencing_and_referenced, field_arity,
// referencing_scalar_field_types.
void validate_inline_relation(ValidationContext& ctx, const db::Relation& relation);
// required_relation_cannot_use_set_null (after the foreign key name check).
void validate_inline_relation_set_null(ValidationContext& ctx, const db::Relation& relation);
void validate_one_to_one(ValidationContext& ctx, const db::Relation& relation);
void validate_one_to_many(ValidationContext& ctx, const db::Relation& relation);
void validate_implicit_many_to_many(ValidationContext& ctx, const db::Relation& relation);
void validate_embedded_many_to_many(ValidationContext& ctx, const db::Relation& relation);
// SQL Server (and relationMode "prisma"): cascading cycles and multiple cascade paths, starting
// from the complete inline relation `relation`. `from_model` lists, per model, the complete inline
// relations whose forward side is on that model.
struct CascadeGraph {
  std::vector<std::vector<db::RelationId>> from_model;
  static CascadeGraph build(const db::ParserDatabase& db);
};
void validate_cascade_cycles(ValidationContext& ctx, const CascadeGraph& graph, db::RelationId relation);
void validate_multiple_cascade_paths(ValidationContext& ctx, const CascadeGraph& graph, db::RelationId relation);

}  // namespace prismapp::schema::validate::relation_checks
