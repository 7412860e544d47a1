// What every migration command works on: one database (by URL), its dialect, the migrations
// folder, the diff pipeline. The CLI builds it from the schema, the environment and the flags.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/dialect/dialect.hpp"
#include "core/migrate/schema_planner.hpp"

namespace prismapp::migrate {

struct MigrateContext {
  const dialect::Dialect* dialect = nullptr;
  const SchemaPlanner* planner = nullptr;
  std::string url;                        // connectable (SQLite paths already rebased)
  std::optional<std::string> shadow_url;  // shadowDatabaseUrl, when set
  std::filesystem::path migrations_dir;   // <schema dir>/migrations
  // What describe()/reset() cover on every connection of the command (main and shadow): the
  // datasource's `schemas` and preview features (core/migrate/describe_scope.hpp).
  dialect::DescribeScope scope;

  std::string provider() const { return std::string(dialect->provider()); }
};

}  // namespace prismapp::migrate
