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

// ---- @default (parser-database attributes/default.rs) ----
// Each check either accepts the value (the default is recorded on the field) or reports one
// error; like Prisma, a rejected default is not recorded, so later validations ignore it.

// Functions whose arguments take one optional integer from a fixed set (uuid, cuid) or a range (nanoid).
bool validate_int_arg_function(AttributeArgs& v, const ast::Expression& call, bool (*accept)(std::int64_t),
                               std::string_view range_text) {
  const auto& args = call.arguments.arguments;
  if (args.empty()) return true;
  const std::string fn = call.value + "()";
  if (args.size() == 1 && args[0].value().is_numeric() && parses_as_int(args[0].value().value)) {
    std::int64_t n = 0;
    std::from_chars(args[0].value().value.data(), args[0].value().value.data() + args[0].value().value.size(), n);
    if (accept(n)) return true;
    v.push_attribute_error("`" + fn + "` takes either no argument, or a single integer argument " + std::string(range_text) + ".");
    return false;
  }
  v.push_attribute_error("`" + fn + "` takes a single Int argument.");
  return false;
}

bool validate_empty_args(AttributeArgs& v, const ast::Expression& call) {
  if (call.arguments.arguments.empty()) return true;
  v.push_attribute_error("The `" + call.value + "` function does not take any argument. Consider changing this default to `" +
                         call.value + "()`.");
  return false;
}

bool validate_dbgenerated(AttributeArgs& v, const ast::Expression& call) {
  const auto& args = call.arguments.arguments;
  if (args.size() > 1) v.push_attribute_error("`dbgenerated()` takes a single String argument");
  if (args.empty()) return true;
  const ast::Expression& first = args[0].value();
  if (first.is_string() && first.value.empty()) {
    v.push_attribute_error("dbgenerated() takes either no argument, or a single nonempty string argument.");
    return false;
  }
  if (first.is_string()) return true;
  v.push_attribute_error("`dbgenerated()` takes a single String argument");
  return false;
}

bool is_known_function(std::string_view name) {
  for (std::string_view f : {"autoincrement", "cuid", "ulid", "uuid", "nanoid", "now", "dbgenerated", "auto"})
    if (f == name) return true;
  return false;
}

bool validate_scalar_literal(AttributeArgs& v, ScalarType type, const ast::Expression& value) {
  using K = ast::ExpressionKind;
  bool ok = false;
  switch (type) {
    case ScalarType::String:
    case ScalarType::Json:
    case ScalarType::Bytes:
    case ScalarType::DateTime: ok = value.kind == K::StringValue; break;
    case ScalarType::Int:
    case ScalarType::BigInt:
    case ScalarType::Float: ok = value.kind == K::NumericValue; break;
    case ScalarType::Decimal: ok = value.kind == K::NumericValue || value.kind == K::StringValue; break;
    case ScalarType::Boolean:
      if (value.kind != K::ConstantValue) break;
      if (value.value == "true" || value.value == "false") return true;
      v.push_attribute_error("A boolean literal must be `true` or `false`.", value.span);
      return false;
  }
  if (ok) return true;
  v.push_attribute_error("Expected a " + std::string(connector::scalar_type_name(type)) + " value, but found `" +
                         expression_to_string(value) + "`.");
  return false;
}

// A list default is accepted when it is an array whose items all pass; the first bad item stops.
bool validate_scalar_list_literal(AttributeArgs& v, ScalarType type, const ast::Expression& value) {
  if (!value.is_array()) {
    v.push_attribute_error("The default value of a list field must be a list.");
    return false;
  }
  for (const auto& item : value.items)
    if (!validate_scalar_literal(v, type, item)) return false;
  return true;
}

bool validate_literal_default(AttributeArgs& v, ScalarType type, const ast::Expression& value, bool list) {
  if (list) return validate_scalar_list_literal(v, type, value);
  if (value.is_array()) {
    v.push_attribute_error("The default value of a non-list field cannot be a list.");
    return false;
  }
  return validate_scalar_literal(v, type, value);
}

bool validate_model_builtin_default(ParserDatabase::Builder& b, ScalarType type, const ast::Expression& value,
                                    bool list, bool named, ScalarFieldId field) {
  AttributeArgs& v = b.attributes;
  if (!value.is_function()) return validate_literal_default(v, type, value, list);
  const std::string& fn = value.value;
  if (fn == "autoincrement" && named) {
    v.push_attribute_error("Naming an autoincrement default value is not allowed.");
    return false;
  }
  const bool integer = type == ScalarType::Int || type == ScalarType::BigInt;
  if (integer && fn == "autoincrement") return validate_empty_args(v, value);
  if (type == ScalarType::String && fn == "uuid")
    return validate_int_arg_function(v, value, [](std::int64_t n) { return n == 4 || n == 7; }, "which is either 4 or 7");
  if (type == ScalarType::String && fn == "cuid")
    return validate_int_arg_function(v, value, [](std::int64_t n) { return n == 1 || n == 2; }, "which is either 1 or 2");
  if (type == ScalarType::String && fn == "nanoid")
    return validate_int_arg_function(v, value, [](std::int64_t n) { return n >= 2 && n <= 255; }, "between 2 and 255");
  if (type == ScalarType::String && fn == "ulid") return validate_empty_args(v, value);
  if (type == ScalarType::DateTime && fn == "now") return validate_empty_args(v, value);
  if (fn == "auto") {
    if (value.arguments.arguments.empty()) return true;
    v.push_attribute_error("`auto()` takes no arguments");
    return false;
  }
  if (!is_known_function(fn)) {
    // Connector-specific functions (cockroachdb's sequence()) are judged by the validation pipeline.
    b.unknown_function_defaults().push_back(field);
    return true;
  }
  v.push_attribute_error("The function `" + fn + "()` cannot be used on fields of type `" +
                         std::string(connector::scalar_type_name(type)) + "`.");
  return false;
}

bool validate_enum_value_default(ParserDatabase::Builder& b, EnumId enum_id, const ast::Expression& value) {
  if (!value.is_constant()) {
    b.attributes.push_attribute_error("Expected an enum value, but found `" + expression_to_string(value) + "`.");
    return false;
  }
  for (const auto& ev : b.enum_(enum_id).values)
    if (ev.name() == value.value) return true;
  b.attributes.push_attribute_error("The defined default value `" + value.value +
                                    "` is not a valid value of the enum specified for the field.");
  return false;
}

bool validate_enum_default(ParserDatabase::Builder& b, EnumId enum_id, const ast::Expression& value, bool list) {
  if (!list) return validate_enum_value_default(b, enum_id, value);
  if (!value.is_array()) {
    b.attributes.push_attribute_error("Expected an enum value, but found `" + expression_to_string(value) + "`.");
    return false;
  }
  for (const auto& item : value.items)
    if (!validate_enum_value_default(b, enum_id, item)) return false;
  return true;
}

// "Error validating field `f` in composite type `T`: ..." where T is the field's own type.
void report_default_on_composite(ParserDatabase::Builder& b, CompositeTypeId type, const ast::Field& field) {
  b.diagnostics.error("Error validating field `" + field.name.name + "` in composite type `" +
                          std::string(b.composite_type(type).ast->name.name) +
                          "`: Defaults on fields of type composite are not supported. Please remove the `@default` "
                          "attribute.",
                      b.attributes.current().span);
}

bool validate_composite_builtin_default(ParserDatabase::Builder& b, ScalarType type, const ast::Expression& value,
                                        bool list) {
  AttributeArgs& v = b.attributes;
  if (!value.is_function()) return validate_literal_default(v, type, value, list);
  const std::string& fn = value.value;
  if (type == ScalarType::String && fn == "uuid")
    return validate_int_arg_function(v, value, [](std::int64_t n) { return n == 4 || n == 7; }, "which is either 4 or 7");
  if (type == ScalarType::String && fn == "cuid")
    return validate_int_arg_function(v, value, [](std::int64_t n) { return n == 1 || n == 2; }, "which is either 1 or 2");
  if (type == ScalarType::DateTime && fn == "now") return validate_empty_args(v, value);
  if (fn == "autoincrement" || fn == "auto") {
    v.push_attribute_error("The function `" + fn + "()` is not supported on composite fields.");
    return false;
  }
  if (!is_known_function(fn)) {
    b.diagnostics.error("Unknown function in @default(): `" + fn +
                            "` is not known. You can read about the available functions here: "
                            "https://pris.ly/d/attribute-functions",
                        value.span);
    return false;
  }
  v.push_attribute_error("The function `" + fn + "()` cannot be used on fields of type `" +
                         std::string(connector::scalar_type_name(type)) + "`.");
  return false;
}

}  // namespace

void resolve_field_default(ParserDatabase::Builder& b, ScalarFieldId id) {
  AttributeArgs& v = b.attributes;
  const ast::Expression* value = v.visit_default_arg("value");
  if (!value) return;
  DefaultValue dv;
  dv.attribute = &v.current();
  dv.value = value;
  bool named = false;
  if (const ast::Expression* map = v.visit_optional_arg("map")) {
    if (auto s = coerce_string(*map, b.diagnostics)) {
      if (s->empty()) {
        v.push_attribute_error("The `map` argument cannot be an empty string.");
      } else {
        dv.mapped_name = std::string(*s);
        named = true;
      }
    }
  }
  const ScalarField& sf = b.scalar_field(id);
  const ScalarFieldType type = sf.type;
  const bool list = sf.is_list();

  bool accepted = false;
  if (value->is_function() && value->value == "dbgenerated") {
    accepted = validate_dbgenerated(v, *value);  // valid whatever the field type
  } else {
    switch (type.kind) {
      case ScalarFieldType::Kind::CompositeType: report_default_on_composite(b, type.composite_type_id, *sf.ast); break;
      case ScalarFieldType::Kind::Enum: accepted = validate_enum_default(b, type.enum_id, *value, list); break;
      case ScalarFieldType::Kind::BuiltIn:
        accepted = validate_model_builtin_default(b, type.builtin, *value, list, named, id);
        break;
      case ScalarFieldType::Kind::Unsupported:
        v.push_attribute_error("Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
        break;
    }
  }
  if (accepted) b.scalar_field(id).default_value = dv;
}

void resolve_composite_field_default(ParserDatabase::Builder& b, CompositeTypeId ct, std::size_t field_index) {
  AttributeArgs& v = b.attributes;
  const ast::Expression* value = v.visit_default_arg("value");
  if (!value) return;
  if (v.visit_optional_arg("map")) v.push_attribute_error("The `map` argument is not allowed on a composite type field.");
  CompositeTypeFieldInfo& field = b.composite_type(ct).fields[field_index];
  DefaultValue dv;
  dv.attribute = &v.current();
  dv.value = value;
  if (value->is_function() && value->value == "dbgenerated") {
    v.push_attribute_error("Fields of composite types cannot have `dbgenerated()` as default.");
    return;
  }
  const bool list = field.ast->arity == ast::FieldArity::List;
  bool accepted = false;
  switch (field.type.kind) {
    case ScalarFieldType::Kind::CompositeType: report_default_on_composite(b, field.type.composite_type_id, *field.ast); break;
    case ScalarFieldType::Kind::Enum: accepted = validate_enum_default(b, field.type.enum_id, *value, list); break;
    case ScalarFieldType::Kind::BuiltIn: accepted = validate_composite_builtin_default(b, field.type.builtin, *value, list); break;
    case ScalarFieldType::Kind::Unsupported:
      v.push_attribute_error("Composite field of type `Unsupported` cannot have default values.");
      break;
  }
  if (accepted) b.composite_type(ct).fields[field_index].default_value = dv;
}

}  // namespace prismapp::schema::db
