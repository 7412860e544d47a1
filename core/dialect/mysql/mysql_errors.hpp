// MySQL/MariaDB errors as Prisma reports them (quaint's mysql error mapping + user-facing-errors'
// common.rs): 1045 → P1000, unreachable → P1001, 1049 → P1003, 1044 → P1010, others carry the
// server's error number and message. Kept free of connector headers: tests include it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_url.hpp"

namespace prismapp::dialect::mysql {

// An error the server (or the client library) reported. what() is Prisma's user-facing text:
// the P-code message for the known cases, otherwise the server's own message (what
// `db execute` prints). database_code is the MySQL error number ("1064"), database_message
// what migrate prints under "Database error:" (for a script, followed by Prisma's
// "Please check the query number N from the migration file.").
struct MysqlError : DatabaseError {
  int error_number = 0;             // 1064, 2003, ... (0 when not from the server/client library)
  std::string sql_state;            // "42000"
  std::string server_message;       // the server's text as is
  // For execute_script: which statement failed (1-based) of how many; the ones before it ran
  // and, MySQL DDL not being transactional, stay applied.
  std::optional<std::size_t> failed_statement;
  std::size_t statement_count = 0;

  MysqlError(std::string code_, const std::string& message, std::string database_code_, std::string database_message_)
      : DatabaseError(std::move(code_), message, std::move(database_code_), std::move(database_message_)) {}
};

// What the connection was doing when the error came, for the errors whose meaning depends on it
// (a lost connection while connecting is "unreachable", later it is "closed").
enum class ErrorPhase { Connecting, Querying };

// Builds Prisma's error for a server/client error number and message.
MysqlError make_mysql_error(int error_number, const std::string& sql_state, const std::string& message,
                            const MysqlUrl& url, ErrorPhase phase);

// Prisma's messages, shared with the dialect.
std::string unreachable_message(const MysqlUrl& url);                // P1001
std::string database_missing_message(const MysqlUrl& url);           // P1003
std::string access_denied_message(const MysqlUrl& url);              // P1010
std::string lock_timeout_message(const MysqlUrl& url);               // P1002

}  // namespace prismapp::dialect::mysql
