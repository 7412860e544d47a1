// English-ish name inflection used to name the fields the formatter adds (`posts`, `blogId`).
// Follows the `cruet` crate Prisma uses, so generated names match byte for byte.
#pragma once
#include <string>
#include <string_view>

namespace prismapp::schema::format {

// cruet `to_camel_case`: "PostableEntity" -> "postableEntity", "FOO_BAR" -> "fooBar".
std::string to_camel_case(std::string_view name);

// cruet `to_plural`: "post" -> "posts", "category" -> "categories", "news" -> "news".
std::string to_plural(std::string_view word);

// First character lower-/upper-cased, the rest untouched (Prisma's own helpers for `blogId`).
std::string lower_first(std::string_view s);
std::string upper_first(std::string_view s);

}  // namespace prismapp::schema::format
