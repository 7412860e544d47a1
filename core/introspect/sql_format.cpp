// The `sqlformat` crate's formatter (default options, uppercase keywords), as Prisma applies it
// to view definitions: tokenizer.rs, formatter.rs, indentation.rs and inline_block.rs.
#include "core/introspect/sql_format.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

namespace prismapp::introspect {
namespace {

enum class Kind {
  Whitespace, String, Reserved, ReservedTopLevel, ReservedTopLevelNoIndent, ReservedNewline, Operator,
  OpenParen, CloseParen, LineComment, BlockComment, Number, Placeholder, Word, DoubleColon
};

struct Token {
  Kind kind;
  std::string value;
};

// Letters, digits, `_` and (as an approximation of Unicode letters and marks) every byte of a
// multi-byte UTF-8 character.
bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The first `count` whitespace-separated words of `input`, upper-cased, joined by one space.
std::string upper_words(std::string_view input, int count) {
  std::string out;
  std::size_t i = 0;
  for (int w = 0; w < count; ++w) {
    while (i < input.size() && is_space(input[i])) ++i;
    if (i >= input.size()) break;
    const std::size_t start = i;
    while (i < input.size() && !is_space(input[i])) ++i;
    if (!out.empty()) out += ' ';
    out += upper(input.substr(start, i - start));
  }
  return out;
}

// `keyword` followed by the end of the text or a non-word character.
bool starts_with_word(std::string_view text, std::string_view keyword) {
  return text.starts_with(keyword) && (text.size() == keyword.size() || !is_word_char(text[keyword.size()]));
}

constexpr std::array<std::string_view, 24> kTopLevel = {
    "ADD",      "AFTER",  "ALTER COLUMN", "ALTER TABLE", "DELETE FROM",        "EXCEPT",     "FETCH FIRST", "FROM",
    "GROUP BY", "GO",     "HAVING",       "INSERT INTO", "INSERT",             "LIMIT",      "MODIFY",      "ORDER BY",
    "RETURNING", "SELECT", "SET CURRENT SCHEMA", "SET SCHEMA", "SET",          "UPDATE",     "VALUES",      "WHERE"};

constexpr std::array<std::string_view, 32> kNewline = {
    "JOIN",           "INNER JOIN",       "LEFT JOIN",        "RIGHT JOIN",       "FULL JOIN",       "CROSS JOIN",
    "LEFT OUTER JOIN", "RIGHT OUTER JOIN", "FULL OUTER JOIN", "INNER ANY JOIN",   "LEFT ANY JOIN",   "RIGHT ANY JOIN",
    "ANY JOIN",       "SEMI JOIN",        "LEFT SEMI JOIN",   "RIGHT SEMI JOIN",  "LEFT ANTI JOIN",  "RIGHT ANTI JOIN",
    "ASOF JOIN",      "LEFT ASOF JOIN",   "PASTE JOIN",       "GLOBAL INNER JOIN", "GLOBAL LEFT JOIN", "GLOBAL RIGHT JOIN",
    "GLOBAL FULL JOIN", "CROSS APPLY",    "OUTER APPLY",      "AND",              "OR",              "XOR",
    "WHEN",           "ELSE"};

constexpr std::array<std::string_view, 8> kTopLevelNoIndent = {"BEGIN", "DECLARE", "INTERSECT", "INTERSECT ALL",
                                                               "MINUS", "UNION",   "UNION ALL", "$$"};

constexpr std::array<std::string_view, 3> kReservedTwoWords = {"CHARACTER SET", "ON DELETE", "ON UPDATE"};

const std::set<std::string, std::less<>>& reserved_words() {
  static const std::set<std::string, std::less<>> words = {
      "ACCESSIBLE", "ACTION", "AGAINST", "AGGREGATE", "ALGORITHM", "ALL", "ALTER", "ANALYSE", "ANALYZE", "AS", "ASC",
      "AUTOCOMMIT", "AUTO_INCREMENT", "BACKUP", "BETWEEN", "BINLOG", "BOTH", "CASCADE", "CASE", "CHANGE", "CHANGED",
      "CHARSET", "CHECK", "CHECKSUM", "COLLATE", "COLLATION", "COLUMN", "COLUMNS", "COMMENT", "COMMIT", "COMMITTED",
      "COMPRESSED", "CONCURRENT", "CONSTRAINT", "CONTAINS", "CONVERT", "CREATE", "CROSS", "CURRENT_TIMESTAMP",
      "DATABASE", "DATABASES", "DAY", "DAY_HOUR", "DAY_MINUTE", "DAY_SECOND", "DEFAULT", "DEFINER", "DELAYED",
      "DELETE", "DESC", "DESCRIBE", "DETERMINISTIC", "DISTINCT", "DISTINCTROW", "DIV", "DO", "DROP", "DUMPFILE",
      "DUPLICATE", "DYNAMIC", "ELSE", "ENCLOSED", "END", "ENGINE", "ENGINES", "ENGINE_TYPE", "ESCAPE", "ESCAPED",
      "EVENTS", "EXEC", "EXECUTE", "EXISTS", "EXPLAIN", "EXTENDED", "FAST", "FETCH", "FIELDS", "FILE", "FIRST",
      "FIXED", "FLUSH", "FOR", "FORCE", "FOREIGN", "FULL", "FULLTEXT", "FUNCTION", "GLOBAL", "GRANT", "GRANTS",
      "GROUP_CONCAT", "HEAP", "HIGH_PRIORITY", "HOSTS", "HOUR", "HOUR_MINUTE", "HOUR_SECOND", "IDENTIFIED", "IF",
      "IFNULL", "IGNORE", "IN", "INDEX", "INDEXES", "INFILE", "INSERT", "INSERT_ID", "INSERT_METHOD", "INTERVAL",
      "INTO", "INVOKER", "IS", "ISOLATION", "KEY", "KEYS", "KILL", "LAST_INSERT_ID", "LEADING", "LEVEL", "LIKE",
      "LINEAR", "LINES", "LOAD", "LOCAL", "LOCK", "LOCKS", "LOGS", "LOW_PRIORITY", "MARIA", "MASTER",
      "MASTER_CONNECT_RETRY", "MASTER_HOST", "MASTER_LOG_FILE", "MATCH", "MAX_CONNECTIONS_PER_HOUR",
      "MAX_QUERIES_PER_HOUR", "MAX_ROWS", "MAX_UPDATES_PER_HOUR", "MAX_USER_CONNECTIONS", "MEDIUM", "MERGE",
      "MINUTE", "MINUTE_SECOND", "MIN_ROWS", "MODE", "MODIFY", "MONTH", "MRG_MYISAM", "MYISAM", "NAMES", "NATURAL",
      "NOT", "NULL", "OFFSET", "ON", "ONLY", "OPEN", "OPTIMIZE", "OPTION", "OPTIONALLY", "OUTFILE", "PACK_KEYS",
      "PAGE", "PARTIAL", "PARTITION", "PARTITIONS", "PASSWORD", "PRIMARY", "PRIVILEGES", "PROCEDURE", "PROCESS",
      "PROCESSLIST", "PURGE", "QUICK", "RAID0", "RAID_CHUNKS", "RAID_CHUNKSIZE", "RAID_TYPE", "RANGE", "READ",
      "READ_ONLY", "READ_WRITE", "REFERENCES", "REGEXP", "RELOAD", "RENAME", "REPAIR", "REPEATABLE", "REPLACE",
      "REPLICATION", "RESET", "RESTORE", "RESTRICT", "RETURN", "RETURNS", "REVOKE", "RLIKE", "ROLLBACK", "ROW",
      "ROWS", "ROW_FORMAT", "SECOND", "SECURITY", "SEPARATOR", "SERIALIZABLE", "SESSION", "SHARE", "SHOW",
      "SHUTDOWN", "SLAVE", "SONAME", "SOUNDS", "SQL", "SQL_AUTO_IS_NULL", "SQL_BIG_RESULT", "SQL_BIG_SELECTS",
      "SQL_BIG_TABLES", "SQL_BUFFER_RESULT", "SQL_CACHE", "SQL_CALC_FOUND_ROWS", "SQL_LOG_BIN", "SQL_LOG_OFF",
      "SQL_LOG_UPDATE", "SQL_LOW_PRIORITY_UPDATES", "SQL_MAX_JOIN_SIZE", "SQL_NO_CACHE", "SQL_QUOTE_SHOW_CREATE",
      "SQL_SAFE_UPDATES", "SQL_SELECT_LIMIT", "SQL_SLAVE_SKIP_COUNTER", "SQL_SMALL_RESULT", "SQL_WARNINGS", "START",
      "STARTING", "STATUS", "STOP", "STORAGE", "STRAIGHT_JOIN", "STRING", "STRIPED", "SUPER", "TABLE", "TABLES",
      "TEMPORARY", "TERMINATED", "THEN", "TO", "TRAILING", "TRANSACTIONAL", "TRUE", "TRUNCATE", "TYPE", "TYPES",
      "UNCOMMITTED", "UNIQUE", "UNLOCK", "UNSIGNED", "USAGE", "USE", "USING", "VARIABLES", "VIEW", "WHEN", "WITH",
      "WORK", "WRITE", "YEAR_MONTH"};
  return words;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view sql) : in_(sql) {}

  std::vector<Token> run() {
    std::optional<std::string> last_reserved, last_top_level;
    while (i_ < in_.size()) {
      Token t = next(last_reserved, last_top_level);
      if (t.kind == Kind::Reserved) last_reserved = t.value;
      else if (t.kind == Kind::ReservedTopLevel) last_top_level = t.value;
      tokens_.push_back(std::move(t));
    }
    return std::move(tokens_);
  }

 private:
  std::string_view in_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;

  std::string_view rest() const { return in_.substr(i_); }
  Token take(Kind kind, std::size_t length) {
    length = std::min(length, in_.size() - i_);
    Token t{kind, std::string(in_.substr(i_, length))};
    i_ += length;
    return t;
  }

  // Length of a quoted string starting at `start` (the opening quote), `escapes` doubling or
  // backslash-escaping the closing quote; the rest of the text when it is not closed.
  std::size_t quoted_length(std::size_t start, char close, std::string_view escapes) const {
    std::size_t j = start + 1;
    while (j < in_.size()) {
      const char c = in_[j];
      if (escapes.find(c) != std::string_view::npos && j + 1 < in_.size() && in_[j + 1] == close) {
        j += 2;
        continue;
      }
      if (c == close) return j + 1 - i_;
      ++j;
    }
    return in_.size() - i_;
  }

  std::optional<Token> string_token() {
    const std::string_view r = rest();
    switch (r.front()) {
      case '`': return take(Kind::String, quoted_length(i_, '`', "`"));
      case '[': return take(Kind::String, quoted_length(i_, ']', "]"));
      case '"': return take(Kind::String, quoted_length(i_, '"', "\"\\"));
      case '\'': return take(Kind::String, quoted_length(i_, '\'', "'\\"));
      case 'N':
      case 'E':
        if (r.size() > 1 && r[1] == '\'') return take(Kind::String, quoted_length(i_ + 1, '\'', "'\\"));
        return std::nullopt;
      default: return std::nullopt;
    }
  }

  std::optional<Token> number_token() {
    const std::string_view r = rest();
    std::size_t j = r.starts_with('-') ? 1 : 0;
    const std::size_t digits_start = j;
    while (j < r.size() && std::isdigit(static_cast<unsigned char>(r[j]))) ++j;
    if (j == digits_start) return std::nullopt;
    if (j < r.size() && r[j] == '.') {
      ++j;
      while (j < r.size() && std::isdigit(static_cast<unsigned char>(r[j]))) ++j;
    }
    if (j < r.size() && r[j] == 'e') {
      std::size_t k = j + 1;
      if (k < r.size() && (r[k] == '-' || r[k] == '+')) ++k;
      const std::size_t exp_start = k;
      while (k < r.size() && std::isdigit(static_cast<unsigned char>(r[k]))) ++k;
      if (k > exp_start) j = k;
    }
    return take(Kind::Number, j);
  }

  // The length in the input of a keyword matched on its upper-cased words: up to the first
  // occurrence of its last word (the crate's rule).
  std::size_t keyword_extent(std::string_view keyword) const {
    const auto space = keyword.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? keyword : keyword.substr(space + 1);
    const std::string r = upper(rest());
    const auto at = r.find(last);
    return (at == std::string::npos ? 0 : at) + last.size();
  }

  template <std::size_t N>
  std::optional<std::string_view> match(const std::array<std::string_view, N>& list, int words) const {
    const std::string uc = upper_words(rest(), words);
    for (std::string_view k : list)
      if (starts_with_word(uc, k)) return k;
    return std::nullopt;
  }

  std::optional<Token> reserved_token(const std::optional<std::string>& last_reserved,
                                      const std::optional<std::string>& last_top_level) {
    if (!tokens_.empty() && tokens_.back().value == ".") return std::nullopt;
    if (auto k = match(kTopLevel, 3)) {
      Token t = take(Kind::ReservedTopLevel, keyword_extent(*k));
      if (t.value == "EXCEPT" && last_top_level == "SELECT") t.kind = Kind::Word;
      return t;
    }
    if (auto k = match(kNewline, 3)) {
      Token t = take(Kind::ReservedNewline, keyword_extent(*k));
      // AND of `BETWEEN a AND b` stays on the line.
      if (t.value == "AND" && last_reserved == "BETWEEN") t.kind = Kind::Reserved;
      return t;
    }
    if (auto k = match(kTopLevelNoIndent, 2)) return take(Kind::ReservedTopLevelNoIndent, keyword_extent(*k));
    if (auto k = match(kReservedTwoWords, 2)) return take(Kind::Reserved, keyword_extent(*k));
    const std::string uc = upper_words(rest(), 1);
    if (starts_with_word(uc, "NOW()")) return take(Kind::Reserved, 5);
    std::size_t w = 0;
    while (w < uc.size() && is_word_char(uc[w])) ++w;
    if (w > 0 && reserved_words().count(std::string_view(uc).substr(0, w))) return take(Kind::Reserved, w);
    return std::nullopt;
  }

  std::optional<Token> placeholder_token() {
    const std::string_view r = rest();
    const char c = r.front();
    if (c == '?' || c == '$') {
      std::size_t j = 1;
      while (j < r.size() && std::isdigit(static_cast<unsigned char>(r[j]))) ++j;
      if (j > 1) return take(Kind::Placeholder, j);
      if (c == '?') return take(Kind::Placeholder, 1);
    }
    if (c == '@' || c == ':' || c == '$') {
      std::size_t j = 1;
      while (j < r.size() && (is_word_char(r[j]) || r[j] == '.' || r[j] == '$')) ++j;
      if (j > 1) return take(Kind::Placeholder, j);
      if (c != '$' && r.size() > 1 && (r[1] == '`' || r[1] == '[' || r[1] == '"' || r[1] == '\'')) {
        const char open = r[1];
        const char close = open == '[' ? ']' : open;
        return take(Kind::Placeholder, 1 + quoted_length(i_ + 1, close, "\\"));
      }
    }
    return std::nullopt;
  }

  Token next(const std::optional<std::string>& last_reserved, const std::optional<std::string>& last_top_level) {
    const std::string_view r = rest();
    const char c = r.front();
    if (is_space(c)) {
      std::size_t j = 0;
      while (j < r.size() && is_space(r[j])) ++j;
      return take(Kind::Whitespace, j);
    }
    if (c == '#' || r.starts_with("--")) return take(Kind::LineComment, std::min(r.find('\n'), r.size()));
    if (r.starts_with("/*")) {
      const auto end = r.find("*/", 2);
      return take(Kind::BlockComment, end == std::string_view::npos ? r.size() : end + 2);
    }
    if (auto s = string_token()) return *s;
    if (c == '(') return take(Kind::OpenParen, 1);
    if (starts_with_word(upper(r.substr(0, std::min<std::size_t>(r.size(), 5))), "CASE")) return take(Kind::OpenParen, 4);
    if (c == ')') return take(Kind::CloseParen, 1);
    if (starts_with_word(upper(r.substr(0, std::min<std::size_t>(r.size(), 4))), "END")) return take(Kind::CloseParen, 3);
    if (auto n = number_token()) return *n;
    if (auto w = reserved_token(last_reserved, last_top_level)) return *w;
    if (r.starts_with("::")) return take(Kind::DoubleColon, 2);
    {
      static constexpr std::string_view kOperatorChars = "!<>=|:-~*&@^?#/";
      std::size_t j = 0;
      while (j < r.size() && j < 5 && kOperatorChars.find(r[j]) != std::string_view::npos) ++j;
      if (j >= 2) return take(Kind::Operator, j);
    }
    if (auto p = placeholder_token()) return *p;
    if (is_word_char(c)) {
      std::size_t j = 0;
      while (j < r.size() && is_word_char(r[j])) ++j;
      return take(Kind::Word, j);
    }
    // Any other character (a lone \r or \n is whitespace above).
    std::size_t len = 1;
    if (static_cast<unsigned char>(c) >= 0x80)
      while (len < r.size() && (static_cast<unsigned char>(r[len]) & 0xC0) == 0x80) ++len;
    return take(Kind::Operator, len);
  }
};

enum class Indent { TopLevel, BlockLevel };

class Formatter {
 public:
  explicit Formatter(const std::vector<Token>& tokens) : tokens_(tokens) {}

  std::string run() {
    for (index_ = 0; index_ < tokens_.size(); ++index_) {
      const Token& t = tokens_[index_];
      switch (t.kind) {
        case Kind::Whitespace: break;
        case Kind::LineComment: line_comment(t); break;
        case Kind::BlockComment:
          new_line();
          out_ += indent_comment(t.value);
          new_line();
          break;
        case Kind::ReservedTopLevel:
          decrease_top_level();
          new_line();
          indents_.push_back(Indent::TopLevel);
          out_ += equalize_whitespace(upper(t.value));
          new_line();
          previous_reserved_ = &t;
          break;
        case Kind::ReservedTopLevelNoIndent:
          decrease_top_level();
          new_line();
          out_ += equalize_whitespace(upper(t.value));
          new_line();
          previous_reserved_ = &t;
          break;
        case Kind::ReservedNewline:
          new_line();
          out_ += equalize_whitespace(upper(t.value)) + " ";
          previous_reserved_ = &t;
          break;
        case Kind::Reserved:
          out_ += equalize_whitespace(upper(t.value)) + " ";
          previous_reserved_ = &t;
          break;
        case Kind::OpenParen: open_paren(t); break;
        case Kind::CloseParen: close_paren(t); break;
        case Kind::DoubleColon:
          trim_spaces_end();
          out_ += t.value;
          break;
        default:
          if (t.kind != Kind::Placeholder && t.value == ",") comma(t);
          else if (t.kind != Kind::Placeholder && t.value == ":") with_space_after(t.value);
          else if (t.kind != Kind::Placeholder && t.value == ".") {
            trim_spaces_end();
            out_ += t.value;
          } else if (t.kind != Kind::Placeholder && t.value == ";") {
            indents_.clear();
            trim_spaces_end();
            out_ += ";\n";  // lines_between_queries = 1
          } else {
            out_ += t.value + " ";
          }
          break;
      }
    }
    return trim(out_);
  }

 private:
  const std::vector<Token>& tokens_;
  std::size_t index_ = 0;
  const Token* previous_reserved_ = nullptr;
  std::vector<Indent> indents_;
  int inline_level_ = 0;
  std::string out_;

  static std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
  }
  static std::string equalize_whitespace(const std::string& s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) ++i;
      const std::size_t start = i;
      while (i < s.size() && !is_space(s[i])) ++i;
      if (i > start) out += (out.empty() ? "" : " ") + s.substr(start, i - start);
    }
    return out;
  }
  const Token* token_at(std::ptrdiff_t offset) const {
    const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(index_) + offset;
    if (at < 0 || at >= static_cast<std::ptrdiff_t>(tokens_.size())) return nullptr;
    return &tokens_[static_cast<std::size_t>(at)];
  }
  std::string indent() const { return std::string(indents_.size() * 2, ' '); }
  void trim_spaces_end() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
  }
  void new_line() {
    trim_spaces_end();
    if (out_.empty() || out_.back() != '\n') out_ += '\n';
    out_ += indent();
  }
  void decrease_top_level() {
    if (!indents_.empty() && indents_.back() == Indent::TopLevel) indents_.pop_back();
  }
  void decrease_block_level() {
    while (!indents_.empty()) {
      const Indent kind = indents_.back();
      indents_.pop_back();
      if (kind != Indent::TopLevel) break;
    }
  }
  void with_space_after(const std::string& value) {
    trim_spaces_end();
    out_ += value + " ";
  }

  void line_comment(const Token& t) {
    const Token* next1 = token_at(1);
    const Token* next2 = token_at(2);
    const bool whitespace_then_special =
        next1 && next1->kind == Kind::Whitespace && next2 && next2->kind != Kind::Operator;
    const Token* prev1 = token_at(-1);
    const Token* prev2 = token_at(-2);
    if (prev1 && prev1->value.find('\n') != std::string::npos && whitespace_then_special) {
      new_line();
    } else if (prev2 && prev2->value == ",") {
      while (!out_.empty() && is_space(out_.back())) out_.pop_back();
      out_ += "  ";
    }
    out_ += t.value;
    new_line();
  }

  std::string indent_comment(const std::string& comment) const {
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const auto nl = comment.find('\n', start);
      const std::string line = comment.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (first) {
        out += line;
      } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        out += "\n" + indent() + " " + line.substr(line.find_first_not_of(" \t") == std::string::npos
                                                         ? line.size()
                                                         : line.find_first_not_of(" \t"));
      } else {
        out += "\n" + line;
      }
      first = false;
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return out;
  }

  // Up to 50 characters to the matching parenthesis, with no top-level or newline keyword,
  // comment, `;` or CASE/END inside: the block stays on one line.
  bool is_inline_block() const {
    std::size_t length = 0;
    int level = 0;
    for (std::size_t k = index_; k < tokens_.size(); ++k) {
      const Token& t = tokens_[k];
      length += t.value.size();
      if (length > 50) return false;
      if (t.kind == Kind::OpenParen) {
        ++level;
      } else if (t.kind == Kind::CloseParen) {
        if (--level == 0) return true;
      }
      const std::string lower = upper(t.value);
      if (t.kind == Kind::ReservedTopLevel || t.kind == Kind::ReservedNewline || t.kind == Kind::LineComment ||
          t.kind == Kind::BlockComment || t.value == ";" || lower == "CASE" || lower == "END")
        return false;
    }
    return false;
  }

  void open_paren(const Token& t) {
    const Token* prev = token_at(-1);
    if (!prev || (prev->kind != Kind::Whitespace && prev->kind != Kind::OpenParen && prev->kind != Kind::LineComment))
      trim_spaces_end();
    out_ += upper(t.value);
    if (inline_level_ == 0 && is_inline_block()) inline_level_ = 1;
    else if (inline_level_ > 0) ++inline_level_;
    if (inline_level_ == 0) {
      indents_.push_back(Indent::BlockLevel);
      new_line();
    }
  }

  void close_paren(const Token& t) {
    const std::string value = upper(t.value);
    if (inline_level_ > 0) {
      --inline_level_;
      with_space_after(value);
    } else {
      decrease_block_level();
      new_line();
      out_ += value + " ";
    }
  }

  void comma(const Token& t) {
    trim_spaces_end();
    out_ += t.value + " ";
    if (inline_level_ > 0) return;
    if (previous_reserved_ && upper(previous_reserved_->value) == "LIMIT") return;
    new_line();
  }
};

}  // namespace

std::string format_sql(std::string_view sql) {
  const std::vector<Token> tokens = Tokenizer(sql).run();
  return Formatter(tokens).run();
}

}  // namespace prismapp::introspect
