// Python type expressions for field values (upstream's TYPE_MAPPING plus enums and relations).
#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

std::string python_base_type(const Field& field) {
  switch (field.kind) {
    case FieldKind::Enum: return "'enums." + field.type + "'";
    case FieldKind::Relation: return "'models." + field.type + "'";
    case FieldKind::Unsupported: return "Any";
    case FieldKind::Scalar: break;
  }
  const std::string& t = field.type;
  if (t == "String") return "str";
  if (t == "Int" || t == "BigInt") return "int";
  if (t == "Float") return "float";
  if (t == "Boolean") return "bool";
  if (t == "DateTime") return "datetime.datetime";
  if (t == "Json") return "'fields.Json'";
  if (t == "Bytes") return "'fields.Base64'";
  if (t == "Decimal") return "decimal.Decimal";
  return "Any";
}

std::string python_type(const Field& field) {
  std::string base = python_base_type(field);
  if (!field.is_list) return base;
  // List['enums.Role'] must stay one expression: unquote the inner forward reference.
  if (base.size() > 1 && base.front() == '\'') base = base.substr(1, base.size() - 2);
  return "List['" + base + "']";
}

}  // namespace prismapp::generators::python
