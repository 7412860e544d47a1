// PostgreSQL errors as Prisma reports them. The server's error fields are kept whole, so the
// migrate layer can print them the way Prisma's schema engine does (tokio-postgres' DbError:
// "ERROR: message\nDETAIL: ...\nHINT: ..." and its Debug form in P3018 logs), and connection
// failures are mapped to Prisma's codes (quaint's postgres error.rs → user-facing-errors):
// 28P01 → P1000, unreachable → P1001, 3D000 → P1003, 28000/42501 at connect → P1010.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/dialect/dialect.hpp"

typedef struct pg_result PGresult;

namespace prismapp::dialect::postgres {

struct PostgresUrl;

// Every field of an ErrorResponse that libpq exposes (PQresultErrorField).
struct ServerErrorFields {
  std::string severity;            // localized ("ERROR")
  std::string severity_nonlocal;   // "ERROR", "FATAL", ... (for parsed_severity)
  std::string code;                // SQLSTATE
  std::string message;
  std::optional<std::string> detail, hint, where, schema, table, column, datatype, constraint, file, routine;
  std::optional<unsigned> position;           // 1-based character offset in the query
  std::optional<unsigned> internal_position;  // position in an internally generated query
  std::optional<std::string> internal_query;
  std::optional<unsigned> line;               // source line of the server
};

ServerErrorFields read_error_fields(const PGresult* result);

// tokio-postgres' `Display` of a DbError: "ERROR: msg[\nDETAIL: d][\nHINT: h]".
std::string display_db_error(const ServerErrorFields& e);
// tokio-postgres' `Debug` of a DbError: "DbError { severity: \"ERROR\", parsed_severity: Some(Error), ... }".
std::string debug_db_error(const ServerErrorFields& e);
// What Prisma's apply_migration_script prints for a failed script: the error, the numbered lines
// around its position (with ANSI bold/red as Prisma writes them), then the Debug form.
std::string migration_error_text(const ServerErrorFields& e, std::string_view script);

// An error the server returned for a statement. what() is the Display form; database_code is
// the SQLSTATE; database_message is what Prisma prints in P3018/P3006 (migration_error_text for
// scripts, the Display form otherwise).
struct PostgresError : DatabaseError {
  ServerErrorFields fields;
  PostgresError(std::string code_, const std::string& message, ServerErrorFields f, std::string database_message_)
      : DatabaseError(std::move(code_), message, f.code, std::move(database_message_)), fields(std::move(f)) {}
};

// Maps a libpq connection failure (PQerrorMessage text; libpq keeps no SQLSTATE for them) to
// Prisma's error for this URL. Never includes the password.
DatabaseError connection_error(const PostgresUrl& url, std::string_view libpq_message);

// Prisma's user-facing texts, for the dialect's own checks.
std::string database_not_reachable_message(const PostgresUrl& url);
std::string database_does_not_exist_message(const PostgresUrl& url);

}  // namespace prismapp::dialect::postgres
