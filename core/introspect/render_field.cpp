// Scalar fields of an introspected model (introspection_pair/scalar_field.rs,
// rendering/scalar_field.rs): Prisma type and arity, then the attributes in the renderer's
// fixed order: @updatedAt @unique @id @default @map @db.* @ignore.
#include <algorithm>

#include "core/introspect/names.hpp"
#include "core/introspect/render.hpp"
#include "core/introspect/render_parts.hpp"
#include "core/schema/connector/constraint_names.hpp"

namespace prismapp::introspect {
namespace {

using F = sql::ColumnTypeFamily;
using schema::connector::ScalarType;

std::optional<ScalarType> scalar_type_of(F family) {
  switch (family) {
    case F::Int: return ScalarType::Int;
    case F::BigInt: return ScalarType::BigInt;
    case F::Float: return ScalarType::Float;
    case F::Decimal: return ScalarType::Decimal;
    case F::Boolean: return ScalarType::Boolean;
    case F::String:
    case F::Uuid: return ScalarType::String;
    case F::DateTime: return ScalarType::DateTime;
    case F::Binary: return ScalarType::Bytes;
    case F::Json: return ScalarType::Json;
    case F::Enum:
    case F::Unsupported: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

// "VarChar(255)" → `@db.VarChar(255)` unless it is the scalar type's default native type.
std::optional<std::string> native_type_attribute(const Context& ctx, const sql::Column& column) {
  const auto scalar = scalar_type_of(column.type.family);
  if (!scalar || !column.type.native_type) return std::nullopt;
  const std::string& text = *column.type.native_type;
  const auto open = text.find('(');
  const std::string name = text.substr(0, open);
  std::vector<std::string> args;
  if (open != std::string::npos) {
    std::string inner = text.substr(open + 1, text.size() - open - 2);
    std::size_t start = 0;
    while (start <= inner.size()) {
      const auto comma = inner.find(',', start);
      std::string arg = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      arg.erase(std::remove(arg.begin(), arg.end(), ' '), arg.end());
      if (!arg.empty()) args.push_back(arg);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  const auto* constructor = ctx.connector.find_native_type(name);
  if (constructor) {
    schema::connector::NativeTypeInstance instance;
    instance.constructor = constructor;
    bool parsed = true;
    for (const auto& a : args) {
      schema::connector::NativeTypeArgument arg;
      if (a == "Max" || a == "max") arg.is_max = true;
      else if (!a.empty() && std::all_of(a.begin(), a.end(), [](char c) { return c >= '0' && c <= '9'; }))
        arg.number = static_cast<std::uint32_t>(std::stoul(a));
      else parsed = false;
      instance.args.push_back(arg);
    }
    if (parsed && ctx.connector.is_default_native_type(instance, *scalar)) return std::nullopt;
  }
  std::string out = "@" + ctx.datasource_name + "." + name;
  if (!args.empty()) {
    out += "(";
    for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
    out += ")";
  }
  return out;
}

namespace {

std::string index_field_arguments(const sql::IndexColumn& c, bool length_first) {
  std::vector<std::string> args;
  const std::string sort = c.sort_order == sql::SortOrder::Desc ? "sort: Desc" : "";
  const std::string length = c.length ? "length: " + std::to_string(*c.length) : "";
  if (length_first) {
    if (!length.empty()) args.push_back(length);
    if (!sort.empty()) args.push_back(sort);
  } else {
    if (!sort.empty()) args.push_back(sort);
    if (!length.empty()) args.push_back(length);
  }
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
  return out;
}

}  // namespace

std::string field_type_name(const Context& ctx, sql::ColumnId id) {
  return field_type_name(ctx, ctx.sql.column(id), ctx.previous_field(id));
}

std::string field_type_name(const Context& ctx, const sql::Column& column, const db::ScalarField* prev) {
  switch (column.type.family) {
    case F::Int: return "Int";
    case F::BigInt: return "BigInt";
    case F::Float: return "Float";
    case F::Decimal: return "Decimal";
    case F::Boolean: return "Boolean";
    case F::String:
    case F::Uuid: {
      // Databases without native enums keep the previous enum type of a text column.
      if (ctx.hooks.keeps_previous_enums()) {
        if (prev && prev->type.kind == db::ScalarFieldType::Kind::Enum) return std::string(ctx.prev->enum_(prev->type.enum_id).name());
      }
      return "String";
    }
    case F::DateTime: return "DateTime";
    case F::Binary: return "Bytes";
    case F::Json: return "Json";
    case F::Enum: return ctx.enum_name(column.type.enum_id).name;
    case F::Unsupported: return "Unsupported(" + quote(column.type.full_data_type) + ")";
  }
  return "String";
}

std::string scalar_field_docs(const db::ScalarField* previous, bool commented_out) {
  std::string docs;
  if (previous && previous->ast->documentation) docs += render_documentation(previous->ast->documentation->text, "  ");
  if (commented_out)
    docs += render_documentation(
        "This field was commented out because of an invalid name. Please provide a valid one that matches "
        "[a-zA-Z][a-zA-Z0-9_]*",
        "  ");
  return docs;
}

std::string render_scalar_field(const Context& ctx, sql::ColumnId id, Warnings& warnings) {
  const sql::Column& column = ctx.sql.column(id);
  const sql::Table& table = ctx.sql.table(column.table);
  const MappedName& name = ctx.column_name(id);
  const db::ScalarField* prev = ctx.previous_field(id);
  const std::string model_name = ctx.table_name(column.table).name;

  const bool commented_out = name.name.empty();
  const std::string docs = scalar_field_docs(prev, commented_out);

  std::string line = "  ";
  if (commented_out) line += "// ";
  line += (commented_out ? column.name : name.name) + " " + field_type_name(ctx, id);
  if (column.type.arity == sql::ColumnArity::Nullable) line += "?";
  if (column.type.arity == sql::ColumnArity::List) line += "[]";

  if (prev && prev->is_updated_at) line += " @updatedAt";

  // @unique: the first single-column unique index on the column.
  for (sql::IndexId ix : table.indexes) {
    const sql::Index& index = ctx.sql.index(ix);
    if (index.type != sql::IndexType::Unique || index.columns.size() != 1 || index.columns[0].column != id) continue;
    std::vector<std::string> args;
    const std::string default_name =
        schema::connector::unique_index_name(table.name, {std::string_view(column.name)}, ctx.connector);
    if (index.name != default_name) args.push_back("map: " + quote(index.name));
    const std::string field_args = index_field_arguments(index.columns[0], /*length_first=*/false);
    if (!field_args.empty()) args.push_back(field_args);
    line += " @unique";
    if (!args.empty()) {
      line += "(";
      for (std::size_t i = 0; i < args.size(); ++i) line += (i ? ", " : "") + args[i];
      line += ")";
    }
    break;
  }

  // @id: a one-column primary key.
  if (auto pk = ctx.sql.primary_key(column.table)) {
    const sql::Index& index = ctx.sql.index(*pk);
    if (index.columns.size() == 1 && index.columns[0].column == id) {
      std::vector<std::string> args;
      const std::string field_args = index_field_arguments(index.columns[0], /*length_first=*/false);
      if (!field_args.empty()) args.push_back(field_args);
      if (auto map = primary_key_map(ctx, column.table)) args.push_back("map: " + quote(*map));
      line += " @id";
      if (!args.empty()) {
        line += "(";
        for (std::size_t i = 0; i < args.size(); ++i) line += (i ? ", " : "") + args[i];
        line += ")";
      }
    }
  }

  if (auto d = render_default(ctx, id)) line += " " + *d;
  if (name.mapped) line += " @map(" + quote(*name.mapped) + ")";
  if (auto nt = native_type_attribute(ctx, column)) line += " " + *nt;
  if (prev && prev->is_ignored) line += " @ignore";

  if (column.type.family == F::Unsupported)
    warnings.unsupported_types.push_back("Model: \"" + model_name + "\", field: \"" + name.name +
                                         "\", original data type: \"" + column.type.full_data_type + "\"");
  if (prev && prev->mapped_name)
    warnings.remapped_fields.push_back("Model: \"" + model_name + "\", field: \"" + name.name + "\"");
  return docs + line + "\n";
}

std::optional<std::string> primary_key_map(const Context& ctx, sql::TableId table) {
  const auto pk = ctx.sql.primary_key(table);
  if (!pk || !ctx.connector.has(schema::connector::Capability::NamedPrimaryKeys)) return std::nullopt;
  const std::string& name = ctx.sql.index(*pk).name;
  if (name.empty() || name == schema::connector::primary_key_name(ctx.sql.table(table).name, ctx.connector))
    return std::nullopt;
  return name;
}

std::string index_field(const Context& ctx, const sql::IndexColumn& c) {
  std::string out = ctx.column_name(c.column).name;
  std::vector<std::string> args;
  const std::string field_args = index_field_arguments(c, /*length_first=*/true);
  if (!field_args.empty()) args.push_back(field_args);
  if (c.operator_class) {
    const std::string& op = *c.operator_class;
    const bool managed = !op.empty() && std::isupper(static_cast<unsigned char>(op.front())) && op.find('_') == std::string::npos;
    args.push_back("ops: " + (managed ? op : "raw(" + quote(op) + ")"));
  }
  if (!args.empty()) {
    out += "(";
    for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
    out += ")";
  }
  return out;
}

}  // namespace prismapp::introspect
