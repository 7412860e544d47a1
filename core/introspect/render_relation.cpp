// Relation fields from foreign keys and implicit many-to-many join tables
// (introspection_pair/relation_field.rs, rendering/relation_field.rs). Referential actions are
// written only when they differ from Prisma's defaults for the relation's arity; the constraint
// name only when it differs from Prisma's default name.
#include <algorithm>

#include "core/introspect/names.hpp"
#include "core/introspect/render.hpp"
#include "core/introspect/render_parts.hpp"
#include "core/schema/connector/constraint_names.hpp"

namespace prismapp::introspect {
namespace {

using Action = sql::ForeignKeyAction;

bool any_column(const sql::SqlSchema& s, const sql::ForeignKey& fk, bool required) {
  return std::any_of(fk.columns.begin(), fk.columns.end(), [&](sql::ColumnId c) {
    return (s.column(c).type.arity == sql::ColumnArity::Required) == required;
  });
}

std::optional<std::string> on_delete(const sql::SqlSchema& s, const sql::ForeignKey& fk) {
  const bool required = any_column(s, fk, true);
  switch (fk.on_delete) {
    case Action::SetNull: return required ? std::optional<std::string>("SetNull") : std::nullopt;
    case Action::Restrict: return required ? std::nullopt : std::optional<std::string>("Restrict");
    case Action::Cascade: return "Cascade";
    case Action::SetDefault: return "SetDefault";
    case Action::NoAction: return "NoAction";
  }
  return std::nullopt;
}

std::optional<std::string> on_update(const sql::ForeignKey& fk) {
  switch (fk.on_update) {
    case Action::Cascade: return std::nullopt;
    case Action::NoAction: return "NoAction";
    case Action::Restrict: return "Restrict";
    case Action::SetNull: return "SetNull";
    case Action::SetDefault: return "SetDefault";
  }
  return std::nullopt;
}

// A unique index or primary key whose columns all belong to the foreign key: the back side of
// the relation is then 1:1 (optional) instead of a list.
bool forward_side_is_unique(const sql::SqlSchema& s, const sql::ForeignKey& fk) {
  for (sql::IndexId ix : s.table(fk.table).indexes) {
    const sql::Index& index = s.index(ix);
    if (index.type != sql::IndexType::PrimaryKey && index.type != sql::IndexType::Unique) continue;
    const bool all = std::all_of(index.columns.begin(), index.columns.end(), [&](const sql::IndexColumn& c) {
      return std::find(fk.columns.begin(), fk.columns.end(), c.column) != fk.columns.end();
    });
    if (all) return true;
  }
  return false;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

std::string inline_field(const Context& ctx, sql::ForeignKeyId fk_id, Direction direction) {
  const sql::ForeignKey& fk = ctx.sql.foreign_key(fk_id);
  const bool forward = direction == Direction::Forward;
  std::string line = "  ";
  line += forward ? ctx.forward_field_name(fk_id) : ctx.back_field_name(fk_id);
  line += " " + ctx.table_name(forward ? fk.referenced_table : fk.table).name;
  if (forward) {
    if (any_column(ctx.sql, fk, false)) line += "?";
  } else {
    line += forward_side_is_unique(ctx.sql, fk) ? "?" : "[]";
  }

  const std::string relation_name = ctx.inline_relation_name(fk_id);
  if (forward) {
    std::vector<std::string> args;
    if (!relation_name.empty()) args.push_back(quote(relation_name));
    std::vector<std::string> fields, references;
    for (sql::ColumnId c : fk.columns) fields.push_back(ctx.column_name(c).name);
    for (sql::ColumnId c : fk.referenced_columns) references.push_back(ctx.column_name(c).name);
    args.push_back("fields: [" + join(fields) + "]");
    args.push_back("references: [" + join(references) + "]");
    if (auto a = on_delete(ctx.sql, fk)) args.push_back("onDelete: " + *a);
    if (auto a = on_update(fk)) args.push_back("onUpdate: " + *a);
    std::optional<std::string> map;
    if (const auto& r = ctx.existing_inline[fk_id.value]) {
      const auto& rel = ctx.prev->relation(*r);
      if (rel.field_a) map = ctx.prev->relation_field(*rel.field_a).mapped_name;
    }
    if (!map && fk.constraint_name) {
      std::vector<std::string_view> cols;
      for (sql::ColumnId c : fk.columns) cols.push_back(ctx.sql.column(c).name);
      const std::string default_name =
          schema::connector::foreign_key_constraint_name(ctx.sql.table(fk.table).name, cols, ctx.connector);
      if (*fk.constraint_name != default_name) map = *fk.constraint_name;
    }
    if (map) args.push_back("map: " + quote(*map));
    line += " @relation(" + join(args) + ")";
  } else if (!relation_name.empty()) {
    line += " @relation(" + quote(relation_name) + ")";
  }

  const bool missing_identifiers =
      !ctx.table_has_usable_identifier(fk.table) || !ctx.table_has_usable_identifier(fk.referenced_table);
  const bool model_ignored = ctx.model_ignored(forward ? fk.table : fk.referenced_table);
  if (missing_identifiers && !model_ignored) line += " @ignore";
  return line + "\n";
}

std::string m2m_field(const Context& ctx, sql::ForeignKeyId fk_id, Direction direction) {
  const sql::ForeignKey& fk = ctx.sql.foreign_key(fk_id);
  const sql::TableId join_table = fk.table;
  std::string line = "  ";
  line += direction == Direction::Forward ? ctx.m2m_forward_field_name(join_table) : ctx.m2m_back_field_name(join_table);
  line += " " + ctx.table_name(fk.referenced_table).name + "[]";
  const std::string relation_name = ctx.m2m_relation_name(join_table);
  if (!relation_name.empty()) line += " @relation(" + quote(relation_name) + ")";
  return line + "\n";
}

// relationMode = "prisma": relations are not in the database; they are copied from the
// previous schema, as written.
std::string emulated_fields(const Context& ctx, sql::TableId table) {
  const db::ModelInfo* model = ctx.previous_model(table);
  if (!model) return "";
  std::string out;
  for (db::RelationFieldId id : model->relation_fields) {
    const db::RelationField& rf = ctx.prev->relation_field(id);
    if (std::find(ctx.missing_models.begin(), ctx.missing_models.end(), rf.referenced_model) != ctx.missing_models.end())
      continue;
    if (rf.ast->documentation) out += render_documentation(rf.ast->documentation->text, "  ");
    out += "  " + std::string(ctx.previous_result->parsed.sources.slice(rf.ast->span)) + "\n";
  }
  return out;
}

}  // namespace

std::string render_relation_fields(const Context& ctx, sql::TableId table) {
  if (!ctx.foreign_keys_enabled) return emulated_fields(ctx, table);
  std::string out;
  for (const auto& pos : ctx.inline_positions)
    if (pos.table == table && ctx.inline_relation_names[pos.fk.value]) out += inline_field(ctx, pos.fk, pos.direction);
  for (const auto& pos : ctx.m2m_positions)
    if (pos.table == table) out += m2m_field(ctx, pos.fk, pos.direction);
  return out;
}

}  // namespace prismapp::introspect
