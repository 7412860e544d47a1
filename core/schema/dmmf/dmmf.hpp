// The DMMF `datamodel` section (Prisma query-engine/dmmf datamodel_ast_builder.rs): enums, models
// (views after models), composite `types` and `indexes`, built from the resolved schema.
//
// Keys are emitted in Prisma's serialization order (nlohmann::ordered_json) so printing matches
// Prisma's output; optional keys are omitted exactly where Prisma's serde skips them.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema/db/database.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::schema::dmmf {

// {"enums": [...], "models": [...], "types": [...], "indexes": [...]}. The schema must be valid
// (Prisma only builds a DMMF for a validated schema); models and views marked @@ignore are left out.
nlohmann::ordered_json datamodel_to_dmmf(const db::ParserDatabase& db);

// The same from validate_schema's result (callers check result.diagnostics first: Prisma refuses
// to build a DMMF for an invalid schema). Without a resolved db: the four empty lists.
nlohmann::ordered_json datamodel_to_dmmf(const ValidationResult& result);

// The full DMMF as Prisma 7 builds it for generators and getDMMF: {"datamodel", "schema",
// "mappings"}. `schema` is the query engine's query schema (input/output object types, enums, field
// reference types) for the datasource's connector and the generators' preview features; `mappings`
// names every model operation. Compact JSON text (the fast path: the generator request embeds it).
std::string full_dmmf_json(const ValidationResult& result);
// The same as a JSON value (parses full_dmmf_json; keys in Prisma's order).
nlohmann::ordered_json full_dmmf(const ValidationResult& result);
// Only the `schema` and `mappings` sections, written as JSON text into the two strings.
void write_schema_and_mappings(const db::ParserDatabase& db, const config::Configuration& config, std::string& schema,
                               std::string& mappings);

}  // namespace prismapp::schema::dmmf
