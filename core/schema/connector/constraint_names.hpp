// Default database names for constraints and the name length limit
// (psl-core datamodel_connector/constraint_names.rs). Names are truncated to the connector's
// max_identifier_length on a UTF-8 character boundary, following Postgres conventions:
//   {table}_pkey, {table}_{columns}_key, {table}_{columns}_idx, {table}_{columns}_fkey, {table}_{column}_df
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::connector {

std::string primary_key_name(std::string_view table, const Connector& connector);
std::string unique_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                              const Connector& connector);
std::string non_unique_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                                  const Connector& connector);
// SQL Server default constraints.
std::string default_constraint_name(std::string_view table, std::string_view column, const Connector& connector);
// `table` is the referencing table, `columns` the referencing columns.
std::string foreign_key_constraint_name(std::string_view table, const std::vector<std::string_view>& columns,
                                        const Connector& connector);

// A `map:` name longer than max_identifier_length:
// "Error validating model \"M\": The constraint name 'x' specified in the `map` argument for the
// `@@index` constraint is too long for your chosen provider. The maximum allowed length is 63 bytes."
// `attribute_name` without @ ("index", "unique", "id", "relation", "default"); `double_at` picks "@@".
// Returns false when it reported.
bool check_constraint_name_length(const Connector& connector, std::string_view model_name, std::string_view name,
                                  std::string_view attribute_name, bool double_at, Span span,
                                  Diagnostics& diagnostics);

}  // namespace prismapp::schema::connector
