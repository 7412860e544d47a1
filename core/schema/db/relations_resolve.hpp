// Resolution of relation fields (Prisma parser-database attributes.rs `visit_relation` and
// relations.rs `infer_relations`).
//
// The attribute driver (CORE) visits relation fields before any model attribute, like Prisma:
//   for each relation field, in field order: `@relation` → resolve_relation_attribute, then the
//   driver's own `@id`/`@ignore`/`@default`/`@map`/`@unique` handling.
// After all attributes are resolved, ParserDatabase::build calls infer_relations, which pairs the
// relation fields into Relation entries (relations.hpp). It reports nothing: problems with the
// pairing (missing opposite fields, ambiguity, ...) are reported by the validation pipeline
// (core/schema/validate/relation_validations.hpp).
#pragma once
#include <vector>

#include "core/schema/db/database.hpp"
#include "core/schema/db/ids.hpp"
#include "core/schema/db/relations.hpp"

namespace prismapp::schema::db {

class AttributeArgs;  // core/schema/db/attribute_args.hpp

// `@relation(name?, fields:, references:, map:, onDelete:, onUpdate:)` on relation field `field`
// of `model`. Consumes the arguments it knows from `args` (the driver reports leftovers afterwards)
// and fills RelationField::{relation_attribute, relation_name, fields, references, mapped_name,
// on_delete, on_update}. Reports Prisma's errors: unknown/relation fields in `fields:` or
// `references:`, "A relation cannot have an empty name.", "Invalid referential action: `X`", empty
// `map:`, fields used twice.
void resolve_relation_attribute(ParserDatabase::Builder& builder, AttributeArgs& args, ModelId model,
                                RelationFieldId field);

// Pairs relation fields into relations and stores them in ParserDatabase::relations() in Prisma's
// order (one pass over relation fields in model/field declaration order). Needs the keys pass
// (unique indexes decide 1:1 vs 1:n for one-sided relations) to have run.
void infer_relations(ParserDatabase::Builder& builder);

// The inference itself, over a database whose relation fields and keys are resolved (what
// infer_relations stores; exposed for tests).
std::vector<Relation> compute_relations(const ParserDatabase& db);

}  // namespace prismapp::schema::db
