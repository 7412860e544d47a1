// Umbrella header for the connector layer, and the index of every connector-dependent rule the
// validator can call. Nothing in this layer walks a schema: each check takes plain values (type
// names, parsed native types, spans) and pushes Prisma's exact message into a Diagnostics.
//
// Data (connector.hpp)
//   find_connector(provider) / connector_by_id / all_connectors
//   Connector: provider_name, display_name, provider_aliases, capabilities (has(Capability)),
//     max_identifier_length, constraint_scopes, foreign_key_actions / emulated_actions
//     (referential_actions(mode)), allowed_relation_modes, default_relation_mode,
//     index_algorithms (supports_index_algorithm), native type table (find_native_type,
//     native_type_constructors, default_native_type, is_default_native_type), validate_url.
//
// Native types (native_type_validation.hpp, native_type.hpp, native_type_errors.hpp)
//   validate_native_type_attribute   prefix, unknown name, arity, field type, argument parse, ranges
//   parse_native_type (silent / with diagnostics)
//   unsupported_type_native_hint     Unsupported("Text") -> "use `String @db.Text`"
//   NativeTypeInstance::to_string    "Decimal(65,30)", "NVarChar(Max)"
//
// Relations (relation_rules.hpp)
//   check_referential_action         "Invalid referential action: `X`. Allowed values: (...)"
//   default_on_delete / default_on_update
//   check_set_null_on_required_fields  Postgres warning vs. error elsewhere
//   check_mysql_set_default          MySQL SetDefault warning (foreign keys only)
//   effective_relation_mode / check_relation_mode_allowed
//   suggests_missing_relation_indexes + kMissingRelationIndexWarning
//
// Indexes and ids (index_rules.hpp)
//   validate_index_for_connector     Postgres Xml / operator classes / SpGist columns, MySQL Text/Blob
//                                    keys, SQL Server heap types, CockroachDB Gin rules
//   validate_primary_key_for_connector  MySQL Text/Blob ids, SQL Server heap types and Bytes ids
//   check_index_algorithm_supported, check_length_prefix_supported, check_length_field_types,
//   check_fulltext_supported, check_fulltext_sort_supported, check_hash_index_sort,
//   check_clustering_supported
//
// Fields and defaults (field_rules.hpp)
//   check_field_type_supported (Json, Json[], Decimal, scalar lists), check_scalar_list_supported
//   check_autoincrement_fields, check_cockroach_autoincrement_type, check_auto_function_supported,
//   check_named_default_supported, check_connector_default_function (CockroachDB sequence())
//
// Constraint names (constraint_scope.hpp, constraint_names.hpp)
//   scope_includes / scope_is_global / constraint_scope_description / constraint_name_clash_message
//   primary_key_name, unique_index_name, non_unique_index_name, default_constraint_name,
//   foreign_key_constraint_name, check_constraint_name_length
//
// MongoDB (mongodb_rules.hpp)
//   check_mongodb_model_has_id, check_mongodb_id_mapped_name, check_mongodb_field,
//   check_mongodb_duplicate_index, check_mongodb_unique_on_id, check_mongodb_relation_native_types
#pragma once

#include "core/schema/connector/capability.hpp"
#include "core/schema/connector/connector.hpp"
#include "core/schema/connector/constraint_names.hpp"
#include "core/schema/connector/constraint_scope.hpp"
#include "core/schema/connector/field_rules.hpp"
#include "core/schema/connector/index_algorithm.hpp"
#include "core/schema/connector/index_rules.hpp"
#include "core/schema/connector/mongodb_rules.hpp"
#include "core/schema/connector/native_type.hpp"
#include "core/schema/connector/native_type_errors.hpp"
#include "core/schema/connector/native_type_validation.hpp"
#include "core/schema/connector/referential_action.hpp"
#include "core/schema/connector/relation_rules.hpp"
#include "core/schema/connector/scalar_type.hpp"
