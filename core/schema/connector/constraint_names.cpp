#include "core/schema/connector/constraint_names.hpp"

namespace prismapp::schema::connector {
namespace {

// Largest index <= `index` that does not split a UTF-8 sequence (Rust's floor_char_boundary).
std::size_t floor_char_boundary(std::string_view s, std::size_t index) {
  if (index >= s.size()) return s.size();
  while (index > 0 && (static_cast<unsigned char>(s[index]) & 0xC0) == 0x80) --index;
  return index;
}

// Truncate `base` so that base + suffix stays under the limit (upstream truncates when
// base.len() >= limit - suffix.len()).
std::string with_suffix(std::string base, std::string_view suffix, const Connector& connector) {
  const std::size_t limit = connector.max_identifier_length;
  if (limit > suffix.size() && base.size() >= limit - suffix.size()) {
    base.resize(floor_char_boundary(base, limit - suffix.size()));
  }
  base += suffix;
  return base;
}

std::string table_and_columns(std::string_view table, const std::vector<std::string_view>& columns) {
  std::string out(table);
  out += '_';
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += '_';
    out += columns[i];
  }
  return out;
}

}  // namespace

std::string primary_key_name(std::string_view table, const Connector& connector) {
  return with_suffix(std::string(table), "_pkey", connector);
}

std::string unique_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                              const Connector& connector) {
  return with_suffix(table_and_columns(table, columns), "_key", connector);
}

std::string non_unique_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                                  const Connector& connector) {
  return with_suffix(table_and_columns(table, columns), "_idx", connector);
}

std::string default_constraint_name(std::string_view table, std::string_view column, const Connector& connector) {
  return with_suffix(std::string(table) + "_" + std::string(column), "_df", connector);
}

std::string foreign_key_constraint_name(std::string_view table, const std::vector<std::string_view>& columns,
                                        const Connector& connector) {
  return with_suffix(table_and_columns(table, columns), "_fkey", connector);
}

bool check_constraint_name_length(const Connector& connector, std::string_view model_name, std::string_view name,
                                  std::string_view attribute_name, bool double_at, Span span,
                                  Diagnostics& diagnostics) {
  if (name.size() <= connector.max_identifier_length) return true;
  diagnostics.model_validation_error(
      model_name,
      "The constraint name '" + std::string(name) + "' specified in the `map` argument for the `" +
          (double_at ? "@@" : "@") + std::string(attribute_name) +
          "` constraint is too long for your chosen provider. The maximum allowed length is " +
          std::to_string(connector.max_identifier_length) + " bytes.",
      span);
  return false;
}

}  // namespace prismapp::schema::connector
