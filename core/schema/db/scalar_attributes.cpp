// Scalar-field and model attributes owned by the core resolver (Prisma's parser-database
// attributes/{map,schema,native_types,default}.rs): @map/@@map, @@schema, @db.*, @default.
#include <charconv>
#include <string>

#include "core/schema/config/coerce.hpp"
#include "core/schema/db/resolve_passes.hpp"

namespace prismapp::schema::db {

std::optional<std::string> visit_map_argument(ParserDatabase::Builder& b) {
  const ast::Expression* e = b.attributes.visit_default_arg("name");
  if (!e) return std::nullopt;
  auto s = coerce_string(*e, b.diagnostics);
  if (!s) return std::nullopt;
  return std::string(*s);
}

void resolve_field_map(ParserDatabase::Builder& b, ScalarFieldId id) {
  auto mapped = visit_map_argument(b);
  if (!mapped) return;
  ScalarField& sf = b.scalar_field(id);
  sf.mapped_name = *mapped;
  sf.mapped_name_span = b.attributes.current().span;
}

void resolve_model_map(ParserDatabase::Builder& b, ModelId model) {
  auto mapped = visit_map_argument(b);
  if (!mapped) return;
  b.model(model).mapped_name = *mapped;
  b.model(model).mapped_name_span = b.attributes.current().span;
}

void resolve_model_schema(ParserDatabase::Builder& b, ModelId model) {
  const ast::Expression* e = b.attributes.visit_default_arg("map");
  if (!e) return;
  auto s = coerce_string(*e, b.diagnostics);
  if (!s) return;
  b.model(model).schema = std::string(*s);
  b.model(model).schema_span = e->span;
}

void resolve_field_native_type(ParserDatabase::Builder& b, ScalarFieldId id,
                               const AttributeArgs::DatasourceScoped& scoped) {
  NativeTypeAttribute nt;
  nt.attribute = scoped.attribute;
  nt.datasource_name = std::string(scoped.datasource);
  nt.name = std::string(scoped.name);
  for (const auto& arg : scoped.attribute->arguments.arguments) nt.arguments.push_back(expression_to_string(arg.value()));
  b.scalar_field(id).native_type = std::move(nt);
}

namespace {

bool parses_as_int(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && p == text.data() + text.size();
}

// Functions whose arguments take one optional integer from a fixed set (uuid, cuid) or a range (nanoid).
void validate_int_arg_function(AttributeArgs& v, const ast::Expression& call, bool (*accept)(std::int64_t),
                               std::string_view range_text) {
  const auto& args = call.arguments.arguments;
  if (args.empty()) return;
  const std::string fn = call.value + "()";
  if (args.size() == 1 && args[0].value().is_numeric() && parses_as_int(args[0].value().value)) {
    std::int64_t n = 0;
    std::from_chars(args[0].value().value.data(), args[0].value().value.data() + args[0].value().value.size(), n);
    if (accept(n)) return;
    v.push_attribute_error("`" + fn + "` takes either no argument, or a single integer argument " + std::string(range_text) + ".");
    return;
  }
  v.push_attribute_error("`" + fn + "` takes a single Int argument.");
}

void validate_empty_args(AttributeArgs& v, const ast::Expression& call) {
  if (call.arguments.arguments.empty()) return;
  v.push_attribute_error("The `" + call.value + "` function does not take any argument.");
}

void validate_dbgenerated(AttributeArgs& v, const ast::Expression& call) {
  const auto& args = call.arguments.arguments;
  const bool ok = args.empty() || (args.size() == 1 && args[0].value().is_string() && !args[0].value().value.empty());
  if (!ok)
    v.push_attribute_error(
        "`dbgenerated()` takes a single String argument");
}

bool is_known_function(std::string_view name) {
  for (std::string_view f : {"autoincrement", "cuid", "ulid", "uuid", "nanoid", "now", "dbgenerated", "auto", "sequence"})
    if (f == name) return true;
  return false;
}

void validate_builtin_default(ParserDatabase::Builder& b, ScalarType type, const ast::Expression& value,
                              ScalarFieldId field) {
  AttributeArgs& v = b.attributes;
  Diagnostics& d = b.diagnostics;
  if (value.is_function()) {
    const std::string& fn = value.value;
    if (fn == "dbgenerated") return validate_dbgenerated(v, value);
    if (fn == "auto") return;
    if (type == ScalarType::DateTime && fn == "now") return validate_empty_args(v, value);
    if (type == ScalarType::String && fn == "uuid")
      return validate_int_arg_function(v, value, [](std::int64_t n) { return n == 4 || n == 7; }, "which is either 4 or 7");
    if (type == ScalarType::String && fn == "cuid")
      return validate_int_arg_function(v, value, [](std::int64_t n) { return n == 1 || n == 2; }, "which is either 1 or 2");
    if (type == ScalarType::String && fn == "nanoid")
      return validate_int_arg_function(v, value, [](std::int64_t n) { return n >= 2 && n <= 255; }, "between 2 and 255");
    if (type == ScalarType::String && fn == "ulid") return validate_empty_args(v, value);
    if ((type == ScalarType::Int || type == ScalarType::BigInt) && (fn == "autoincrement" || fn == "sequence")) {
      if (fn == "autoincrement") validate_empty_args(v, value);
      return;
    }
    if (!is_known_function(fn)) {
      b.unknown_function_defaults().push_back(field);
      return;
    }
    v.push_attribute_error("The function `" + fn + "()` cannot be used on fields of type `" +
                           std::string(connector::scalar_type_name(type)) + "`.");
    return;
  }
  switch (type) {
    case ScalarType::String:
    case ScalarType::Json:
    case ScalarType::Bytes:
    case ScalarType::DateTime:
      (void)coerce_string(value, d);
      return;
    case ScalarType::Int:
    case ScalarType::BigInt:
      if (value.is_numeric() && !parses_as_int(value.value)) {
        config::push_type_mismatch("numeric", value, d);
      } else if (!value.is_numeric()) {
        config::push_type_mismatch("numeric", value, d);
      }
      return;
    case ScalarType::Float:
    case ScalarType::Decimal:
      if (!value.is_numeric()) config::push_type_mismatch("numeric", value, d);
      return;
    case ScalarType::Boolean:
      (void)coerce_boolean(value, d);
      return;
  }
}

void validate_enum_default(ParserDatabase::Builder& b, EnumId enum_id, const ast::Expression& value) {
  if (value.is_function()) {
    if (value.value == "dbgenerated") return validate_dbgenerated(b.attributes, value);
    if (value.value == "auto") return;
  }
  auto constant = coerce_constant(value, b.diagnostics);
  if (!constant) return;
  for (const auto& ev : b.enum_(enum_id).values)
    if (ev.name() == *constant) return;
  b.attributes.push_attribute_error("The defined default value `" + std::string(*constant) +
                                        "` is not a valid value of the enum specified for the field.",
                                    value.span);
}

}  // namespace

void resolve_field_default(ParserDatabase::Builder& b, ScalarFieldId id) {
  AttributeArgs& v = b.attributes;
  const ast::Expression* value = v.visit_default_arg("value");
  if (!value) return;
  DefaultValue dv;
  dv.attribute = &v.current();
  dv.value = value;
  if (const ast::Expression* map = v.visit_optional_arg("map")) {
    if (auto s = coerce_string(*map, b.diagnostics)) dv.mapped_name = std::string(*s);
  }
  const ScalarField& sf = b.scalar_field(id);
  const ScalarFieldType type = sf.type;
  const bool list = sf.is_list();
  b.scalar_field(id).default_value = dv;

  auto each = [&](auto&& check) {
    if (list && value->is_array()) {
      for (const auto& item : value->items) check(item);
    } else if (list && !value->is_function()) {
      config::push_type_mismatch("array", *value, b.diagnostics);
    } else {
      check(*value);
    }
  };
  switch (type.kind) {
    case ScalarFieldType::Kind::CompositeType:
      v.push_attribute_error(
          "Defaults on fields of type composite are not supported. Please remove the `@default` attribute.");
      return;
    case ScalarFieldType::Kind::Enum:
      each([&](const ast::Expression& e) { validate_enum_default(b, type.enum_id, e); });
      return;
    case ScalarFieldType::Kind::BuiltIn:
      each([&](const ast::Expression& e) { validate_builtin_default(b, type.builtin, e, id); });
      return;
    case ScalarFieldType::Kind::Unsupported:
      if (value->is_function() && value->value == "dbgenerated") {
        validate_dbgenerated(v, *value);
      } else {
        v.push_attribute_error("Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
      }
      return;
  }
}

}  // namespace prismapp::schema::db
