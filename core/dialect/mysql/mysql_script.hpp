// MySQL SQL text handling on the client side: splitting a script into statements and putting
// parameter values in place of `?` placeholders. Both need the same lexing: quotes ('...', "..."
// with backslash escapes and doubled quotes), `backtick` identifiers and comments (`-- `, `#`,
// `/* */`), inside which `;` and `?` mean nothing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::mysql {

// The statements of a script, in order, each without its terminating `;` and without the
// whitespace around it; pieces holding only whitespace and comments are dropped (the server
// would not count them as statements either). Stored program bodies
// (`CREATE PROCEDURE ... BEGIN ...; ...; END`) stay one statement.
std::vector<std::string_view> split_mysql_statements(std::string_view script);

// `sql` with each `?` placeholder outside quotes, identifiers and comments replaced by the
// corresponding value as a literal: NULL, or a utf8mb4 string written in hex
// (`_utf8mb4 X'...'`), which no sql_mode can misread. Throws DatabaseError when the number of
// placeholders and values differ.
std::string bind_mysql_parameters(std::string_view sql, const std::vector<Value>& params);

// A name as a backtick-quoted identifier (backticks doubled).
std::string quote_mysql_identifier(std::string_view name);

}  // namespace prismapp::dialect::mysql
