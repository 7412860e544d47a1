// @default(...) → the column's database default. Literals become values typed by the field
// (Prisma's constant_expression_to_sql_default), now() becomes CURRENT_TIMESTAMP-like Now,
// dbgenerated("expr") is kept verbatim; every other function (cuid(), uuid(), nanoid(), ulid())
// runs in Prisma Client, so the database gets no default. @updatedAt alone is no default either.
#include <cerrno>
#include <cstdlib>
#include <string>

#include "core/diff/calculator_context.hpp"
#include "core/schema/connector/constraint_names.hpp"

namespace prismapp::diff::calculator_detail {
namespace {

namespace db = schema::db;
namespace ast = schema::ast;
using schema::connector::ScalarType;

// Integers are stored the way Prisma prints an i64 (so "+5" and "05" become "5").
std::string normalized_integer(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end == text.c_str() || *end != '\0') return text;
  return std::to_string(value);
}

sql::SqlValue literal_value(const ast::Expression& expr, ScalarType scalar) {
  sql::SqlValue value;
  switch (expr.kind) {
    case ast::ExpressionKind::NumericValue:
      if (scalar == ScalarType::Int || scalar == ScalarType::BigInt) {
        value.kind = sql::SqlValue::Kind::Int;
        value.text = normalized_integer(expr.value);
      } else {
        value.kind = sql::SqlValue::Kind::Float;
        value.text = expr.value;
      }
      break;
    case ast::ExpressionKind::StringValue:
      switch (scalar) {
        case ScalarType::DateTime: value.kind = sql::SqlValue::Kind::DateTime; break;
        case ScalarType::Json: value.kind = sql::SqlValue::Kind::Json; break;
        case ScalarType::Bytes: value.kind = sql::SqlValue::Kind::Bytes; break;  // base64, as written
        case ScalarType::Decimal: value.kind = sql::SqlValue::Kind::Float; break;
        default: value.kind = sql::SqlValue::Kind::String; break;
      }
      value.text = expr.value;
      break;
    case ast::ExpressionKind::Array:
      value.kind = sql::SqlValue::Kind::List;
      value.items.reserve(expr.items.size());
      for (const auto& item : expr.items) value.items.push_back(literal_value(item, scalar));
      break;
    case ast::ExpressionKind::ConstantValue:
      // The only bare constants scalar fields accept are `true` and `false`.
      value.kind = sql::SqlValue::Kind::Boolean;
      value.text = expr.value;
      break;
    case ast::ExpressionKind::Function: break;  // handled by the caller
  }
  return value;
}

// The enum value's database name (@map), looked up among the enum's values.
sql::SqlValue enum_value(const db::EnumInfo& info, const ast::Expression& expr) {
  sql::SqlValue value;
  if (expr.is_array()) {
    value.kind = sql::SqlValue::Kind::List;
    for (const auto& item : expr.items) value.items.push_back(enum_value(info, item));
    return value;
  }
  value.kind = sql::SqlValue::Kind::EnumValue;
  value.text = expr.value;
  for (const auto& v : info.values) {
    if (v.name() == expr.value) {
      value.text = std::string(v.database_name());
      break;
    }
  }
  return value;
}

// dbgenerated("expr") → "expr"; dbgenerated() → "" (the database has a default Prisma does not
// manage: nothing is rendered, and the differ leaves it alone).
sql::DefaultValue db_generated(const ast::Expression& function) {
  sql::DefaultValue value;
  value.kind = sql::DefaultValue::Kind::DbGenerated;
  const auto& args = function.arguments.arguments;
  if (!args.empty() && args.front().value().is_string()) value.expression = args.front().value().value;
  return value;
}

ColumnDefault builtin_default(const Context& ctx, const db::ScalarField& field, std::string_view table_name,
                              const ast::Expression& expr) {
  ColumnDefault result;
  if (!expr.is_function()) {
    sql::DefaultValue value;
    value.value = literal_value(expr, field.type.builtin);
    result.value = std::move(value);
    return result;
  }
  const std::string& function = expr.value;
  if (function == "dbgenerated") {
    result.value = db_generated(expr);
  } else if (function == "now") {
    result.value = sql::DefaultValue{sql::DefaultValue::Kind::Now, {}, {}, {}};
  } else if (function == "autoincrement") {
    result.autoincrement = true;
    result.value = ctx.hooks.autoincrement_default();
  } else if (function == "sequence") {  // CockroachDB
    sql::DefaultValue value;
    value.kind = sql::DefaultValue::Kind::Sequence;
    value.expression = "prisma_sequence_" + std::string(table_name) + "_" + std::string(field.database_name());
    result.value = std::move(value);
  } else {
    result.prisma_level = true;
  }
  return result;
}

}  // namespace

ColumnDefault column_default(const Context& ctx, const db::ScalarField& field, std::string_view table_name) {
  ColumnDefault result;
  if (!field.default_value || !field.default_value->value) return result;
  const ast::Expression& expr = *field.default_value->value;
  switch (field.type.kind) {
    case db::ScalarFieldType::Kind::BuiltIn: result = builtin_default(ctx, field, table_name, expr); break;
    case db::ScalarFieldType::Kind::Enum:
      if (expr.is_function()) {
        if (expr.value == "dbgenerated") result.value = db_generated(expr);
      } else {
        sql::DefaultValue value;
        value.value = enum_value(ctx.db.enum_(field.type.enum_id), expr);
        result.value = std::move(value);
      }
      break;
    case db::ScalarFieldType::Kind::Unsupported:
      // Validation only lets dbgenerated(...) through here.
      if (expr.is_function() && expr.value == "dbgenerated") result.value = db_generated(expr);
      break;
    case db::ScalarFieldType::Kind::CompositeType: break;  // MongoDB only
  }
  if (result.value && ctx.hooks.has_named_defaults()) {
    result.value->constraint_name =
        field.default_value->mapped_name
            ? *field.default_value->mapped_name
            : schema::connector::default_constraint_name(table_name, field.database_name(), ctx.connector);
  }
  return result;
}

}  // namespace prismapp::diff::calculator_detail
