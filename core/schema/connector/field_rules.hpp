// Connector-dependent rules on scalar fields and their `@default(...)` functions.
// Sources: psl-core validations/fields.rs (validate_scalar_field_connector_specific,
// validate_default_value), autoincrement.rs, default_value.rs (auto()), and the connectors'
// validate_scalar_field_unknown_default_functions / CockroachDB autoincrement rule.
#pragma once
#include <span>
#include <string_view>

#include "core/schema/ast.hpp"
#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::connector {

// Field type support, reported as "Error validating field `f` in model `M`: Field `f` in model `M`
// can't be of type Json. The current connector does not support the Json type." (and Json[],
// Decimal), plus the scalar list error "Field \"f\" in model \"M\" can't be a list. The current
// connector does not support lists of primitive types.". `container` is "model" or "view".
void check_field_type_supported(const Connector& connector, std::string_view container, std::string_view model_name,
                                std::string_view field_name, ScalarType type, bool is_list, Span field_span,
                                Diagnostics& diagnostics);
// The scalar-list part alone, for enum-typed list fields.
void check_scalar_list_supported(const Connector& connector, std::string_view container, std::string_view model_name,
                                 std::string_view field_name, bool is_list, Span field_span, Diagnostics& diagnostics);

// One `@default(autoincrement())` field of a model.
struct AutoincrementField {
  Span default_attribute_span;  // the `@default(...)` attribute
  Span field_span;
  bool is_single_id = false;  // the field alone is the model's primary key
  bool is_indexed = false;    // Prisma's field_is_indexed_for_autoincrement
};

// autoincrement.rs for one model, in Prisma's order: unsupported at all (one error per field, at the
// @default), more than one per table (at the model span), on a non-id field, on a non-indexed field.
void check_autoincrement_fields(const Connector& connector, std::span<const AutoincrementField> fields, Span model_span,
                                Diagnostics& diagnostics);

// CockroachDB: `autoincrement()` on an Int field. Upstream names the attribute "default" (no @):
// "Error parsing attribute \"default\": The `autoincrement()` default function is defined only on BigInt
// fields on CockroachDB. Use sequence() if you want an autoincrementing Int field."
void check_cockroach_autoincrement_type(const Connector& connector, ScalarType field_type, Span default_attribute_span,
                                        Diagnostics& diagnostics);

// `auto()` outside MongoDB: "The current connector does not support the `auto()` function." at the call.
void check_auto_function_supported(const Connector& connector, Span function_span, Diagnostics& diagnostics);

// `@default(..., map: "x")` without NamedDefaultValues: "You defined a database name for the default
// value of a field on the model. This is not supported by the provider."
void check_named_default_supported(const Connector& connector, bool has_map, Span default_attribute_span,
                                   Diagnostics& diagnostics);

// A `@default` function the generic validator does not know. CockroachDB accepts `sequence(...)`
// (reporting "Unexpected argument in `sequence()` function call" at any argument that is not one of
// virtual, cache, increment, minValue, maxValue, start); anything else is
// "Unknown function in @default(): `f` is not known. You can read about the available functions
// here: https://pris.ly/d/attribute-functions" at `span`. Argument value types are not checked here.
void check_connector_default_function(const Connector& connector, std::string_view function_name,
                                      const ast::ArgumentsList& arguments, Span span, Diagnostics& diagnostics);

// Whether `name` is a `@default` function only this connector knows (CockroachDB's `sequence`).
bool is_connector_default_function(const Connector& connector, std::string_view name);

}  // namespace prismapp::schema::connector
