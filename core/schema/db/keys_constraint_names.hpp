// The database names of a model's keys: `map:` or the connector's default name
// (connector/constraint_names.hpp: `{table}_pkey`, `{table}_{columns}_key` / `_idx`).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/connector/connector.hpp"
#include "core/schema/db/database.hpp"

namespace prismapp::schema::db {

// The primary key has no name on connectors without named primary keys (MySQL, SQLite, MongoDB),
// even when mapped (validation reports the mapping as unsupported).
std::optional<std::string> primary_key_constraint_name(const ParserDatabase& db, ModelId model,
                                                       const connector::Connector& connector);
std::string index_constraint_name(const ParserDatabase& db, ModelId model, const IndexAttribute& index,
                                  const connector::Connector& connector);
// Column names of an index: database names of the fields (composite paths: the last field's).
std::vector<std::string_view> index_column_names(const ParserDatabase& db, const IndexAttribute& index);

}  // namespace prismapp::schema::db
