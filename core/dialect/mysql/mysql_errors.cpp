#include "core/dialect/mysql/mysql_errors.hpp"

#include <sstream>
#include <vector>

namespace prismapp::dialect::mysql {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The piece between the first pair of single quotes ("'prisma'@'%'" → "prisma").
std::string between_quotes(const std::string& text) {
  const auto open = text.find('\'');
  if (open == std::string::npos) return "";
  const auto close = text.find('\'', open + 1);
  return text.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
}

// The table of "Table 'db.tbl' doesn't exist", as quaint reads it (the part after the last dot).
std::string missing_table(const std::string& message) {
  const auto w = words(message);
  if (w.size() < 2) return "";
  const std::string qualified = between_quotes(w[1]);
  const auto dot = qualified.rfind('.');
  return dot == std::string::npos ? qualified : qualified.substr(dot + 1);
}

// The user of "Access denied for user 'prisma'@'localhost' (using password: YES)".
std::string denied_user(const std::string& message, const MysqlUrl& url) {
  const auto w = words(message);
  if (w.size() < 5) return url.user;
  const std::string user_host = w[4];
  const std::string user = between_quotes(user_host.substr(0, user_host.find('@')));
  return user.empty() ? url.user : user;
}

}  // namespace

std::string unreachable_message(const MysqlUrl& url) {
  // Prisma names the URL's host and port even when a socket was used.
  const std::string& host = url.host;
  const std::string port = std::to_string(url.port);
  return "Can't reach database server at `" + host + "`:`" + port + "`\n\nPlease make sure your database server is running at `" +
         host + "`:`" + port + "`.";
}

std::string database_missing_message(const MysqlUrl& url) {
  return "Database `" + url.database + "` does not exist on the database server at `" + url.host + ":" +
         std::to_string(url.port) + "`.";
}

std::string access_denied_message(const MysqlUrl& url) {
  return "User `" + url.user + "` was denied access on the database `" + url.database + "`";
}

std::string lock_timeout_message(const MysqlUrl& url) {
  const std::string port = std::to_string(url.port);
  return "The database server at `" + url.host + "`:`" + port +
         "` was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at `" +
         url.host + "`:`" + port +
         "`.\n\nContext: Timed out trying to acquire a MySQL advisory lock (SELECT GET_LOCK('prisma_migrate', 10)). "
         "Timeout: 10000ms. See https://pris.ly/d/migrate-advisory-locking for details.\n";
}

MysqlError make_mysql_error(int error_number, const std::string& sql_state, const std::string& message,
                            const MysqlUrl& url, ErrorPhase phase) {
  std::string code;
  std::string what = message;
  switch (error_number) {
    case 1045:  // ER_ACCESS_DENIED_ERROR: wrong user or password
      code = "P1000";
      what = "Authentication failed against database server at `" + url.host + "`, the provided database credentials for `" +
             denied_user(message, url) + "` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at `" +
             url.host + "`.";
      break;
    case 1049:  // ER_BAD_DB_ERROR
      code = "P1003";
      what = database_missing_message(url);
      break;
    case 1044:  // ER_DBACCESS_DENIED_ERROR
      code = "P1010";
      what = access_denied_message(url);
      break;
    case 1007:  // ER_DB_CREATE_EXISTS
    {
      const auto w = words(message);
      code = "P1009";
      what = "Database `" + (w.size() > 3 ? between_quotes(w[3]) : url.database) +
             "` already exists on the database server at `" + url.host + ":" + std::to_string(url.port) + "`";
      break;
    }
    case 1146:  // ER_NO_SUCH_TABLE
      code = "P1014";
      what = "The underlying table for model `" + missing_table(message) + "` does not exist.";
      break;
    case 2026:  // CR_SSL_CONNECTION_ERROR
      code = "P1011";
      what = "Error opening a TLS connection: " + message;
      break;
    case 2002:  // CR_CONNECTION_ERROR (socket)
    case 2003:  // CR_CONN_HOST_ERROR
    case 2005:  // CR_UNKNOWN_HOST
    case 2006:  // CR_SERVER_GONE_ERROR
    case 2013:  // CR_SERVER_LOST
      if (phase == ErrorPhase::Connecting || error_number == 2002 || error_number == 2003 || error_number == 2005) {
        code = "P1001";
        what = unreachable_message(url);
      } else if (url.socket_timeout_seconds) {
        code = "P1008";
        what = "Operations timed out after `" + std::to_string(*url.socket_timeout_seconds) +
               "s`. Context: The database failed to respond to a query within the configured timeout.";
      } else {
        code = "P1017";
        what = "Server has closed the connection.";
      }
      break;
    default:
      break;
  }
  MysqlError err(code, what, error_number > 0 ? std::to_string(error_number) : "", message);
  err.error_number = error_number;
  err.sql_state = sql_state;
  err.server_message = message;
  return err;
}

}  // namespace prismapp::dialect::mysql
