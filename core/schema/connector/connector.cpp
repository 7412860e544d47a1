// The six connector descriptions. Values come from psl-core builtin_connectors/*.rs (Prisma 6.x).
#include "core/schema/connector/connector.hpp"

#include <iterator>

#include "core/schema/connector/native_type_tables.hpp"

namespace prismapp::schema::connector {
namespace {

using C = Capability;
using RA = ReferentialAction;
using IA = IndexAlgorithm;
using CS = ConstraintScope;

constexpr std::string_view kPostgresAliases[] = {"postgresql", "postgres"};
constexpr std::string_view kCockroachAliases[] = {"cockroachdb"};
constexpr std::string_view kMySqlAliases[] = {"mysql"};
constexpr std::string_view kSqliteAliases[] = {"sqlite"};
constexpr std::string_view kSqlServerAliases[] = {"sqlserver"};
constexpr std::string_view kMongoDbAliases[] = {"mongodb"};

constexpr std::string_view kPostgresUrls[] = {"postgres://", "postgresql://"};
constexpr std::string_view kMySqlUrls[] = {"mysql"};
constexpr std::string_view kSqliteUrls[] = {"file"};
constexpr std::string_view kSqlServerUrls[] = {"sqlserver"};
constexpr std::string_view kMongoDbUrls[] = {"mongo"};

constexpr CS kPostgresScopes[] = {CS::GlobalPrimaryKeyKeyIndex, CS::ModelPrimaryKeyKeyIndexForeignKey};
constexpr CS kCockroachScopes[] = {CS::ModelPrimaryKeyKeyIndexForeignKey};
constexpr CS kMySqlScopes[] = {CS::GlobalForeignKey, CS::ModelKeyIndex};
constexpr CS kSqliteScopes[] = {CS::GlobalKeyIndex};
constexpr CS kSqlServerScopes[] = {CS::GlobalPrimaryKeyForeignKeyDefault, CS::ModelPrimaryKeyKeyIndex};
constexpr CS kMongoDbScopes[] = {CS::ModelKeyIndex};

// RelationMode::allowed_emulated_referential_actions_default.
constexpr ReferentialActionSet kDefaultEmulatedActions{RA::Restrict, RA::SetNull, RA::NoAction, RA::Cascade};
constexpr RelationModeSet kBothRelationModes{RelationMode::ForeignKeys, RelationMode::Prisma};

constexpr Connector kPostgres{
    ConnectorId::Postgres,
    "postgresql",
    "Postgres",
    kPostgresAliases,
    CapabilitySet{C::AdvancedJsonNullability, C::AnyId, C::AutoIncrement, C::AutoIncrementAllowedOnNonId,
                  C::AutoIncrementMultipleAllowed, C::AutoIncrementNonIndexedAllowed, C::CompoundIds, C::CreateMany,
                  C::CreateManyWriteableAutoIncId, C::CreateSkipDuplicates, C::Enums, C::EnumArrayPush,
                  C::FullTextSearch, C::FullTextSearchWithoutIndex, C::InsensitiveFilters, C::Json, C::JsonFiltering,
                  C::JsonFilteringArrayPath, C::JsonFilteringAlphanumeric, C::JsonFilteringAlphanumericFieldRef,
                  C::MultiSchema, C::NamedForeignKeys, C::NamedPrimaryKeys, C::SqlQueryRaw,
                  C::RelationFieldsInArbitraryOrder, C::ScalarLists, C::JsonLists, C::UpdateableId,
                  C::WritableAutoincField, C::ImplicitManyToManyRelation, C::DecimalType, C::OrderByNullsFirstLast,
                  C::FilteredInlineChildNestedToOneDisconnect, C::SupportsTxIsolationReadUncommitted,
                  C::SupportsTxIsolationReadCommitted, C::SupportsTxIsolationRepeatableRead,
                  C::SupportsTxIsolationSerializable, C::NativeUpsert, C::InsertReturning, C::UpdateReturning,
                  C::RowIn, C::DistinctOn, C::DeleteReturning, C::SupportsFiltersOnRelationsWithoutJoins,
                  C::LateralJoin, C::SupportsDefaultInInsert},
    63,  // NAMEDATALEN - 1
    kPostgresScopes,
    ReferentialActionSet{RA::NoAction, RA::Restrict, RA::Cascade, RA::SetNull, RA::SetDefault},
    // NoAction is not emulated: Postgres' NO ACTION differs from RESTRICT only by deferral.
    ReferentialActionSet{RA::Restrict, RA::SetNull, RA::Cascade},
    kBothRelationModes,
    RelationMode::ForeignKeys,
    true,
    IndexAlgorithmSet{IA::BTree, IA::Hash, IA::Gist, IA::Gin, IA::SpGist, IA::Brin},
    true,
    kPostgresUrls,
    "must start with the protocol `postgresql://` or `postgres://`.",
    &kPostgresNativeTypes,
};

constexpr Connector kCockroach{
    ConnectorId::CockroachDb,
    "cockroachdb",
    "CockroachDB",
    kCockroachAliases,
    CapabilitySet{C::AdvancedJsonNullability, C::AnyId, C::AutoIncrement, C::AutoIncrementAllowedOnNonId,
                  C::AutoIncrementMultipleAllowed, C::AutoIncrementNonIndexedAllowed, C::CompoundIds, C::CreateMany,
                  C::CreateManyWriteableAutoIncId, C::CreateSkipDuplicates, C::Enums, C::InsensitiveFilters, C::Json,
                  C::JsonFiltering, C::JsonFilteringArrayPath, C::JsonArrayContains, C::NamedPrimaryKeys,
                  C::NamedForeignKeys, C::SqlQueryRaw, C::RelationFieldsInArbitraryOrder, C::ScalarLists, C::UpdateableId,
                  C::WritableAutoincField, C::ImplicitManyToManyRelation, C::DecimalType, C::OrderByNullsFirstLast,
                  C::SupportsTxIsolationSerializable, C::NativeUpsert, C::MultiSchema,
                  C::FilteredInlineChildNestedToOneDisconnect, C::InsertReturning, C::UpdateReturning, C::RowIn,
                  C::DeleteReturning, C::SupportsFiltersOnRelationsWithoutJoins, C::LateralJoin,
                  C::SupportsDefaultInInsert, C::SupportsTxIsolationReadCommitted},
    63,
    kCockroachScopes,
    ReferentialActionSet{RA::NoAction, RA::Restrict, RA::Cascade, RA::SetNull, RA::SetDefault},
    kDefaultEmulatedActions,
    kBothRelationModes,
    RelationMode::ForeignKeys,
    false,
    IndexAlgorithmSet{IA::BTree, IA::Gin},
    true,
    kPostgresUrls,
    "must start with the protocol `postgresql://` or `postgres://`.",
    &kCockroachNativeTypes,
};

constexpr Connector kMySql{
    ConnectorId::MySql,
    "mysql",
    "MySQL",
    kMySqlAliases,
    CapabilitySet{C::Enums, C::EnumArrayPush, C::Json, C::AutoIncrementAllowedOnNonId,
                  C::RelationFieldsInArbitraryOrder, C::CreateMany, C::WritableAutoincField, C::CreateSkipDuplicates,
                  C::UpdateableId, C::JsonFiltering, C::JsonFilteringJsonPath, C::JsonFilteringAlphanumeric,
                  C::JsonArrayContains, C::CreateManyWriteableAutoIncId, C::AutoIncrement, C::CompoundIds, C::AnyId,
                  C::SqlQueryRaw, C::NamedForeignKeys, C::AdvancedJsonNullability, C::IndexColumnLengthPrefixing, C::FullTextIndex,
                  C::FullTextSearch, C::FullTextSearchWithIndex, C::MultipleFullTextAttributesPerModel,
                  C::ImplicitManyToManyRelation, C::DecimalType, C::OrderByNullsFirstLast,
                  C::FilteredInlineChildNestedToOneDisconnect, C::SupportsTxIsolationReadUncommitted,
                  C::SupportsTxIsolationReadCommitted, C::SupportsTxIsolationRepeatableRead,
                  C::SupportsTxIsolationSerializable, C::RowIn, C::SupportsFiltersOnRelationsWithoutJoins,
                  C::CorrelatedSubqueries, C::SupportsDefaultInInsert},
    64,
    kMySqlScopes,
    ReferentialActionSet{RA::Restrict, RA::Cascade, RA::SetNull, RA::NoAction, RA::SetDefault},
    kDefaultEmulatedActions,
    kBothRelationModes,
    RelationMode::ForeignKeys,
    false,
    IndexAlgorithmSet{IA::BTree},
    true,
    kMySqlUrls,
    "must start with the protocol `mysql://`.",
    &kMySqlNativeTypes,
};

constexpr Connector kSqlite{
    ConnectorId::Sqlite,
    "sqlite",
    "sqlite",
    kSqliteAliases,
    CapabilitySet{C::AnyId, C::AutoIncrement, C::CompoundIds, C::SqlQueryRaw, C::RelationFieldsInArbitraryOrder,
                  C::UpdateableId, C::ImplicitManyToManyRelation, C::DecimalType, C::BackwardCompatibleQueryRaw,
                  C::OrderByNullsFirstLast, C::SupportsTxIsolationSerializable, C::NativeUpsert,
                  C::FilteredInlineChildNestedToOneDisconnect, C::RowIn, C::InsertReturning, C::DeleteReturning,
                  C::UpdateReturning, C::SupportsFiltersOnRelationsWithoutJoins, C::CreateMany,
                  C::CreateManyWriteableAutoIncId,
                  // Json on SQLite since Prisma 6.2 (stored as TEXT).
                  C::Json, C::JsonFiltering, C::JsonFilteringJsonPath, C::AdvancedJsonNullability,
                  // Enums on SQLite since Prisma 6.2 (stored as TEXT; 6.19.3 validates them).
                  C::Enums},
    10000,
    kSqliteScopes,
    ReferentialActionSet{RA::SetNull, RA::SetDefault, RA::Cascade, RA::Restrict, RA::NoAction},
    ReferentialActionSet{RA::Restrict, RA::SetNull, RA::Cascade},
    kBothRelationModes,
    RelationMode::ForeignKeys,
    false,
    IndexAlgorithmSet{IA::BTree},
    true,
    kSqliteUrls,
    "must start with the protocol `file:`.",
    &kSqliteNativeTypes,
};

constexpr Connector kSqlServer{
    ConnectorId::SqlServer,
    "sqlserver",
    "SQL Server",
    kSqlServerAliases,
    CapabilitySet{C::AnyId, C::AutoIncrement, C::AutoIncrementAllowedOnNonId, C::AutoIncrementMultipleAllowed,
                  C::AutoIncrementNonIndexedAllowed, C::CompoundIds, C::CreateMany, C::MultiSchema,
                  C::NamedDefaultValues, C::NamedForeignKeys, C::NamedPrimaryKeys, C::ReferenceCycleDetection,
                  C::UpdateableId, C::PrimaryKeySortOrderDefinition, C::ImplicitManyToManyRelation, C::DecimalType,
                  C::ClusteringSetting, C::OrderByNullsFirstLast, C::FilteredInlineChildNestedToOneDisconnect,
                  C::SupportsTxIsolationReadUncommitted, C::SupportsTxIsolationReadCommitted,
                  C::SupportsTxIsolationRepeatableRead, C::SupportsTxIsolationSerializable,
                  C::SupportsTxIsolationSnapshot, C::SupportsFiltersOnRelationsWithoutJoins,
                  C::SupportsDefaultInInsert},
    128,
    kSqlServerScopes,
    // SQL Server has no RESTRICT.
    ReferentialActionSet{RA::NoAction, RA::Cascade, RA::SetNull, RA::SetDefault},
    kDefaultEmulatedActions,
    kBothRelationModes,
    RelationMode::ForeignKeys,
    false,
    IndexAlgorithmSet{IA::BTree},
    true,
    kSqlServerUrls,
    "must start with the protocol `sqlserver://`.",
    &kSqlServerNativeTypes,
};

constexpr Connector kMongoDb{
    ConnectorId::MongoDb,
    "mongodb",
    "MongoDB",
    kMongoDbAliases,
    CapabilitySet{C::Json, C::Enums, C::EnumArrayPush, C::RelationFieldsInArbitraryOrder, C::CreateMany,
                  C::ScalarLists, C::JsonLists, C::InsensitiveFilters, C::CompositeTypes, C::FullTextIndex,
                  C::SortOrderInFullTextIndex, C::DefaultValueAuto, C::TwoWayEmbeddedManyToManyRelation,
                  C::UndefinedType, C::DeleteReturning, C::SupportsDefaultInInsert, C::MongoDbQueryRaw},
    127,
    kMongoDbScopes,
    // No foreign keys at all; relations are always emulated.
    ReferentialActionSet{},
    kDefaultEmulatedActions,
    RelationModeSet{RelationMode::Prisma},
    RelationMode::Prisma,
    false,
    IndexAlgorithmSet{IA::BTree},
    false,
    kMongoDbUrls,
    "must start with the protocol `mongo`.",
    &kMongoDbNativeTypes,
};

// Prisma's BUILTIN_CONNECTORS order.
constexpr const Connector* kAll[] = {&kPostgres, &kMySql, &kSqlite, &kSqlServer, &kCockroach, &kMongoDb};

}  // namespace

bool Connector::is_provider(std::string_view provider) const {
  for (std::string_view alias : provider_aliases) {
    if (alias == provider) return true;
  }
  return false;
}

std::span<const NativeTypeConstructor> Connector::native_type_constructors() const {
  return native_types ? native_types->constructors : std::span<const NativeTypeConstructor>{};
}

const NativeTypeConstructor* Connector::find_native_type(std::string_view name) const {
  for (const auto& c : native_type_constructors()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::optional<NativeTypeInstance> Connector::default_native_type(ScalarType scalar) const {
  if (!native_types) return std::nullopt;
  for (const auto& d : native_types->defaults) {
    if (d.scalar != scalar) continue;
    NativeTypeInstance out;
    out.constructor = find_native_type(d.name);
    out.args.assign(d.args, d.args + d.arg_count);
    return out;
  }
  return std::nullopt;
}

bool Connector::is_default_native_type(const NativeTypeInstance& native_type, ScalarType scalar) const {
  auto d = default_native_type(scalar);
  return d && *d == native_type;
}

std::optional<std::string> Connector::validate_url(std::string_view url) const {
  for (std::string_view prefix : url_prefixes) {
    if (url.starts_with(prefix)) return std::nullopt;
  }
  return std::string(url_error);
}

const Connector* find_connector(std::string_view provider) {
  for (const Connector* c : kAll) {
    if (c->is_provider(provider)) return c;
  }
  return nullptr;
}

const Connector& connector_by_id(ConnectorId id) {
  for (const Connector* c : kAll) {
    if (c->id == id) return *c;
  }
  return kPostgres;  // unreachable: every id has an entry
}

std::span<const Connector* const> all_connectors() { return kAll; }

}  // namespace prismapp::schema::connector
