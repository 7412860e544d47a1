// What every validation of the pipeline (Prisma's psl-core `validate/validation_pipeline`) reads:
// the resolved database, the loaded configuration and the datasource's connector. The pipeline
// only runs when resolution and configuration loading produced no errors, so validations can
// assume every name resolved.
#pragma once
#include "core/schema/config/configuration.hpp"
#include "core/schema/config/preview_features.hpp"
#include "core/schema/connector/connector.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::validate {

struct ValidationContext {
  const db::ParserDatabase& db;
  const config::Configuration& configuration;
  // The first datasource (Prisma validates against it), or null when there is none.
  const config::Datasource* datasource = nullptr;
  // The datasource's connector; when there is no datasource Prisma uses an "empty connector"
  // with no capabilities: validations must check `connector != nullptr` before asking it.
  const connector::Connector* connector = nullptr;
  connector::RelationMode relation_mode = connector::RelationMode::ForeignKeys;
  config::PreviewFeatures preview_features;
  Diagnostics& diagnostics;

  bool has_capability(connector::Capability c) const { return connector && connector->has(c); }
  bool is_provider(connector::ConnectorId id) const { return connector && connector->id == id; }
};

}  // namespace prismapp::schema::validate
