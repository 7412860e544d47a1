// A hand-written recursive-descent equivalent of Prisma's pest grammar (datamodel.pest).
//
// Pest semantics reproduced here, because spans and the formatter depend on them:
// - In non-atomic rules, `a ~ b` skips WHITESPACE* (spaces, tabs, Unicode Zs; never newlines)
//   between a and b, and repetitions skip between their elements (not before the first).
//   So a rule ending in `x ~ y?` includes the whitespace after x in its span when y is absent.
// - `@` atomic rules (identifier, path, numeric_literal, string_content, doc_content, empty_lines,
//   trailing_comma) skip nothing and have no child nodes; `$` compound-atomic rules
//   (string_literal, comment_block, trailing_comment) skip nothing but keep child nodes.
// - Silent rules (WHITESPACE, NEWLINE, argument) produce no nodes.
// - Ordered choice with backtracking: a failed alternative leaves no nodes behind.
//
// Node storage (see Cst in cst.hpp): a node's children must end up adjacent in the node array, but
// the parser finishes grandchildren before children. Finished nodes whose parent is still open wait
// on `open_`; when a rule succeeds, its children (the top of `open_`) move to the array in one block
// (where their own children already are, so their relative child offsets are known) and the rule's
// own node takes their place on `open_`. Backtracking truncates both to where they were when the
// failed rule or group started.
#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>

#include "core/schema/cst.hpp"

namespace prismapp::schema {
namespace {

class CstParser {
 public:
  explicit CstParser(std::string_view text) : s_(text) {}

  Cst parse() {
    const Mark m = mark();
    skip();
    bool first = true;
    while (pos_ < s_.size()) {
      const std::size_t save = pos_;
      if (!first) skip();
      if (!top_item()) {
        pos_ = save;
        break;
      }
      first = false;
    }
    skip();
    if (pos_ < s_.size()) {
      // Unreachable with this grammar (CATCH_ALL and empty_lines consume everything), kept as a
      // safety net so malformed bytes can never make the parser lose text.
      leaf(Rule::CATCH_ALL, pos_, s_.size());
      pos_ = s_.size();
    }
    leaf(Rule::EOI, pos_, pos_);
    close(Rule::schema, 0, m);
    place(open_.back());  // the root goes last
    const std::size_t count = arena_.size();
    return Cst(arena_.release(), count);
  }

 private:
  // A finished node waiting for its parent; `first`/`count` index its children in `arena_`.
  struct Pending {
    Rule rule;
    std::uint32_t start, end, first, count;
  };
  struct Mark {
    std::size_t open, arena;
  };
  // A growable array of trivially copyable T with inline push and truncate: the parser truncates
  // after every failed alternative, and std::vector's out-of-line resize/insert calls were a
  // measurable part of parsing. Reserved storage is left uninitialised, so pages never used are
  // never touched.
  template <typename T>
  class PodArray {
   public:
    explicit PodArray(std::size_t capacity) : data_(new T[capacity]), capacity_(capacity) {}
    std::size_t size() const { return size_; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    const T& back() const { return data_[size_ - 1]; }
    void push_back(const T& value) {
      if (size_ == capacity_) grow(size_ + 1);
      data_[size_++] = value;
    }
    void truncate(std::size_t n) { size_ = n; }
    std::unique_ptr<T[]> release() { return std::move(data_); }

   private:
    void grow(std::size_t needed) {
      capacity_ = std::max(needed, capacity_ * 2);
      std::unique_ptr<T[]> bigger(new T[capacity_]);
      std::copy(data_.get(), data_.get() + size_, bigger.get());
      data_ = std::move(bigger);
    }
    std::unique_ptr<T[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_;
  };

  std::string_view s_;
  std::size_t pos_ = 0;
  PodArray<Pending> open_{64};  // finished nodes whose parent is not finished yet
  // Finished nodes whose parent is finished (siblings adjacent): the Cst's node array. Reserved
  // for one node per 2 bytes of text (the 500-model benchmark has one per ~3.5 bytes); pages
  // never touched cost no memory.
  PodArray<CstNode> arena_{s_.size() / 2 + 64};

  static std::uint32_t u(std::size_t v) { return static_cast<std::uint32_t>(v); }

  Mark mark() const { return Mark{open_.size(), arena_.size()}; }
  // Drops every node produced since `m` (a failed alternative leaves nothing behind).
  void reset(const Mark& m) {
    open_.truncate(m.open);
    arena_.truncate(m.arena);
  }
  // A node without children.
  void leaf(Rule r, std::size_t start, std::size_t end) { open_.push_back(Pending{r, u(start), u(end), 0, 0}); }
  // Moves a finished node into the node array; its children are already there, at p.first.
  void place(const Pending& p) {
    // Leaves point at themselves (offset 0): no pointer outside the array is ever formed.
    const auto offset = p.count == 0 ? 0
                                     : static_cast<std::int32_t>(static_cast<std::int64_t>(p.first) -
                                                                 static_cast<std::int64_t>(arena_.size()));
    arena_.push_back(CstNode{p.rule, p.start, p.end, offset, p.count});
  }
  // Finishes rule `r` spanning [start, pos_): the nodes produced since `m` become its children.
  void close(Rule r, std::size_t start, const Mark& m) {
    const auto first = u(arena_.size());
    const auto count = u(open_.size() - m.open);
    for (std::size_t i = m.open; i < open_.size(); ++i) place(open_[i]);
    open_.truncate(m.open);
    open_.push_back(Pending{r, u(start), u(pos_), first, count});
  }

  // ---- character classes -------------------------------------------------------------------
  bool at_end() const { return pos_ >= s_.size(); }

  // Length in bytes of a UTF-8 encoded char at p (1 for invalid bytes, so nothing can stall).
  std::size_t char_len(std::size_t p) const {
    const auto c = static_cast<unsigned char>(s_[p]);
    std::size_t len = 1;
    if (c >= 0xF0 && c < 0xF8) len = 4;
    else if (c >= 0xE0) len = c < 0xF0 ? 3 : 1;
    else if (c >= 0xC0) len = 2;
    if (p + len > s_.size()) return 1;
    for (std::size_t i = 1; i < len; ++i)
      if ((static_cast<unsigned char>(s_[p + i]) & 0xC0) != 0x80) return 1;
    return len;
  }

  // Decodes the code point at p (returns 0xFFFD for invalid sequences).
  char32_t code_point(std::size_t p) const {
    const std::size_t len = char_len(p);
    const auto b0 = static_cast<unsigned char>(s_[p]);
    if (len == 1) return b0 < 0x80 ? b0 : 0xFFFD;
    char32_t cp = len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s_[p + i]) & 0x3F);
    return cp;
  }

  static bool is_space_separator(char32_t c) {
    return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
  }

  // WHITESPACE = SPACE_SEPARATOR | "\t"; returns bytes consumed (0 if none).
  std::size_t whitespace_len(std::size_t p) const {
    if (p >= s_.size()) return 0;
    const char c = s_[p];
    if (c == ' ' || c == '\t') return 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    return is_space_separator(code_point(p)) ? char_len(p) : 0;
  }

  void skip() {
    while (true) {
      while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;  // the common case, inline
      const std::size_t n = whitespace_len(pos_);
      if (n == 0) return;
      pos_ += n;
    }
  }

  std::size_t newline_len(std::size_t p) const {
    if (p >= s_.size()) return 0;
    if (s_[p] == '\n') return 1;
    if (s_[p] == '\r') return (p + 1 < s_.size() && s_[p + 1] == '\n') ? 2 : 1;
    return 0;
  }
  bool newline() {
    std::size_t n = newline_len(pos_);
    pos_ += n;
    return n > 0;
  }

  // Byte-by-byte on purpose: literals are a few bytes long, and a memcmp call per attempt was
  // a noticeable share of parsing.
  bool peek(std::string_view lit) const {
    if (s_.size() - pos_ < lit.size()) return false;
    for (std::size_t i = 0; i < lit.size(); ++i)
      if (s_[pos_ + i] != lit[i]) return false;
    return true;
  }
  bool literal(std::string_view lit) {
    if (!peek(lit)) return false;
    pos_ += lit.size();
    return true;
  }

  static bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  // Runs `body` as rule `r`: on success adds a node spanning what it consumed, with the nodes
  // the body produced as children; on failure restores the position and drops those nodes.
  template <typename Body>
  bool rule(Rule r, Body&& body) {
    const std::size_t start = pos_;
    const Mark m = mark();
    if (!body()) {
      pos_ = start;
      reset(m);
      return false;
    }
    close(r, start, m);
    return true;
  }

  // A sequence fragment inside a rule that may fail as a whole (e.g. `(block_attribute ~ NEWLINE)`).
  template <typename Body>
  bool group(Body&& body) {
    const std::size_t start = pos_;
    const Mark m = mark();
    if (!body()) {
      pos_ = start;
      reset(m);
      return false;
    }
    return true;
  }

  // `x*` in a non-atomic rule: skip between repetitions, never before the first.
  template <typename Item>
  void repeat(Item&& item) {
    bool first = true;
    while (true) {
      const std::size_t save = pos_;
      const Mark m = mark();
      if (!first) skip();
      if (!item()) {
        pos_ = save;
        reset(m);
        return;
      }
      if (pos_ == save) return;  // an item that consumed nothing would loop forever
      first = false;
    }
  }

  // ---- leaf rules -----------------------------------------------------------------------------
  // Identifiers accept Unicode letters (the corpus' grammar: `model Lööp`, `日本` are valid) but no
  // symbols (`a€b` is not an identifier). Without a Unicode database at hand, non-ASCII code points
  // count as letters unless they fall in the punctuation/symbol/space blocks below.
  static bool unicode_alphanumeric(char32_t c) {
    if (c < 0x80) return false;
    if (c >= 0x80 && c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, arrows, math, shapes
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xFE30 && c <= 0xFE4F) return false;
    if (c >= 0xFF00 && c <= 0xFF0F) return false;
    if (c >= 0xFF1A && c <= 0xFF20) return false;
    if (c >= 0xFFF0 && c <= 0xFFFF) return false;
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji and pictographs
    return !is_space_separator(c);
  }
  // Bytes taken by an alphanumeric char at p (0 if there is none).
  std::size_t alnum_len(std::size_t p) const {
    if (p >= s_.size()) return 0;
    if (ascii_alnum(s_[p])) return 1;
    if (static_cast<unsigned char>(s_[p]) < 0x80) return 0;
    const std::size_t len = char_len(p);
    return (len > 1 && unicode_alphanumeric(code_point(p))) ? len : 0;
  }
  bool identifier_at(std::size_t p, std::size_t& end) const {
    std::size_t n = alnum_len(p);
    if (n == 0) return false;
    p += n;
    while (p < s_.size()) {
      const char c = s_[p];
      if (ascii_alnum(c) || c == '_' || c == '-') {
        ++p;
      } else if (static_cast<unsigned char>(c) >= 0x80 && (n = alnum_len(p)) > 0) {
        p += n;
      } else {
        break;
      }
    }
    end = p;
    return true;
  }
  bool identifier() {
    std::size_t end;
    if (!identifier_at(pos_, end)) return false;
    leaf(Rule::identifier, pos_, end);
    pos_ = end;
    return true;
  }

  // End of an identifier starting at p, or npos.
  std::size_t identifier_end(std::size_t p) const {
    std::size_t end;
    return identifier_at(p, end) ? end : std::string_view::npos;
  }

  // path = @{ identifier ~ ("." ~ path?)* }. End of a path starting at p, or npos.
  std::size_t path_end(std::size_t p) const {
    if (!identifier_at(p, p)) return std::string_view::npos;
    while (p < s_.size() && s_[p] == '.') {
      ++p;
      std::size_t next;
      if (identifier_at(p, next)) {
        p = next;
      }
    }
    return p;
  }
  bool path() {
    const std::size_t end = path_end(pos_);
    if (end == std::string_view::npos) return false;
    leaf(Rule::path, pos_, end);
    pos_ = end;
    return true;
  }

  // Whether `c` follows position p (npos: nothing matched there) after optional WHITESPACE.
  bool followed_by(std::size_t p, char c) const {
    if (p == std::string_view::npos) return false;
    while (std::size_t n = whitespace_len(p)) p += n;
    return p < s_.size() && s_[p] == c;
  }

  bool keyword(Rule r, std::string_view word) {
    if (!peek(word)) return false;
    leaf(r, pos_, pos_ + word.size());
    pos_ += word.size();
    return true;
  }

  // numeric_literal = @{ ("-")? ~ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? }
  bool numeric_literal() {
    std::size_t p = pos_;
    if (p < s_.size() && s_[p] == '-') ++p;
    const std::size_t digits = p;
    while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9') ++p;
    if (p == digits) return false;
    if (p + 1 < s_.size() && s_[p] == '.' && s_[p + 1] >= '0' && s_[p + 1] <= '9') {
      ++p;
      while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9') ++p;
    }
    leaf(Rule::numeric_literal, pos_, p);
    pos_ = p;
    return true;
  }

  // string_literal = ${ "\"" ~ string_content ~ "\"" }, JSON-like escapes, no control characters.
  bool string_literal() {
    if (!peek("\"")) return false;
    std::size_t p = pos_ + 1;
    const std::size_t content_start = p;
    while (p < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[p]);
      if (c == '\\') {
        if (p + 1 >= s_.size()) return false;
        p += 1 + char_len(p + 1);
        continue;
      }
      if (c == '"' || c < 0x20) break;
      p += char_len(p);
    }
    if (p >= s_.size() || s_[p] != '"') return false;
    const std::size_t start = pos_;
    const Mark m = mark();
    leaf(Rule::string_content, content_start, p);
    pos_ = p + 1;
    close(Rule::string_literal, start, m);
    return true;
  }

  // doc_content = @{ (!NEWLINE ~ ANY)* }
  void doc_content() {
    std::size_t p = pos_;
    while (p < s_.size() && newline_len(p) == 0) p += char_len(p);
    leaf(Rule::doc_content, pos_, p);
    pos_ = p;
  }

  // doc_comment = { WHITESPACE* ~ "///" ~ doc_content }   (atomic context: no implicit skips)
  // comment     = { WHITESPACE* ~ (!"///") ~ "//" ~ doc_content }
  // multi_line_comment = { WHITESPACE* ~ "/*" ~ (!"*/" ~ ANY)* ~ "*/" }
  bool doc_comment_or_comment() {
    const std::size_t start = pos_;
    std::size_t p = pos_;
    while (std::size_t n = whitespace_len(p)) p += n;
    if (s_.substr(p, 3) == "///") {
      pos_ = p + 3;
      const Mark m = mark();
      doc_content();
      close(Rule::doc_comment, start, m);
      return true;
    }
    if (s_.substr(p, 2) == "/*") {
      const auto close = s_.find("*/", p + 2);
      if (close == std::string_view::npos) return false;
      pos_ = close + 2;
      leaf(Rule::multi_line_comment, start, pos_);
      return true;
    }
    if (s_.substr(p, 2) == "//") {
      pos_ = p + 2;
      const Mark m = mark();
      doc_content();
      close(Rule::comment, start, m);
      return true;
    }
    return false;
  }

  // comment_block = ${ ((doc_comment | comment) ~ NEWLINE?)+ }
  bool comment_block() {
    return rule(Rule::comment_block, [&]() {
      if (!doc_comment_or_comment()) return false;
      newline();
      while (doc_comment_or_comment()) newline();
      return true;
    });
  }

  // trailing_comment = ${ doc_comment | comment }
  bool trailing_comment() {
    return rule(Rule::trailing_comment, [&]() { return doc_comment_or_comment(); });
  }

  // empty_lines = @{ (WHITESPACE* ~ NEWLINE)+ }
  bool empty_lines() {
    std::size_t p = pos_;
    std::size_t matched_end = pos_;
    while (true) {
      std::size_t q = p;
      while (std::size_t n = whitespace_len(q)) q += n;
      std::size_t nl = newline_len(q);
      if (nl == 0) break;
      p = q + nl;
      matched_end = p;
    }
    if (matched_end == pos_) return false;
    leaf(Rule::empty_lines, pos_, matched_end);
    pos_ = matched_end;
    return true;
  }

  // CATCH_ALL = { (!NEWLINE ~ ANY)+ ~ NEWLINE? }
  bool catch_all() {
    if (at_end() || newline_len(pos_) != 0) return false;
    std::size_t p = pos_;
    while (p < s_.size() && newline_len(p) == 0) p += char_len(p);
    p += newline_len(p);
    leaf(Rule::CATCH_ALL, pos_, p);
    pos_ = p;
    return true;
  }

  // BLOCK_LEVEL_CATCH_ALL = { !BLOCK_CLOSE ~ CATCH_ALL }
  bool block_level_catch_all() {
    if (peek("}")) return false;
    return rule(Rule::BLOCK_LEVEL_CATCH_ALL, [&]() { return catch_all(); });
  }

  // BLOCK_OPEN = { "{" ~ (!NEWLINE ~ ANY)* ~ NEWLINE }
  bool block_open() {
    if (!peek("{")) return false;
    std::size_t p = pos_ + 1;
    while (p < s_.size() && newline_len(p) == 0) p += char_len(p);
    const std::size_t nl = newline_len(p);
    if (nl == 0) return false;
    leaf(Rule::BLOCK_OPEN, pos_, p + nl);
    pos_ = p + nl;
    return true;
  }

  bool block_close() { return keyword(Rule::BLOCK_CLOSE, "}"); }

  // ---- expressions ----------------------------------------------------------------------------
  // expression = { function_call | array_expression | numeric_literal | string_literal | path }
  bool expression() {
    return rule(Rule::expression, [&]() {
      // function_call = path ~ arguments_list needs a "(" after the path: checked before trying it.
      return (followed_by(path_end(pos_), '(') && function_call()) || array_expression() || numeric_literal() ||
             string_literal() || path();
    });
  }

  // function_call = { path ~ arguments_list }
  bool function_call() {
    return rule(Rule::function_call, [&]() {
      if (!path()) return false;
      skip();
      return arguments_list();
    });
  }

  // array_expression = { "[" ~ (expression ~ ( "," ~ expression )*)? ~ "]" }
  bool array_expression() {
    return rule(Rule::array_expression, [&]() {
      if (!literal("[")) return false;
      skip();
      group([&]() {
        if (!expression()) return false;
        skip();
        repeat([&]() {
          return group([&]() {
            if (!literal(",")) return false;
            skip();
            return expression();
          });
        });
        return true;
      });
      skip();
      return literal("]");
    });
  }

  // argument = _{ named_argument | empty_argument | expression }
  // Both named_argument and empty_argument start with `identifier ~ ":"`: a lookahead for that
  // avoids parsing the identifier up to three times (named, empty, expression) per argument.
  bool argument() {
    if (!followed_by(identifier_end(pos_), ':')) return expression();
    return rule(Rule::named_argument,
                [&]() {
                  if (!identifier()) return false;
                  skip();
                  if (!literal(":")) return false;
                  skip();
                  return expression();
                }) ||
           rule(Rule::empty_argument,
                [&]() {
                  if (!identifier()) return false;
                  skip();
                  return literal(":");
                }) ||
           expression();
  }

  // arguments_list = { "(" ~ (argument ~ ("," ~ argument)*)? ~ trailing_comma? ~ ")" }
  bool arguments_list() {
    return rule(Rule::arguments_list, [&]() {
      if (!literal("(")) return false;
      skip();
      group([&]() {
        if (!argument()) return false;
        skip();
        repeat([&]() {
          return group([&]() {
            if (!literal(",")) return false;
            skip();
            return argument();
          });
        });
        return true;
      });
      skip();
      if (peek(",")) {
        leaf(Rule::trailing_comma, pos_, pos_ + 1);
        ++pos_;
      }
      skip();
      return literal(")");
    });
  }

  // ---- attributes -----------------------------------------------------------------------------
  // field_attribute = { "@" ~ path ~ arguments_list? }
  bool field_attribute() {
    if (peek("@@")) return false;  // "@" then path would fail on the second "@" anyway
    return rule(Rule::field_attribute, [&]() {
      if (!literal("@")) return false;
      skip();
      if (!path()) return false;
      skip();
      arguments_list();
      return true;
    });
  }

  // block_attribute = { "@@" ~ path ~ arguments_list? ~ trailing_comment? }
  bool block_attribute() {
    return rule(Rule::block_attribute, [&]() {
      if (!literal("@@")) return false;
      skip();
      if (!path()) return false;
      skip();
      arguments_list();
      skip();
      trailing_comment();
      return true;
    });
  }

  void field_attributes() {
    repeat([&]() { return field_attribute(); });
  }

  // ---- types ----------------------------------------------------------------------------------
  // unsupported_type = { "Unsupported(" ~ string_literal ~ ")" }
  bool unsupported_type() {
    return rule(Rule::unsupported_type, [&]() {
      if (!literal("Unsupported(")) return false;
      skip();
      if (!string_literal()) return false;
      skip();
      return literal(")");
    });
  }

  // base_type = { unsupported_type | identifier }
  bool base_type() {
    return rule(Rule::base_type, [&]() { return unsupported_type() || identifier(); });
  }

  // field_type = { unsupported_optional_list_type | list_type | optional_type
  //                | legacy_required_type | legacy_list_type | base_type }
  // Pest tries each alternative from scratch, re-parsing base_type up to five times; the result
  // only depends on what follows the base type, so it is parsed once and the suffix decides the
  // rule (same tree, same spans, far fewer allocations on large schemas).
  bool field_type() {
    return rule(Rule::field_type, [&]() {
      if (peek("[")) {
        return rule(Rule::legacy_list_type, [&]() {
          literal("[");
          skip();
          if (!base_type()) return false;
          skip();
          return literal("]");
        });
      }
      const Mark m = mark();
      const std::size_t start = pos_;
      if (!base_type()) return false;
      const std::size_t base_end = pos_;
      auto wrap = [&](Rule r) {
        close(r, start, m);  // the base_type node becomes the wrapper's child
        return true;
      };
      skip();
      if (literal("[]")) {
        const std::size_t list_end = pos_;
        skip();
        if (literal("?")) return wrap(Rule::unsupported_optional_list_type);
        pos_ = list_end;
        return wrap(Rule::list_type);
      }
      if (literal("?")) return wrap(Rule::optional_type);
      if (literal("!")) return wrap(Rule::legacy_required_type);
      pos_ = base_end;
      return true;  // the base_type node stays a direct child of field_type
    });
  }

  // ---- block contents -------------------------------------------------------------------------
  // field_declaration = { identifier ~ LEGACY_COLON? ~ field_type? ~ field_attribute*
  //                       ~ trailing_comment? ~ NEWLINE }
  bool field_declaration() {
    if (alnum_len(pos_) == 0) return false;  // cannot start a field: no node, no allocation
    return rule(Rule::field_declaration, [&]() {
      if (!identifier()) return false;
      skip();
      if (peek(":")) {
        leaf(Rule::LEGACY_COLON, pos_, pos_ + 1);
        ++pos_;
      }
      skip();
      field_type();
      skip();
      field_attributes();
      skip();
      trailing_comment();
      skip();
      return newline();
    });
  }

  // (block_attribute ~ NEWLINE)
  bool block_attribute_line() {
    return group([&]() {
      if (!block_attribute()) return false;
      skip();
      return newline();
    });
  }

  // enum_value_declaration = { identifier ~ field_attribute* ~ trailing_comment? ~ NEWLINE }
  bool enum_value_declaration() {
    return rule(Rule::enum_value_declaration, [&]() {
      if (!identifier()) return false;
      skip();
      field_attributes();
      skip();
      trailing_comment();
      skip();
      return newline();
    });
  }

  // key_value = { identifier ~ "=" ~ expression? ~ trailing_comment? }, used as
  // `(key_value ~ NEWLINE)` in config blocks: in the corpus' grammar the newline is outside the
  // property (its span ends before it; verified with @prisma/prisma-schema-wasm), and a missing
  // value reaches the generator loader (`configValue =`).
  bool key_value() {
    return rule(Rule::key_value, [&]() {
      if (!identifier()) return false;
      skip();
      if (!literal("=")) return false;
      skip();
      expression();
      skip();
      trailing_comment();
      return true;
    });
  }
  bool key_value_line() {
    return group([&]() {
      if (!key_value()) return false;
      skip();
      return newline();
    });
  }

  // keyword ~ identifier ~ BLOCK_OPEN ~ (member)* ~ BLOCK_CLOSE, shared by models, enums, configs.
  template <typename Keyword, typename Member>
  bool block(Rule r, Keyword&& kw, Member&& member) {
    return rule(r, [&]() {
      if (!kw()) return false;
      skip();
      if (!identifier()) return false;
      skip();
      if (!block_open()) return false;
      skip();
      repeat(member);
      skip();
      return block_close();
    });
  }

  bool model_declaration() {
    return block(
        Rule::model_declaration,
        [&]() {
          return keyword(Rule::MODEL_KEYWORD, "model") || keyword(Rule::TYPE_KEYWORD, "type") ||
                 keyword(Rule::VIEW_KEYWORD, "view");
        },
        [&]() {
          return field_declaration() || block_attribute_line() || comment_block() || empty_lines() ||
                 block_level_catch_all();
        });
  }

  bool enum_declaration() {
    return block(
        Rule::enum_declaration, [&]() { return keyword(Rule::ENUM_KEYWORD, "enum"); },
        [&]() {
          return enum_value_declaration() || block_attribute_line() || comment_block() || empty_lines() ||
                 block_level_catch_all();
        });
  }

  bool config_block() {
    return block(
        Rule::config_block,
        [&]() {
          return keyword(Rule::DATASOURCE_KEYWORD, "datasource") ||
                 keyword(Rule::GENERATOR_KEYWORD, "generator");
        },
        [&]() { return key_value_line() || comment_block() || empty_lines() || block_level_catch_all(); });
  }

  // type_alias = { TYPE_KEYWORD ~ identifier ~ "=" ~ base_type ~ field_attribute* }
  bool type_alias() {
    return rule(Rule::type_alias, [&]() {
      if (!keyword(Rule::TYPE_KEYWORD, "type")) return false;
      skip();
      if (!identifier()) return false;
      skip();
      if (!literal("=")) return false;
      skip();
      if (!base_type()) return false;
      skip();
      field_attributes();
      return true;
    });
  }

  // arbitrary_block = { identifier ~ BLOCK_OPEN ~ ((!BLOCK_CLOSE ~ ANY) | NEWLINE)* ~ BLOCK_CLOSE }
  bool arbitrary_block() {
    return rule(Rule::arbitrary_block, [&]() {
      if (!identifier()) return false;
      skip();
      if (!block_open()) return false;
      while (pos_ < s_.size() && s_[pos_] != '}') pos_ += char_len(pos_);
      return block_close();
    });
  }

  bool top_item() {
    return model_declaration() || enum_declaration() || config_block() || type_alias() ||
           arbitrary_block() || comment_block() || empty_lines() || catch_all();
  }
};

}  // namespace

Cst parse_cst(std::string_view text) { return CstParser(text).parse(); }

const char* rule_name(Rule rule) {
  switch (rule) {
#define PRISMAPP_RULE(r) \
  case Rule::r:          \
    return #r;
    PRISMAPP_RULE(schema) PRISMAPP_RULE(model_declaration) PRISMAPP_RULE(field_declaration)
    PRISMAPP_RULE(field_type) PRISMAPP_RULE(unsupported_type) PRISMAPP_RULE(base_type)
    PRISMAPP_RULE(unsupported_optional_list_type) PRISMAPP_RULE(list_type) PRISMAPP_RULE(optional_type)
    PRISMAPP_RULE(legacy_required_type) PRISMAPP_RULE(legacy_list_type) PRISMAPP_RULE(type_alias)
    PRISMAPP_RULE(config_block) PRISMAPP_RULE(key_value) PRISMAPP_RULE(arbitrary_block)
    PRISMAPP_RULE(enum_declaration) PRISMAPP_RULE(enum_value_declaration) PRISMAPP_RULE(block_attribute)
    PRISMAPP_RULE(field_attribute) PRISMAPP_RULE(arguments_list) PRISMAPP_RULE(named_argument)
    PRISMAPP_RULE(empty_argument) PRISMAPP_RULE(trailing_comma) PRISMAPP_RULE(comment_block)
    PRISMAPP_RULE(trailing_comment) PRISMAPP_RULE(doc_comment) PRISMAPP_RULE(comment) PRISMAPP_RULE(multi_line_comment)
    PRISMAPP_RULE(doc_content) PRISMAPP_RULE(identifier) PRISMAPP_RULE(path) PRISMAPP_RULE(empty_lines)
    PRISMAPP_RULE(BLOCK_OPEN) PRISMAPP_RULE(BLOCK_CLOSE) PRISMAPP_RULE(ENUM_KEYWORD)
    PRISMAPP_RULE(MODEL_KEYWORD) PRISMAPP_RULE(TYPE_KEYWORD) PRISMAPP_RULE(VIEW_KEYWORD)
    PRISMAPP_RULE(GENERATOR_KEYWORD) PRISMAPP_RULE(DATASOURCE_KEYWORD) PRISMAPP_RULE(LEGACY_COLON)
    PRISMAPP_RULE(CATCH_ALL) PRISMAPP_RULE(BLOCK_LEVEL_CATCH_ALL) PRISMAPP_RULE(function_call)
    PRISMAPP_RULE(array_expression) PRISMAPP_RULE(expression) PRISMAPP_RULE(numeric_literal)
    PRISMAPP_RULE(string_literal) PRISMAPP_RULE(string_content) PRISMAPP_RULE(EOI)
#undef PRISMAPP_RULE
  }
  return "?";
}

}  // namespace prismapp::schema
