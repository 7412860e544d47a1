#include "core/schema/connector/scalar_type.hpp"

namespace prismapp::schema::connector {

std::string_view scalar_type_name(ScalarType type) {
  switch (type) {
    case ScalarType::Int: return "Int";
    case ScalarType::BigInt: return "BigInt";
    case ScalarType::Float: return "Float";
    case ScalarType::Boolean: return "Boolean";
    case ScalarType::String: return "String";
    case ScalarType::DateTime: return "DateTime";
    case ScalarType::Json: return "Json";
    case ScalarType::Bytes: return "Bytes";
    case ScalarType::Decimal: return "Decimal";
  }
  return "";
}

std::optional<ScalarType> parse_scalar_type(std::string_view name) {
  for (ScalarType t : kAllScalarTypes) {
    if (scalar_type_name(t) == name) return t;
  }
  return std::nullopt;
}

}  // namespace prismapp::schema::connector
