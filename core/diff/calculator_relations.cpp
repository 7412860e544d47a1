// Foreign keys of 1:1 and 1:n relations, in relation order (Prisma's push_inline_relations): on the
// referencing table, named by `map:` or `{table}_{columns}_fkey`. onUpdate defaults to Cascade;
// onDelete to Restrict when a referencing field is required (NoAction where the connector has no
// Restrict), SetNull otherwise.
#include "core/diff/calculator_context.hpp"
#include "core/schema/connector/constraint_names.hpp"

namespace prismapp::diff::calculator_detail {
namespace {

namespace db = schema::db;
namespace connector = schema::connector;

sql::ForeignKeyAction foreign_key_action(connector::ReferentialAction action) {
  switch (action) {
    case connector::ReferentialAction::Cascade: return sql::ForeignKeyAction::Cascade;
    case connector::ReferentialAction::Restrict: return sql::ForeignKeyAction::Restrict;
    case connector::ReferentialAction::NoAction: return sql::ForeignKeyAction::NoAction;
    case connector::ReferentialAction::SetNull: return sql::ForeignKeyAction::SetNull;
    case connector::ReferentialAction::SetDefault: return sql::ForeignKeyAction::SetDefault;
  }
  return sql::ForeignKeyAction::NoAction;
}

// Prisma's referential arity: a relation counts as required when any referencing scalar field is
// required, even if the relation field itself is optional.
bool referentially_required(const Context& ctx, const db::RelationField& field) {
  for (db::ScalarFieldId id : *field.fields) {
    if (ctx.db.scalar_field(id).arity() == schema::ast::FieldArity::Required) return true;
  }
  return field.is_required();
}

connector::ReferentialAction default_on_delete(const Context& ctx, const db::RelationField& field) {
  if (!referentially_required(ctx, field)) return connector::ReferentialAction::SetNull;
  const auto* datasource = ctx.configuration.first_datasource();
  const auto mode = datasource ? datasource->effective_relation_mode() : connector::RelationMode::ForeignKeys;
  return ctx.connector.supports_referential_action(mode, connector::ReferentialAction::Restrict)
             ? connector::ReferentialAction::Restrict
             : connector::ReferentialAction::NoAction;
}

void push_foreign_key(Context& ctx, const db::Relation& relation) {
  if (!relation.field_a) return;  // only possible in invalid schemas
  const db::RelationField& field = ctx.db.relation_field(*relation.field_a);
  if (!field.has_fields() || !field.has_references()) return;
  const sql::TableId table = ctx.model_tables[field.model.value];
  const sql::TableId referenced = ctx.model_tables[field.referenced_model.value];

  sql::ForeignKey fk;
  fk.table = table;
  fk.referenced_table = referenced;
  const std::size_t count = std::min(field.fields->size(), field.references->size());
  std::vector<std::string_view> column_names;
  column_names.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    fk.columns.push_back(ctx.field_columns[(*field.fields)[i].value]);
    fk.referenced_columns.push_back(ctx.field_columns[(*field.references)[i].value]);
    column_names.push_back(ctx.db.scalar_field((*field.fields)[i]).database_name());
  }
  // The default name lists every referencing field, also beyond the references (upstream does).
  for (std::size_t i = count; i < field.fields->size(); ++i)
    column_names.push_back(ctx.db.scalar_field((*field.fields)[i]).database_name());
  fk.constraint_name = field.mapped_name ? *field.mapped_name
                                         : connector::foreign_key_constraint_name(
                                               ctx.db.model(field.model).database_name(), column_names, ctx.connector);
  fk.on_delete = foreign_key_action(field.on_delete ? *field.on_delete : default_on_delete(ctx, field));
  fk.on_update = field.on_update ? foreign_key_action(*field.on_update) : sql::ForeignKeyAction::Cascade;
  ctx.schema().add_foreign_key(std::move(fk));
}

}  // namespace

void push_inline_relations(Context& ctx) {
  for (const db::Relation& relation : ctx.db.relations()) {
    if (!relation.is_inline()) continue;
    if (ctx.db.model(relation.model_a).is_view() || ctx.db.model(relation.model_b).is_view()) continue;
    push_foreign_key(ctx, relation);
  }
}

}  // namespace prismapp::diff::calculator_detail
