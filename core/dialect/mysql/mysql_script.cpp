#include "core/dialect/mysql/mysql_script.hpp"

#include <cctype>

namespace prismapp::dialect::mysql {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Where the quoted text, identifier or comment starting at `pos` ends (one past it), or `pos`
// itself when nothing of the kind starts there.
std::size_t skip_opaque(std::string_view sql, std::size_t pos) {
  const char c = sql[pos];
  if (c == '\'' || c == '"') {
    std::size_t i = pos + 1;
    while (i < sql.size()) {
      if (sql[i] == '\\') {
        i += 2;  // MySQL's default: backslash escapes the next character
      } else if (sql[i] == c) {
        return i + 1;  // a doubled quote is just two quoted pieces in a row
      } else {
        ++i;
      }
    }
    return sql.size();
  }
  if (c == '`') {
    const auto end = sql.find('`', pos + 1);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (c == '#') {
    const auto end = sql.find('\n', pos);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  // `--` starts a comment only when followed by whitespace, a control character or the end.
  if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-' &&
      (pos + 2 == sql.size() || is_space(sql[pos + 2]) || static_cast<unsigned char>(sql[pos + 2]) < 32)) {
    const auto end = sql.find('\n', pos);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
    // `/*! ... */` and `/*M! ... */` are executable comments: their text is SQL, but they hold
    // no statement separators in practice, so treating them as opaque is safe.
    const auto end = sql.find("*/", pos + 2);
    return end == std::string_view::npos ? sql.size() : end + 2;
  }
  return pos;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

std::string upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Whether a comment starts at `pos` (`#`, `-- `, `/* */`; not the executable `/*! */` and
// `/*M! */` comments, whose text the server runs).
bool is_comment_at(std::string_view sql, std::size_t pos) {
  if (skip_opaque(sql, pos) == pos) return false;
  const char c = sql[pos];
  if (c == '#' || c == '-') return true;
  if (c != '/') return false;  // quotes and backticks
  const std::string_view rest = sql.substr(pos + 2);
  return !(rest.starts_with("!") || rest.starts_with("M!"));
}

// Whether the text between `from` and `to` holds anything but whitespace and comments.
bool has_content(std::string_view sql, std::size_t from, std::size_t to) {
  std::size_t i = from;
  while (i < to) {
    if (is_space(sql[i])) {
      ++i;
    } else if (is_comment_at(sql, i)) {
      i = skip_opaque(sql, i);
    } else {
      return true;
    }
  }
  return false;
}

std::string_view trimmed(std::string_view sql, std::size_t from, std::size_t to) {
  while (from < to && is_space(sql[from])) ++from;
  while (to > from && is_space(sql[to - 1])) --to;
  return sql.substr(from, to - from);
}

// Compound-statement tracking for stored programs (CREATE ... PROCEDURE/FUNCTION/TRIGGER/EVENT):
// BEGIN and CASE open a block, END closes one; END IF/LOOP/WHILE/REPEAT/FOR close constructs
// that opened nothing here, END CASE closes the CASE. `;` inside a block does not end the statement.
class BlockTracker {
 public:
  void word(std::string_view w) {
    const std::string u = upper(w);
    ++words_;
    if (words_ == 1) {
      creating_ = u == "CREATE";
      return;
    }
    if (creating_ && !program_) {
      program_ = u == "PROCEDURE" || u == "FUNCTION" || u == "TRIGGER" || u == "EVENT";
      // CREATE [OR REPLACE] [DEFINER = user] [IF NOT EXISTS] ... comes first: a few words at most.
      if (!program_ && words_ > 10) creating_ = false;
      return;
    }
    if (!program_) return;
    if (after_end_) {
      after_end_ = false;
      if (u == "IF" || u == "LOOP" || u == "WHILE" || u == "REPEAT" || u == "FOR") {
        ++depth_;  // undo the END's decrement
        return;
      }
      if (u == "CASE") return;
    }
    if (u == "BEGIN" || u == "CASE") {
      ++depth_;
    } else if (u == "END") {
      --depth_;
      after_end_ = true;
    }
  }
  bool inside_block() const { return program_ && depth_ > 0; }
  void reset() { *this = BlockTracker{}; }

 private:
  int words_ = 0;
  int depth_ = 0;
  bool creating_ = false;
  bool program_ = false;
  bool after_end_ = false;
};

}  // namespace

std::vector<std::string_view> split_mysql_statements(std::string_view script) {
  std::vector<std::string_view> out;
  BlockTracker blocks;
  std::size_t start = 0;
  std::size_t i = 0;
  auto flush = [&](std::size_t end) {
    if (has_content(script, start, end)) out.push_back(trimmed(script, start, end));
    blocks.reset();
  };
  while (i < script.size()) {
    const std::size_t after = skip_opaque(script, i);
    if (after != i) {
      i = after;
      continue;
    }
    const char c = script[i];
    if (is_word_char(c)) {
      std::size_t j = i;
      while (j < script.size() && is_word_char(script[j])) ++j;
      blocks.word(script.substr(i, j - i));
      i = j;
      continue;
    }
    if (c == ';' && !blocks.inside_block()) {
      flush(i);
      start = i + 1;
    }
    ++i;
  }
  flush(script.size());
  return out;
}

std::string bind_mysql_parameters(std::string_view sql, const std::vector<Value>& params) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(sql.size() + 32 * params.size());
  std::size_t next = 0;
  std::size_t i = 0;
  bool missing = false;
  while (i < sql.size()) {
    const std::size_t after = skip_opaque(sql, i);
    if (after != i) {
      out.append(sql.substr(i, after - i));
      i = after;
      continue;
    }
    if (sql[i] != '?') {
      out.push_back(sql[i++]);
      continue;
    }
    ++i;
    if (next >= params.size()) {
      missing = true;
      break;
    }
    const Value& v = params[next++];
    if (!v) {
      out += "NULL";
    } else if (v->empty()) {
      out += "_utf8mb4''";
    } else {
      out += "_utf8mb4 X'";
      for (unsigned char ch : *v) {
        out.push_back(kHex[ch >> 4]);
        out.push_back(kHex[ch & 15]);
      }
      out += "'";
    }
  }
  std::size_t placeholders = next + (missing ? 1 : 0);
  for (std::size_t k = i; k < sql.size();) {
    const std::size_t after = skip_opaque(sql, k);
    if (after != k) {
      k = after;
    } else {
      if (sql[k] == '?') ++placeholders;
      ++k;
    }
  }
  if (placeholders != params.size())
    throw DatabaseError("", "Your raw query had an incorrect number of parameters. Expected: `" +
                                std::to_string(placeholders) + "`, actual: `" + std::to_string(params.size()) + "`.");
  return out;
}

std::string quote_mysql_identifier(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

}  // namespace prismapp::dialect::mysql
