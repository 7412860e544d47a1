#include "core/dialect/postgres/postgres_errors.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <vector>

#include "core/dialect/postgres/postgres_url.hpp"

namespace prismapp::dialect::postgres {
namespace {

std::optional<std::string> field(const PGresult* result, int code) {
  const char* v = PQresultErrorField(result, code);
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

std::optional<unsigned> number_field(const PGresult* result, int code) {
  const auto text = field(result, code);
  if (!text) return std::nullopt;
  unsigned out = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  if (ec != std::errc()) return std::nullopt;
  return out;
}

// Rust's `{:?}` of a str: quoted, with \" \\ \n \r \t \0 and \u{..} for other controls.
std::string rust_debug_str(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += "\\0"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "\\u{%x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string debug_opt(const std::optional<std::string>& v) { return v ? "Some(" + rust_debug_str(*v) + ")" : "None"; }

std::string parsed_severity(std::string_view v) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"PANIC", "Panic"}, {"FATAL", "Fatal"}, {"ERROR", "Error"}, {"WARNING", "Warning"},
      {"NOTICE", "Notice"}, {"DEBUG", "Debug"}, {"INFO", "Info"}, {"LOG", "Log"}};
  for (const auto& [raw, name] : kNames)
    if (v == raw) return "Some(" + std::string(name) + ")";
  return "None";
}

// The text between the first pair of double quotes after `after` in `text` ("user \"x\"" → x).
std::optional<std::string> quoted_after(std::string_view text, std::string_view after) {
  const auto at = text.find(after);
  if (at == std::string_view::npos) return std::nullopt;
  const auto open = text.find('"', at + after.size());
  if (open == std::string_view::npos) return std::nullopt;
  const auto close = text.find('"', open + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(text.substr(open + 1, close - open - 1));
}

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

}  // namespace

ServerErrorFields read_error_fields(const PGresult* result) {
  ServerErrorFields e;
  e.severity = field(result, PG_DIAG_SEVERITY).value_or("ERROR");
  e.severity_nonlocal = field(result, PG_DIAG_SEVERITY_NONLOCALIZED).value_or(e.severity);
  e.code = field(result, PG_DIAG_SQLSTATE).value_or("");
  e.message = field(result, PG_DIAG_MESSAGE_PRIMARY).value_or("");
  if (e.message.empty() && result != nullptr) e.message = PQresultErrorMessage(result);
  e.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
  e.hint = field(result, PG_DIAG_MESSAGE_HINT);
  e.position = number_field(result, PG_DIAG_STATEMENT_POSITION);
  e.internal_position = number_field(result, PG_DIAG_INTERNAL_POSITION);
  e.internal_query = field(result, PG_DIAG_INTERNAL_QUERY);
  e.where = field(result, PG_DIAG_CONTEXT);
  e.schema = field(result, PG_DIAG_SCHEMA_NAME);
  e.table = field(result, PG_DIAG_TABLE_NAME);
  e.column = field(result, PG_DIAG_COLUMN_NAME);
  e.datatype = field(result, PG_DIAG_DATATYPE_NAME);
  e.constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
  e.file = field(result, PG_DIAG_SOURCE_FILE);
  e.line = number_field(result, PG_DIAG_SOURCE_LINE);
  e.routine = field(result, PG_DIAG_SOURCE_FUNCTION);
  return e;
}

std::string display_db_error(const ServerErrorFields& e) {
  std::string out = e.severity + ": " + e.message;
  if (e.detail) out += "\nDETAIL: " + *e.detail;
  if (e.hint) out += "\nHINT: " + *e.hint;
  return out;
}

std::string debug_db_error(const ServerErrorFields& e) {
  std::string position = "None";
  if (e.position) {
    position = "Some(Original(" + std::to_string(*e.position) + "))";
  } else if (e.internal_position) {
    position = "Some(Internal { position: " + std::to_string(*e.internal_position) +
               ", query: " + rust_debug_str(e.internal_query.value_or("")) + " })";
  }
  std::string out = "DbError { severity: " + rust_debug_str(e.severity) +
                    ", parsed_severity: " + parsed_severity(e.severity_nonlocal) + ", code: SqlState(E" + e.code +
                    "), message: " + rust_debug_str(e.message) + ", detail: " + debug_opt(e.detail) +
                    ", hint: " + debug_opt(e.hint) + ", position: " + position + ", where_: " + debug_opt(e.where) +
                    ", schema: " + debug_opt(e.schema) + ", table: " + debug_opt(e.table) +
                    ", column: " + debug_opt(e.column) + ", datatype: " + debug_opt(e.datatype) +
                    ", constraint: " + debug_opt(e.constraint) + ", file: " + debug_opt(e.file) +
                    ", line: " + (e.line ? "Some(" + std::to_string(*e.line) + ")" : std::string("None")) +
                    ", routine: " + debug_opt(e.routine) + " }";
  return out;
}

std::string migration_error_text(const ServerErrorFields& e, std::string_view script) {
  std::string position_text;
  if (e.position) {
    // Prisma walks the script's lines (Rust's str::lines: split on '\n', a trailing '\r'
    // dropped), counting line length + 1 as it goes, until it passes the error position, then
    // shows up to five lines before it (bold numbers) and the line itself (bold red).
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < script.size()) {
      auto nl = script.find('\n', start);
      std::string_view line = script.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      if (line.ends_with('\r')) line.remove_suffix(1);
      lines.push_back(line);
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    std::string_view previous[5] = {"", "", "", "", ""};
    std::size_t byte_index = 0;
    for (std::size_t idx = 0; idx < lines.size(); ++idx) {
      const std::size_t line_number = idx + 1;
      const std::string_view line = lines[idx];
      byte_index += line.size() + 1;
      if (*e.position <= byte_index) {
        std::string numbered;
        bool first = true;
        for (std::size_t p = 0; p < 5; ++p) {
          if (line_number < 5 - p) continue;  // checked_sub underflow: no such line
          const std::size_t shown = line_number - (5 - p);
          char num[32];
          std::snprintf(num, sizeof num, "%3zu", shown);
          if (!first) numbered += "\n";
          first = false;
          numbered += "\x1b[1m" + std::string(num) + "\x1b[0m" + (previous[p].empty() ? "" : " ") + std::string(previous[p]);
        }
        char num[32];
        std::snprintf(num, sizeof num, "%3zu", line_number);
        position_text = "\n\nPosition:\n" + numbered + "\n\x1b[1m" + num + "\x1b[1;31m " + std::string(line) + "\x1b[0m";
        break;
      }
      for (int p = 0; p < 4; ++p) previous[p] = previous[p + 1];
      previous[4] = line;
    }
  }
  return display_db_error(e) + position_text + "\n\n" + debug_db_error(e);
}

std::string database_not_reachable_message(const PostgresUrl& url) {
  const std::string at = "`" + url.host + "`:`" + std::to_string(url.port) + "`";
  return "Can't reach database server at " + at + "\n\nPlease make sure your database server is running at " + at + ".";
}

std::string database_does_not_exist_message(const PostgresUrl& url) {
  return "Database `" + url.database + "` does not exist on the database server at `" + url.host_port() + "`.";
}

DatabaseError connection_error(const PostgresUrl& url, std::string_view text) {
  // libpq prefixes "connection to server at \"h\" (addr), port p failed: " and the server's
  // "FATAL:  " to what the server said; the SQLSTATE is not kept for connection failures, so the
  // server's (English) message text is what tells the cases apart.
  if (contains(text, "password authentication failed for user") || contains(text, "no password supplied") ||
      contains(text, "fe_sendauth: no password")) {
    const std::string user = quoted_after(text, "for user").value_or(url.user);
    return DatabaseError("P1000",
                         "Authentication failed against database server at `" + url.host +
                             "`, the provided database credentials for `" + user +
                             "` are not valid.\n\nPlease make sure to provide valid database credentials for the "
                             "database server at `" + url.host + "`.",
                         "28P01", "");
  }
  if (contains(text, "does not exist") && contains(text, "database \"")) {
    return DatabaseError("P1003", database_does_not_exist_message(url), "3D000", "");
  }
  // 28000 (role may not log in, no pg_hba.conf entry, role missing under trust auth) and
  // 42501 (no CONNECT privilege): Prisma's DatabaseAccessDenied, naming "<database>.<schema>".
  if (contains(text, "permission denied for database") || contains(text, "is not permitted to log in") ||
      contains(text, "no pg_hba.conf entry") || (contains(text, "role \"") && contains(text, "does not exist"))) {
    return DatabaseError("P1010", "User `" + url.user + "` was denied access on the database `" + url.database + "." +
                                      url.schema + "`",
                         contains(text, "permission denied") ? "42501" : "28000", "");
  }
  if (contains(text, "timeout expired")) {
    return DatabaseError("P1001", database_not_reachable_message(url));
  }
  if (contains(text, "too many connections") || contains(text, "remaining connection slots")) {
    std::string msg(text);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return DatabaseError("", "Too many database connections opened: " + msg, "53300", msg);
  }
  if (contains(text, "SSL") || contains(text, "certificate")) {
    std::string msg(text);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return DatabaseError("P1011", "Error opening a TLS connection: " + msg);
  }
  // Refused, host unknown, network unreachable, socket missing: Prisma's DatabaseNotReachable.
  return DatabaseError("P1001", database_not_reachable_message(url));
}

}  // namespace prismapp::dialect::postgres
