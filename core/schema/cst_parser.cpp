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
#include <cstddef>
#include <utility>

#include "core/schema/cst.hpp"

namespace prismapp::schema {
namespace {

using Nodes = std::vector<CstNode>;

class CstParser {
 public:
  explicit CstParser(std::string_view text) : s_(text) {}

  CstNode parse_schema() {
    CstNode root{Rule::schema, 0, 0, {}};
    skip();
    bool first = true;
    while (pos_ < s_.size()) {
      const std::size_t save = pos_;
      if (!first) skip();
      if (!top_item(root.children)) {
        pos_ = save;
        break;
      }
      first = false;
    }
    skip();
    if (pos_ < s_.size()) {
      // Unreachable with this grammar (CATCH_ALL and empty_lines consume everything), kept as a
      // safety net so malformed bytes can never make the parser lose text.
      root.children.push_back(CstNode{Rule::CATCH_ALL, u(pos_), u(s_.size()), {}});
      pos_ = s_.size();
    }
    root.children.push_back(CstNode{Rule::EOI, u(pos_), u(pos_), {}});
    root.end = u(s_.size());
    return root;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;

  static std::uint32_t u(std::size_t v) { return static_cast<std::uint32_t>(v); }

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
    while (std::size_t n = whitespace_len(pos_)) pos_ += n;
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

  bool literal(std::string_view lit) {
    if (s_.substr(pos_, lit.size()) == lit) {
      pos_ += lit.size();
      return true;
    }
    return false;
  }
  bool peek(std::string_view lit) const { return s_.substr(pos_, lit.size()) == lit; }

  static bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  // Runs `body` as rule `r`: on success appends a node spanning what it consumed to `out`;
  // on failure restores the position and drops whatever nodes the body produced.
  template <typename Body>
  bool rule(Rule r, Nodes& out, Body&& body, std::size_t expected_children = 0) {
    const std::size_t start = pos_;
    CstNode node{r, u(start), 0, {}};
    // Rules that (nearly) always have several children get their vector sized once instead of
    // growing 1, 2, 4, 8...: allocation is most of the parser's cost on large schemas.
    if (expected_children != 0) node.children.reserve(expected_children);
    if (!body(node.children)) {
      pos_ = start;
      return false;
    }
    node.end = u(pos_);
    out.push_back(std::move(node));
    return true;
  }

  // A sequence fragment inside a rule that may fail as a whole (e.g. `(block_attribute ~ NEWLINE)`).
  template <typename Body>
  bool group(Nodes& out, Body&& body) {
    const std::size_t start = pos_;
    const std::size_t count = out.size();
    if (!body(out)) {
      pos_ = start;
      out.resize(count);
      return false;
    }
    return true;
  }

  // `x*` in a non-atomic rule: skip between repetitions, never before the first.
  template <typename Item>
  void repeat(Nodes& out, Item&& item) {
    bool first = true;
    while (true) {
      const std::size_t save = pos_;
      const std::size_t count = out.size();
      if (!first) skip();
      if (!item(out)) {
        pos_ = save;
        out.resize(count);
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
      if (s_[p] == '_' || s_[p] == '-') {
        ++p;
      } else if ((n = alnum_len(p)) > 0) {
        p += n;
      } else {
        break;
      }
    }
    end = p;
    return true;
  }
  bool identifier(Nodes& out) {
    std::size_t end;
    if (!identifier_at(pos_, end)) return false;
    out.push_back(CstNode{Rule::identifier, u(pos_), u(end), {}});
    pos_ = end;
    return true;
  }

  // path = @{ identifier ~ ("." ~ path?)* }
  bool path(Nodes& out) {
    std::size_t p;
    if (!identifier_at(pos_, p)) return false;
    while (p < s_.size() && s_[p] == '.') {
      ++p;
      std::size_t next;
      if (identifier_at(p, next)) {
        p = next;
      }
    }
    out.push_back(CstNode{Rule::path, u(pos_), u(p), {}});
    pos_ = p;
    return true;
  }

  bool keyword(Rule r, std::string_view word, Nodes& out) {
    if (!peek(word)) return false;
    out.push_back(CstNode{r, u(pos_), u(pos_ + word.size()), {}});
    pos_ += word.size();
    return true;
  }

  // numeric_literal = @{ ("-")? ~ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? }
  bool numeric_literal(Nodes& out) {
    std::size_t p = pos_;
    if (p < s_.size() && s_[p] == '-') ++p;
    const std::size_t digits = p;
    while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9') ++p;
    if (p == digits) return false;
    if (p + 1 < s_.size() && s_[p] == '.' && s_[p + 1] >= '0' && s_[p + 1] <= '9') {
      ++p;
      while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9') ++p;
    }
    out.push_back(CstNode{Rule::numeric_literal, u(pos_), u(p), {}});
    pos_ = p;
    return true;
  }

  // string_literal = ${ "\"" ~ string_content ~ "\"" }, JSON-like escapes, no control characters.
  bool string_literal(Nodes& out) {
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
    CstNode node{Rule::string_literal, u(pos_), u(p + 1), {}};
    node.children.push_back(CstNode{Rule::string_content, u(content_start), u(p), {}});
    out.push_back(std::move(node));
    pos_ = p + 1;
    return true;
  }

  // doc_content = @{ (!NEWLINE ~ ANY)* }
  void doc_content(Nodes& out) {
    std::size_t p = pos_;
    while (p < s_.size() && newline_len(p) == 0) p += char_len(p);
    out.push_back(CstNode{Rule::doc_content, u(pos_), u(p), {}});
    pos_ = p;
  }

  // doc_comment = { WHITESPACE* ~ "///" ~ doc_content }   (atomic context: no implicit skips)
  // comment     = { WHITESPACE* ~ (!"///") ~ "//" ~ doc_content }
  // multi_line_comment = { WHITESPACE* ~ "/*" ~ (!"*/" ~ ANY)* ~ "*/" }
  bool doc_comment_or_comment(Nodes& out) {
    const std::size_t start = pos_;
    std::size_t p = pos_;
    while (std::size_t n = whitespace_len(p)) p += n;
    if (s_.substr(p, 3) == "///") {
      pos_ = p + 3;
      CstNode node{Rule::doc_comment, u(start), 0, {}};
      doc_content(node.children);
      node.end = u(pos_);
      out.push_back(std::move(node));
      return true;
    }
    if (s_.substr(p, 2) == "/*") {
      const auto close = s_.find("*/", p + 2);
      if (close == std::string_view::npos) return false;
      pos_ = close + 2;
      out.push_back(CstNode{Rule::multi_line_comment, u(start), u(pos_), {}});
      return true;
    }
    if (s_.substr(p, 2) == "//") {
      pos_ = p + 2;
      CstNode node{Rule::comment, u(start), 0, {}};
      doc_content(node.children);
      node.end = u(pos_);
      out.push_back(std::move(node));
      return true;
    }
    return false;
  }

  // comment_block = ${ ((doc_comment | comment) ~ NEWLINE?)+ }
  bool comment_block(Nodes& out) {
    return rule(Rule::comment_block, out, [&](Nodes& c) {
      if (!doc_comment_or_comment(c)) return false;
      newline();
      while (doc_comment_or_comment(c)) newline();
      return true;
    });
  }

  // trailing_comment = ${ doc_comment | comment }
  bool trailing_comment(Nodes& out) {
    return rule(Rule::trailing_comment, out, [&](Nodes& c) { return doc_comment_or_comment(c); });
  }

  // empty_lines = @{ (WHITESPACE* ~ NEWLINE)+ }
  bool empty_lines(Nodes& out) {
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
    out.push_back(CstNode{Rule::empty_lines, u(pos_), u(matched_end), {}});
    pos_ = matched_end;
    return true;
  }

  // CATCH_ALL = { (!NEWLINE ~ ANY)+ ~ NEWLINE? }
  bool catch_all(Nodes& out) {
    if (at_end() || newline_len(pos_) != 0) return false;
    std::size_t p = pos_;
    while (p < s_.size() && newline_len(p) == 0) p += char_len(p);
    p += newline_len(p);
    out.push_back(CstNode{Rule::CATCH_ALL, u(pos_), u(p), {}});
    pos_ = p;
    return true;
  }

  // BLOCK_LEVEL_CATCH_ALL = { !BLOCK_CLOSE ~ CATCH_ALL }
  bool block_level_catch_all(Nodes& out) {
    if (peek("}")) return false;
    return rule(Rule::BLOCK_LEVEL_CATCH_ALL, out, [&](Nodes& c) { return catch_all(c); });
  }

  // BLOCK_OPEN = { "{" ~ (!NEWLINE ~ ANY)* ~ NEWLINE }
  bool block_open(Nodes& out) {
    if (!peek("{")) return false;
    std::size_t p = pos_ + 1;
    while (p < s_.size() && newline_len(p) == 0) p += char_len(p);
    const std::size_t nl = newline_len(p);
    if (nl == 0) return false;
    out.push_back(CstNode{Rule::BLOCK_OPEN, u(pos_), u(p + nl), {}});
    pos_ = p + nl;
    return true;
  }

  bool block_close(Nodes& out) { return keyword(Rule::BLOCK_CLOSE, "}", out); }

  // ---- expressions ----------------------------------------------------------------------------
  // expression = { function_call | array_expression | numeric_literal | string_literal | path }
  bool expression(Nodes& out) {
    return rule(Rule::expression, out, [&](Nodes& c) {
      return function_call(c) || array_expression(c) || numeric_literal(c) || string_literal(c) || path(c);
    });
  }

  // function_call = { path ~ arguments_list }
  bool function_call(Nodes& out) {
    return rule(Rule::function_call, out, [&](Nodes& c) {
      if (!path(c)) return false;
      skip();
      return arguments_list(c);
    });
  }

  // array_expression = { "[" ~ (expression ~ ( "," ~ expression )*)? ~ "]" }
  bool array_expression(Nodes& out) {
    return rule(Rule::array_expression, out, [&](Nodes& c) {
      if (!literal("[")) return false;
      skip();
      group(c, [&](Nodes& g) {
        if (!expression(g)) return false;
        skip();
        repeat(g, [&](Nodes& r) {
          return group(r, [&](Nodes& rr) {
            if (!literal(",")) return false;
            skip();
            return expression(rr);
          });
        });
        return true;
      });
      skip();
      return literal("]");
    });
  }

  // argument = _{ named_argument | empty_argument | expression }
  bool argument(Nodes& out) {
    return rule(Rule::named_argument, out,
                [&](Nodes& c) {
                  if (!identifier(c)) return false;
                  skip();
                  if (!literal(":")) return false;
                  skip();
                  return expression(c);
                }) ||
           rule(Rule::empty_argument, out,
                [&](Nodes& c) {
                  if (!identifier(c)) return false;
                  skip();
                  return literal(":");
                }) ||
           expression(out);
  }

  // arguments_list = { "(" ~ (argument ~ ("," ~ argument)*)? ~ trailing_comma? ~ ")" }
  bool arguments_list(Nodes& out) {
    return rule(Rule::arguments_list, out, [&](Nodes& c) {
      if (!literal("(")) return false;
      skip();
      group(c, [&](Nodes& g) {
        if (!argument(g)) return false;
        skip();
        repeat(g, [&](Nodes& r) {
          return group(r, [&](Nodes& rr) {
            if (!literal(",")) return false;
            skip();
            return argument(rr);
          });
        });
        return true;
      });
      skip();
      if (peek(",")) {
        c.push_back(CstNode{Rule::trailing_comma, u(pos_), u(pos_ + 1), {}});
        ++pos_;
      }
      skip();
      return literal(")");
    });
  }

  // ---- attributes -----------------------------------------------------------------------------
  // field_attribute = { "@" ~ path ~ arguments_list? }
  bool field_attribute(Nodes& out) {
    if (peek("@@")) return false;  // "@" then path would fail on the second "@" anyway
    return rule(Rule::field_attribute, out, [&](Nodes& c) {
      if (!literal("@")) return false;
      skip();
      if (!path(c)) return false;
      skip();
      arguments_list(c);
      return true;
    });
  }

  // block_attribute = { "@@" ~ path ~ arguments_list? ~ trailing_comment? }
  bool block_attribute(Nodes& out) {
    return rule(Rule::block_attribute, out, [&](Nodes& c) {
      if (!literal("@@")) return false;
      skip();
      if (!path(c)) return false;
      skip();
      arguments_list(c);
      skip();
      trailing_comment(c);
      return true;
    });
  }

  void field_attributes(Nodes& out) {
    repeat(out, [&](Nodes& r) { return field_attribute(r); });
  }

  // ---- types ----------------------------------------------------------------------------------
  // unsupported_type = { "Unsupported(" ~ string_literal ~ ")" }
  bool unsupported_type(Nodes& out) {
    return rule(Rule::unsupported_type, out, [&](Nodes& c) {
      if (!literal("Unsupported(")) return false;
      skip();
      if (!string_literal(c)) return false;
      skip();
      return literal(")");
    });
  }

  // base_type = { unsupported_type | identifier }
  bool base_type(Nodes& out) {
    return rule(Rule::base_type, out, [&](Nodes& c) { return unsupported_type(c) || identifier(c); });
  }

  // field_type = { unsupported_optional_list_type | list_type | optional_type
  //                | legacy_required_type | legacy_list_type | base_type }
  // Pest tries each alternative from scratch, re-parsing base_type up to five times; the result
  // only depends on what follows the base type, so it is parsed once and the suffix decides the
  // rule (same tree, same spans, far fewer allocations on large schemas).
  bool field_type(Nodes& out) {
    return rule(Rule::field_type, out, [&](Nodes& c) {
      if (peek("[")) {
        return rule(Rule::legacy_list_type, c, [&](Nodes& t) {
          literal("[");
          skip();
          if (!base_type(t)) return false;
          skip();
          return literal("]");
        });
      }
      Nodes base;
      const std::size_t start = pos_;
      if (!base_type(base)) return false;
      const std::size_t base_end = pos_;
      auto wrap = [&](Rule r) {
        CstNode node{r, u(start), u(pos_), {}};
        node.children = std::move(base);
        c.push_back(std::move(node));
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
      c.push_back(std::move(base.front()));
      return true;
    });
  }

  // ---- block contents -------------------------------------------------------------------------
  // field_declaration = { identifier ~ LEGACY_COLON? ~ field_type? ~ field_attribute*
  //                       ~ trailing_comment? ~ NEWLINE }
  bool field_declaration(Nodes& out) {
    if (alnum_len(pos_) == 0) return false;  // cannot start a field: no node, no allocation
    return rule(Rule::field_declaration, out, [&](Nodes& c) {
      if (!identifier(c)) return false;
      skip();
      if (peek(":")) {
        c.push_back(CstNode{Rule::LEGACY_COLON, u(pos_), u(pos_ + 1), {}});
        ++pos_;
      }
      skip();
      field_type(c);
      skip();
      field_attributes(c);
      skip();
      trailing_comment(c);
      skip();
      return newline();
    }, 4);
  }

  // (block_attribute ~ NEWLINE)
  bool block_attribute_line(Nodes& out) {
    return group(out, [&](Nodes& g) {
      if (!block_attribute(g)) return false;
      skip();
      return newline();
    });
  }

  // enum_value_declaration = { identifier ~ field_attribute* ~ trailing_comment? ~ NEWLINE }
  bool enum_value_declaration(Nodes& out) {
    return rule(Rule::enum_value_declaration, out, [&](Nodes& c) {
      if (!identifier(c)) return false;
      skip();
      field_attributes(c);
      skip();
      trailing_comment(c);
      skip();
      return newline();
    });
  }

  // key_value = { identifier ~ "=" ~ expression? ~ trailing_comment? }, used as
  // `(key_value ~ NEWLINE)` in config blocks: in the corpus' grammar the newline is outside the
  // property (its span ends before it; verified with @prisma/prisma-schema-wasm), and a missing
  // value reaches the generator loader (`configValue =`).
  bool key_value(Nodes& out) {
    return rule(Rule::key_value, out, [&](Nodes& c) {
      if (!identifier(c)) return false;
      skip();
      if (!literal("=")) return false;
      skip();
      expression(c);
      skip();
      trailing_comment(c);
      return true;
    });
  }
  bool key_value_line(Nodes& out) {
    return group(out, [&](Nodes& g) {
      if (!key_value(g)) return false;
      skip();
      return newline();
    });
  }

  // keyword ~ identifier ~ BLOCK_OPEN ~ (member)* ~ BLOCK_CLOSE, shared by models, enums, configs.
  template <typename Keyword, typename Member>
  bool block(Rule r, Nodes& out, Keyword&& kw, Member&& member) {
    return rule(r, out, [&](Nodes& c) {
      if (!kw(c)) return false;
      skip();
      if (!identifier(c)) return false;
      skip();
      if (!block_open(c)) return false;
      skip();
      repeat(c, member);
      skip();
      return block_close(c);
    }, 16);
  }

  bool model_declaration(Nodes& out) {
    return block(
        Rule::model_declaration, out,
        [&](Nodes& c) {
          return keyword(Rule::MODEL_KEYWORD, "model", c) || keyword(Rule::TYPE_KEYWORD, "type", c) ||
                 keyword(Rule::VIEW_KEYWORD, "view", c);
        },
        [&](Nodes& c) {
          return field_declaration(c) || block_attribute_line(c) || comment_block(c) || empty_lines(c) ||
                 block_level_catch_all(c);
        });
  }

  bool enum_declaration(Nodes& out) {
    return block(
        Rule::enum_declaration, out, [&](Nodes& c) { return keyword(Rule::ENUM_KEYWORD, "enum", c); },
        [&](Nodes& c) {
          return enum_value_declaration(c) || block_attribute_line(c) || comment_block(c) || empty_lines(c) ||
                 block_level_catch_all(c);
        });
  }

  bool config_block(Nodes& out) {
    return block(
        Rule::config_block, out,
        [&](Nodes& c) {
          return keyword(Rule::DATASOURCE_KEYWORD, "datasource", c) ||
                 keyword(Rule::GENERATOR_KEYWORD, "generator", c);
        },
        [&](Nodes& c) { return key_value_line(c) || comment_block(c) || empty_lines(c) || block_level_catch_all(c); });
  }

  // type_alias = { TYPE_KEYWORD ~ identifier ~ "=" ~ base_type ~ field_attribute* }
  bool type_alias(Nodes& out) {
    return rule(Rule::type_alias, out, [&](Nodes& c) {
      if (!keyword(Rule::TYPE_KEYWORD, "type", c)) return false;
      skip();
      if (!identifier(c)) return false;
      skip();
      if (!literal("=")) return false;
      skip();
      if (!base_type(c)) return false;
      skip();
      field_attributes(c);
      return true;
    });
  }

  // arbitrary_block = { identifier ~ BLOCK_OPEN ~ ((!BLOCK_CLOSE ~ ANY) | NEWLINE)* ~ BLOCK_CLOSE }
  bool arbitrary_block(Nodes& out) {
    return rule(Rule::arbitrary_block, out, [&](Nodes& c) {
      if (!identifier(c)) return false;
      skip();
      if (!block_open(c)) return false;
      while (pos_ < s_.size() && s_[pos_] != '}') pos_ += char_len(pos_);
      return block_close(c);
    });
  }

  bool top_item(Nodes& out) {
    return model_declaration(out) || enum_declaration(out) || config_block(out) || type_alias(out) ||
           arbitrary_block(out) || comment_block(out) || empty_lines(out) || catch_all(out);
  }
};

}  // namespace

CstNode parse_cst(std::string_view text) { return CstParser(text).parse_schema(); }

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
