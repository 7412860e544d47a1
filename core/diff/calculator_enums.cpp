// Database enums, before any table (Prisma's calculate_enums): one per Prisma enum where the
// database has enum types (PostgreSQL), one per enum column where enums are inline column types
// (MySQL), none where enums are plain text (SQLite).
#include <string>

#include "core/diff/calculator_context.hpp"

namespace prismapp::diff::calculator_detail {
namespace {

namespace db = schema::db;

std::vector<std::string> value_names(const db::EnumInfo& info) {
  std::vector<std::string> values;
  values.reserve(info.values.size());
  for (const auto& value : info.values) values.emplace_back(value.database_name());
  return values;
}

void push_named_enums(Context& ctx) {
  const auto& enums = ctx.db.enums();
  for (std::size_t i = 0; i < enums.size(); ++i) {
    const db::EnumInfo& info = enums[i];
    ctx.enum_ids[i] =
        ctx.schema().add_enum(sql::Enum{ctx.namespace_for(info.schema), std::string(info.database_name()), value_names(info)});
  }
}

// MySQL names each column's enum `{table}_{column}`.
void push_per_column_enums(Context& ctx) {
  for (const db::ModelInfo& model : ctx.db.models()) {
    if (model.is_view()) continue;
    for (db::ScalarFieldId field_id : model.scalar_fields) {
      const db::ScalarField& field = ctx.db.scalar_field(field_id);
      if (field.type.kind != db::ScalarFieldType::Kind::Enum) continue;
      std::string name = std::string(model.database_name()) + "_" + std::string(field.database_name());
      ctx.field_enum_ids[field_id.value] =
          ctx.schema().add_enum(sql::Enum{sql::NamespaceId{0}, std::move(name), value_names(ctx.db.enum_(field.type.enum_id))});
    }
  }
}

}  // namespace

void push_enums(Context& ctx) {
  switch (ctx.hooks.enum_storage()) {
    case dialect::EnumStorage::NamedType: push_named_enums(ctx); break;
    case dialect::EnumStorage::PerColumn: push_per_column_enums(ctx); break;
    case dialect::EnumStorage::Text: break;
  }
}

}  // namespace prismapp::diff::calculator_detail
