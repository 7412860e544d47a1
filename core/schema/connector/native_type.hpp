// Native types (`@db.VarChar(255)`): the per-connector constructor tables and parsed instances.
// Mirrors psl-core `NativeTypeConstructor` / `NativeTypeInstance` and the `native_type_definition!`
// macro, but as plain data: one table per connector (see <connector>_native_types.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/connector/scalar_type.hpp"
#include "core/schema/diagnostics.hpp"
#include "core/schema/source.hpp"

namespace prismapp::schema::connector {

struct Connector;

// The argument shapes Prisma's native types use. Each corresponds to a Rust argument type:
// `()`, `Option<u32>`, `u32`, `Option<(u32, u32)>` and SQL Server's `Option<MsSqlTypeParameter>`.
enum class NativeTypeArgs : std::uint8_t {
  None,                 // Text
  OptionalNumber,       // VarChar(n)? on Postgres, Timestamp(p)?
  Number,               // MySQL VarChar(n), Bit(n): the argument is required
  OptionalNumberPair,   // Decimal(p, s)?
  OptionalNumberOrMax,  // SQL Server VarChar(n | Max)?
};

// How many arguments must / may be given, as Prisma counts them for its arity messages.
std::size_t required_argument_count(NativeTypeArgs args);
std::size_t optional_argument_count(NativeTypeArgs args);
// Prisma's description in "Expected <description>, but found (...)." ("a nonnegative integer").
std::string_view argument_description(NativeTypeArgs args);

struct NativeTypeConstructor {
  std::string_view name;        // "VarChar"
  NativeTypeArgs args = NativeTypeArgs::None;
  ScalarTypeList compatible;    // field types it may annotate, in Prisma's order
  ScalarType natural;           // Prisma's scalar_type_for_native_type (for the Unsupported(...) hint)
};

// One parsed argument: a number, or SQL Server's `Max`.
struct NativeTypeArgument {
  bool is_max = false;
  std::uint32_t number = 0;
  friend bool operator==(const NativeTypeArgument&, const NativeTypeArgument&) = default;
};

// A parsed native type such as `Decimal(10,2)`. Args are empty when optional arguments are omitted.
struct NativeTypeInstance {
  const NativeTypeConstructor* constructor = nullptr;
  std::vector<NativeTypeArgument> args;

  std::string_view name() const { return constructor ? constructor->name : std::string_view{}; }
  // The i-th argument as a number; nullopt when absent or `Max`.
  std::optional<std::uint32_t> number(std::size_t i) const;
  bool is_max(std::size_t i) const { return i < args.size() && args[i].is_max; }
  // Prisma's native_type_to_parts: ("Decimal", {"10", "2"}).
  std::vector<std::string> argument_strings() const;
  // Prisma's native_type_to_string: "Decimal(10,2)", "NVarChar(Max)", "Text".
  std::string to_string() const;

  friend bool operator==(const NativeTypeInstance& a, const NativeTypeInstance& b) {
    return a.name() == b.name() && a.args == b.args;
  }
};

// The default native type of a scalar type on a connector (SCALAR_TYPE_DEFAULTS upstream).
struct DefaultNativeType {
  ScalarType scalar;
  std::string_view name;
  std::uint8_t arg_count = 0;
  NativeTypeArgument args[2] = {};
};

// Connector-specific argument range checks (validate_native_type_arguments upstream).
using NativeTypeArgumentValidator = void (*)(const Connector& connector, const NativeTypeInstance& native_type,
                                             ScalarType field_type, Span span, Diagnostics& diagnostics);

struct NativeTypeTable {
  std::span<const NativeTypeConstructor> constructors;
  std::span<const DefaultNativeType> defaults;
  NativeTypeArgumentValidator validate_arguments = nullptr;  // null: no connector-specific checks
};

}  // namespace prismapp::schema::connector
