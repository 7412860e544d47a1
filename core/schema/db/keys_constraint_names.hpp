// Default database names of constraints (psl-core ConstraintNames): `{table}_pkey`,
// `{table}_{columns}_key` / `_idx`, `{table}_{columns}_fkey`, `{table}_{column}_df`, truncated to
// the connector's identifier length limit on a UTF-8 character boundary.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/connector/connector.hpp"
#include "core/schema/db/database.hpp"

namespace prismapp::schema::db {

std::string default_primary_key_name(std::string_view table, const connector::Connector& connector);
std::string default_unique_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                                      const connector::Connector& connector);
std::string default_index_name(std::string_view table, const std::vector<std::string_view>& columns,
                               const connector::Connector& connector);
std::string default_foreign_key_name(std::string_view table, const std::vector<std::string_view>& columns,
                                     const connector::Connector& connector);
std::string default_default_constraint_name(std::string_view table, std::string_view column,
                                            const connector::Connector& connector);

// The name a constraint has in the database: `map:` or the default. The primary key has none on
// connectors without named primary keys (MySQL, SQLite, MongoDB) unless mapped.
std::optional<std::string> primary_key_constraint_name(const ParserDatabase& db, ModelId model,
                                                       const connector::Connector& connector);
std::string index_constraint_name(const ParserDatabase& db, ModelId model, const IndexAttribute& index,
                                  const connector::Connector& connector);
// Column names of an index: database names of the fields (composite paths: the last field's).
std::vector<std::string_view> index_column_names(const ParserDatabase& db, const IndexAttribute& index);

}  // namespace prismapp::schema::db
