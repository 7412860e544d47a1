// The calculator's driver: namespaces, model tables with their columns, primary keys and indexes,
// then the relation passes (calculator_relations.cpp, calculator_join_tables.cpp).
#include "core/diff/calculator.hpp"

#include "core/diff/calculator_context.hpp"
#include "core/schema/connector/constraint_names.hpp"
#include "core/sql/foreign_key_indexes.hpp"

#include <set>

namespace prismapp::diff {
namespace calculator_detail {

sql::NamespaceId Context::namespace_for(const std::optional<std::string>& schema_name) const {
  if (!schema_name) return sql::NamespaceId{0};
  auto it = namespaces.find(*schema_name);
  return it == namespaces.end() ? sql::NamespaceId{0} : it->second;
}

namespace {

namespace db = schema::db;
namespace connector = schema::connector;

// The default namespace is always namespaces[0] (the SqlSchema convention); the datasource's
// `schemas` that a model or enum lives in follow in their (sorted) order. A listed schema nothing
// uses is not part of the calculated schema: Prisma never creates it, so a later change that
// puts the first table into it must still create it (CreateSchema).
void push_namespaces(Context& ctx, std::string_view default_namespace) {
  ctx.schema().namespaces[0].name = std::string(default_namespace);
  ctx.namespaces.emplace(std::string(default_namespace), sql::NamespaceId{0});
  const auto* datasource = ctx.configuration.first_datasource();
  if (!datasource) return;
  // `schemas = [...]` on a database with namespaces: names are qualified in DDL.
  ctx.schema().explicit_namespaces = !datasource->schemas.empty() && !default_namespace.empty();
  std::set<std::string, std::less<>> used;
  for (const auto& model : ctx.db.models())
    if (!model.is_view() && model.schema) used.insert(*model.schema);
  for (const auto& info : ctx.db.enums())
    if (info.schema) used.insert(*info.schema);
  for (const auto& [name, span] : datasource->schemas) {
    if (ctx.namespaces.count(name) || !used.count(name)) continue;
    ctx.namespaces.emplace(name, ctx.schema().add_namespace(name));
  }
}

// The datasource's `extensions = [...]` (PostgreSQL, postgresqlExtensions): by their database name
// (`map:`), with schema and version only when written; in the property's (name) order.
void push_extensions(Context& ctx) {
  const auto* datasource = ctx.configuration.first_datasource();
  if (!datasource || !datasource->extensions) return;
  for (const auto& ext : datasource->extensions->extensions)
    ctx.schema().extensions.push_back(
        sql::Extension{ext.db_name.value_or(ext.name), ext.schema.value_or(""), ext.version.value_or(""), false});
}

std::optional<sql::SortOrder> sort_order(const std::optional<db::SortOrder>& order) {
  if (!order) return std::nullopt;
  return *order == db::SortOrder::Asc ? sql::SortOrder::Asc : sql::SortOrder::Desc;
}

sql::IndexColumn index_column(const Context& ctx, const db::IndexFieldPath& field) {
  sql::IndexColumn column;
  column.column = ctx.field_columns[field.field.value];
  column.sort_order = sort_order(field.sort_order);
  column.length = field.length;
  if (field.operator_class) {
    if (field.operator_class->raw) {
      column.operator_class = field.operator_class->raw;
    } else if (field.operator_class->known) {
      column.operator_class = std::string(connector::operator_class_name(*field.operator_class->known));
    }
  }
  return column;
}

std::vector<std::string_view> column_names(const Context& ctx, const std::vector<db::IndexFieldPath>& fields) {
  std::vector<std::string_view> names;
  names.reserve(fields.size());
  for (const auto& f : fields) names.push_back(ctx.out.schema.columns[ctx.field_columns[f.field.value].value].name);
  return names;
}

void push_primary_key(Context& ctx, const db::ModelInfo& model, sql::TableId table) {
  const db::PrimaryKey& pk = *model.keys.primary_key;
  sql::Index index;
  index.table = table;
  index.type = sql::IndexType::PrimaryKey;
  // Unnamed where the database has no primary key names (SQLite, MySQL), unless `map:` says so.
  if (pk.mapped_name) {
    index.name = *pk.mapped_name;
  } else if (ctx.connector.has(connector::Capability::NamedPrimaryKeys)) {
    index.name = connector::primary_key_name(model.database_name(), ctx.connector);
  }
  index.clustered = pk.clustered;
  for (const auto& field : pk.fields) index.columns.push_back(index_column(ctx, field));
  ctx.schema().add_index(std::move(index));
}

sql::IndexType index_type(const db::IndexAttribute& attribute) {
  switch (attribute.kind) {
    case db::IndexAttribute::Kind::Unique: return sql::IndexType::Unique;
    case db::IndexAttribute::Kind::Fulltext: return sql::IndexType::Fulltext;
    case db::IndexAttribute::Kind::Normal: break;
  }
  return sql::IndexType::Normal;
}

void push_index(Context& ctx, const db::ModelInfo& model, sql::TableId table, const db::IndexAttribute& attribute) {
  sql::Index index;
  index.table = table;
  index.type = index_type(attribute);
  if (attribute.mapped_name) {
    index.name = *attribute.mapped_name;
  } else {
    auto columns = column_names(ctx, attribute.fields);
    // Fulltext indexes take the `_idx` suffix too: only uniques are `_key`.
    index.name = attribute.is_unique() ? connector::unique_index_name(model.database_name(), columns, ctx.connector)
                                       : connector::non_unique_index_name(model.database_name(), columns, ctx.connector);
  }
  if (attribute.algorithm) index.algorithm = std::string(connector::index_algorithm_name(*attribute.algorithm));
  index.clustered = attribute.clustered;
  for (const auto& field : attribute.fields) index.columns.push_back(index_column(ctx, field));
  ctx.schema().add_index(std::move(index));
}

void push_model_tables(Context& ctx) {
  const auto& models = ctx.db.models();
  for (std::uint32_t i = 0; i < models.size(); ++i) {
    const db::ModelInfo& model = models[i];
    if (model.is_view()) continue;  // views are not migrated
    sql::TableId table = ctx.schema().add_table(std::string(model.database_name()), ctx.namespace_for(model.schema));
    ctx.model_tables[i] = table;
    for (db::ScalarFieldId field : model.scalar_fields) push_column(ctx, table, field);
    if (model.keys.primary_key) push_primary_key(ctx, model, table);
    for (const auto& index : model.keys.indexes) push_index(ctx, model, table, index);
  }
}

}  // namespace
}  // namespace calculator_detail

CalculatedSchema calculate(const schema::ValidationResult& validated, const dialect::CalculatorHooks& hooks,
                           std::string_view default_namespace) {
  using namespace calculator_detail;
  CalculatedSchema out;
  const schema::db::ParserDatabase& db = *validated.db;
  Context ctx{db, validated.configuration, hooks, hooks.connector(), out, {}, {}, {}, {}, {}};
  ctx.model_tables.resize(db.models().size());
  ctx.field_columns.resize(db.scalar_fields().size());
  ctx.enum_ids.resize(db.enums().size());
  ctx.field_enum_ids.resize(db.scalar_fields().size());
  out.schema.tables.reserve(db.models().size());
  out.schema.columns.reserve(db.scalar_fields().size());

  push_namespaces(ctx, default_namespace);
  push_extensions(ctx);
  push_enums(ctx);
  push_model_tables(ctx);
  const auto* datasource = validated.configuration.first_datasource();
  const auto relation_mode = datasource ? datasource->effective_relation_mode() : schema::connector::RelationMode::ForeignKeys;
  // relationMode = "prisma": the client emulates relations, the database has no foreign keys.
  if (schema::connector::uses_foreign_keys(relation_mode)) push_inline_relations(ctx);
  push_join_tables(ctx);
  if (hooks.creates_foreign_key_indexes()) sql::add_implicit_foreign_key_indexes(out.schema);
  return out;
}

CalculatedSchema calculate(const schema::ValidationResult& validated, const dialect::CalculatorHooks& hooks) {
  return calculate(validated, hooks, hooks.default_namespace());
}

sql::SqlSchema calculate_sql_schema(const schema::ValidationResult& validated, const dialect::CalculatorHooks& hooks) {
  return calculate(validated, hooks).schema;
}

}  // namespace prismapp::diff
