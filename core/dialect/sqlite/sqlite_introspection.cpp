#include "core/dialect/sqlite/sqlite_introspection.hpp"

#include <cctype>

namespace prismapp::dialect::sqlite {
namespace {

class SqliteIntrospectionHooks final : public IntrospectionHooks {
 public:
  const schema::connector::Connector& connector() const override { return *schema::connector::find_connector("sqlite"); }
  bool keeps_previous_enums() const override { return true; }
  bool keeps_previous_view_field_arity() const override { return true; }
  std::string view_query(std::string_view definition) const override { return sqlite_view_query(definition); }
  std::string default_namespace(Connection&, const sql::SqlSchema&) const override { return "main"; }
};

// A small reader over the statement: whitespace and comments skipped, identifiers in any of
// SQLite's quotes.
struct Reader {
  std::string_view s;
  std::size_t i = 0;

  void skip() {
    while (i < s.size()) {
      if (std::isspace(static_cast<unsigned char>(s[i]))) {
        ++i;
      } else if (s.substr(i, 2) == "--") {
        while (i < s.size() && s[i] != '\n') ++i;
      } else if (s.substr(i, 2) == "/*") {
        const auto end = s.find("*/", i + 2);
        i = end == std::string_view::npos ? s.size() : end + 2;
      } else {
        break;
      }
    }
  }
  bool keyword(std::string_view word) {
    skip();
    if (s.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (std::toupper(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
    const std::size_t end = i + word.size();
    if (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '_')) return false;
    i = end;
    return true;
  }
  bool name() {
    skip();
    if (i >= s.size()) return false;
    const char open = s[i];
    const char close = open == '[' ? ']' : open;
    if (open == '"' || open == '`' || open == '[' || open == '\'') {
      for (++i; i < s.size(); ++i) {
        if (s[i] != close) continue;
        if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
          ++i;
          continue;
        }
        ++i;
        return true;
      }
      return false;
    }
    const std::size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '$' ||
                            static_cast<unsigned char>(s[i]) >= 0x80))
      ++i;
    return i > start;
  }
  bool skip_parenthesised() {
    skip();
    if (i >= s.size() || s[i] != '(') return true;
    int depth = 0;
    for (; i < s.size(); ++i) {
      if (s[i] == '(') ++depth;
      else if (s[i] == ')' && --depth == 0) {
        ++i;
        return true;
      }
    }
    return false;
  }
};

}  // namespace

std::string sqlite_view_query(std::string_view create_view) {
  Reader r{create_view};
  if (!r.keyword("CREATE")) return std::string(create_view);
  if (!r.keyword("TEMPORARY")) r.keyword("TEMP");
  if (!r.keyword("VIEW")) return std::string(create_view);
  if (r.keyword("IF") && !(r.keyword("NOT") && r.keyword("EXISTS"))) return std::string(create_view);
  if (!r.name()) return std::string(create_view);
  r.skip();
  if (r.i < create_view.size() && create_view[r.i] == '.') {
    ++r.i;
    if (!r.name()) return std::string(create_view);
  }
  if (!r.skip_parenthesised() || !r.keyword("AS")) return std::string(create_view);
  std::string_view query = create_view.substr(r.i);
  while (!query.empty() && (std::isspace(static_cast<unsigned char>(query.front())))) query.remove_prefix(1);
  while (!query.empty() && (std::isspace(static_cast<unsigned char>(query.back())) || query.back() == ';'))
    query.remove_suffix(1);
  if (query.empty()) return std::string(create_view);
  return std::string(query) + ";";
}

const IntrospectionHooks& sqlite_introspection_hooks() {
  static const SqliteIntrospectionHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect::sqlite
