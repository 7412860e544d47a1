// Pieces shared by the model renderer (render_model.cpp) and the field renderers
// (render_field.cpp, render_relation.cpp, render_view.cpp).
#pragma once
#include <optional>
#include <string>

#include "core/introspect/context.hpp"
#include "core/introspect/warnings.hpp"

namespace prismapp::introspect {

// The Prisma type of a column: Int, String, an enum name, Unsupported("...").
std::string field_type_name(const Context& ctx, sql::ColumnId id);
// The same for any column (view columns) and the field it matched in the previous schema.
std::string field_type_name(const Context& ctx, const sql::Column& column, const db::ScalarField* previous);
// `@db.VarChar(255)`, unless the native type is the default one of the field's scalar type.
std::optional<std::string> native_type_attribute(const Context& ctx, const sql::Column& column);
// The documentation lines above a table or view column's field: the previous schema's comment,
// then Prisma's notice when the name could not be sanitised and the field is commented out.
std::string scalar_field_docs(const db::ScalarField* previous, bool commented_out);
// One scalar field line (with its documentation lines), newline-terminated.
std::string render_scalar_field(const Context& ctx, sql::ColumnId id, Warnings& warnings);
// The relation fields of a model (inline relations, then implicit many-to-many ones).
std::string render_relation_fields(const Context& ctx, sql::TableId table);
// The primary key's name when it is not Prisma's default name (named primary keys only).
std::optional<std::string> primary_key_map(const Context& ctx, sql::TableId table);
// `field`, `field(length: 10, sort: Desc, ops: JsonbPathOps)` in @@index/@@unique/@@id lists.
std::string index_field(const Context& ctx, const sql::IndexColumn& column);

}  // namespace prismapp::introspect
