// MySQL connection strings as Prisma (quaint's MysqlUrl) reads them:
// `mysql://user:password@host:port/database?param=value&...`. Credentials and the database name
// are percent-decoded; unknown parameters are ignored, as Prisma does.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace prismapp::dialect::mysql {

struct MysqlUrl {
  std::string user;                     // percent-decoded
  std::optional<std::string> password;  // percent-decoded; never printed
  std::string host = "localhost";       // without IPv6 brackets
  std::uint16_t port = 3306;
  std::string database;  // the first path segment, percent-decoded ("" when the URL names none)

  // ---- query parameters (quaint's MysqlUrlQueryParams) ----
  std::optional<std::string> socket;  // `socket=/path` (parentheses stripped): connect over a unix socket
  // `connect_timeout` seconds; 0 = none. Prisma's default is 5 s.
  std::optional<unsigned> connect_timeout_seconds = 5;
  std::optional<unsigned> socket_timeout_seconds;  // `socket_timeout`: read/write timeout
  std::optional<unsigned> connection_limit;        // validated only (one connection per command)
  std::optional<unsigned> pool_timeout_seconds;    // validated only
  // TLS: `sslcert` (CA certificate to trust), `sslidentity` (client PKCS#12 file), `sslpassword`,
  // `sslaccept` (`strict` verifies the server certificate; `accept_invalid_certs`, the default,
  // does not). Any of them turns TLS on.
  bool use_ssl = false;
  std::optional<std::string> ssl_root_cert;
  std::optional<std::string> ssl_identity;
  std::optional<std::string> ssl_password;
  bool ssl_accept_invalid_certs = true;

  // "host:port" as Prisma prints it in messages (the socket path when connecting through one).
  std::string location() const;
};

// Whether the URL is one the MySQL provider takes (`mysql://`).
bool is_mysql_url(std::string_view url);

// Parses the URL. Throws DatabaseError P1013 ("The provided database string is invalid. ...")
// when it is malformed or a known parameter has a bad value. Messages never contain the password.
MysqlUrl parse_mysql_url(std::string_view url);

// The same URL naming another database (path replaced, credentials and parameters kept): how the
// shadow database's and the server-level connections' URLs are made.
std::string mysql_url_with_database(std::string_view url, std::string_view database);

// Percent-encodes a database name for a URL path.
std::string percent_encode_path_segment(std::string_view text);

}  // namespace prismapp::dialect::mysql
