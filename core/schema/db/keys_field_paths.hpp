// Resolution of the `fields:` argument of @@id/@@index/@@unique/@@fulltext
// (`[a(sort: Desc, length: 10, ops: X), b, c.d]`) against a model: Prisma's
// coerce_field_array_with_args + resolve_field_array_with_args.
#pragma once
#include <string>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/db/builder.hpp"
#include "core/schema/db/keys.hpp"

namespace prismapp::schema::db {

// Whether `a.b` paths into composite types are followed (@@index/@@unique/@@fulltext) or
// reported as unknown fields (@@id).
enum class CompositePaths { OnlyTopLevel, Follow };

struct FieldArrayResolution {
  enum class Outcome { Resolved, AlreadyReported, Problems } outcome = Outcome::Resolved;
  std::vector<IndexFieldPath> fields;                 // Resolved
  std::vector<std::string> unknown_fields;            // Problems: "foo" or "b in type Address"
  std::vector<RelationFieldId> relation_fields;       // Problems: relation fields referenced
};

// Coerces the expression (reporting type mismatches and bad `sort:`/`ops:` arguments) and resolves
// every name. Reports "The unique index definition refers to the field x multiple times." itself
// (outcome AlreadyReported); unknown and relation fields are returned for the caller's message.
FieldArrayResolution resolve_index_field_array(ParserDatabase::Builder& builder, ModelId model,
                                               const ast::Expression& fields, Span attribute_span,
                                               CompositePaths composite_paths);

}  // namespace prismapp::schema::db
