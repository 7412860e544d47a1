// Rendering one block of the introspected schema as PSL text (datamodel-renderer's layout:
// documentation, fields with attributes in Prisma's fixed order, then @@id, indexes, @@map,
// @@ignore, @@schema). The text is unaligned: the formatter aligns it afterwards.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/introspect/context.hpp"
#include "core/introspect/warnings.hpp"

namespace prismapp::introspect {

std::string render_model(const Context& ctx, sql::TableId table, Warnings& warnings);
// A `view` block (render_view.cpp); `index` into SqlSchema::views.
std::string render_view(const Context& ctx, std::size_t index, Warnings& warnings);
std::string render_enum(const Context& ctx, sql::EnumId id, Warnings& warnings);
// Enums of the previous schema kept on databases without native enums (SQLite).
std::string render_previous_enum(const Context& ctx, db::EnumId id);

// `@default(...)` for a column, or nothing (render_default.cpp).
std::optional<std::string> render_default(const Context& ctx, sql::ColumnId column);
// The same for any column (view columns live outside the table arena) and its previous field.
std::optional<std::string> render_default(const Context& ctx, const sql::Column& column, const db::ScalarField* previous);

// `/// line` for each line of a documentation text.
std::string render_documentation(const std::string& docs, const std::string& indent);

}  // namespace prismapp::introspect
