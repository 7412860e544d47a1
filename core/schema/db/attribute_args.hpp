// The attribute visiting state machine of the resolver (Prisma's parser-database
// `context.rs` + `context/attributes.rs`), shared by every attribute resolver (core, keys,
// relations). Its rules apply to every attribute alike, so no resolver repeats them:
//   - an attribute set is opened with visit_attributes() and closed with
//     validate_visited_attributes(); every attribute not visited by then is reported as
//     `Attribute not known: "@x".`;
//   - visit_optional_single("x") reports `Attribute "@x" can only be defined once.` on every copy
//     when there are several (and then returns false);
//   - opening an attribute checks its arguments: empty `name:` arguments, trailing commas,
//     duplicate named arguments, several unnamed arguments;
//   - once the resolver has read the arguments it needs (visit_default_arg / visit_optional_arg),
//     validate_visited_arguments() reports `No such argument.` for each argument left over, or
//     discard_arguments() drops them silently.
//
// Usage (what the driver in attributes.cpp does for each field / block):
//   v.visit_attributes(field.attributes, AttributeArgs::Container::Field);
//   if (v.visit_optional_single("map")) { ...read args...; v.validate_visited_arguments(); }
//   v.validate_visited_attributes();
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::db {

// Named AttributeArgs because resolvers receive it to read the open attribute's arguments; it also
// holds the attribute-set state (one object per database build, at ParserDatabase::Builder::attributes).
class AttributeArgs {
 public:
  // Field attributes are written `@x`, block attributes `@@x`: messages about an attribute being
  // validated use that spelling (`Error parsing attribute "@@index": ...`).
  enum class Container { Field, Block };

  explicit AttributeArgs(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // ---- attribute sets ----
  void visit_attributes(const std::vector<ast::Attribute>& attributes, Container container);
  // Returns whether exactly one attribute `name` exists (and opens it). Reports duplicates.
  [[nodiscard]] bool visit_optional_single(std::string_view name);
  // Opens the next not yet visited attribute `name`; false when there is none left.
  [[nodiscard]] bool visit_repeated(std::string_view name);
  // The `@<datasource>.<Type>(...)` attribute, if any (duplicates reported as
  // `Attribute "@<datasource>" can only be defined once.`). Does NOT open it: native type
  // arguments are positional and are read directly from the attribute.
  struct DatasourceScoped {
    std::string_view datasource;  // "db"
    std::string_view name;        // "VarChar"
    const ast::Attribute* attribute = nullptr;
  };
  std::optional<DatasourceScoped> visit_datasource_scoped();
  // Reports `Attribute not known: "@x".` for every attribute not visited, in source order.
  void validate_visited_attributes();

  // ---- the open attribute ----
  const ast::Attribute& current() const { return *current_; }
  bool has_current() const { return current_ != nullptr; }
  // "@map" or "@@map".
  std::string current_name_with_prefix() const;
  // The argument `name`, or else the unnamed one. When both or neither exist: an error
  // (`Argument "name" is missing.` at the attribute / duplicate default argument at the named
  // one) that is pushed, or stored in *error_out when given, and nullptr is returned.
  const ast::Expression* visit_default_arg(std::string_view name, std::optional<Diagnostic>* error_out = nullptr);
  // The named argument `name`, if present.
  const ast::Expression* visit_optional_arg(std::string_view name);
  // The named argument `name` including its span (for messages pointing at the whole argument).
  const ast::Argument* visit_optional_argument(std::string_view name);
  // `No such argument.` for every argument not read, then closes the attribute.
  void validate_visited_arguments();
  // Closes the attribute without checking leftover arguments.
  void discard_arguments();

  // `Error parsing attribute "@x": <message>` at the open attribute (or at `span`).
  void push_attribute_error(std::string_view message);
  void push_attribute_error(std::string_view message, Span span);
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  bool open(std::size_t index);
  const std::vector<ast::Attribute>* attributes_ = nullptr;
  Container container_ = Container::Field;
  // Per attribute of *attributes_ (same index = source order): not visited yet. Flags rather than
  // a set: this runs for every field of every model, and the vector keeps its capacity.
  std::vector<bool> unused_;
  const ast::Attribute* current_ = nullptr;
  // Arguments of the open attribute not read yet: (name or "" for unnamed, index). The names
  // point into the AST, which outlives the visit.
  std::vector<std::pair<std::string_view, std::size_t>> args_;
  Diagnostics& diagnostics_;
};

// ---- expression coercions with Prisma's messages (parser-database `coerce`) ----
// Each reports `Expected a <kind> value, but received <describe> value `<text>`.` on mismatch.
std::optional<std::string_view> coerce_string(const ast::Expression& e, Diagnostics& d);
std::optional<std::string_view> coerce_constant(const ast::Expression& e, Diagnostics& d);  // "constant"
std::optional<std::int64_t> coerce_integer(const ast::Expression& e, Diagnostics& d);      // "numeric"
std::optional<bool> coerce_boolean(const ast::Expression& e, Diagnostics& d);
// A function call `name(args)`: "function".
const ast::Expression* coerce_function(const ast::Expression& e, Diagnostics& d);
// Prisma's `Expression` Display (strings quoted, arrays `[a, b]`) for messages.
std::string expression_to_string(const ast::Expression& e);

}  // namespace prismapp::schema::db
