// The Prisma schema AST, built from the CST (see ast_builder.cpp). Mirrors psl/schema-ast's ast
// module: plain structs, spans everywhere, no resolution (names are still strings).
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/schema/source.hpp"

namespace prismapp::schema::ast {

struct Identifier {
  std::string name;
  Span span;
};

struct Expression;

struct Argument {
  std::optional<Identifier> name;  // named argument `name: value`
  // Always present: arguments carry a value. (Empty arguments `name:` live in ArgumentsList.)
  std::vector<Expression> value_storage;  // exactly one element; vector to allow recursion
  Span span;
  const Expression& value() const { return value_storage.front(); }
  bool is_unnamed() const { return !name.has_value(); }
};

// `name:` with nothing after it: kept so completion/validation can point at it.
struct EmptyArgument {
  Identifier name;
};

struct ArgumentsList {
  std::vector<Argument> arguments;
  std::vector<EmptyArgument> empty_arguments;
  std::optional<Span> trailing_comma;
};

enum class ExpressionKind { NumericValue, StringValue, ConstantValue, Function, Array };

struct Expression {
  ExpressionKind kind = ExpressionKind::ConstantValue;
  // NumericValue: the literal text; StringValue: the unescaped contents; ConstantValue: the path
  // text (e.g. `Cascade`, `db.VarChar`); Function: the function name (path).
  std::string value;
  ArgumentsList arguments;         // Function only
  std::vector<Expression> items;   // Array only
  Span span;

  bool is_string() const { return kind == ExpressionKind::StringValue; }
  bool is_function() const { return kind == ExpressionKind::Function; }
  bool is_array() const { return kind == ExpressionKind::Array; }
  bool is_constant() const { return kind == ExpressionKind::ConstantValue; }
  bool is_numeric() const { return kind == ExpressionKind::NumericValue; }
  // "string", "numeric", "literal" (constant), "functional", "array": Prisma's words in messages.
  const char* describe() const;
};

struct Attribute {
  Identifier name;  // without the `@`/`@@`, e.g. "id", "db.VarChar"
  ArgumentsList arguments;
  Span span;        // the whole attribute including `@`
};

enum class FieldArity { Required, Optional, List };

struct FieldType {
  bool unsupported = false;  // Unsupported("...")
  std::string name;          // type name, or the string inside Unsupported(...)
  Span span;
};

struct Comment {
  std::string text;  // doc comment lines joined with '\n', without `///`
};

struct Field {
  Identifier name;
  FieldType type;
  FieldArity arity = FieldArity::Required;
  std::vector<Attribute> attributes;
  std::optional<Comment> documentation;
  Span span;
};

struct Model {
  Identifier name;
  std::vector<Field> fields;
  std::vector<Attribute> attributes;  // block attributes (@@...)
  std::optional<Comment> documentation;
  bool is_view = false;
  Span span;
};

struct CompositeType {
  Identifier name;
  std::vector<Field> fields;
  std::vector<Attribute> attributes;  // not allowed by validation, but parsed
  std::optional<Comment> documentation;
  Span span;
};

struct EnumValue {
  Identifier name;
  std::vector<Attribute> attributes;
  std::optional<Comment> documentation;
  Span span;
};

struct Enum {
  Identifier name;
  std::vector<EnumValue> values;
  std::vector<Attribute> attributes;
  std::optional<Comment> documentation;
  Span span;
  Span inner_span;  // between the braces
};

struct ConfigBlockProperty {
  Identifier name;
  std::optional<Expression> value;
  Span span;
};

struct SourceConfig {
  Identifier name;
  std::vector<ConfigBlockProperty> properties;
  std::optional<Comment> documentation;
  Span span;
  Span inner_span;
};

struct GeneratorConfig {
  Identifier name;
  std::vector<ConfigBlockProperty> properties;
  std::optional<Comment> documentation;
  Span span;
};

using Top = std::variant<Model, Enum, CompositeType, SourceConfig, GeneratorConfig>;

// One parsed file.
struct SchemaAst {
  FileId file = 0;
  std::vector<Top> tops;
};

}  // namespace prismapp::schema::ast
