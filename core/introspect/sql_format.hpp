// The formatting db pull applies to view definitions before writing views/<ns>/<view>.sql:
// Prisma runs them through the `sqlformat` crate (default options, upper-case keywords), so the
// files read "SELECT\n  a,\n  b\nFROM\n  t;". This is that formatter: its tokenizer (strings,
// comments, numbers, reserved words in its four classes, operators, placeholders, words) and
// its layout rules (a new line and an indent after top-level keywords, a new line before
// AND/OR/JOINs and after commas, parentheses kept on one line up to 50 characters).
#pragma once
#include <string>
#include <string_view>

namespace prismapp::introspect {

std::string format_sql(std::string_view sql);

}  // namespace prismapp::introspect
