// PostgreSQL native types (psl-core postgres_datamodel_connector/native_types.rs) and their
// argument range checks (PostgresDatamodelConnector::validate_native_type_arguments).
#include "core/schema/connector/connector.hpp"
#include "core/schema/connector/native_type_errors.hpp"
#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {
namespace {

using A = NativeTypeArgs;
using S = ScalarType;

constexpr NativeTypeConstructor kConstructors[] = {
    {"SmallInt", A::None, {S::Int}, S::Int},
    {"Integer", A::None, {S::Int}, S::Int},
    {"BigInt", A::None, {S::BigInt}, S::BigInt},
    {"Decimal", A::OptionalNumberPair, {S::Decimal}, S::Decimal},
    {"Money", A::None, {S::Decimal}, S::Decimal},
    {"Inet", A::None, {S::String}, S::String},
    {"Oid", A::None, {S::Int}, S::Int},
    {"Citext", A::None, {S::String}, S::String},
    {"Real", A::None, {S::Float}, S::Float},
    {"DoublePrecision", A::None, {S::Float}, S::Float},
    {"VarChar", A::OptionalNumber, {S::String}, S::String},
    {"Char", A::OptionalNumber, {S::String}, S::String},
    {"Text", A::None, {S::String}, S::String},
    {"ByteA", A::None, {S::Bytes}, S::Bytes},
    {"Timestamp", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Timestamptz", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Date", A::None, {S::DateTime}, S::DateTime},
    {"Time", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Timetz", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Boolean", A::None, {S::Boolean}, S::Boolean},
    {"Bit", A::OptionalNumber, {S::String}, S::String},
    {"VarBit", A::OptionalNumber, {S::String}, S::String},
    {"Uuid", A::None, {S::String}, S::String},
    {"Xml", A::None, {S::String}, S::String},
    {"Json", A::None, {S::Json}, S::Json},
    {"JsonB", A::None, {S::Json}, S::Json},
};

constexpr DefaultNativeType kDefaults[] = {
    {S::Int, "Integer", 0, {}},
    {S::BigInt, "BigInt", 0, {}},
    {S::Float, "DoublePrecision", 0, {}},
    {S::Decimal, "Decimal", 2, {{false, 65}, {false, 30}}},
    {S::Boolean, "Boolean", 0, {}},
    {S::String, "Text", 0, {}},
    {S::DateTime, "Timestamp", 1, {{false, 3}}},
    {S::Bytes, "ByteA", 0, {}},
    {S::Json, "JsonB", 0, {}},
};

// Only the first failing rule is reported, as in Prisma's `match`.
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

const NativeTypeTable kPostgresNativeTypes{kConstructors, kDefaults, &validate_arguments};

}  // namespace prismapp::schema::connector
