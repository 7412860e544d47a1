// See keys_constraint_names.hpp.
#include "core/schema/db/keys_constraint_names.hpp"

namespace prismapp::schema::db {
namespace {

// Largest byte index <= `index` that does not split a UTF-8 sequence.
std::size_t floor_char_boundary(std::string_view s, std::size_t index) {
  if (index >= s.size()) return s.size();
  while (index > 0 && (static_cast<unsigned char>(s[index]) & 0xC0) == 0x80) --index;
  return index;
}

// Prisma truncates when the stem reaches `limit - suffix` bytes (>=, not >).
std::string with_suffix(std::string stem, std::string_view suffix, const connector::Connector& connector) {
  std::size_t limit = connector.max_identifier_length;
  std::size_t keep = limit > suffix.size() ? limit - suffix.size() : 0;
  if (stem.size() >= keep) stem.resize(floor_char_boundary(stem, keep));
  stem += suffix;
  return stem;
}

std::string table_and_columns(std::string_view table, const std::vector<std::string_view>& columns) {
  std::string out(table);
  out += '_';
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += '_';
    out += columns[i];
  }
  return out;
}

}  // namespace

std::string default_primary_key_name(std::string_view table, const connector::Connector& connector) {
  return with_suffix(std::string(table), "_pkey", connector);
}
std::string default_unique_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                                      const connector::Connector& connector) {
  return with_suffix(table_and_columns(table, columns), "_key", connector);
}
std::string default_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                               const connector::Connector& connector) {
  return with_suffix(table_and_columns(table, columns), "_idx", connector);
}
std::string default_foreign_key_name(std::string_view table, const std::vector<std::string_view>& columns,
                                     const connector::Connector& connector) {
  return with_suffix(table_and_columns(table, columns), "_fkey", connector);
}
std::string default_default_constraint_name(std::string_view table, std::string_view column,
                                            const connector::Connector& connector) {
  return with_suffix(std::string(table) + "_" + std::string(column), "_df", connector);
}

std::optional<std::string> primary_key_constraint_name(const ParserDatabase& db, ModelId model,
                                                       const connector::Connector& connector) {
  const ModelInfo& info = db.model(model);
  if (!info.keys.primary_key) return std::nullopt;
  if (info.keys.primary_key->mapped_name) return info.keys.primary_key->mapped_name;
  if (!connector.has(connector::Capability::NamedPrimaryKeys)) return std::nullopt;
  return default_primary_key_name(info.database_name(), connector);
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
  return index.is_unique() ? default_unique_index_name(table, columns, connector)
                           : default_index_name(table, columns, connector);
}

}  // namespace prismapp::schema::db
