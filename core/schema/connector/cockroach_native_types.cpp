// CockroachDB native types (psl-core cockroach_datamodel_connector/native_types.rs) and their
// argument range checks. Same rules as Postgres, different type names (Int4, String, ...).
#include "core/schema/connector/connector.hpp"
#include "core/schema/connector/native_type_errors.hpp"
#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {
namespace {

using A = NativeTypeArgs;
using S = ScalarType;

constexpr NativeTypeConstructor kConstructors[] = {
    {"Bit", A::OptionalNumber, {S::String}, S::String},
    {"Bool", A::None, {S::Boolean}, S::Boolean},
    {"Bytes", A::None, {S::Bytes}, S::Bytes},
    {"Char", A::OptionalNumber, {S::String}, S::String},
    {"Date", A::None, {S::DateTime}, S::DateTime},
    {"Decimal", A::OptionalNumberPair, {S::Decimal}, S::Decimal},
    {"Float4", A::None, {S::Float}, S::Float},
    {"Float8", A::None, {S::Float}, S::Float},
    {"Inet", A::None, {S::String}, S::String},
    {"Int2", A::None, {S::Int}, S::Int},
    {"Int4", A::None, {S::Int}, S::Int},
    {"Int8", A::None, {S::BigInt}, S::BigInt},
    {"JsonB", A::None, {S::Json}, S::Json},
    {"Oid", A::None, {S::Int}, S::Int},
    {"CatalogSingleChar", A::None, {S::String}, S::String},
    {"String", A::OptionalNumber, {S::String}, S::String},
    {"Time", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Timestamp", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Timestamptz", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Timetz", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Uuid", A::None, {S::String}, S::String},
    {"VarBit", A::OptionalNumber, {S::String}, S::String},
};

constexpr DefaultNativeType kDefaults[] = {
    {S::Int, "Int4", 0, {}},
    {S::BigInt, "Int8", 0, {}},
    {S::Float, "Float8", 0, {}},
    {S::Decimal, "Decimal", 2, {{false, 65}, {false, 30}}},
    {S::Boolean, "Bool", 0, {}},
    {S::String, "String", 0, {}},
    {S::DateTime, "Timestamp", 1, {{false, 3}}},
    {S::Bytes, "Bytes", 0, {}},
    {S::Json, "JsonB", 0, {}},
};

void validate_arguments(const Connector& connector, const NativeTypeInstance& nt, ScalarType, Span span,
                        Diagnostics& diagnostics) {
  const std::string rendered = nt.to_string();
  const auto out_of_range = [&](std::string_view detail) {
    diagnostics.error(argument_out_of_range_message(rendered, connector.display_name, detail), span);
  };
  const std::string_view name = nt.name();
  const auto first = nt.number(0);

  if (name == "Decimal" && nt.args.size() == 2) {
    const std::uint32_t precision = *nt.number(0);
    const std::uint32_t scale = *nt.number(1);
    if (scale > precision) {
      diagnostics.error(scale_larger_than_precision_message(rendered, connector.display_name), span);
    } else if (precision > 1000 || precision == 0) {
      out_of_range("Precision must be positive with a maximum value of 1000.");
    }
  } else if ((name == "Bit" || name == "VarBit") && first == 0u) {
    out_of_range("M must be a positive integer.");
  } else if ((name == "Timestamp" || name == "Timestamptz" || name == "Time" || name == "Timetz") && first &&
             *first > 6) {
    out_of_range("M can range from 0 to 6.");
  }
}

}  // namespace

const NativeTypeTable kCockroachNativeTypes{kConstructors, kDefaults, &validate_arguments};

}  // namespace prismapp::schema::connector
