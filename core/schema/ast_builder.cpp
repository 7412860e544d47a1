// CST → AST, following psl/schema-ast's parse_* functions, including their handling of comments:
// a comment block directly above a model/enum/config block or a field becomes its documentation
// (only `///` and `/* */` lines count; `//` lines are dropped).
#include <algorithm>
#include <optional>
#include <utility>

#include "core/schema/parser.hpp"

namespace prismapp::schema {
namespace {

class AstBuilder {
 public:
  AstBuilder(std::string_view text, FileId file, Diagnostics& diags) : text_(text), file_(file), diags_(diags) {}

  ast::SchemaAst build(const CstNode& root) {
    ast::SchemaAst out;
    out.file = file_;
    const CstNode* pending_doc = nullptr;
    const std::span<const CstNode> items = root.children();
    out.tops.reserve(count(root, Rule::model_declaration) + count(root, Rule::enum_declaration) +
                     count(root, Rule::config_block));
    for (std::size_t i = 0; i < items.size(); ++i) {
      const CstNode& item = items[i];
      switch (item.rule) {
        case Rule::model_declaration: {
          const Rule kw = item.children().front().rule;
          const CstNode* doc = std::exchange(pending_doc, nullptr);
          if (kw == Rule::TYPE_KEYWORD) out.tops.emplace_back(composite_type(item, doc));
          else out.tops.emplace_back(model(item, doc, kw == Rule::VIEW_KEYWORD));
          break;
        }
        case Rule::enum_declaration:
          out.tops.emplace_back(enum_decl(item, std::exchange(pending_doc, nullptr)));
          break;
        case Rule::config_block:
          // Prisma does not hand the pending comment to config blocks (it stays pending).
          out.tops.push_back(config_block(item));
          break;
        case Rule::type_alias:
          diags_.validation_error(
              "Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types",
              span(item));
          break;
        case Rule::comment_block: {
          const Rule next = i + 1 < items.size() ? items[i + 1].rule : Rule::EOI;
          if (next == Rule::model_declaration || next == Rule::enum_declaration || next == Rule::config_block)
            pending_doc = &item;
          break;
        }
        case Rule::CATCH_ALL:
          diags_.validation_error("This line is invalid. It does not start with any known Prisma schema keyword.",
                                  span(item));
          break;
        case Rule::arbitrary_block:
          diags_.validation_error(
              "This block is invalid. It does not start with any known Prisma schema keyword. Valid keywords "
              "include 'model', 'enum', 'type', 'datasource' and 'generator'.",
              span(item));
          break;
        default:
          break;  // empty_lines, EOI
      }
    }
    return out;
  }

 private:
  std::string_view text_;
  FileId file_;
  Diagnostics& diags_;

  Span span(const CstNode& n) const { return Span{file_, n.start, n.end}; }
  // Children with this rule: used to size vectors once (the AST is most of parsing's allocations).
  static std::size_t count(const CstNode& n, Rule r) {
    std::size_t k = 0;
    for (const auto& c : n.children()) k += c.rule == r;
    return k;
  }
  std::string str(const CstNode& n) const { return std::string(n.text(text_)); }
  ast::Identifier ident(const CstNode& n) const { return ast::Identifier{str(n), span(n)}; }

  // ---- comments -------------------------------------------------------------------------------
  std::string_view doc_line(const CstNode& comment_node) const {
    std::string_view t = comment_node.children().front().text(text_);  // doc_content
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    return t;
  }
  std::string_view multi_line_text(const CstNode& node) const {
    // Prisma strips two bytes from each end of the matched text (which may start with
    // whitespace) and trims: reproduced as is, since it shapes documentation strings.
    std::string_view t = node.text(text_);
    t = t.substr(2, t.size() - 4);
    return trim(t);
  }
  static std::string_view trim(std::string_view t) {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!t.empty() && ws(t.front())) t.remove_prefix(1);
    while (!t.empty() && ws(t.back())) t.remove_suffix(1);
    return t;
  }
  std::optional<ast::Comment> comment_lines(const CstNode& block) const {
    std::string text;
    bool any = false;
    for (const auto& c : block.children()) {
      std::string_view line;
      if (c.rule == Rule::doc_comment) line = doc_line(c);
      else if (c.rule == Rule::multi_line_comment) line = multi_line_text(c);
      else continue;
      if (any) text += '\n';
      text += line;
      any = true;
    }
    if (!any) return std::nullopt;
    return ast::Comment{std::move(text)};
  }
  std::optional<ast::Comment> doc(const CstNode* block) const {
    if (block == nullptr) return std::nullopt;
    return comment_lines(*block);
  }
  static std::optional<ast::Comment> join(std::optional<ast::Comment> a, std::optional<ast::Comment> b) {
    if (!a) return b;
    if (!b) return a;
    return ast::Comment{a->text + "\n" + b->text};
  }

  // ---- expressions ----------------------------------------------------------------------------
  ast::Expression expression(const CstNode& expr) {
    const CstNode& first = expr.children().front();
    ast::Expression e;
    e.span = span(first);
    switch (first.rule) {
      case Rule::numeric_literal:
        e.kind = ast::ExpressionKind::NumericValue;
        e.value = str(first);
        break;
      case Rule::string_literal:
        e.kind = ast::ExpressionKind::StringValue;
        e.value = string_literal(first);
        break;
      case Rule::path:
        e.kind = ast::ExpressionKind::ConstantValue;
        e.value = str(first);
        break;
      case Rule::function_call:
        e.kind = ast::ExpressionKind::Function;
        for (const auto& c : first.children()) {
          if (c.rule == Rule::path) e.value = str(c);
          else if (c.rule == Rule::arguments_list) arguments(c, e.arguments);
        }
        break;
      case Rule::array_expression:
        e.kind = ast::ExpressionKind::Array;
        for (const auto& c : first.children())
          if (c.rule == Rule::expression) e.items.push_back(expression(c));
        break;
      default:
        break;
    }
    return e;
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Parses `\uXXXX` at the start of s: returns bytes consumed and the code unit (if complete).
  static std::pair<std::size_t, std::optional<std::uint16_t>> parse_codepoint(std::string_view s) {
    if (s.size() < 4 || s.substr(0, 2) != "\\u") return {0, std::nullopt};
    std::uint16_t cp = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int v = 2 + i < s.size() ? hex_value(s[2 + i]) : -1;
      if (v < 0) return {2 + i, std::nullopt};
      cp = static_cast<std::uint16_t>((cp << 4) | v);
    }
    return {6, cp};
  }

  static void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // JSON-style unescaping with Prisma's error messages for unknown and invalid escapes.
  std::string string_literal(const CstNode& lit) {
    const CstNode& content = lit.children().front();
    const std::string_view s = content.text(text_);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
      if (s[i] != '\\') {
        out += s[i++];
        continue;
      }
      if (i + 1 >= s.size()) break;
      const char e = s[i + 1];
      switch (e) {
        case '"': out += '"'; i += 2; continue;
        case '\\': out += '\\'; i += 2; continue;
        case '/': out += '/'; i += 2; continue;
        case 'b': out += '\b'; i += 2; continue;
        case 'f': out += '\f'; i += 2; continue;
        case 'n': out += '\n'; i += 2; continue;
        case 'r': out += '\r'; i += 2; continue;
        case 't': out += '\t'; i += 2; continue;
        case 'u': i += unicode_escape(s.substr(i), content.start + static_cast<std::uint32_t>(i), out); continue;
        default: {
          std::size_t len = 1;
          const auto b = static_cast<unsigned char>(e);
          if (b >= 0xF0) len = 4;
          else if (b >= 0xE0) len = 3;
          else if (b >= 0xC0) len = 2;
          const auto start = content.start + static_cast<std::uint32_t>(i);
          diags_.error(
              "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.",
              Span{file_, start, start + 1 + static_cast<std::uint32_t>(len)});
          i += 1 + len;
          continue;
        }
      }
    }
    return out;
  }

  // Returns the number of bytes consumed from `s` (which starts with `\u`).
  std::size_t unicode_escape(std::string_view s, std::uint32_t offset, std::string& out) {
    auto error = [&](std::size_t consumed) {
      const auto end = offset + static_cast<std::uint32_t>(std::min(s.size(), consumed));
      diags_.error("Invalid unicode escape sequence.", Span{file_, offset, end});
    };
    auto [consumed, first] = parse_codepoint(s);
    if (!first) {
      error(std::max<std::size_t>(consumed, 2));
      return std::max<std::size_t>(consumed, 2);
    }
    if (*first < 0xD800 || *first > 0xDFFF) {
      append_utf8(out, *first);
      return 6;
    }
    auto [consumed2, second] = parse_codepoint(s.substr(6));
    if (!second) {
      error(consumed);
      return consumed;
    }
    if (*first <= 0xDBFF && *second >= 0xDC00 && *second <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((static_cast<char32_t>(*first) - 0xD800) << 10) + (*second - 0xDC00));
    } else {
      error(consumed + consumed2);
    }
    return consumed * 2;
  }

  void arguments(const CstNode& list, ast::ArgumentsList& out) {
    out.arguments.reserve(count(list, Rule::named_argument) + count(list, Rule::expression));
    for (const auto& c : list.children()) {
      switch (c.rule) {
        case Rule::named_argument: {
          ast::Argument arg;
          arg.span = span(c);
          for (const auto& part : c.children()) {
            if (part.rule == Rule::identifier) arg.name = ident(part);
            else if (part.rule == Rule::expression) arg.value_storage.push_back(expression(part));
          }
          out.arguments.push_back(std::move(arg));
          break;
        }
        case Rule::expression: {
          ast::Argument arg;
          arg.span = span(c);
          arg.value_storage.push_back(expression(c));
          out.arguments.push_back(std::move(arg));
          break;
        }
        case Rule::empty_argument:
          out.empty_arguments.push_back(ast::EmptyArgument{ident(c.children().front())});
          break;
        case Rule::trailing_comma:
          out.trailing_comma = span(c);
          break;
        default:
          break;
      }
    }
  }

  ast::Attribute attribute(const CstNode& node) {
    ast::Attribute attr;
    attr.span = span(node);
    for (const auto& c : node.children()) {
      if (c.rule == Rule::path) attr.name = ident(c);
      else if (c.rule == Rule::arguments_list) arguments(c, attr.arguments);
    }
    return attr;
  }

  // ---- fields and types -----------------------------------------------------------------------
  std::optional<std::pair<ast::FieldArity, ast::FieldType>> field_type(const CstNode& node, std::string& error,
                                                                        Span& error_span) {
    const CstNode& t = node.children().front();
    auto base = [&](const CstNode& base_type) {
      const CstNode& inner = base_type.children().front();
      ast::FieldType ft;
      if (inner.rule == Rule::identifier) {
        ft.name = str(inner);
        ft.span = span(inner);
      } else {  // unsupported_type: Unsupported("...")
        const CstNode& lit = inner.children().front();
        ft.unsupported = true;
        ft.name = string_literal(lit);
        ft.span = span(inner);
      }
      return ft;
    };
    switch (t.rule) {
      case Rule::optional_type: return std::pair{ast::FieldArity::Optional, base(t.children().front())};
      case Rule::list_type: return std::pair{ast::FieldArity::List, base(t.children().front())};
      case Rule::base_type: return std::pair{ast::FieldArity::Required, base(t)};
      case Rule::legacy_required_type:
        error = "Fields are required by default, `!` is no longer required.";
        break;
      case Rule::legacy_list_type:
        error = "To specify a list, please use `Type[]` instead of `[Type]`.";
        break;
      case Rule::unsupported_optional_list_type:
        error = "Optional lists are not supported. Use either `Type[]` or `Type?`.";
        break;
      default:
        break;
    }
    error_span = span(t);
    return std::nullopt;
  }

  // Returns nullopt after reporting when the declaration is not a usable field.
  std::optional<ast::Field> field(std::string_view container_kind, std::string_view container_name,
                                  const CstNode& node, const CstNode* pending_comment) {
    ast::Field f;
    f.span = span(node);
    f.documentation = doc(pending_comment);
    f.attributes.reserve(count(node, Rule::field_attribute));
    bool has_name = false, has_type = false;
    for (const auto& c : node.children()) {
      switch (c.rule) {
        case Rule::identifier:
          f.name = ident(c);
          has_name = true;
          break;
        case Rule::LEGACY_COLON:
          diags_.error("Field declarations don't require a `:`.", span(c));
          return std::nullopt;
        case Rule::field_type: {
          std::string error;
          Span error_span;
          auto ft = field_type(c, error, error_span);
          if (!ft) {
            diags_.error(error, error_span);
            return std::nullopt;
          }
          f.arity = ft->first;
          f.type = std::move(ft->second);
          has_type = true;
          break;
        }
        case Rule::field_attribute:
          f.attributes.push_back(attribute(c));
          break;
        case Rule::trailing_comment:
          f.documentation = join(std::move(f.documentation), comment_lines(c));
          break;
        default:
          break;
      }
    }
    if (!has_name || !has_type) {
      diags_.error("Error validating " + std::string(container_kind) + " \"" + std::string(container_name) +
                       "\": This field declaration is invalid. It is either missing a name or a type.",
                   f.span);
      return std::nullopt;
    }
    return f;
  }

  // ---- blocks ---------------------------------------------------------------------------------
  ast::Model model(const CstNode& node, const CstNode* doc_block, bool is_view) {
    ast::Model m;
    m.span = span(node);
    m.is_view = is_view;
    m.documentation = doc(doc_block);
    m.fields.reserve(count(node, Rule::field_declaration));
    m.attributes.reserve(count(node, Rule::block_attribute));
    const CstNode* pending = nullptr;
    for (const auto& c : node.children()) {
      switch (c.rule) {
        case Rule::identifier: m.name = ident(c); break;
        case Rule::block_attribute: m.attributes.push_back(attribute(c)); break;
        case Rule::field_declaration:
          if (auto f = field(is_view ? "view" : "model", m.name.name, c, std::exchange(pending, nullptr)))
            m.fields.push_back(std::move(*f));
          break;
        case Rule::comment_block: pending = &c; break;
        case Rule::BLOCK_LEVEL_CATCH_ALL:
          diags_.validation_error("This line is not a valid field or attribute definition.", span(c));
          break;
        default: break;
      }
    }
    return m;
  }

  ast::CompositeType composite_type(const CstNode& node, const CstNode* doc_block) {
    ast::CompositeType t;
    t.span = span(node);
    t.documentation = doc(doc_block);
    const CstNode* pending = nullptr;
    for (const auto& c : node.children()) {
      switch (c.rule) {
        case Rule::identifier: t.name = ident(c); break;
        case Rule::block_attribute: {
          auto attr = attribute(c);
          const std::string& n = attr.name.name;
          const char* msg = n == "map" ? "The name of a composite type is not persisted in the database, therefore it "
                                         "does not need a mapped database name."
                            : n == "unique"   ? "A unique constraint should be defined in the model containing the embed."
                            : n == "index"    ? "An index should be defined in the model containing the embed."
                            : n == "fulltext" ? "A fulltext index should be defined in the model containing the embed."
                            : n == "id"       ? "A composite type cannot define an id."
                                              : "A composite type cannot have block-level attributes.";
          diags_.validation_error(msg, span(c));
          t.attributes.push_back(std::move(attr));
          break;
        }
        case Rule::field_declaration:
          if (auto f = field("type", t.name.name, c, std::exchange(pending, nullptr))) {
            for (const auto& attr : f->attributes) {
              const std::string& n = attr.name.name;
              if (n == "relation" || n == "unique" || n == "id")
                diags_.validation_error("Defining `@" + n + "` attribute for a field in a composite type is not allowed.",
                                        span(c));
            }
            t.fields.push_back(std::move(*f));
          }
          break;
        case Rule::comment_block: pending = &c; break;
        case Rule::BLOCK_LEVEL_CATCH_ALL:
          diags_.validation_error("This line is not a valid field or attribute definition.", span(c));
          break;
        default: break;
      }
    }
    return t;
  }

  ast::Enum enum_decl(const CstNode& node, const CstNode* doc_block) {
    ast::Enum e;
    e.span = span(node);
    e.documentation = doc(doc_block);
    const CstNode* pending = nullptr;
    bool inner_started = false;
    for (const auto& c : node.children()) {
      if (c.rule != Rule::ENUM_KEYWORD && c.rule != Rule::identifier && c.rule != Rule::BLOCK_OPEN &&
          c.rule != Rule::BLOCK_CLOSE) {
        if (!inner_started) e.inner_span = Span{file_, c.start, c.start};
        inner_started = true;
        e.inner_span.end = c.end;
      }
      switch (c.rule) {
        case Rule::identifier: e.name = ident(c); break;
        case Rule::BLOCK_OPEN:
          e.inner_span = Span{file_, c.end, c.end};
          break;
        case Rule::block_attribute: e.attributes.push_back(attribute(c)); break;
        case Rule::enum_value_declaration: {
          ast::EnumValue v;
          v.span = span(c);
          v.documentation = doc(std::exchange(pending, nullptr));
          for (const auto& part : c.children()) {
            if (part.rule == Rule::identifier) v.name = ident(part);
            else if (part.rule == Rule::field_attribute) v.attributes.push_back(attribute(part));
            else if (part.rule == Rule::trailing_comment)
              v.documentation = join(std::move(v.documentation), comment_lines(part));
          }
          e.values.push_back(std::move(v));
          break;
        }
        case Rule::comment_block: pending = &c; break;
        case Rule::BLOCK_LEVEL_CATCH_ALL:
          diags_.validation_error("This line is not an enum value definition.", span(c));
          break;
        default: break;
      }
    }
    return e;
  }

  ast::Top config_block(const CstNode& node) {
    std::vector<ast::ConfigBlockProperty> properties;
    std::optional<ast::Comment> comment;
    ast::Identifier name;
    bool is_datasource = false;
    Span inner{file_, 0, 0};
    for (const auto& c : node.children()) {
      switch (c.rule) {
        case Rule::DATASOURCE_KEYWORD: is_datasource = true; break;
        case Rule::identifier: name = ident(c); break;
        case Rule::BLOCK_OPEN: inner = Span{file_, c.end, c.end}; break;
        case Rule::key_value: {
          ast::ConfigBlockProperty prop;
          prop.span = span(c);
          for (const auto& part : c.children()) {
            if (part.rule == Rule::identifier) prop.name = ident(part);
            else if (part.rule == Rule::expression) prop.value = expression(part);
          }
          properties.push_back(std::move(prop));
          inner.end = c.end;
          break;
        }
        case Rule::comment_block:
          comment = comment_lines(c);
          inner.end = c.end;
          break;
        case Rule::BLOCK_LEVEL_CATCH_ALL:
          diags_.validation_error(std::string("This line is not a valid definition within a ") +
                                      (is_datasource ? "datasource" : "generator") + ".",
                                  span(c));
          inner.end = c.end;
          break;
        default:
          if (c.rule == Rule::empty_lines) inner.end = c.end;
          break;
      }
    }
    if (is_datasource) {
      ast::SourceConfig s;
      s.name = std::move(name);
      s.properties = std::move(properties);
      s.documentation = std::move(comment);
      s.span = span(node);
      s.inner_span = inner;
      return s;
    }
    ast::GeneratorConfig g;
    g.name = std::move(name);
    g.properties = std::move(properties);
    g.documentation = std::move(comment);
    g.span = span(node);
    return g;
  }
};

}  // namespace

ast::SchemaAst build_ast(const CstNode& root, std::string_view text, FileId file, Diagnostics& diagnostics) {
  return AstBuilder(text, file, diagnostics).build(root);
}

ast::SchemaAst parse_file(std::string_view text, FileId file, Diagnostics& diagnostics) {
  return build_ast(parse_cst(text).root(), text, file, diagnostics);
}

const char* ast::Expression::describe() const {
  switch (kind) {
    case ExpressionKind::NumericValue: return "numeric";
    case ExpressionKind::StringValue: return "string";
    case ExpressionKind::ConstantValue: return "literal";
    case ExpressionKind::Function: return "functional";
    case ExpressionKind::Array: return "array";
  }
  return "?";
}

}  // namespace prismapp::schema
