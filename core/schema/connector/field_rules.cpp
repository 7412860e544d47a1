#include "core/schema/connector/field_rules.hpp"

#include <string>

namespace prismapp::schema::connector {
namespace {

void field_error(std::string_view container, std::string_view model_name, std::string_view field_name,
                 const std::string& message, Span span, Diagnostics& diagnostics) {
  diagnostics.error("Error validating field `" + std::string(field_name) + "` in " + std::string(container) + " `" +
                        std::string(model_name) + "`: " + message,
                    span);
}

}  // namespace

void check_scalar_list_supported(const Connector& connector, std::string_view container, std::string_view model_name,
                                 std::string_view field_name, bool is_list, Span field_span, Diagnostics& diagnostics) {
  if (!is_list || connector.has(Capability::ScalarLists)) return;
  diagnostics.error("Field \"" + std::string(field_name) + "\" in " + std::string(container) + " \"" +
                        std::string(model_name) +
                        "\" can't be a list. The current connector does not support lists of primitive types.",
                    field_span);
}

void check_field_type_supported(const Connector& connector, std::string_view container, std::string_view model_name,
                                std::string_view field_name, ScalarType type, bool is_list, Span field_span,
                                Diagnostics& diagnostics) {
  const std::string prefix = "Field `" + std::string(field_name) + "` in " + std::string(container) + " `" +
                             std::string(model_name) + "` can't be of type ";
  if (type == ScalarType::Json) {
    if (!connector.has(Capability::Json)) {
      field_error(container, model_name, field_name,
                  prefix + "Json. The current connector does not support the Json type.", field_span, diagnostics);
    }
    if (is_list && !connector.has(Capability::JsonLists)) {
      field_error(container, model_name, field_name,
                  prefix + "Json[]. The current connector does not support the Json List type.", field_span,
                  diagnostics);
    }
  } else if (type == ScalarType::Decimal && !connector.has(Capability::DecimalType)) {
    field_error(container, model_name, field_name,
                prefix + "Decimal. The current connector does not support the Decimal type.", field_span, diagnostics);
  }
  check_scalar_list_supported(connector, container, model_name, field_name, is_list, field_span, diagnostics);
}

void check_autoincrement_fields(const Connector& connector, std::span<const AutoincrementField> fields, Span model_span,
                                Diagnostics& diagnostics) {
  if (fields.empty()) return;
  if (!connector.has(Capability::AutoIncrement)) {
    for (const auto& f : fields) {
      diagnostics.attribute_error(
          "@default", "The `autoincrement()` default value is used with a datasource that does not support it.",
          f.default_attribute_span);
    }
    return;
  }
  if (!connector.has(Capability::AutoIncrementMultipleAllowed) && fields.size() > 1) {
    diagnostics.attribute_error("@default",
                                "The `autoincrement()` default value is used multiple times on this model even though "
                                "the underlying datasource only supports one instance per table.",
                                model_span);
  }
  for (const auto& f : fields) {
    if (!connector.has(Capability::AutoIncrementAllowedOnNonId) && !f.is_single_id) {
      diagnostics.attribute_error("@default",
                                  "The `autoincrement()` default value is used on a non-id field even though the "
                                  "datasource does not support this.",
                                  f.field_span);
    }
    if (!connector.has(Capability::AutoIncrementNonIndexedAllowed) && !f.is_indexed) {
      diagnostics.attribute_error("@default",
                                  "The `autoincrement()` default value is used on a non-indexed field even though the "
                                  "datasource does not support this.",
                                  f.field_span);
    }
  }
}

void check_cockroach_autoincrement_type(const Connector& connector, ScalarType field_type, Span default_attribute_span,
                                        Diagnostics& diagnostics) {
  if (connector.id != ConnectorId::CockroachDb || field_type != ScalarType::Int) return;
  diagnostics.attribute_error("default",
                              "The `autoincrement()` default function is defined only on BigInt fields on CockroachDB. "
                              "Use sequence() if you want an autoincrementing Int field.",
                              default_attribute_span);
}

void check_auto_function_supported(const Connector& connector, Span function_span, Diagnostics& diagnostics) {
  if (connector.has(Capability::DefaultValueAuto)) return;
  diagnostics.attribute_error("@default", "The current connector does not support the `auto()` function.",
                              function_span);
}

void check_named_default_supported(const Connector& connector, bool has_map, Span default_attribute_span,
                                   Diagnostics& diagnostics) {
  if (!has_map || connector.has(Capability::NamedDefaultValues)) return;
  diagnostics.attribute_error("@default",
                              "You defined a database name for the default value of a field on the model. This is not "
                              "supported by the provider.",
                              default_attribute_span);
}

bool is_connector_default_function(const Connector& connector, std::string_view name) {
  return connector.id == ConnectorId::CockroachDb && name == "sequence";
}

void check_connector_default_function(const Connector& connector, std::string_view function_name,
                                      const ast::ArgumentsList& arguments, Span span, Diagnostics& diagnostics) {
  if (is_connector_default_function(connector, function_name)) {
    for (const ast::Argument& arg : arguments.arguments) {
      const std::string_view name = arg.name ? std::string_view(arg.name->name) : std::string_view{};
      const bool known = name == "virtual" || name == "cache" || name == "increment" || name == "minValue" ||
                         name == "maxValue" || name == "start";
      if (!known) diagnostics.error("Unexpected argument in `sequence()` function call", arg.span);
    }
    return;
  }
  diagnostics.error("Unknown function in @default(): `" + std::string(function_name) +
                        "` is not known. You can read about the available functions here: "
                        "https://pris.ly/d/attribute-functions",
                    span);
}

}  // namespace prismapp::schema::connector
