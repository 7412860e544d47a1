// Prisma's introspection warnings (schema-connector warnings.rs): collected while rendering,
// printed as one "*** WARNING ***" block after the pull.
#pragma once
#include <string>
#include <vector>

namespace prismapp::introspect {

struct Warnings {
  std::vector<std::string> enum_values_with_empty_names;   // `Enum: "e", value: "v"`
  std::vector<std::string> models_without_columns;         // `"model"`
  std::vector<std::string> models_without_identifiers;
  std::vector<std::string> unsupported_types;              // `Model: "m", field: "f", original data type: "t"`
  std::vector<std::string> remapped_models;
  std::vector<std::string> remapped_values;
  std::vector<std::string> remapped_enums;
  std::vector<std::string> remapped_fields;                // `Model: "m", field: "f"`
  std::vector<std::string> remapped_fields_in_view;        // `View: "v", field: "f"`
  std::vector<std::string> reintrospected_id_names_in_view;  // `"v"`
  std::vector<std::string> unsupported_types_in_view;      // `View: "v", field: "f", original data type: "t"`
  std::vector<std::string> remapped_views;                 // `"v"`
  std::vector<std::string> duplicate_names;                // `Type: "model", name: "x"`
  std::vector<std::string> partition_tables;
  std::vector<std::string> inherited_tables;
  std::vector<std::string> row_level_security_tables;
  std::vector<std::string> objects_with_comments;          // `Type: "model", name: "x"`
  std::vector<std::string> expression_indexes;             // `Model: "m", constraint: ...` (unused)

  bool empty() const;
  // "*** WARNING ***\n\n<message>\n  - item\n..." in Prisma's order; "" when empty.
  std::string render() const;
};

}  // namespace prismapp::introspect
