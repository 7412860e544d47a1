#include "core/dialect/mysql/mysql_url.hpp"

#include <cctype>
#include <charconv>
#include <system_error>

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::mysql {
namespace {

constexpr std::string_view kScheme = "mysql://";

[[noreturn]] void invalid(const std::string& details) {
  throw DatabaseError("P1013", "The provided database string is invalid. " + details);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding as the url crate does it: a '%' not followed by two hex digits stays as is.
std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

unsigned parse_seconds(std::string_view value) {
  unsigned out = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  // quaint reports any unparsable known parameter as invalid connection arguments.
  if (value.empty() || ec != std::errc() || ptr != value.data() + value.size())
    invalid("Error parsing connection string: invalid connection arguments.");
  return out;
}

void apply_parameter(MysqlUrl& url, const std::string& key, const std::string& value) {
  if (key == "connection_limit") {
    url.connection_limit = parse_seconds(value);
  } else if (key == "statement_cache_size" || key == "max_connection_lifetime" || key == "max_idle_connection_lifetime") {
    parse_seconds(value);  // validated like Prisma; meaningless for one short-lived connection
  } else if (key == "pool_timeout") {
    url.pool_timeout_seconds = parse_seconds(value);
  } else if (key == "connect_timeout") {
    const unsigned seconds = parse_seconds(value);
    url.connect_timeout_seconds = seconds == 0 ? std::nullopt : std::optional<unsigned>(seconds);
  } else if (key == "socket_timeout") {
    url.socket_timeout_seconds = parse_seconds(value);
  } else if (key == "socket") {
    std::string path;
    for (char c : value)
      if (c != '(' && c != ')') path.push_back(c);
    url.socket = path;
  } else if (key == "prefer_socket") {
    if (value != "true" && value != "false") invalid("Error parsing connection string: invalid connection arguments.");
  } else if (key == "sslcert") {
    url.use_ssl = true;
    url.ssl_root_cert = value;
  } else if (key == "sslidentity") {
    url.use_ssl = true;
    url.ssl_identity = value;
  } else if (key == "sslpassword") {
    url.use_ssl = true;
    url.ssl_password = value;
  } else if (key == "sslaccept") {
    url.use_ssl = true;
    // Anything but "strict" falls back to accepting invalid certificates, as quaint does.
    url.ssl_accept_invalid_certs = value != "strict";
  }
  // Anything else (sslmode, schema, ...) is discarded, as quaint does.
}

}  // namespace

std::string MysqlUrl::location() const {
  if (socket) return *socket;
  return host + ":" + std::to_string(port);
}

bool is_mysql_url(std::string_view url) { return url.starts_with(kScheme); }

MysqlUrl parse_mysql_url(std::string_view url) {
  if (!is_mysql_url(url)) invalid("the URL must start with the protocol `mysql://`.");
  std::string_view rest = url.substr(kScheme.size());
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);

  const std::size_t authority_end = rest.find_first_of("/?");
  const std::string_view authority = rest.substr(0, authority_end);
  std::string_view path;
  std::string_view query;
  if (authority_end != std::string_view::npos) {
    std::string_view tail = rest.substr(authority_end);
    const auto q = tail.find('?');
    path = tail.substr(0, q);
    if (q != std::string_view::npos) query = tail.substr(q + 1);
  }

  MysqlUrl out;
  // userinfo ends at the last '@' of the authority; the password starts after its first ':'.
  std::string_view hostport = authority;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    hostport = authority.substr(at + 1);
    const auto colon = userinfo.find(':');
    out.user = percent_decode(userinfo.substr(0, colon), false);
    if (colon != std::string_view::npos) out.password = percent_decode(userinfo.substr(colon + 1), false);
  }

  std::string_view port_text;
  if (hostport.starts_with('[')) {
    const auto close = hostport.find(']');
    if (close == std::string_view::npos) invalid("invalid IPv6 address");
    out.host = std::string(hostport.substr(1, close - 1));
    std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') invalid("invalid port number");
      port_text = after.substr(1);
    }
  } else {
    const auto colon = hostport.rfind(':');
    const std::string_view host = hostport.substr(0, colon);
    if (colon != std::string_view::npos) port_text = hostport.substr(colon + 1);
    if (!host.empty()) out.host = percent_decode(host, false);
  }
  if (!port_text.empty()) {
    unsigned port = 0;
    const auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) invalid("invalid port number");
    out.port = static_cast<std::uint16_t>(port);
  }
  if (hostport.empty() && query.find("socket=") == std::string_view::npos) invalid("empty host");

  // The database: the first path segment.
  if (path.starts_with('/')) path.remove_prefix(1);
  out.database = percent_decode(path.substr(0, path.find('/')), false);

  // key=value pairs, form-decoded like the url crate's query_pairs.
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string key = percent_decode(pair.substr(0, eq), true);
    const std::string value = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true);
    apply_parameter(out, key, value);
  }
  return out;
}

std::string percent_encode_path_segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '$') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string mysql_url_with_database(std::string_view url, std::string_view database) {
  parse_mysql_url(url);  // P1013 first
  const std::size_t authority_start = kScheme.size();
  std::size_t authority_end = url.find_first_of("/?#", authority_start);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  std::size_t path_end = url.find_first_of("?#", authority_end);
  if (path_end == std::string_view::npos) path_end = url.size();
  return std::string(url.substr(0, authority_end)) + "/" + percent_encode_path_segment(database) +
         std::string(url.substr(path_end));
}

}  // namespace prismapp::dialect::mysql
