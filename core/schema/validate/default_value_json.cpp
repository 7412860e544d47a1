// A JSON validator that fails exactly where serde_json's from_str::<Value> fails and with its
// message and position, because Prisma prints those inside its default-value error.
// serde_json reports either at the consumed position (`error`) or one past it (`peek_error`);
// columns count bytes since the last newline.
#include <algorithm>
#include <cstddef>

#include "core/schema/validate/default_value_literals.hpp"

namespace prismapp::schema::validate {
namespace {

struct JsonError {
  const char* message;
  std::size_t index;  // byte index whose line/column serde_json prints
};

class JsonChecker {
 public:
  explicit JsonChecker(std::string_view text) : s_(text) {}

  std::optional<JsonError> run() {
    if (auto e = value()) return e;
    skip_whitespace();
    if (i_ < s_.size()) return peek_error("trailing characters");
    return std::nullopt;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;

  JsonError error(const char* m) const { return {m, i_}; }
  JsonError peek_error(const char* m) const { return {m, std::min(i_ + 1, s_.size())}; }
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return s_[i_]; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\n' || peek() == '\t' || peek() == '\r')) ++i_;
  }

  std::optional<JsonError> value() {
    skip_whitespace();
    if (at_end()) return peek_error("EOF while parsing a value");
    switch (peek()) {
      case 'n': ++i_; return ident("ull");
      case 't': ++i_; return ident("rue");
      case 'f': ++i_; return ident("alse");
      case '-': ++i_; return number();
      case '"': ++i_; return string();
      case '[': ++i_; return array();
      case '{': ++i_; return object();
      default:
        if (is_digit(peek())) return number();
        return peek_error("expected value");
    }
  }

  std::optional<JsonError> ident(std::string_view rest) {
    for (char expected : rest) {
      if (at_end()) return error("EOF while parsing a value");
      if (s_[i_++] != expected) return error("expected ident");
    }
    return std::nullopt;
  }

  std::optional<JsonError> number() {
    if (at_end()) return error("EOF while parsing a value");
    const char first = s_[i_++];
    if (first == '0') {
      if (!at_end() && is_digit(peek())) return peek_error("invalid number");
    } else if (is_digit(first)) {
      while (!at_end() && is_digit(peek())) ++i_;
    } else {
      return error("invalid number");
    }
    if (!at_end() && peek() == '.') {
      ++i_;
      if (at_end()) return error("EOF while parsing a value");
      if (!is_digit(peek())) return peek_error("invalid number");
      while (!at_end() && is_digit(peek())) ++i_;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++i_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++i_;
      if (at_end()) return error("EOF while parsing a value");
      if (!is_digit(s_[i_++])) return error("invalid number");
      while (!at_end() && is_digit(peek())) ++i_;
    }
    return std::nullopt;
  }

  static bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

  // After the opening quote.
  std::optional<JsonError> string() {
    while (true) {
      if (at_end()) return error("EOF while parsing a string");
      const char c = s_[i_++];
      if (c == '"') return std::nullopt;
      if (static_cast<unsigned char>(c) < 0x20)
        return error("control character (\\u0000-\\u001F) found while parsing a string");
      if (c != '\\') continue;
      if (at_end()) return error("EOF while parsing a string");
      const char esc = s_[i_++];
      if (esc == 'u') {
        if (i_ + 4 > s_.size()) {
          i_ = s_.size();
          return error("EOF while parsing a string");
        }
        for (int k = 0; k < 4; ++k)
          if (!is_hex(s_[i_++])) return error("invalid escape");
        continue;
      }
      if (std::string_view("\"\\/bfnrt").find(esc) == std::string_view::npos) return error("invalid escape");
    }
  }

  // After `[`: serde_json's SeqAccess::has_next_element, then end_seq.
  std::optional<JsonError> array() {
    bool first = true;
    while (true) {
      skip_whitespace();
      if (at_end()) return peek_error("EOF while parsing a list");
      if (peek() == ']') {
        ++i_;
        return std::nullopt;
      }
      if (!first) {
        if (peek() != ',') return peek_error("expected `,` or `]`");
        ++i_;
        skip_whitespace();
        if (at_end()) return peek_error("EOF while parsing a value");
        if (peek() == ']') return peek_error("trailing comma");
      }
      first = false;
      if (auto e = value()) return e;
    }
  }

  // After `{`: serde_json's MapAccess::has_next_key / parse_object_colon.
  std::optional<JsonError> object() {
    bool first = true;
    while (true) {
      skip_whitespace();
      if (at_end()) return peek_error("EOF while parsing an object");
      if (peek() == '}') {
        ++i_;
        return std::nullopt;
      }
      if (!first) {
        if (peek() != ',') return peek_error("expected `,` or `}`");
        ++i_;
        skip_whitespace();
        if (at_end()) return peek_error("EOF while parsing a value");
        if (peek() == '}') return peek_error("trailing comma");
      }
      first = false;
      if (peek() != '"') return peek_error("key must be a string");
      ++i_;
      if (auto e = string()) return e;
      skip_whitespace();
      if (at_end()) return peek_error("EOF while parsing an object");
      if (peek() != ':') return peek_error("expected `:`");
      ++i_;
      if (auto e = value()) return e;
    }
  }
};

}  // namespace

std::optional<std::string> json_parse_error(std::string_view text) {
  auto e = JsonChecker(text).run();
  if (!e) return std::nullopt;
  const std::string_view before = text.substr(0, e->index);
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  std::size_t line = 1;
  for (std::size_t k = 0; k < line_start; ++k)
    if (text[k] == '\n') ++line;
  return std::string(e->message) + " at line " + std::to_string(line) + " column " +
         std::to_string(e->index - line_start);
}

}  // namespace prismapp::schema::validate
