// `@default(...)` of an introspected column (introspection_pair/default.rs, rendering/defaults.rs):
// autoincrement() for serial/identity/AUTO_INCREMENT columns and sequences, dbgenerated("...")
// for expressions, now(), literals and enum values; a String column without a database default
// keeps the previous schema's cuid()/uuid()/nanoid()/ulid() (the client generates those).
#include <algorithm>

#include "core/introspect/names.hpp"
#include "core/introspect/render.hpp"

namespace prismapp::introspect {
namespace {

using F = sql::ColumnTypeFamily;

std::string render_value(const Context& ctx, const sql::Column& column, const sql::SqlValue& v) {
  using K = sql::SqlValue::Kind;
  switch (v.kind) {
    case K::Null: return "null";
    case K::Int:
    case K::Float: return v.text;
    case K::Boolean: {
      std::string t = v.text;
      std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      return (t == "1" || t == "true" || t == "t" || t == "b'1'") ? "true" : "false";
    }
    case K::EnumValue:
      if (column.type.family == F::Enum) {
        const MappedName variant = ctx.enum_variant_name(column.type.enum_id, v.text);
        return variant.name;
      }
      return quote(v.text);
    case K::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ", ";
        out += render_value(ctx, column, v.items[i]);
      }
      return out + "]";
    }
    case K::Json:
    case K::String:
    case K::Bytes:
    case K::DateTime: break;
  }
  return quote(v.text);
}

// The previous schema's client-side generated default, as written (cuid(), uuid(4), nanoid(16)).
std::optional<std::string> previous_generated_default(const Context& ctx, const db::ScalarField* field) {
  if (!field || !field->default_value || !field->default_value->value) return std::nullopt;
  const schema::ast::Expression& value = *field->default_value->value;
  if (!value.is_function()) return std::nullopt;
  if (value.value != "cuid" && value.value != "uuid" && value.value != "nanoid" && value.value != "ulid") return std::nullopt;
  return std::string(ctx.previous_result->parsed.sources.slice(value.span));
}

// SQLite keeps the previous enum type of a TEXT column: its default names a variant. (Prisma
// 6.19 writes the string literal here, `@default("USER")`, which its own validator rejects.)
std::optional<std::string> kept_enum_variant(const Context& ctx, const db::ScalarField* field, const sql::SqlValue& value) {
  if (!ctx.hooks.keeps_previous_enums() || value.kind != sql::SqlValue::Kind::String) return std::nullopt;
  if (!field || field->type.kind != db::ScalarFieldType::Kind::Enum) return std::nullopt;
  for (const auto& v : ctx.prev->enum_(field->type.enum_id).values)
    if (v.database_name() == value.text) return std::string(v.name());
  return std::nullopt;
}

}  // namespace

std::optional<std::string> render_default(const Context& ctx, sql::ColumnId id) {
  return render_default(ctx, ctx.sql.column(id), ctx.previous_field(id));
}

std::optional<std::string> render_default(const Context& ctx, const sql::Column& column, const db::ScalarField* previous) {
  const F family = column.type.family;
  if (column.auto_increment && (family == F::Int || family == F::BigInt)) return "@default(autoincrement())";
  if (!column.default_value) {
    if (family == F::String || family == F::Uuid) {
      if (auto generated = previous_generated_default(ctx, previous)) return "@default(" + *generated + ")";
    }
    return std::nullopt;
  }
  const sql::DefaultValue& d = *column.default_value;
  std::string inner;
  switch (d.kind) {
    case sql::DefaultValue::Kind::Sequence:
    case sql::DefaultValue::Kind::UniqueRowid: inner = "autoincrement()"; break;
    case sql::DefaultValue::Kind::DbGenerated: {
      const bool blank = std::all_of(d.expression.begin(), d.expression.end(), [](char c) { return c == '\0'; });
      inner = blank ? "dbgenerated()" : "dbgenerated(" + quote(d.expression) + ")";
      break;
    }
    case sql::DefaultValue::Kind::Now:
      if (family != F::DateTime) return std::nullopt;
      inner = "now()";
      break;
    case sql::DefaultValue::Kind::Value:
      if (!d.expression.empty()) {
        // a literal the database spells differently from Prisma (PostgreSQL timestamps): as Prisma does
        inner = "dbgenerated(" + quote(d.expression) + ")";
      } else if (auto variant = kept_enum_variant(ctx, previous, d.value)) {
        inner = *variant;
      } else if (d.value.kind == sql::SqlValue::Kind::EnumValue && family == F::Enum) {
        const MappedName variant = ctx.enum_variant_name(column.type.enum_id, d.value.text);
        inner = variant.name.empty() ? "dbgenerated(" + quote(variant.mapped.value_or("")) + ")" : variant.name;
      } else {
        inner = render_value(ctx, column, d.value);
      }
      break;
  }
  return "@default(" + inner + ")";
}

}  // namespace prismapp::introspect
