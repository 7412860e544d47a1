// PostgreSQL connection strings as Prisma (quaint's postgres/url.rs) reads them:
//   postgresql://user:password@host:port/database?schema=public&sslmode=prefer&...
//   postgres://...   (same)
//   postgresql://user:password@localhost/db?host=/var/run/postgresql   (Unix socket folder)
// User, password and database are percent-decoded. Unknown query parameters are ignored, as
// Prisma does; a known parameter with a malformed value is P1013.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace prismapp::dialect::postgres {

struct PostgresUrl {
  std::string written;             // the URL as given (contains the password: never print it)
  std::string scheme;              // "postgresql" or "postgres"
  std::string user;                // decoded; "" when absent (libpq then uses the OS user)
  std::optional<std::string> password;  // decoded
  std::string host;                // `host=` parameter, else the URL's host, else "localhost"
  std::optional<std::string> url_host;  // the host part as written in the authority (IPv6 without [])
  unsigned port = 5432;
  std::string database;            // decoded; "postgres" when the path is empty
  std::string schema = "public";   // `schema=`
  // libpq's sslmode: "disable", "prefer", "require"; other values fall back to "prefer" (Prisma).
  std::string sslmode = "prefer";
  std::optional<unsigned> connection_limit;
  // Seconds; Prisma's default connect timeout is 5 s, 0 means none.
  std::optional<unsigned> connect_timeout = 5;
  std::optional<unsigned> socket_timeout;
  std::optional<std::string> application_name;
  std::optional<std::string> options;  // passed to the server as libpq's `options`
  // Prisma's TLS parameters (quaint): `sslcert` the CA file the server certificate must chain to,
  // `sslidentity` a PKCS#12 client identity with `sslpassword`, `sslaccept=strict` (verify the
  // chain and the host name) or `accept_invalid_certs` (the default: no verification).
  std::optional<std::string> ssl_root_cert;
  std::optional<std::string> ssl_identity;
  std::optional<std::string> ssl_password;
  bool ssl_accept_strict = false;
  bool pgbouncer = false;
  // The query string's pairs as decoded, in order of last occurrence (for url rewriting).
  std::map<std::string, std::string> params;

  // "host:port" as Prisma prints it in messages (P1001/P1003/"created at").
  std::string host_port() const { return host + ":" + std::to_string(port); }
};

// Whether the URL starts with postgresql:// or postgres://.
bool is_postgres_url(std::string_view url);

// Throws DatabaseError P1013 (Prisma's wording) when the URL is malformed.
PostgresUrl parse_postgres_url(std::string_view url);

// The same URL pointing at another database (path replaced, everything else kept): the
// maintenance database for CREATE DATABASE, the shadow database.
std::string with_database(std::string_view url, std::string_view database);

// The URL with its password replaced by "****", for messages.
std::string mask_password(std::string_view url);

// libpq's connection parameters for this URL (keyword → value), without search_path/TimeZone
// (set after connecting).
std::map<std::string, std::string> libpq_parameters(const PostgresUrl& url);

// Percent-decoding of one URL component ("%2F" → "/"); '+' stays '+' except in query values.
std::string percent_decode(std::string_view text, bool plus_is_space = false);

}  // namespace prismapp::dialect::postgres
