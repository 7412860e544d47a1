// Scalar (non-relation) fields of models: resolved type and field-level attributes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/connector/scalar_type.hpp"
#include "core/schema/db/ids.hpp"

namespace prismapp::schema::db {

// Built-in scalar types are the connector layer's (parse_scalar_type / scalar_type_name).
using connector::ScalarType;

struct ScalarFieldType {
  enum class Kind { BuiltIn, Enum, CompositeType, Unsupported } kind = Kind::BuiltIn;
  ScalarType builtin = ScalarType::String;  // Kind::BuiltIn
  EnumId enum_id;                           // Kind::Enum
  CompositeTypeId composite_type_id;        // Kind::CompositeType
  std::string unsupported;                  // Kind::Unsupported: the text inside Unsupported("...")
};

// @default(...) on a field.
struct DefaultValue {
  const ast::Attribute* attribute = nullptr;
  const ast::Expression* value = nullptr;    // the first (unnamed or `value:`) argument
  std::optional<std::string> mapped_name;    // @default(..., map: "...")
  Span span() const { return attribute->span; }
};

// @db.Type(args) (prefix = the datasource name).
struct NativeTypeAttribute {
  const ast::Attribute* attribute = nullptr;
  std::string datasource_name;  // "db" in @db.VarChar
  std::string name;             // "VarChar"
  std::vector<std::string> arguments;  // as written (numbers, `max`...)
};

struct ScalarField {
  ModelId model;
  std::size_t ast_field_index = 0;           // into ast::Model::fields
  const ast::Field* ast = nullptr;
  ScalarFieldType type;
  std::optional<std::string> mapped_name;    // @map("...")
  Span mapped_name_span;
  std::optional<DefaultValue> default_value;
  bool is_updated_at = false;                // @updatedAt
  Span updated_at_span;
  bool is_ignored = false;                   // @ignore
  std::optional<NativeTypeAttribute> native_type;
  std::optional<Span> shard_key_span;        // @shardKey

  std::string_view name() const { return ast->name.name; }
  std::string_view database_name() const { return mapped_name ? std::string_view(*mapped_name) : name(); }
  ast::FieldArity arity() const { return ast->arity; }
  bool is_optional() const { return ast->arity == ast::FieldArity::Optional; }
  bool is_list() const { return ast->arity == ast::FieldArity::List; }
};

}  // namespace prismapp::schema::db
