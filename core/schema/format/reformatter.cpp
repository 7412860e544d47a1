// Port of the behaviour of psl/schema-ast/src/reformat.rs onto prismapp's CST. The CST mirrors
// the pest pairs, so the walk below follows the upstream one rule by rule; the comments explain
// the layout decisions that are not obvious from the output.
#include "core/schema/format/reformatter.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/schema/cst.hpp"
#include "core/schema/format/block_comment.hpp"
#include "core/schema/format/table_format.hpp"

namespace prismapp::schema::format {
namespace {

constexpr std::size_t kFieldNameColumn = 0;
constexpr std::size_t kFieldTypeColumn = 1;
constexpr std::size_t kFieldAttributesColumn = 2;

// Canonical attribute order; anything else (native types, @@schema, unknown) keeps its relative
// order after these.
std::size_t attribute_sort_index(std::string_view path) {
  static constexpr std::array<std::string_view, 9> kOrder = {
      "id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore"};
  for (std::size_t i = 0; i < kOrder.size(); ++i)
    if (kOrder[i] == path) return i;
  return std::numeric_limits<std::size_t>::max();
}

class Reformatter {
 public:
  Reformatter(std::string_view source, int indent_width) : src_(source), out_(indent_width) {
    out_.reserve(source.size() + source.size() / 4);
  }

  std::string run(const CstNode& root) {
    reformat_top(root);
    std::string& result = out_.buffer();
    if (result.empty() || result.back() != '\n') result.push_back('\n');
    return std::move(result);
  }

 private:
  std::string_view text(const CstNode& n) const { return n.text(src_); }

  // ---- top level ------------------------------------------------------------------------------

  void reformat_top(const CstNode& root) {
    const std::span<const CstNode> items = root.children();
    std::size_t i = 0;
    if (i < items.size() && items[i].rule == Rule::empty_lines) ++i;  // leading blank lines go away
    for (; i < items.size(); ++i) {
      const CstNode& item = items[i];
      switch (item.rule) {
        case Rule::model_declaration:
        case Rule::enum_declaration:
        case Rule::config_block:
          reformat_block(item);
          break;
        case Rule::comment_block: {
          TableFormat table;
          reformat_comment_block(item, table);
          table.render(out_);
          break;
        }
        case Rule::empty_lines: {
          // Blank lines collapse to one; the ones at the end of the file disappear. The newline
          // that ends a block's `}` line is itself an empty_lines node, which is why blocks always
          // end up separated by exactly one blank line.
          bool last = i + 1 >= items.size() || items[i + 1].rule == Rule::EOI;
          if (!last) out_.end_line();
          break;
        }
        case Rule::CATCH_ALL:
        case Rule::BLOCK_LEVEL_CATCH_ALL:
        case Rule::arbitrary_block:
        case Rule::type_alias:
          // Invalid or unsupported text is copied as is (a type alias has no newline of its own,
          // so the blank line after it is absorbed).
          out_.write(text(item));
          break;
        default:
          break;
      }
    }
  }

  // ---- blocks ---------------------------------------------------------------------------------

  void reformat_block(const CstNode& block) {
    const std::span<const CstNode> kids = block.children();
    if (kids.empty()) return;
    std::string_view keyword = text(kids.front());
    std::size_t i = 1;
    for (; i < kids.size(); ++i) {
      const CstNode& k = kids[i];
      if (k.rule == Rule::identifier) {
        out_.write(keyword);
        out_.write(" ");
        out_.write(text(k));
        out_.write(" {");
        out_.end_line();
        out_.indent_up();
      } else if (k.rule == Rule::BLOCK_OPEN) {
        // Whatever follows `{` on its line (e.g. a comment) is dropped, as upstream does.
        ++i;
        break;
      }
    }
    // Contents: everything between BLOCK_OPEN and BLOCK_CLOSE (the CST has no wrapper node).
    std::size_t close = i;
    while (close < kids.size() && kids[close].rule != Rule::BLOCK_CLOSE) ++close;
    reformat_block_contents(std::span<const CstNode>(kids.data() + i, close - i));
  }

  void reformat_block_contents(std::span<const CstNode> items) {
    using Attr = std::pair<const CstNode*, const CstNode*>;  // (comment above or null, attribute)
    std::vector<Attr> attributes;
    TableFormat table;
    const CstNode* pending_comment = nullptr;

    std::size_t i = 0;
    auto peek = [&]() -> std::optional<Rule> {
      if (i < items.size()) return items[i].rule;
      return std::nullopt;
    };
    auto eat_empty_lines = [&]() {
      if (peek() == Rule::empty_lines) {
        ++i;
        return true;
      }
      return false;
    };

    eat_empty_lines();  // no blank lines at the start of a block
    while (true) {
      bool ate_empty_lines = eat_empty_lines();
      if (ate_empty_lines) {
        auto next = peek();
        // Blank lines before attributes, before comments and at the end of the block are dropped
        // here (attributes get their own separating blank line below); any other blank line
        // starts a new alignment table.
        if (next && *next != Rule::block_attribute && *next != Rule::comment_block) {
          table.render(out_);
          table.start_new_line();
        }
      }
      if (i >= items.size()) break;
      const CstNode& current = items[i++];
      switch (current.rule) {
        case Rule::comment_block:
          if (peek() == Rule::block_attribute) {
            pending_comment = &current;  // the comment travels with the attribute when sorting
          } else {
            if (ate_empty_lines) {
              table.render(out_);
              table.start_new_line();
            }
            reformat_comment_block(current, table);
          }
          break;
        case Rule::field_declaration:
          reformat_field(current, table);
          break;
        case Rule::key_value:
          reformat_key_value(current, table);
          break;
        case Rule::enum_value_declaration:
          reformat_enum_value(current, table);
          break;
        case Rule::block_attribute:
          attributes.emplace_back(std::exchange(pending_comment, nullptr), &current);
          break;
        case Rule::CATCH_ALL:
        case Rule::BLOCK_LEVEL_CATCH_ALL: {
          // Invalid lines are kept verbatim and do not take part in the column layout.
          std::string_view line = text(current);
          while (!line.empty() && line.back() == '\n') line.remove_suffix(1);
          table.interleave(line);
          break;
        }
        default:
          break;
      }
    }

    table.render(out_);
    if (!attributes.empty()) table.start_new_line();  // one blank line before block attributes
    std::stable_sort(attributes.begin(), attributes.end(), [&](const Attr& a, const Attr& b) {
      return attribute_sort_index(attribute_path(*a.second)) < attribute_sort_index(attribute_path(*b.second));
    });
    for (const auto& [comment, attribute] : attributes) {
      if (comment) reformat_comment_block(*comment, table);
      reformat_block_attribute(*attribute, table);
    }
    table.render(out_);
    out_.indent_down();
    out_.write("}");
    out_.end_line();
  }

  // ---- rows -----------------------------------------------------------------------------------

  void reformat_comment_block(const CstNode& block, TableFormat& table) {
    for (const CstNode& c : block.children()) {
      if (c.rule == Rule::comment || c.rule == Rule::doc_comment) {
        table.start_new_line();
        table.append_suffix(c.rule == Rule::doc_comment ? "///" : "//");
        table.append_suffix(comment_content(c));
      } else if (c.rule == Rule::multi_line_comment) {
        std::string_view t = text(c);  // may start with the line's indentation
        std::size_t open = t.find("/*");
        if (open != std::string_view::npos) render_block_comment(t.substr(open), table);
      }
    }
  }

  // The text after `//` or `///`, up to the end of the line.
  std::string_view comment_content(const CstNode& c) const {
    if (const CstNode* content = c.child(Rule::doc_content)) return text(*content);
    std::string_view t = text(c);
    std::size_t slash = t.find("//");
    if (slash == std::string_view::npos) return {};
    t.remove_prefix(slash + (c.rule == Rule::doc_comment ? 3 : 2));
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
    return t;
  }

  void reformat_field(const CstNode& field, TableFormat& table) {
    std::vector<const CstNode*> attributes;
    for (const CstNode& c : field.children()) {
      switch (c.rule) {
        case Rule::identifier:
          table.start_new_line();
          table.column(kFieldNameColumn).append(text(c));
          break;
        case Rule::field_type:
          write_field_type(c, table.column(kFieldTypeColumn));
          break;
        case Rule::trailing_comment:
          table.append_suffix(text(c));
          break;
        case Rule::field_attribute:
          attributes.push_back(&c);
          break;
        default:
          break;  // LEGACY_COLON (Prisma 1 syntax) is not rendered
      }
    }
    std::stable_sort(attributes.begin(), attributes.end(), [&](const CstNode* a, const CstNode* b) {
      return attribute_sort_index(attribute_path(*a)) < attribute_sort_index(attribute_path(*b));
    });
    std::string& cell = table.column(kFieldAttributesColumn);
    for (std::size_t k = 0; k < attributes.size(); ++k) {
      if (k > 0) cell.push_back(' ');
      cell.push_back('@');
      write_function_call(*attributes[k], cell);
    }
  }

  void reformat_key_value(const CstNode& kv, TableFormat& table) {
    table.start_new_line();
    for (const CstNode& c : kv.children()) {
      if (c.rule == Rule::identifier) {
        table.column(0).append(text(c));
      } else if (c.rule == Rule::expression) {
        std::string& cell = table.column(1);
        cell.append("= ");
        write_expression(c, cell);
      } else if (c.rule == Rule::trailing_comment) {
        table.append_suffix(text(c));
      }
    }
  }

  void reformat_enum_value(const CstNode& value, TableFormat& table) {
    for (const CstNode& c : value.children()) {
      switch (c.rule) {
        case Rule::identifier:
          table.start_new_line();
          table.column(0).append(text(c));
          break;
        case Rule::field_attribute: {
          // Upstream appends every attribute to the same cell without a separator; kept as is.
          std::string& cell = table.column(1);
          cell.push_back('@');
          write_function_call(c, cell);
          break;
        }
        case Rule::trailing_comment:
          table.append_suffix(text(c));
          break;
        case Rule::comment_block:
          reformat_comment_block(c, table);
          break;
        default:
          break;
      }
    }
  }

  void reformat_block_attribute(const CstNode& attribute, TableFormat& table) {
    table.start_new_line();
    for (const CstNode& c : attribute.children()) {
      if (c.rule == Rule::path) {
        std::string& cell = table.column(0);
        cell.append("@@");
        cell.append(text(c));
      } else if (c.rule == Rule::arguments_list) {
        write_arguments_list(c, table.column(0));
      } else if (c.rule == Rule::trailing_comment) {
        table.append_suffix(text(c));
      }
    }
  }

  std::string_view attribute_path(const CstNode& attribute) const {
    if (const CstNode* p = attribute.child(Rule::path)) return text(*p);
    return {};
  }

  // ---- inline syntax --------------------------------------------------------------------------

  void write_field_type(const CstNode& field_type, std::string& out) const {
    for (const CstNode& c : field_type.children()) {
      std::string_view base = c.rule == Rule::base_type ? text(c) : base_of(c);
      switch (c.rule) {
        case Rule::optional_type:
          out.append(base).push_back('?');
          break;
        case Rule::base_type:
        case Rule::legacy_required_type:  // `Type!` loses its `!`
          out.append(base);
          break;
        case Rule::list_type:
        case Rule::legacy_list_type:  // `[Type]` becomes `Type[]`
          out.append(base).append("[]");
          break;
        case Rule::unsupported_optional_list_type:
          out.append(base).append("[]?");
          break;
        default:
          break;
      }
    }
  }

  std::string_view base_of(const CstNode& wrapper) const {
    if (const CstNode* b = wrapper.child(Rule::base_type)) return text(*b);
    return {};
  }

  void write_arguments_list(const CstNode& args, std::string& out) const {
    out.push_back('(');
    bool first = true;
    for (const CstNode& c : args.children()) {
      if (c.rule == Rule::trailing_comma) continue;  // a trailing comma is dropped
      if (!first) out.append(", ");
      first = false;
      if (c.rule == Rule::expression) {
        write_expression(c, out);
      } else {  // named_argument or empty_argument
        for (const CstNode& part : c.children()) {
          if (part.rule == Rule::identifier) {
            out.append(text(part)).append(": ");
          } else if (part.rule == Rule::expression) {
            write_expression(part, out);
          }
        }
      }
    }
    out.push_back(')');
  }

  void write_expression(const CstNode& expression, std::string& out) const {
    for (const CstNode& c : expression.children()) {
      switch (c.rule) {
        case Rule::numeric_literal:
        case Rule::string_literal:
        case Rule::path:
          out.append(text(c));
          break;
        case Rule::function_call:
          write_function_call(c, out);
          break;
        case Rule::array_expression: {
          out.push_back('[');
          bool first = true;
          for (const CstNode& item : c.children()) {
            if (item.rule != Rule::expression) continue;
            if (!first) out.append(", ");
            first = false;
            write_expression(item, out);
          }
          out.push_back(']');
          break;
        }
        default:
          break;
      }
    }
  }

  // `path(args)`; also used for attributes, whose children are the same minus the `@`.
  void write_function_call(const CstNode& call, std::string& out) const {
    for (const CstNode& c : call.children()) {
      if (c.rule == Rule::path) {
        out.append(text(c));
      } else if (c.rule == Rule::arguments_list) {
        write_arguments_list(c, out);
      }
    }
  }

  std::string_view src_;
  LineWriter out_;
};

}  // namespace

std::string reformat_file(std::string_view text, int indent_width) {
  return Reformatter(text, indent_width).run(parse_cst(text).root());
}

std::string reformat_cst(const CstNode& root, std::string_view text, int indent_width) {
  return Reformatter(text, indent_width).run(root);
}

}  // namespace prismapp::schema::format
