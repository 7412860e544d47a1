// Enum blocks (rendering/enums.rs, introspection_pair/enumerator.rs): variants sanitised with
// @map, values that cannot be named commented out, @@map and @@schema.
#include "core/introspect/names.hpp"
#include "core/introspect/render.hpp"

namespace prismapp::introspect {

std::string render_enum(const Context& ctx, sql::EnumId id, Warnings& warnings) {
  const sql::Enum& e = ctx.sql.enum_(id);
  const MappedName& name = ctx.enum_name(id);
  const db::EnumInfo* prev = ctx.previous_enum(id);
  std::string out;
  if (prev && prev->ast->documentation) out += render_documentation(prev->ast->documentation->text, "");
  out += "enum " + name.name + " {\n";
  for (const std::string& value : e.values) {
    const MappedName variant = ctx.enum_variant_name(id, value);
    if (prev) {
      for (const auto& v : prev->values)
        if (v.database_name() == value && v.ast->documentation) out += render_documentation(v.ast->documentation->text, "  ");
    }
    const std::string shown = variant.name.empty() ? value : variant.name;
    const bool commented = shown.empty() || needs_sanitation(shown);
    out += "  ";
    if (commented) out += "// ";
    out += shown;
    if (variant.mapped) out += " @map(" + quote(*variant.mapped) + ")";
    out += "\n";
    if (commented) warnings.enum_values_with_empty_names.push_back("Enum: \"" + name.name + "\", value: \"" + value + "\"");
    if (variant.from_psl && variant.mapped)
      warnings.remapped_values.push_back("Enum: \"" + name.name + "\", value: \"" + variant.name + "\"");
  }
  std::string attrs;
  if (name.mapped) attrs += "  @@map(" + quote(*name.mapped) + ")\n";
  if (ctx.uses_namespaces) attrs += "  @@schema(" + quote(ctx.sql.namespaces[e.ns.value].name) + ")\n";
  if (!attrs.empty()) out += "\n" + attrs;
  if (name.from_psl && name.mapped) warnings.remapped_enums.push_back("\"" + name.name + "\"");
  return out + "}\n";
}

std::string render_previous_enum(const Context& ctx, db::EnumId id) {
  const db::EnumInfo& e = ctx.prev->enum_(id);
  std::string out;
  if (e.ast->documentation) out += render_documentation(e.ast->documentation->text, "");
  out += "enum " + std::string(e.name()) + " {\n";
  for (const auto& v : e.values) {
    if (v.ast->documentation) out += render_documentation(v.ast->documentation->text, "  ");
    out += "  " + std::string(v.name());
    if (v.mapped_name) out += " @map(" + quote(*v.mapped_name) + ")";
    out += "\n";
  }
  if (e.mapped_name) out += "\n  @@map(" + quote(*e.mapped_name) + ")\n";
  return out + "}\n";
}

}  // namespace prismapp::introspect
