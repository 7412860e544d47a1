// The closed set of database connectors, as data (psl-core `builtin_connectors/`).
//
// A Connector is a plain description: names, capabilities, limits, referential actions, index
// algorithms and the native type table. There is no trait hierarchy; behaviour that differs per
// database lives in small free functions that switch on `Connector::id` (see the *_rules.hpp files).
//
//   const Connector* c = find_connector("postgres");   // aliases accepted, nullptr if unknown
//   c->has(Capability::ScalarLists); c->max_identifier_length; c->display_name ("Postgres")
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/schema/connector/capability.hpp"
#include "core/schema/connector/constraint_scope.hpp"
#include "core/schema/connector/index_algorithm.hpp"
#include "core/schema/connector/native_type.hpp"
#include "core/schema/connector/referential_action.hpp"
#include "core/schema/connector/scalar_type.hpp"

namespace prismapp::schema::connector {

enum class ConnectorId : std::uint8_t { Postgres, CockroachDb, MySql, Sqlite, SqlServer, MongoDb };

struct Connector {
  ConnectorId id;
  // Canonical `provider` value ("postgresql"); Prisma's `active_provider`, used in
  // "Native type X is not supported for <provider_name> connector."
  std::string_view provider_name;
  // Prisma's Connector::name() ("Postgres", "MySQL", "SQL Server", "sqlite"), used in most messages.
  std::string_view display_name;
  // Every `provider = "..."` value that selects this connector (includes provider_name).
  std::span<const std::string_view> provider_aliases;
  CapabilitySet capabilities;
  // Maximum constraint/identifier name length in bytes.
  std::size_t max_identifier_length;
  std::span<const ConstraintScope> constraint_scopes;
  // Actions allowed with relationMode = "foreignKeys" and with relationMode = "prisma".
  ReferentialActionSet foreign_key_actions;
  ReferentialActionSet emulated_actions;
  RelationModeSet allowed_relation_modes;
  RelationMode default_relation_mode;
  // Postgres accepts `SET NULL` on a NOT NULL column in DDL, so Prisma only warns there.
  bool set_null_on_required_allowed_with_foreign_keys;
  IndexAlgorithmSet index_algorithms;
  // False on MongoDB: no "add an index on the relation scalar fields" warning in prisma mode.
  bool suggests_missing_relation_indexes;
  // validate_url: accepted URL prefixes and the message tail when none matches.
  std::span<const std::string_view> url_prefixes;
  std::string_view url_error;
  const NativeTypeTable* native_types;

  bool has(Capability c) const { return capabilities.has(c); }
  bool is_provider(std::string_view provider) const;

  // Referential actions the validator accepts for this relation mode.
  ReferentialActionSet referential_actions(RelationMode mode) const {
    return mode == RelationMode::Prisma ? emulated_actions : foreign_key_actions;
  }
  bool supports_referential_action(RelationMode mode, ReferentialAction action) const {
    return referential_actions(mode).contains(action);
  }
  bool allows_set_null_on_required_fields(RelationMode mode) const {
    return set_null_on_required_allowed_with_foreign_keys && mode == RelationMode::ForeignKeys;
  }
  bool supports_index_algorithm(IndexAlgorithm algorithm) const { return index_algorithms.contains(algorithm); }

  // Native types.
  std::span<const NativeTypeConstructor> native_type_constructors() const;
  const NativeTypeConstructor* find_native_type(std::string_view name) const;
  // The native type a field of `scalar` gets without `@db.*` (nullopt where Prisma has none, e.g.
  // every type on SQLite, Decimal on MongoDB).
  std::optional<NativeTypeInstance> default_native_type(ScalarType scalar) const;
  bool is_default_native_type(const NativeTypeInstance& native_type, ScalarType scalar) const;

  // Prisma's validate_url: nullopt when fine, else the reason ("must start with the protocol ...").
  std::optional<std::string> validate_url(std::string_view url) const;
};

// The connector for a datasource `provider` value, accepting Prisma's aliases ("postgres").
// Returns nullptr for unknown providers (the loader reports `Datasource provider not known`).
const Connector* find_connector(std::string_view provider);
const Connector& connector_by_id(ConnectorId id);
// All connectors in Prisma's registry order: postgresql, mysql, sqlite, sqlserver, cockroachdb, mongodb.
std::span<const Connector* const> all_connectors();

}  // namespace prismapp::schema::connector
