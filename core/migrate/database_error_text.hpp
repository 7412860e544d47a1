// How a database error reads inside migrate's messages (P3018 logs, P3006): the text and the
// driver's numeric error code ("Database error code: 1").
#pragma once
#include <string>

#include "core/dialect/dialect.hpp"

namespace prismapp::migrate {

struct DatabaseErrorText {
  std::string message;  // "SQLite database error\nnear \"X\": syntax error"
  std::string code;     // the driver's error code ("1"), "" when unknown
};

DatabaseErrorText database_error_text(const dialect::DatabaseError& error);

}  // namespace prismapp::migrate
