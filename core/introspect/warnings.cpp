// The warning block's text, in the order and wording of Prisma's Warnings Display.
#include "core/introspect/warnings.hpp"

namespace prismapp::introspect {

bool Warnings::empty() const {
  return enum_values_with_empty_names.empty() && models_without_columns.empty() && models_without_identifiers.empty() &&
         unsupported_types.empty() && remapped_models.empty() && remapped_values.empty() && remapped_enums.empty() &&
         remapped_fields.empty() && duplicate_names.empty() && partition_tables.empty() && inherited_tables.empty() &&
         row_level_security_tables.empty() && objects_with_comments.empty() && remapped_fields_in_view.empty() &&
         reintrospected_id_names_in_view.empty() && unsupported_types_in_view.empty() && remapped_views.empty();
}

std::string Warnings::render() const {
  if (empty()) return "";
  std::string out = "*** WARNING ***\n";
  auto section = [&](const char* message, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += "\n";
    out += message;
    out += "\n";
    for (const auto& item : items) out += "  - " + item + "\n";
  };
  section("These fields were enriched with `@map` information taken from the previous Prisma schema:", remapped_fields);
  section("These fields were enriched with `@map` information taken from the previous Prisma schema:",
          remapped_fields_in_view);
  section(
      "These enum values were commented out because their names are currently not supported by Prisma. Please provide "
      "valid ones that match [a-zA-Z][a-zA-Z0-9_]* using the `@map` attribute:",
      enum_values_with_empty_names);
  section("The following models were commented out as we could not retrieve columns for them. Please check your privileges:",
          models_without_columns);
  section(
      "The following models were ignored as they do not have a valid unique identifier or id. This is currently not "
      "supported by Prisma Client:",
      models_without_identifiers);
  section("These views were enriched with custom compound id names taken from the previous Prisma schema:",
          reintrospected_id_names_in_view);
  section("These fields are not supported by Prisma Client, because Prisma currently does not support their types:",
          unsupported_types);
  section("These fields are not supported by Prisma Client, because Prisma currently does not support their types:",
          unsupported_types_in_view);
  section("These models were enriched with `@@map` information taken from the previous Prisma schema:", remapped_models);
  section("These views were enriched with `@@map` information taken from the previous Prisma schema:", remapped_views);
  section("These enum values were enriched with `@map` information taken from the previous Prisma schema:", remapped_values);
  section("These enums were enriched with `@@map` information taken from the previous Prisma schema:", remapped_enums);
  section("These items were renamed due to their names being duplicates in the Prisma Schema Language:", duplicate_names);
  section("These tables are partition tables, which are not yet fully supported:", partition_tables);
  section("These tables are inherited tables, which are not yet fully supported:", inherited_tables);
  section(
      "These tables contain row level security, which is not yet fully supported. Read more: "
      "https://pris.ly/d/row-level-security",
      row_level_security_tables);
  section(
      "These objects have comments defined in the database, which is not yet fully supported. Read more: "
      "https://pris.ly/d/database-comments",
      objects_with_comments);
  return out;
}

}  // namespace prismapp::introspect
