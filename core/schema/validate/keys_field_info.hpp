// What the keys validations need to know about one field of an index or primary key, whether it
// is a model field or a composite-type path (MongoDB `a.b`): its name, type, arity and native type.
#pragma once
#include <optional>
#include <string_view>

#include "core/schema/connector/native_type.hpp"
#include "core/schema/connector/native_type_validation.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/validate/context.hpp"

namespace prismapp::schema::validate {

struct IndexFieldInfo {
  const ast::Field* ast = nullptr;  // the last field of the path
  const db::ScalarFieldType* type = nullptr;
  const db::NativeTypeAttribute* native_type = nullptr;

  std::string_view name() const { return ast->name.name; }
  bool is_list() const { return ast->arity == ast::FieldArity::List; }
  bool is_required() const { return ast->arity == ast::FieldArity::Required; }
  bool is_builtin(connector::ScalarType t) const {
    return type->kind == db::ScalarFieldType::Kind::BuiltIn && type->builtin == t;
  }
};

inline IndexFieldInfo index_field_info(const db::ParserDatabase& db, const db::IndexFieldPath& path) {
  if (path.path.empty()) {
    const db::ScalarField& f = db.scalar_field(path.field);
    return {f.ast, &f.type, f.native_type ? &*f.native_type : nullptr};
  }
  const auto& [ct, idx] = path.path.back();
  const db::CompositeTypeFieldInfo& f = db.composite_type(ct).fields.at(idx);
  return {f.ast, &f.type, f.native_type ? &*f.native_type : nullptr};
}

// Prisma's native_type_instance(): the parsed `@db.X(...)`, without diagnostics.
inline std::optional<connector::NativeTypeInstance> native_type_instance(const ValidationContext& ctx,
                                                                         const IndexFieldInfo& field) {
  if (!ctx.connector || !field.native_type) return std::nullopt;
  return connector::parse_native_type(*ctx.connector, field.native_type->name, field.native_type->arguments);
}

}  // namespace prismapp::schema::validate
