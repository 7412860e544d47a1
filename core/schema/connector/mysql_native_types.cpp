// MySQL native types (psl-core mysql_datamodel_connector/native_types.rs) and their argument range
// checks (MySqlDatamodelConnector::validate_native_type_arguments).
#include "core/schema/connector/connector.hpp"
#include "core/schema/connector/native_type_errors.hpp"
#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {
namespace {

using A = NativeTypeArgs;
using S = ScalarType;

// `natural` follows Prisma's scalar_type_for_native_type, which maps TinyInt to Int and every Bit
// to Bytes even though Bit(1)/TinyInt are also accepted on Boolean fields.
constexpr NativeTypeConstructor kConstructors[] = {
    {"Int", A::None, {S::Int}, S::Int},
    {"UnsignedInt", A::None, {S::Int}, S::Int},
    {"SmallInt", A::None, {S::Int}, S::Int},
    {"UnsignedSmallInt", A::None, {S::Int}, S::Int},
    {"TinyInt", A::None, {S::Boolean, S::Int}, S::Int},
    {"UnsignedTinyInt", A::None, {S::Boolean, S::Int}, S::Int},
    {"MediumInt", A::None, {S::Int}, S::Int},
    {"UnsignedMediumInt", A::None, {S::Int}, S::Int},
    {"BigInt", A::None, {S::BigInt}, S::BigInt},
    {"Decimal", A::OptionalNumberPair, {S::Decimal}, S::Decimal},
    {"UnsignedBigInt", A::None, {S::BigInt}, S::BigInt},
    {"Float", A::None, {S::Float}, S::Float},
    {"Double", A::None, {S::Float}, S::Float},
    {"Bit", A::Number, {S::Boolean, S::Bytes}, S::Bytes},
    {"Char", A::Number, {S::String}, S::String},
    {"VarChar", A::Number, {S::String}, S::String},
    {"Binary", A::Number, {S::Bytes}, S::Bytes},
    {"VarBinary", A::Number, {S::Bytes}, S::Bytes},
    {"TinyBlob", A::None, {S::Bytes}, S::Bytes},
    {"Blob", A::None, {S::Bytes}, S::Bytes},
    {"MediumBlob", A::None, {S::Bytes}, S::Bytes},
    {"LongBlob", A::None, {S::Bytes}, S::Bytes},
    {"TinyText", A::None, {S::String}, S::String},
    {"Text", A::None, {S::String}, S::String},
    {"MediumText", A::None, {S::String}, S::String},
    {"LongText", A::None, {S::String}, S::String},
    {"Date", A::None, {S::DateTime}, S::DateTime},
    {"Time", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"DateTime", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Timestamp", A::OptionalNumber, {S::DateTime}, S::DateTime},
    {"Year", A::None, {S::Int}, S::Int},
    {"Json", A::None, {S::Json}, S::Json},
};

constexpr DefaultNativeType kDefaults[] = {
    {S::Int, "Int", 0, {}},
    {S::BigInt, "BigInt", 0, {}},
    {S::Float, "Double", 0, {}},
    {S::Decimal, "Decimal", 2, {{false, 65}, {false, 30}}},
    {S::Boolean, "TinyInt", 0, {}},
    {S::String, "VarChar", 1, {{false, 191}}},
    {S::DateTime, "DateTime", 1, {{false, 3}}},
    {S::Bytes, "LongBlob", 0, {}},
    {S::Json, "Json", 0, {}},
};

// Only the first failing rule is reported, as in Prisma's `match`.
void validate_arguments(const Connector& connector, const NativeTypeInstance& nt, ScalarType field_type, Span span,
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
    } else if (precision > 65) {
      out_of_range("Precision can range from 1 to 65.");
    } else if (scale > 30) {
      out_of_range("Scale can range from 0 to 30.");
    }
    return;
  }
  if (!first) return;
  if (name == "Bit" && (*first == 0 || *first > 64)) {
    out_of_range("M can range from 1 to 64.");
  } else if (name == "Char" && *first > 255) {
    out_of_range("M can range from 0 to 255.");
  } else if (name == "VarChar" && *first > 65535) {
    out_of_range("M can range from 0 to 65,535.");
  } else if (name == "Bit" && *first > 1 && field_type == ScalarType::Boolean) {
    out_of_range("only Bit(1) can be used as Boolean.");
  }
}

}  // namespace

const NativeTypeTable kMySqlNativeTypes{kConstructors, kDefaults, &validate_arguments};

}  // namespace prismapp::schema::connector
