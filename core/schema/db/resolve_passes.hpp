// The resolution passes of ParserDatabase::build (internal to core/schema/db), in the order
// Prisma's parser-database runs them (see builder.hpp).
#pragma once
#include "core/schema/db/builder.hpp"

namespace prismapp::schema::db {

void resolve_names(ParserDatabase::Builder& builder);       // names.cpp
void resolve_types(ParserDatabase::Builder& builder);       // types.cpp
void resolve_attributes(ParserDatabase::Builder& builder);  // attributes.cpp

// Scalar-field attribute resolvers (scalar_attributes.cpp, default_value.cpp); the attribute is open.
void resolve_field_map(ParserDatabase::Builder& builder, ScalarFieldId field);
void resolve_model_map(ParserDatabase::Builder& builder, ModelId model);
void resolve_model_schema(ParserDatabase::Builder& builder, ModelId model);
void resolve_field_default(ParserDatabase::Builder& builder, ScalarFieldId field);
// @default on a field of a composite type (no `map`, no dbgenerated(), fewer functions).
void resolve_composite_field_default(ParserDatabase::Builder& builder, CompositeTypeId type, std::size_t field);
void resolve_field_native_type(ParserDatabase::Builder& builder, ScalarFieldId field,
                               const AttributeArgs::DatasourceScoped& scoped);
// `@map`/`@@map` argument: the mapped name (reports non-strings), or nullopt.
std::optional<std::string> visit_map_argument(ParserDatabase::Builder& builder);

}  // namespace prismapp::schema::db
