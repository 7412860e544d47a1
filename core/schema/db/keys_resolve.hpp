// Resolution of the key attributes of models (Prisma parser-database attributes.rs and
// attributes/id.rs): `@id`, field-level `@unique`, `@@id`, `@@index`, `@@unique`, `@@fulltext`.
//
// The attribute driver (CORE) calls these while visiting one model, in Prisma's order:
//   for each scalar field: ... `@id` → resolve_field_id ... `@unique` → resolve_field_unique
//   for each relation field: `@id` → report_relation_field_id, `@unique` → report_relation_field_unique
//   then `@@ignore`, `@@id` → resolve_model_id, `@@map`, `@@schema`,
//   each `@@index` → resolve_model_index, each `@@unique` → resolve_model_unique,
//   each `@@fulltext` → resolve_model_fulltext, and finally validate_id_field_arities.
// Each resolver reads the arguments it knows from the attribute the driver opened in
// builder.attributes; the driver reports leftovers afterwards (Prisma's validate_visited_arguments).
// Results go to ModelInfo::keys (keys.hpp).
#pragma once
#include "core/schema/ast.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/db/ids.hpp"

namespace prismapp::schema::db {

void resolve_field_id(ParserDatabase::Builder& builder, ModelId model, ScalarFieldId field);
void resolve_field_unique(ParserDatabase::Builder& builder, ModelId model, ScalarFieldId field);
void resolve_model_id(ParserDatabase::Builder& builder, ModelId model);
void resolve_model_index(ParserDatabase::Builder& builder, ModelId model);
void resolve_model_unique(ParserDatabase::Builder& builder, ModelId model);
void resolve_model_fulltext(ParserDatabase::Builder& builder, ModelId model);

// `@id` / `@unique` on a relation field: Prisma's errors ("The field `x` is a relation field and
// cannot be marked with `@id`..."); the driver discards the arguments. The @unique message
// suggests the relation's `fields:`, so call it after @relation was resolved.
void report_relation_field_id(ParserDatabase::Builder& builder, ModelId model, RelationFieldId field);
void report_relation_field_unique(ParserDatabase::Builder& builder, ModelId model, RelationFieldId field);

// After all model attributes: "Fields that are marked as id must be required." (skipped for @@ignore).
void validate_id_field_arities(ParserDatabase::Builder& builder, ModelId model);

// Shard keys (parser-database attributes/shard_key.rs): field-level `@shardKey` (no arguments),
// `@@shardKey([a, b])`, and after all model attributes (next to validate_id_field_arities)
// "Fields that are marked as shard keys must be required.".
void resolve_field_shard_key(ParserDatabase::Builder& builder, ModelId model, ScalarFieldId field);
void resolve_model_shard_key(ParserDatabase::Builder& builder, ModelId model);
void validate_shard_key_field_arities(ParserDatabase::Builder& builder, ModelId model);

}  // namespace prismapp::schema::db
