// Relation checks of Prisma's validation pipeline (psl-core validations/relation_fields.rs,
// relations.rs, relations/{one_to_one,one_to_many,many_to_many/*}.rs, relation_indexes.rs).
//
// Where the pipeline (CORE) calls them, mirroring validations.rs:
//   const RelationNames names = RelationNames::build(db);   // once, before the model loop
//   for each model:
//     ... scalar field checks ...
//     for each relation field of the model (declaration order):
//       if (!check_relation_field_ambiguity(ctx, names, field)) return;   // stop everything
//       <client name check of the field (CORE)>
//       validate_relation_field(ctx, field);   // ignored model, actions, map, prisma-mode index
//                                               // warning, MongoDB native types
//     ... index checks ...
//   ... enums ...
//   validate_relations(ctx, key_names);                        // at the very end (walk_relations)
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/schema/db/database.hpp"
#include "core/schema/db/ids.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

struct ValidationContext;  // core/schema/validate/context.hpp

// Relation fields grouped by (model, referenced model, relation name) so that the ambiguity check
// is one lookup per field instead of a scan over the model's fields.
class RelationNames {
 public:
  static RelationNames build(const db::ParserDatabase& db);
  // Relation fields on `model` pointing at `referenced` with relation name `name` ("" = unnamed).
  const std::vector<db::RelationFieldId>& fields(db::ModelId model, db::ModelId referenced,
                                                 std::string_view name) const;

 private:
  std::map<std::tuple<db::ModelId, db::ModelId, std::string>, std::vector<db::RelationFieldId>, std::less<>> groups_;
};

// Prisma's relation_fields::ambiguity: "Ambiguous relation detected. The fields `a` and `b` in
// model `M` both refer to `N`. Please provide different relation names for them by adding
// `@relation(<name>)." and the self-relation variants. Returns false when it reported (the
// pipeline then stops, like Prisma's early return).
bool check_relation_field_ambiguity(ValidationContext& ctx, const RelationNames& names, db::RelationFieldId field);

// Per relation field, after its client-name check: relation to an @@ignore'd model, referential
// actions vs connector and relation mode, `map:` support and length, relationMode "prisma"
// missing-index warning, MongoDB native type mismatch warning.
void validate_relation_field(ValidationContext& ctx, db::RelationFieldId field);

// Per relation (1:1, 1:n, implicit m:n, embedded m:n): missing opposite fields, fields/references
// definitions, arity, types, unique references, referential actions (SetNull on required fields),
// views, singular ids, cycles and multiple cascade paths (SQL Server). Calls the KEYS check
// validate_foreign_key_constraint_name at Prisma's position (has_a_unique_constraint_name).
void validate_relations(ValidationContext& ctx, const KeyNames& key_names);

}  // namespace prismapp::schema::validate
