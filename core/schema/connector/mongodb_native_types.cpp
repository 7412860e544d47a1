// MongoDB native (BSON) types (psl-core mongodb/mongodb_types.rs). No argument checks: none take
// arguments. Decimal has no default BSON type upstream (Decimal fields are rejected on MongoDB).
#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {
namespace {

using A = NativeTypeArgs;
using S = ScalarType;

constexpr NativeTypeConstructor kConstructors[] = {
    {"String", A::None, {S::String}, S::String},
    {"Double", A::None, {S::Float}, S::Float},
    {"BinData", A::None, {S::Bytes}, S::Bytes},
    {"ObjectId", A::None, {S::String, S::Bytes}, S::String},
    {"Bool", A::None, {S::Boolean}, S::Boolean},
    {"Date", A::None, {S::DateTime}, S::DateTime},
    {"Int", A::None, {S::Int}, S::Int},
    {"Timestamp", A::None, {S::DateTime}, S::DateTime},
    {"Long", A::None, {S::Int, S::BigInt}, S::Int},
    {"Json", A::None, {S::Json}, S::Json},
};

constexpr DefaultNativeType kDefaults[] = {
    {S::Int, "Long", 0, {}},
    {S::BigInt, "Long", 0, {}},
    {S::Float, "Double", 0, {}},
    {S::Boolean, "Bool", 0, {}},
    {S::String, "String", 0, {}},
    {S::DateTime, "Date", 0, {}},
    {S::Bytes, "BinData", 0, {}},
    {S::Json, "Json", 0, {}},
};

}  // namespace

const NativeTypeTable kMongoDbNativeTypes{kConstructors, kDefaults, nullptr};

}  // namespace prismapp::schema::connector
