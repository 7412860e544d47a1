// Identifier rules of introspection: which database names are valid Prisma identifiers, how the
// others are sanitised (sanitize_datamodel_names.rs) and PSL string literals. Reserved model
// names are schema::db::is_reserved_type_name (the validator's list).
#pragma once
#include <string>
#include <string_view>

namespace prismapp::introspect {

// True when `name` is not a valid identifier as is (starts with a non-letter or holds anything
// but [_a-zA-Z0-9]).
bool needs_sanitation(std::string_view name);
// Leading non-letters removed, every other invalid character replaced by `_` (may become "").
std::string sanitize(std::string_view name);
// A PSL string literal with quotes: `"a \" b"`.
std::string quote(std::string_view text);

}  // namespace prismapp::introspect
