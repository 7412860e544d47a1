// The PostgreSQL datasource `extensions` property: `extensions = [postgis, uuid_ossp(map:
// "uuid-ossp", schema: "ext", version: "1.1")]` (psl-core postgres_datamodel_connector/datasource.rs).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::config {

struct PostgresExtension {
  std::string name;                    // as written in the schema
  Span span;                           // the constant or function expression
  std::optional<std::string> schema;   // schema: "..."
  std::optional<std::string> version;  // version: "..."
  std::optional<std::string> db_name;  // map: "..." (the name in the database)
};

struct PostgresExtensions {
  std::vector<PostgresExtension> extensions;  // sorted by name
  Span span;                                  // the whole `extensions = ...` property
};

// Parses the property's value. Element errors ("Expected a constant or function value, but
// received ...") drop the whole property; argument errors drop only that argument.
std::optional<PostgresExtensions> parse_postgres_extensions(const ast::Expression& value, Span property_span,
                                                            Diagnostics& diags);

// Pipeline-stage checks (see configuration.hpp): the preview feature requirement and name rules.
void validate_postgres_extensions(const PostgresExtensions& extensions, bool preview_feature_enabled,
                                  Diagnostics& diags);

}  // namespace prismapp::schema::config
