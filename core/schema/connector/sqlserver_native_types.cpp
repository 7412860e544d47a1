// SQL Server native types (psl-core mssql_datamodel_connector/native_types.rs) and their argument
// range checks (MsSqlDatamodelConnector::validate_native_type_arguments).
#include "core/schema/connector/connector.hpp"
#include "core/schema/connector/native_type_errors.hpp"
#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {
namespace {

using A = NativeTypeArgs;
using S = ScalarType;

// `natural` follows Prisma's scalar_type_for_native_type verbatim, including its oddities
// (BigInt -> Int, Bit -> Bytes, Money -> Float).
constexpr NativeTypeConstructor kConstructors[] = {
    {"TinyInt", A::None, {S::Int}, S::Int},
    {"SmallInt", A::None, {S::Int}, S::Int},
    {"Int", A::None, {S::Int}, S::Int},
    {"BigInt", A::None, {S::BigInt}, S::Int},
    {"Decimal", A::OptionalNumberPair, {S::Decimal}, S::Decimal},
    {"Money", A::None, {S::Float}, S::Float},
    {"SmallMoney", A::None, {S::Float}, S::Float},
    {"Bit", A::None, {S::Boolean, S::Int}, S::Bytes},
    {"Float", A::OptionalNumber, {S::Float}, S::Float},
    {"Real", A::None, {S::Float}, S::Float},
    {"Date", A::None, {S::DateTime}, S::DateTime},
    {"Time", A::None, {S::DateTime}, S::DateTime},
    {"DateTime", A::None, {S::DateTime}, S::DateTime},
    {"DateTime2", A::None, {S::DateTime}, S::DateTime},
    {"DateTimeOffset", A::None, {S::DateTime}, S::DateTime},
    {"SmallDateTime", A::None, {S::DateTime}, S::DateTime},
    {"Char", A::OptionalNumber, {S::String}, S::String},
    {"NChar", A::OptionalNumber, {S::String}, S::String},
    {"VarChar", A::OptionalNumberOrMax, {S::String}, S::String},
    {"Text", A::None, {S::String}, S::String},
    {"NVarChar", A::OptionalNumberOrMax, {S::String}, S::String},
    {"NText", A::None, {S::String}, S::String},
    {"Binary", A::OptionalNumber, {S::Bytes}, S::Bytes},
    {"VarBinary", A::OptionalNumberOrMax, {S::Bytes}, S::Bytes},
    {"Image", A::None, {S::Bytes}, S::Bytes},
    {"Xml", A::None, {S::String}, S::String},
    {"UniqueIdentifier", A::None, {S::String}, S::String},
};

constexpr DefaultNativeType kDefaults[] = {
    {S::Int, "Int", 0, {}},
    {S::BigInt, "BigInt", 0, {}},
    {S::Float, "Float", 1, {{false, 53}}},
    {S::Decimal, "Decimal", 2, {{false, 32}, {false, 16}}},
    {S::Boolean, "Bit", 0, {}},
    {S::String, "NVarChar", 1, {{false, 1000}}},
    {S::DateTime, "DateTime2", 0, {}},
    {S::Bytes, "VarBinary", 1, {{true, 0}}},
    {S::Json, "NVarChar", 1, {{false, 1000}}},
};

void validate_arguments(const Connector& connector, const NativeTypeInstance& nt, ScalarType, Span span,
                        Diagnostics& diagnostics) {
  const std::string rendered = nt.to_string();
  const auto out_of_range = [&](std::string_view detail) {
    diagnostics.error(argument_out_of_range_message(rendered, connector.display_name, detail), span);
  };
  const std::string_view name = nt.name();

  if (name == "Decimal" && nt.args.size() == 2) {
    const std::uint32_t precision = *nt.number(0);
    const std::uint32_t scale = *nt.number(1);
    if (scale > precision) {
      diagnostics.error(scale_larger_than_precision_message(rendered, connector.display_name), span);
    } else if (precision == 0 || precision > 38) {
      out_of_range("Precision can range from 1 to 38.");
    } else if (scale > 38) {
      out_of_range("Scale can range from 0 to 38.");
    }
    return;
  }
  // `Max` arguments have no number and are never out of range.
  const auto first = nt.number(0);
  if (!first) return;
  if (name == "Float" && (*first == 0 || *first > 53)) {
    out_of_range("Bits can range from 1 to 53.");
  } else if (name == "NVarChar" && *first > 4000) {
    out_of_range("Length can range from 1 to 4000. For larger sizes, use the `Max` variant.");
  } else if ((name == "VarChar" || name == "VarBinary") && *first > 8000) {
    out_of_range("Length can range from 1 to 8000. For larger sizes, use the `Max` variant.");
  } else if (name == "NChar" && *first > 4000) {
    out_of_range("Length can range from 1 to 4000.");
  } else if ((name == "Char" || name == "Binary") && *first > 8000) {
    out_of_range("Length can range from 1 to 8000.");
  }
}

}  // namespace

const NativeTypeTable kSqlServerNativeTypes{kConstructors, kDefaults, &validate_arguments};

}  // namespace prismapp::schema::connector
