// Model blocks (rendering/models.rs, introspection_pair/model.rs): Prisma's comments, scalar
// fields, relation fields, @@id, @@unique/@@index/@@fulltext (previous schema's order first),
// @@map, @@ignore and @@schema.
#include <algorithm>

#include "core/introspect/names.hpp"
#include "core/introspect/render.hpp"
#include "core/introspect/render_parts.hpp"
#include "core/schema/connector/constraint_names.hpp"
#include "core/schema/db/keys_constraint_names.hpp"

namespace prismapp::introspect {
namespace {

// Prisma's Model::documentation: each comment once (re-introspection finds its own comments in
// the previous schema's documentation).
void add_doc(std::string& docs, const std::string& text) {
  if (docs.find(text) != std::string::npos) return;
  if (!docs.empty()) docs += "\n";
  docs += text;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

struct RenderedIndex {
  std::optional<std::size_t> previous_position;
  std::string text;
};

// The previous schema's index attribute with the same constraint name (name or default name).
const db::IndexAttribute* previous_index(const Context& ctx, const db::ModelInfo* model, const sql::Index& index) {
  if (!model) return nullptr;
  const auto model_id = ctx.existing_model[index.table.value];
  for (const auto& attr : model->keys.indexes) {
    if (!attr.mapped_name && attr.name && *attr.name == index.name) return &attr;
    if (db::index_constraint_name(*ctx.prev, *model_id, attr, ctx.connector) == index.name) return &attr;
  }
  return nullptr;
}

std::optional<std::size_t> attribute_position(const db::ModelInfo& model, const schema::ast::Attribute* attr) {
  if (!attr) return std::nullopt;
  const auto& attrs = model.ast->attributes;
  for (std::size_t i = 0; i < attrs.size(); ++i)
    if (&attrs[i] == attr) return i;
  // Field-level attributes come first in Prisma's attribute ids.
  return std::nullopt;
}

RenderedIndex render_index(const Context& ctx, const db::ModelInfo* model, const sql::Index& index) {
  const sql::Table& table = ctx.sql.table(index.table);
  std::vector<std::string> fields;
  std::vector<std::string_view> column_names;
  for (const auto& c : index.columns) {
    fields.push_back(index_field(ctx, c));
    column_names.push_back(ctx.sql.column(c.column).name);
  }
  std::vector<std::string> args{"[" + join(fields) + "]"};
  const db::IndexAttribute* prev = previous_index(ctx, model, index);
  if (prev && prev->name) args.push_back("name: " + quote(*prev->name));
  const std::string default_name = index.type == sql::IndexType::Unique
                                       ? schema::connector::unique_index_name(table.name, column_names, ctx.connector)
                                       : schema::connector::non_unique_index_name(table.name, column_names, ctx.connector);
  if (index.name != default_name) args.push_back("map: " + quote(index.name));
  if (index.algorithm && *index.algorithm != "BTree") args.push_back("type: " + *index.algorithm);
  const char* kind = index.type == sql::IndexType::Unique     ? "@@unique"
                     : index.type == sql::IndexType::Fulltext ? "@@fulltext"
                                                              : "@@index";
  RenderedIndex out;
  out.text = std::string("  ") + kind + "(" + join(args) + ")\n";
  if (prev && model) out.previous_position = attribute_position(*model, prev->attribute);
  return out;
}

}  // namespace

std::string render_documentation(const std::string& docs, const std::string& indent) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const auto nl = docs.find('\n', start);
    const std::string line = docs.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += indent + "///" + (line.empty() ? "" : " " + line) + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string render_model(const Context& ctx, sql::TableId id, Warnings& warnings) {
  const sql::Table& table = ctx.sql.table(id);
  const MappedName& name = ctx.table_name(id);
  const db::ModelInfo* prev = ctx.previous_model(id);
  const bool is_new = prev == nullptr;
  const dialect::TableFacts* facts = ctx.facts.find(ctx.sql.namespaces[table.ns.value].name, table.name);

  std::string docs;
  if (prev && prev->ast->documentation) docs = prev->ast->documentation->text;
  if (name.mapped && name.renamed_reserved && is_new)
    add_doc(docs, "This model has been renamed to '" + name.name + "' during introspection, because the original name '" +
                      *name.mapped + "' is reserved.");
  if (facts && is_new && facts->is_partition_parent) {
    add_doc(docs,
            "This table is a partition table and requires additional setup for migrations. Visit "
            "https://pris.ly/d/partition-tables for more info.");
  }
  if (facts && is_new && facts->has_subclass)
    add_doc(docs,
            "This table has subclasses and requires additional setup for migrations. Visit "
            "https://pris.ly/d/table-inheritance for more info.");
  if (facts && is_new && facts->has_check_constraints)
    add_doc(docs,
            "This table contains check constraints and requires additional setup for migrations. Visit "
            "https://pris.ly/d/check-constraints for more info.");
  if (facts && is_new && facts->has_exclusion_constraints)
    add_doc(docs,
            "This table contains exclusion constraints and requires additional setup for migrations. Visit "
            "https://pris.ly/d/exclusion-constraints for more info.");

  const bool usable = ctx.table_has_usable_identifier(id);
  const bool ignored_in_psl = prev && prev->is_ignored;
  const bool no_columns = table.columns.empty();
  const bool ignored = ignored_in_psl || (!usable && !no_columns);
  if (no_columns) {
    add_doc(docs, std::string(ctx.hooks.no_columns_comment()));
    warnings.models_without_columns.push_back("\"" + name.name + "\"");
  } else if (!usable && !ignored_in_psl) {
    add_doc(docs,
            "The underlying table does not contain a valid unique identifier and can therefore currently not be handled "
            "by Prisma Client.");
    warnings.models_without_identifiers.push_back("\"" + name.name + "\"");
  }
  const bool has_comments =
      table.description || std::any_of(table.columns.begin(), table.columns.end(),
                                       [&](sql::ColumnId c) { return ctx.sql.column(c).description.has_value(); });
  if (is_new && has_comments) {
    add_doc(docs,
            "This model or at least one of its fields has comments in the database, and requires an additional setup "
            "for migrations: Read more: https://pris.ly/d/database-comments");
    warnings.objects_with_comments.push_back("Type: \"model\", name: \"" + name.name + "\"");
  }
  if (facts && is_new && facts->has_row_level_security) {
    add_doc(docs,
            "This model contains row level security and requires additional setup for migrations. Visit "
            "https://pris.ly/d/row-level-security for more info.");
    warnings.row_level_security_tables.push_back("\"" + name.name + "\"");
  }
  if (facts && facts->has_expression_index)
    add_doc(docs,
            "This model contains an expression index which requires additional setup for migrations. Visit "
            "https://pris.ly/d/expression-indexes for more info.");
  if (facts && is_new && facts->is_partition_parent) warnings.partition_tables.push_back("\"" + name.name + "\"");
  if (facts && is_new && facts->has_subclass) warnings.inherited_tables.push_back("\"" + name.name + "\"");
  if (prev && prev->mapped_name) warnings.remapped_models.push_back("\"" + name.name + "\"");

  std::string body;
  for (sql::ColumnId c : table.columns) body += render_scalar_field(ctx, c, warnings);
  body += render_relation_fields(ctx, id);

  std::string block_attributes;
  if (auto pk = ctx.sql.primary_key(id); pk && ctx.sql.index(*pk).columns.size() > 1) {
    const sql::Index& index = ctx.sql.index(*pk);
    std::vector<std::string> fields;
    for (const auto& c : index.columns) fields.push_back(index_field(ctx, c));
    std::vector<std::string> args{"[" + join(fields) + "]"};
    if (prev && prev->keys.primary_key && prev->keys.primary_key->name)
      args.push_back("name: " + quote(*prev->keys.primary_key->name));
    if (auto map = primary_key_map(ctx, id)) args.push_back("map: " + quote(*map));
    block_attributes += "  @@id(" + join(args) + ")\n";
  }
  std::vector<RenderedIndex> indexes;
  for (sql::IndexId ix : table.indexes) {
    const sql::Index& index = ctx.sql.index(ix);
    if (index.type == sql::IndexType::PrimaryKey) continue;
    if (index.type == sql::IndexType::Unique && index.columns.size() == 1) continue;  // @unique on the field
    indexes.push_back(render_index(ctx, prev, index));
  }
  std::stable_sort(indexes.begin(), indexes.end(), [](const RenderedIndex& a, const RenderedIndex& b) {
    if (a.previous_position && b.previous_position) return *a.previous_position < *b.previous_position;
    return a.previous_position.has_value() && !b.previous_position.has_value();
  });
  for (const auto& index : indexes) block_attributes += index.text;
  if (name.mapped) block_attributes += "  @@map(" + quote(*name.mapped) + ")\n";
  if (ignored) block_attributes += "  @@ignore\n";
  if (ctx.uses_namespaces) block_attributes += "  @@schema(" + quote(ctx.sql.namespaces[table.ns.value].name) + ")\n";

  std::string out = docs.empty() ? "" : render_documentation(docs, "");
  std::string block = "model " + name.name + " {\n" + body + (block_attributes.empty() ? "" : "\n" + block_attributes) + "}\n";
  if (no_columns) {
    // Commented out: every line of the block gets a `// ` prefix.
    std::string commented;
    std::size_t start = 0;
    while (start < block.size()) {
      const auto nl = block.find('\n', start);
      std::string line = block.substr(start, nl - start);
      const auto first = line.find_first_not_of(' ');
      commented += "// " + (first == std::string::npos ? "" : line.substr(first)) + "\n";
      start = nl + 1;
    }
    block = commented;
  }
  return out + block;
}

}  // namespace prismapp::introspect
