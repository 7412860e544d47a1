// The per-connector native type tables, each defined in <connector>_native_types.cpp.
// Internal to the connector layer: other code reaches them through Connector::native_types.
#pragma once
#include "core/schema/connector/native_type.hpp"

namespace prismapp::schema::connector {

extern const NativeTypeTable kPostgresNativeTypes;
extern const NativeTypeTable kCockroachNativeTypes;
extern const NativeTypeTable kMySqlNativeTypes;
extern const NativeTypeTable kSqliteNativeTypes;
extern const NativeTypeTable kSqlServerNativeTypes;
extern const NativeTypeTable kMongoDbNativeTypes;

}  // namespace prismapp::schema::connector
