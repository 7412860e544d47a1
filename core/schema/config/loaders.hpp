// The per-file loaders behind load_configuration. Internal to core/schema/config.
#pragma once
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/config/configuration.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::config::detail {

// The datasources of one file, including the "more than one datasource" errors for that file.
// `using_driver_adapters`: the schemaEngineDriverAdapters preview feature is on, which lets a
// SQLite datasource omit `url`.
std::vector<Datasource> load_datasources(const ast::SchemaAst& file, bool using_driver_adapters, Diagnostics& diags);

std::vector<Generator> load_generators(const ast::SchemaAst& file, const FeatureMap& features, Diagnostics& diags);

}  // namespace prismapp::schema::config::detail
