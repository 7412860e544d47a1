// See keys_constraint_names.hpp.
#include "core/schema/db/keys_constraint_names.hpp"

#include "core/schema/connector/constraint_names.hpp"

namespace prismapp::schema::db {

std::optional<std::string> primary_key_constraint_name(const ParserDatabase& db, ModelId model,
                                                       const connector::Connector& connector) {
  const ModelInfo& info = db.model(model);
  if (!info.keys.primary_key || !connector.has(connector::Capability::NamedPrimaryKeys)) return std::nullopt;
  if (info.keys.primary_key->mapped_name) return info.keys.primary_key->mapped_name;
  return connector::primary_key_name(info.database_name(), connector);
}

std::vector<std::string_view> index_column_names(const ParserDatabase& db, const IndexAttribute& index) {
  std::vector<std::string_view> columns;
  columns.reserve(index.fields.size());
  for (const IndexFieldPath& f : index.fields) {
    if (f.path.empty()) {
      columns.push_back(db.scalar_field(f.field).database_name());
    } else {
      const auto& [ct, idx] = f.path.back();
      const CompositeTypeFieldInfo& field = db.composite_type(ct).fields.at(idx);
      columns.push_back(field.mapped_name ? std::string_view(*field.mapped_name)
                                          : std::string_view(field.ast->name.name));
    }
  }
  return columns;
}

std::string index_constraint_name(const ParserDatabase& db, ModelId model, const IndexAttribute& index,
                                  const connector::Connector& connector) {
  if (index.mapped_name) return *index.mapped_name;
  auto columns = index_column_names(db, index);
  std::string_view table = db.model(model).database_name();
  return index.is_unique() ? connector::unique_index_name(table, columns, connector)
                           : connector::non_unique_index_name(table, columns, connector);
}

}  // namespace prismapp::schema::db
