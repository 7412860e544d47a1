// One scalar field → one column: name (@map), type family and DDL spelling (via the dialect),
// arity, default and auto-increment.
#include <string>

#include "core/diff/calculator_context.hpp"
#include "core/schema/connector/native_type_validation.hpp"

namespace prismapp::diff::calculator_detail {
namespace {

namespace db = schema::db;
namespace connector = schema::connector;
using connector::ScalarType;

sql::ColumnArity column_arity(schema::ast::FieldArity arity) {
  switch (arity) {
    case schema::ast::FieldArity::Required: return sql::ColumnArity::Required;
    case schema::ast::FieldArity::Optional: return sql::ColumnArity::Nullable;
    case schema::ast::FieldArity::List: break;
  }
  return sql::ColumnArity::List;
}

sql::ColumnTypeFamily family_of(ScalarType scalar) {
  switch (scalar) {
    case ScalarType::Int: return sql::ColumnTypeFamily::Int;
    case ScalarType::BigInt: return sql::ColumnTypeFamily::BigInt;
    case ScalarType::Float: return sql::ColumnTypeFamily::Float;
    case ScalarType::Boolean: return sql::ColumnTypeFamily::Boolean;
    case ScalarType::String: return sql::ColumnTypeFamily::String;
    case ScalarType::DateTime: return sql::ColumnTypeFamily::DateTime;
    case ScalarType::Json: return sql::ColumnTypeFamily::Json;
    case ScalarType::Bytes: return sql::ColumnTypeFamily::Binary;
    case ScalarType::Decimal: return sql::ColumnTypeFamily::Decimal;
  }
  return sql::ColumnTypeFamily::String;
}

// The field's @db.* type, or the connector's default native type for the scalar.
std::optional<connector::NativeTypeInstance> native_type_of(const Context& ctx, const db::ScalarField& field,
                                                            ScalarType scalar) {
  if (field.native_type) {
    auto parsed = connector::parse_native_type(ctx.connector, field.native_type->name, field.native_type->arguments);
    if (parsed) return parsed;
  }
  return ctx.connector.default_native_type(scalar);
}

sql::ColumnType builtin_type(const Context& ctx, const db::ScalarField& field, ScalarType scalar) {
  sql::ColumnType type;
  type.family = family_of(scalar);
  auto native = native_type_of(ctx, field, scalar);
  type.full_data_type = ctx.hooks.column_data_type(scalar, native);
  if (native) type.native_type = native->to_string();
  return type;
}

sql::ColumnType enum_type(const Context& ctx, db::ScalarFieldId field_id, const db::ScalarField& field) {
  sql::ColumnType type;
  switch (ctx.hooks.enum_storage()) {
    case dialect::EnumStorage::Text:
      // Prisma types these as plain strings: the database knows nothing of the enum.
      type.family = sql::ColumnTypeFamily::String;
      type.full_data_type = ctx.hooks.enum_text_data_type();
      break;
    case dialect::EnumStorage::NamedType:
      type.family = sql::ColumnTypeFamily::Enum;
      type.enum_id = ctx.enum_ids[field.type.enum_id.value];
      type.full_data_type = std::string(ctx.db.enum_(field.type.enum_id).database_name());
      break;
    case dialect::EnumStorage::PerColumn:
      type.family = sql::ColumnTypeFamily::Enum;
      type.enum_id = ctx.field_enum_ids[field_id.value];
      type.full_data_type = ctx.hooks.per_column_enum_data_type(ctx.out.schema.enum_(type.enum_id));
      break;
  }
  return type;
}

// SQLite's implicit rowid alias: the field is the model's whole primary key.
bool is_sole_primary_key_field(const Context& ctx, const db::ScalarField& field, db::ScalarFieldId field_id) {
  const auto& pk = ctx.db.model(field.model).keys.primary_key;
  return pk && pk->fields.size() == 1 && pk->fields.front().field == field_id;
}

}  // namespace

void push_column(Context& ctx, sql::TableId table, db::ScalarFieldId field_id) {
  const db::ScalarField& field = ctx.db.scalar_field(field_id);
  sql::Column column;
  column.name = std::string(field.database_name());
  switch (field.type.kind) {
    case db::ScalarFieldType::Kind::BuiltIn: column.type = builtin_type(ctx, field, field.type.builtin); break;
    case db::ScalarFieldType::Kind::Enum: column.type = enum_type(ctx, field_id, field); break;
    case db::ScalarFieldType::Kind::CompositeType: column.type = builtin_type(ctx, field, ScalarType::Json); break;
    case db::ScalarFieldType::Kind::Unsupported:
      column.type.family = sql::ColumnTypeFamily::Unsupported;
      column.type.full_data_type = field.type.unsupported;
      break;
  }
  column.type.arity = column_arity(field.arity());

  ColumnDefault dflt = column_default(ctx, field, ctx.out.schema.tables[table.value].name);
  column.default_value = std::move(dflt.value);
  column.auto_increment =
      dflt.autoincrement ||
      (field.type.kind == db::ScalarFieldType::Kind::BuiltIn &&
       ctx.hooks.is_implicit_autoincrement_primary_key(field.type.builtin, is_sole_primary_key_field(ctx, field, field_id)));

  sql::ColumnId id = ctx.schema().add_column(table, std::move(column));
  ctx.field_columns[field_id.value] = id;
  if (dflt.prisma_level) ctx.out.prisma_level_defaults.push_back(id);
}

}  // namespace prismapp::diff::calculator_detail
