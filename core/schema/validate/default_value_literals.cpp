// Base64 and RFC 3339 checks for string defaults, and the message wrapper
// (default_value.rs). The RFC 3339 parser follows chrono's parse_rfc3339 so that the same input
// fails with the same ParseError kind.
#include "core/schema/validate/default_value_literals.hpp"

namespace prismapp::schema::validate {
namespace {

// chrono's ParseErrorKind texts.
constexpr const char* kOutOfRange = "input is out of range";
constexpr const char* kInvalid = "input contains invalid characters";
constexpr const char* kTooShort = "premature end of input";
constexpr const char* kTooLong = "trailing input";

class Rfc3339 {
 public:
  explicit Rfc3339(std::string_view s) : s_(s) {}

  const char* parse() {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (auto e = number(4, year)) return e;
    if (auto e = expect('-')) return e;
    if (auto e = number(2, month)) return e;
    if (month < 1 || month > 12) return kOutOfRange;
    if (auto e = expect('-')) return e;
    if (auto e = number(2, day)) return e;
    if (day < 1 || day > 31) return kOutOfRange;
    if (s_.empty()) return kTooShort;
    if (s_[0] != 'T' && s_[0] != 't' && s_[0] != ' ') return kInvalid;
    s_.remove_prefix(1);
    if (auto e = number(2, hour)) return e;
    if (hour > 23) return kOutOfRange;
    if (auto e = expect(':')) return e;
    if (auto e = number(2, minute)) return e;
    if (minute > 59) return kOutOfRange;
    if (auto e = expect(':')) return e;
    if (auto e = number(2, second)) return e;
    if (second > 60) return kOutOfRange;
    if (!s_.empty() && s_[0] == '.') {
      s_.remove_prefix(1);
      if (s_.empty()) return kTooShort;
      if (!digit(s_[0])) return kInvalid;
      while (!s_.empty() && digit(s_[0])) s_.remove_prefix(1);
    }
    if (auto e = offset()) return e;
    if (!s_.empty()) return kTooLong;
    if (day > days_in_month(year, month)) return kOutOfRange;
    return nullptr;
  }

 private:
  std::string_view s_;

  static bool digit(char c) { return c >= '0' && c <= '9'; }
  static int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
  }
  const char* number(std::size_t n, int& out) {
    if (s_.size() < n) return kTooShort;
    out = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!digit(s_[k])) return kInvalid;
      out = out * 10 + (s_[k] - '0');
    }
    s_.remove_prefix(n);
    return nullptr;
  }
  const char* expect(char c) {
    if (s_.empty()) return kTooShort;
    if (s_[0] != c) return kInvalid;
    s_.remove_prefix(1);
    return nullptr;
  }
  const char* offset() {
    if (s_.empty()) return kTooShort;
    if (s_[0] == 'Z' || s_[0] == 'z') {
      s_.remove_prefix(1);
      return nullptr;
    }
    if (s_[0] != '+' && s_[0] != '-') return kInvalid;
    s_.remove_prefix(1);
    int hours = 0, minutes = 0;
    if (auto e = number(2, hours)) return e;
    if (auto e = expect(':')) return e;
    if (auto e = number(2, minutes)) return e;
    if (hours > 23 || minutes > 59) return kOutOfRange;
    return nullptr;
  }
};

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> rfc3339_parse_error(std::string_view text) {
  if (const char* e = Rfc3339(text).parse()) return std::string(e);
  return std::nullopt;
}

bool is_valid_base64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  const std::string_view data = text.substr(0, text.size() - padding);
  int last = 0;
  for (char c : data) {
    last = base64_value(c);
    if (last < 0) return false;
  }
  // The canonical encoding leaves the unused low bits of the last symbol zero.
  if (padding == 1) return (last & 0x3) == 0;
  if (padding == 2) return (last & 0xF) == 0;
  return true;
}

std::optional<std::string> literal_default_problem(connector::ScalarType type, std::string_view value) {
  const std::string quoted = "\"" + std::string(value) + "\"";
  switch (type) {
    case connector::ScalarType::Json:
      if (auto e = json_parse_error(value)) return "Parse error: " + quoted + " is not a valid JSON string. (" + *e + ")";
      return std::nullopt;
    case connector::ScalarType::Bytes:
      if (is_valid_base64(value)) return std::nullopt;
      return "Parse error: " + quoted +
             " is not a valid base64 string. (Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`)";
    case connector::ScalarType::DateTime:
      if (auto e = rfc3339_parse_error(value))
        return "Parse error: " + quoted + " is not a valid rfc3339 datetime string. (" + *e + ")";
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace prismapp::schema::validate
