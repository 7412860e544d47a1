// Implicit many-to-many relations → join tables (Prisma's push_relation_tables), after all model
// tables and inline foreign keys:
//   _AToB (or _RelationName), in model A's namespace, truncated to the identifier length limit
//   columns "A" and "B", typed like the first primary key column of model A / model B
//   _AToB_AB_unique unique index or _AToB_AB_pkey primary key (per dialect) on (A, B)
//   _AToB_B_index on (B)
//   foreign keys _AToB_A_fkey and _AToB_B_fkey (only with relationMode = "foreignKeys")
// These names are not configurable, so Prisma truncates them its own way to rule out collisions.
#include <string>

#include "core/diff/calculator_context.hpp"

namespace prismapp::diff::calculator_detail {
namespace {

namespace db = schema::db;

// The first `n` characters (code points) of a UTF-8 string.
std::string take_chars(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  std::size_t chars = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == n) break;
      ++chars;
    }
    ++i;
  }
  return std::string(s.substr(0, i));
}

// The first `n` bytes, backing off to a character boundary.
std::string_view take_bytes(std::string_view s, std::size_t n) {
  if (n >= s.size()) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

struct JoinTableNames {
  std::string table;
  std::string unique;  // "_AB_unique" or "_AB_pkey"
  std::string index_b;
  std::string fk_a;
  std::string fk_b;
};

JoinTableNames join_table_names(std::string_view relation_name, std::size_t max_length, bool primary_key) {
  JoinTableNames names;
  names.table = take_chars("_" + std::string(relation_name), max_length);
  const std::string_view unique_suffix = primary_key ? "_AB_pkey" : "_AB_unique";
  names.unique = take_chars(names.table, max_length - unique_suffix.size()) + std::string(unique_suffix);
  names.index_b = take_chars(names.table, max_length - 8) + "_B_index";
  // Upstream compares with `>` for A and `>=` for B; both truncate to the same length.
  const std::size_t max_table_length = max_length - std::string_view("_fkey").size() - 2;
  const std::string_view stem_a = names.table.size() > max_table_length ? take_bytes(names.table, max_table_length)
                                                                        : std::string_view(names.table);
  const std::string_view stem_b = names.table.size() >= max_table_length ? take_bytes(names.table, max_table_length)
                                                                         : std::string_view(names.table);
  names.fk_a = std::string(stem_a) + "_A_fkey";
  names.fk_b = std::string(stem_b) + "_B_fkey";
  return names;
}

// The column of the model's first primary key field (join tables reference single-field ids).
std::optional<sql::ColumnId> first_id_column(const Context& ctx, db::ModelId model) {
  const auto& pk = ctx.db.model(model).keys.primary_key;
  if (!pk || pk->fields.empty()) return std::nullopt;
  return ctx.field_columns[pk->fields.front().field.value];
}

sql::ColumnId push_join_column(Context& ctx, sql::TableId table, const char* name, sql::ColumnId id_column) {
  sql::Column column;
  column.name = name;
  column.type = ctx.schema().column(id_column).type;  // same type (and arity) as the referenced id
  return ctx.schema().add_column(table, std::move(column));
}

void push_join_table(Context& ctx, const db::Relation& relation, bool with_foreign_keys) {
  const auto id_a = first_id_column(ctx, relation.model_a);
  const auto id_b = first_id_column(ctx, relation.model_b);
  if (!id_a || !id_b) return;  // only possible in invalid schemas
  const db::ModelInfo& model_a = ctx.db.model(relation.model_a);
  const db::ModelInfo& model_b = ctx.db.model(relation.model_b);
  const std::string relation_name =
      relation.name ? *relation.name : db::generated_relation_name(model_a.name(), model_b.name());
  const bool primary_key = ctx.hooks.join_table_uniqueness() == dialect::JoinTableUniqueness::PrimaryKey;
  JoinTableNames names = join_table_names(relation_name, ctx.connector.max_identifier_length, primary_key);

  const sql::TableId table_a = ctx.model_tables[relation.model_a.value];
  const sql::TableId table_b = ctx.model_tables[relation.model_b.value];
  // The join table lives in model A's schema.
  const sql::TableId table = ctx.schema().add_table(names.table, ctx.schema().table(table_a).ns);
  const sql::ColumnId column_a = push_join_column(ctx, table, "A", *id_a);
  const sql::ColumnId column_b = push_join_column(ctx, table, "B", *id_b);

  sql::Index unique;
  unique.table = table;
  unique.name = std::move(names.unique);
  unique.type = primary_key ? sql::IndexType::PrimaryKey : sql::IndexType::Unique;
  unique.columns = {sql::IndexColumn{column_a, {}, {}, {}}, sql::IndexColumn{column_b, {}, {}, {}}};
  ctx.schema().add_index(std::move(unique));

  sql::Index index_b;
  index_b.table = table;
  index_b.name = std::move(names.index_b);
  index_b.type = sql::IndexType::Normal;
  index_b.columns = {sql::IndexColumn{column_b, {}, {}, {}}};
  ctx.schema().add_index(std::move(index_b));

  if (!with_foreign_keys) return;
  const sql::ForeignKeyAction action = ctx.hooks.join_table_foreign_key_action(relation.is_self_relation());
  ctx.schema().add_foreign_key(sql::ForeignKey{table, std::move(names.fk_a), table_a, {column_a}, {*id_a}, action, action});
  ctx.schema().add_foreign_key(sql::ForeignKey{table, std::move(names.fk_b), table_b, {column_b}, {*id_b}, action, action});
}

}  // namespace

void push_join_tables(Context& ctx) {
  const auto* datasource = ctx.configuration.first_datasource();
  const bool with_foreign_keys =
      !datasource || schema::connector::uses_foreign_keys(datasource->effective_relation_mode());
  for (const db::Relation& relation : ctx.db.relations()) {
    if (!relation.is_implicit_many_to_many()) continue;
    if (ctx.db.model(relation.model_a).is_view() || ctx.db.model(relation.model_b).is_view()) continue;
    push_join_table(ctx, relation, with_foreign_keys);
  }
}

}  // namespace prismapp::diff::calculator_detail
