// `/* ... */` comments: Prisma's formatter rewrites them into the canonical `/**`, ` * line`,
// ` */` shape (one row per non-empty line, leading `*` and indentation dropped).
#pragma once
#include <string_view>

#include "core/schema/format/table_format.hpp"

namespace prismapp::schema::format {

// Appends the canonical rows of one block comment (text from `/*` to `*/` inclusive).
void render_block_comment(std::string_view comment, TableFormat& table);

}  // namespace prismapp::schema::format
