// Validation of `@<datasource>.<Type>(args)` attributes on scalar fields. Mirrors psl-core
// validations/fields.rs `validate_native_type_arguments` plus the connectors' parse_native_type and
// validate_native_type_arguments.
//
// Argument strings are the arguments' expressions rendered as Prisma's Expression Display does:
// numbers verbatim ("10", "-1"), constants verbatim ("Max"), strings quoted ("\"x\"").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::connector {

struct NativeTypeAttribute {
  std::string_view prefix;        // "db" in `@db.VarChar(10)`: the datasource name used
  std::string_view name;          // "VarChar"
  std::vector<std::string> args;  // {"10"}
  Span span;                      // the whole attribute
};

// Runs every check, in Prisma's order, on a field of built-in type `field_type`, and returns the
// parsed native type when it is usable (valid name, arity, compatible, arguments parse).
//   1. prefix is the datasource name   "The prefix x is invalid. It must be equal to the name of an
//                                       existing datasource e.g. db. Did you mean to use db.VarChar?"
//   2. the name exists                 "Native type X is not supported for <provider> connector."
//   3. argument count                  "Function \"X\" takes N arguments, but received M." /
//                                      "Native type X takes N optional arguments, but received M."
//   4. field type compatibility        "Native type X is not compatible with declared field type Y,
//                                       expected field type Z." (Z: "String or Bytes")
//   5. arguments parse                 "Expected a nonnegative integer, but found (-1)."
//   6. connector range checks          "Argument M is out of range for native type `VarChar(70000)` of
//                                       MySQL: M can range from 0 to 65,535." and friends.
// `connector` null means no datasource: Prisma's empty connector, named "Default", has no types.
// `datasource_name` empty skips step 1.
std::optional<NativeTypeInstance> validate_native_type_attribute(const Connector* connector,
                                                                 std::string_view datasource_name,
                                                                 ScalarType field_type,
                                                                 const NativeTypeAttribute& attribute,
                                                                 Diagnostics& diagnostics);

// Parses without any check or diagnostic (Prisma's `native_type_instance()` on walkers, used by the
// index rules): nullopt for unknown names or arguments that do not parse. Arity and field type
// compatibility are NOT checked, as upstream.
std::optional<NativeTypeInstance> parse_native_type(const Connector& connector, std::string_view name,
                                                    const std::vector<std::string>& args);

// Same, reporting "Invalid Native type X." for unknown names and "Expected ..., but found (...)."
// for unparsable arguments (the connector's from_parts).
std::optional<NativeTypeInstance> parse_native_type(const Connector& connector, std::string_view name,
                                                    const std::vector<std::string>& args, Span span,
                                                    Diagnostics& diagnostics);

// For a field of type `Unsupported("<literal>")`: when the literal names a native type of the
// connector, the message Prisma reports as a validation error ("The type `Unsupported(\"Text\")` you
// specified in the type definition for the field `f` is supported as a native type by Prisma. Please
// use the native type notation `String @db.Text` for full support."). Push it with
// Diagnostics::validation_error(message, field span). nullopt when no hint applies.
std::optional<std::string> unsupported_type_native_hint(const Connector& connector, std::string_view datasource_name,
                                                        std::string_view unsupported_literal,
                                                        std::string_view field_name);

}  // namespace prismapp::schema::connector
