// View blocks (rendering/views.rs, introspection_pair/view.rs; views preview feature). A view
// has no keys, relations or defaults the database could tell about, so everything beyond its
// columns comes from the previous schema's `view` block: the field names and @map, @id/@unique
// and @@id/@@unique/@@index (re-introspection keeps what the user declared), relation fields,
// @@ignore, documentation. Columns are nullable as the database reports them, unless the
// previous field is required/a list and the database flavour trusts the user there.
#include <algorithm>

#include "core/introspect/names.hpp"
#include "core/introspect/render.hpp"
#include "core/introspect/render_parts.hpp"

namespace prismapp::introspect {
namespace {

std::string slice(const Context& ctx, const schema::Span& span) {
  return std::string(ctx.previous_result->parsed.sources.slice(span));
}

// The previous field's own @id/@unique attributes, as written (a view's keys exist only there).
std::string previous_key_attributes(const Context& ctx, const db::ScalarField& field) {
  std::string unique, id;
  for (const auto& attr : field.ast->attributes) {
    if (attr.name.name == "unique" && unique.empty()) unique = " " + slice(ctx, attr.span);
    if (attr.name.name == "id" && id.empty()) id = " " + slice(ctx, attr.span);
  }
  return unique + id;
}

std::string render_view_field(const Context& ctx, std::size_t v, std::size_t c, const std::string& view_name,
                              Warnings& warnings) {
  const sql::Column& column = ctx.sql.views[v].columns[c];
  const MappedName& name = ctx.view_column_names[v][c];
  const db::ScalarField* prev = ctx.previous_view_field(v, c);

  const bool commented_out = name.name.empty();
  const std::string docs = scalar_field_docs(prev, commented_out);

  sql::ColumnArity arity = column.type.arity;
  if (prev && arity == sql::ColumnArity::Nullable && ctx.hooks.keeps_previous_view_field_arity()) {
    if (prev->arity() == schema::ast::FieldArity::Required) arity = sql::ColumnArity::Required;
    else if (prev->arity() == schema::ast::FieldArity::List) arity = sql::ColumnArity::List;
  }

  std::string line = "  ";
  if (commented_out) line += "// ";
  line += (commented_out ? column.name : name.name) + " " + field_type_name(ctx, column, prev);
  if (arity == sql::ColumnArity::Nullable) line += "?";
  if (arity == sql::ColumnArity::List) line += "[]";
  if (prev && prev->is_updated_at) line += " @updatedAt";
  if (prev) line += previous_key_attributes(ctx, *prev);
  if (auto d = render_default(ctx, column, prev)) line += " " + *d;
  if (name.mapped) line += " @map(" + quote(*name.mapped) + ")";
  if (auto nt = native_type_attribute(ctx, column)) line += " " + *nt;
  if (prev && prev->is_ignored) line += " @ignore";

  if (column.type.family == sql::ColumnTypeFamily::Unsupported)
    warnings.unsupported_types_in_view.push_back("View: \"" + view_name + "\", field: \"" + name.name +
                                                 "\", original data type: \"" + column.type.full_data_type + "\"");
  if (prev && prev->mapped_name)
    warnings.remapped_fields_in_view.push_back("View: \"" + view_name + "\", field: \"" + name.name + "\"");
  return docs + line + "\n";
}

// Relation fields of the previous view whose other side still exists (Prisma copies them:
// the database has no foreign keys on views).
std::string previous_relation_fields(const Context& ctx, const db::ModelInfo& view) {
  std::string out;
  for (db::RelationFieldId id : view.relation_fields) {
    const db::RelationField& field = ctx.prev->relation_field(id);
    if (ctx.is_missing_model(field.referenced_model)) continue;
    if (field.ast->documentation) out += render_documentation(field.ast->documentation->text, "  ");
    out += "  " + slice(ctx, field.ast->span) + "\n";
  }
  return out;
}

bool is_field_level(const db::ModelInfo& view, const schema::ast::Attribute* attr) {
  return std::none_of(view.ast->attributes.begin(), view.ast->attributes.end(),
                      [&](const schema::ast::Attribute& a) { return &a == attr; });
}

void add_doc(std::string& docs, const std::string& text) {
  if (docs.find(text) != std::string::npos) return;
  if (!docs.empty()) docs += "\n";
  docs += text;
}

}  // namespace

std::string render_view(const Context& ctx, std::size_t v, Warnings& warnings) {
  const sql::View& view = ctx.sql.views[v];
  const MappedName& name = ctx.view_names[v];
  const db::ModelInfo* prev = ctx.previous_view(v);

  std::string docs;
  if (prev && prev->ast->documentation) docs = prev->ast->documentation->text;
  if (name.mapped && name.renamed_reserved && !prev)
    add_doc(docs, "This view has been renamed to '" + name.name + "' during introspection, because the original name '" +
                      *name.mapped + "' is reserved.");
  const bool has_comments = std::any_of(view.columns.begin(), view.columns.end(),
                                        [](const sql::Column& c) { return c.description.has_value(); });
  if (!prev && has_comments)
    add_doc(docs,
            "This view or at least one of its fields has comments in the database, and requires an additional setup "
            "for migrations: Read more: https://pris.ly/d/database-comments");
  for (std::size_t c = 0; c < view.columns.size(); ++c)
    if (view.columns[c].description)
      warnings.objects_with_comments.push_back("Type: \"field\", name: \"" + name.name + "." +
                                               ctx.view_column_names[v][c].name + "\"");
  if (!prev && !ctx.name_is_unique(sanitize(view.name)))
    warnings.duplicate_names.push_back("Type: \"view\", name: \"" + name.name + "\"");
  if (prev && prev->mapped_name) warnings.remapped_views.push_back("\"" + name.name + "\"");

  std::string body;
  for (std::size_t c = 0; c < view.columns.size(); ++c) body += render_view_field(ctx, v, c, name.name, warnings);
  if (prev) body += previous_relation_fields(ctx, *prev);

  std::string block_attributes;
  if (prev) {
    // @@id and the indexes other than single-field uniques, as the user wrote them.
    if (prev->keys.primary_key && !prev->keys.primary_key->is_defined_on_field() &&
        prev->keys.primary_key->fields.size() > 1 && prev->keys.primary_key->attribute) {
      block_attributes += "  " + slice(ctx, prev->keys.primary_key->attribute->span) + "\n";
      if (prev->keys.primary_key->name) warnings.reintrospected_id_names_in_view.push_back("\"" + name.name + "\"");
    }
    for (const auto& index : prev->keys.indexes) {
      if (index.is_unique() && index.fields.size() == 1) continue;
      if (!index.attribute || is_field_level(*prev, index.attribute)) continue;
      block_attributes += "  " + slice(ctx, index.attribute->span) + "\n";
    }
  }
  if (name.mapped) block_attributes += "  @@map(" + quote(*name.mapped) + ")\n";
  if (prev && prev->is_ignored) block_attributes += "  @@ignore\n";
  if (ctx.uses_namespaces) block_attributes += "  @@schema(" + quote(ctx.sql.namespaces[view.ns.value].name) + ")\n";

  std::string out = docs.empty() ? "" : render_documentation(docs, "");
  return out + "view " + name.name + " {\n" + body + (block_attributes.empty() ? "" : "\n" + block_attributes) + "}\n";
}

}  // namespace prismapp::introspect
