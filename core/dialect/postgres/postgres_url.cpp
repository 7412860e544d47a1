#include "core/dialect/postgres/postgres_url.hpp"
#include "core/dialect/postgres/postgres_tls.hpp"

#include <cctype>
#include <charconv>
#include <system_error>

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::postgres {
namespace {

// Prisma's ConnectorError::url_parse_error: the url crate's complaint, then a fixed advice text.
[[noreturn]] void invalid(std::string_view details) {
  throw DatabaseError("P1013", "The provided database string is invalid. " + std::string(details) +
                                   " in database URL. Please refer to the documentation in "
                                   "https://www.prisma.io/docs/reference/database-reference/connection-urls for "
                                   "constructing a correct connection string. In some cases, certain characters must "
                                   "be escaped. Please check the string for any illegal characters.");
}

std::optional<std::string_view> strip_scheme(std::string_view url, std::string* scheme) {
  for (std::string_view s : {std::string_view("postgresql://"), std::string_view("postgres://")}) {
    if (url.size() >= s.size()) {
      bool same = true;
      for (std::size_t i = 0; i < s.size() && same; ++i)
        same = std::tolower(static_cast<unsigned char>(url[i])) == s[i];
      if (same) {
        if (scheme != nullptr) *scheme = std::string(s.substr(0, s.size() - 3));
        return url.substr(s.size());
      }
    }
  }
  return std::nullopt;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A numeric parameter as quaint parses it (`v.parse()`): digits only, else the URL is invalid.
unsigned parse_number(std::string_view value) {
  unsigned out = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (value.empty() || ec != std::errc() || ptr != value.data() + value.size()) invalid("Invalid connection arguments.");
  return out;
}

// The parts of the URL after the scheme: authority, path and query.
struct Parts {
  std::string_view userinfo;
  bool has_userinfo = false;
  std::string_view hostport;
  std::string_view path;   // without the leading '/'
  std::string_view query;  // without '?'
};

Parts split(std::string_view rest) {
  Parts p;
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const auto q = rest.find('?');
  if (q != std::string_view::npos) {
    p.query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) p.path = rest.substr(slash + 1);
  // The password may contain '@' only percent-encoded; the url crate takes the last '@'.
  const auto at = authority.rfind('@');
  if (at != std::string_view::npos) {
    p.has_userinfo = true;
    p.userinfo = authority.substr(0, at);
    p.hostport = authority.substr(at + 1);
  } else {
    p.hostport = authority;
  }
  return p;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

bool is_postgres_url(std::string_view url) { return strip_scheme(url, nullptr).has_value(); }

PostgresUrl parse_postgres_url(std::string_view url) {
  PostgresUrl out;
  out.written = std::string(url);
  const auto rest = strip_scheme(url, &out.scheme);
  if (!rest) invalid("relative URL without a base");
  const Parts parts = split(*rest);

  if (parts.has_userinfo) {
    const auto colon = parts.userinfo.find(':');
    out.user = percent_decode(parts.userinfo.substr(0, colon));
    if (colon != std::string_view::npos) out.password = percent_decode(parts.userinfo.substr(colon + 1));
  }

  std::string_view hostport = parts.hostport;
  if (hostport.starts_with('[')) {
    const auto close = hostport.find(']');
    if (close == std::string_view::npos) invalid("invalid IPv6 address");
    out.url_host = std::string(hostport.substr(1, close - 1));
    hostport = hostport.substr(close + 1);
    if (!hostport.empty() && !hostport.starts_with(':')) invalid("invalid IPv6 address");
    if (hostport.starts_with(':')) {
      const auto port_text = hostport.substr(1);
      if (!port_text.empty()) {
        unsigned port = 0;
        const auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) invalid("invalid port number");
        out.port = port;
      }
    }
  } else {
    const auto colon = hostport.rfind(':');
    std::string_view host = hostport.substr(0, colon);
    if (colon != std::string_view::npos) {
      const auto port_text = hostport.substr(colon + 1);
      if (!port_text.empty()) {
        unsigned port = 0;
        const auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) invalid("invalid port number");
        out.port = port;
      }
    }
    // The url crate refuses a port or credentials without a host.
    if (host.empty() && (parts.has_userinfo || colon != std::string_view::npos)) invalid("empty host");
    for (char c : host)
      if (c == ' ' || c == '<' || c == '>' || c == '%' || c == '[' || c == ']' || c == '\\' || c == '^' || c == '|')
        invalid("invalid domain character");
    if (!host.empty()) out.url_host = std::string(host);
  }

  // The database is the path's first segment (quaint's dbname), "postgres" when there is none.
  std::string_view db = parts.path.substr(0, parts.path.find('/'));
  out.database = db.empty() ? "postgres" : percent_decode(db);

  std::optional<std::string> host_param;
  std::string_view query = parts.query;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string key = percent_decode(pair.substr(0, eq), true);
    const std::string value = eq == std::string_view::npos ? std::string{} : percent_decode(pair.substr(eq + 1), true);
    out.params[key] = value;
    if (key == "schema") out.schema = value;
    else if (key == "host") host_param = value;
    else if (key == "sslmode") out.sslmode = (value == "disable" || value == "prefer" || value == "require") ? value : "prefer";
    else if (key == "connection_limit") out.connection_limit = parse_number(value);
    else if (key == "connect_timeout") {
      const unsigned v = parse_number(value);
      out.connect_timeout = v == 0 ? std::nullopt : std::optional<unsigned>(v);
    } else if (key == "socket_timeout") out.socket_timeout = parse_number(value);
    else if (key == "pool_timeout" || key == "max_connection_lifetime" || key == "max_idle_connection_lifetime" ||
             key == "statement_cache_size")
      parse_number(value);  // validated like quaint, meaningless for one connection
    else if (key == "pgbouncer") {
      if (value == "true") out.pgbouncer = true;
      else if (value == "false") out.pgbouncer = false;
      else invalid("Invalid connection arguments.");
    } else if (key == "application_name") out.application_name = value;
    else if (key == "options") out.options = value;
    else if (key == "sslcert") out.ssl_root_cert = value;
    else if (key == "sslidentity") out.ssl_identity = value;
    else if (key == "sslpassword") out.ssl_password = value;
    else if (key == "sslaccept") {
      if (value == "strict") out.ssl_accept_strict = true;
      else if (value == "accept_invalid_certs") out.ssl_accept_strict = false;
      else invalid("Invalid connection arguments.");
    }
    // Anything else (channel_binding, unknown keys) is discarded, as Prisma does.
  }

  if (host_param) out.host = *host_param;
  else if (out.url_host && !out.url_host->empty()) out.host = *out.url_host;
  else out.host = "localhost";
  return out;
}

std::string with_database(std::string_view url, std::string_view database) {
  std::string scheme;
  const auto rest = strip_scheme(url, &scheme);
  if (!rest) invalid("relative URL without a base");
  const std::string_view prefix = url.substr(0, url.size() - rest->size());
  std::string_view r = *rest;
  const auto end_of_authority = r.find_first_of("/?#");
  const std::string_view authority = r.substr(0, end_of_authority);
  std::string_view tail = end_of_authority == std::string_view::npos ? std::string_view{} : r.substr(end_of_authority);
  // Drop the old path, keep the query.
  std::string_view query;
  if (const auto q = tail.find('?'); q != std::string_view::npos) query = tail.substr(q);
  std::string encoded;
  for (char c : database) {
    const auto uc = static_cast<unsigned char>(c);
    if (std::isalnum(uc) || c == '_' || c == '-' || c == '.' || c == '~') {
      encoded += c;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[uc >> 4];
      encoded += kHex[uc & 15];
    }
  }
  return std::string(prefix) + std::string(authority) + "/" + encoded + std::string(query);
}

std::string mask_password(std::string_view url) {
  const auto rest = strip_scheme(url, nullptr);
  if (!rest) return std::string(url);
  const std::size_t start = url.size() - rest->size();
  const auto end_of_authority = rest->find_first_of("/?#");
  const std::string_view authority = rest->substr(0, end_of_authority);
  const auto at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  const auto colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos) return std::string(url);
  std::string out(url.substr(0, start + colon + 1));
  out += "****";
  out += url.substr(start + at);
  return out;
}

std::map<std::string, std::string> libpq_parameters(const PostgresUrl& url) {
  std::map<std::string, std::string> p;
  p["host"] = url.host;
  p["port"] = std::to_string(url.port);
  p["dbname"] = url.database;
  if (!url.user.empty()) p["user"] = url.user;
  // An absent password must not fall back to ~/.pgpass or PGPASSWORD silently changing who we
  // are; libpq only reads those when no password is given, which is what Prisma's driver does
  // not do either. Passing an empty one keeps libpq from prompting.
  if (url.password) p["password"] = *url.password;
  p["sslmode"] = url.sslmode;
  add_tls_parameters(url, p);
  if (url.connect_timeout) p["connect_timeout"] = std::to_string(*url.connect_timeout);
  if (url.application_name) p["application_name"] = *url.application_name;
  if (url.options) p["options"] = *url.options;
  // Prisma's driver asks for no GSS encryption and sends no client encoding other than UTF8.
  p["client_encoding"] = "UTF8";
  p["gssencmode"] = "disable";
  return p;
}

}  // namespace prismapp::dialect::postgres
