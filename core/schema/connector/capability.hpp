// Connector capabilities: mirrors psl-core `datamodel_connector/capabilities.rs`. The validator asks
// `connector.has(Capability::X)` instead of comparing provider names, as Prisma does.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace prismapp::schema::connector {

enum class Capability : unsigned char {
  // General, used by schema validation.
  ScalarLists,
  Enums,
  Json,
  JsonLists,
  AutoIncrement,
  RelationFieldsInArbitraryOrder,
  CompositeTypes,
  DefaultValueAuto,
  TwoWayEmbeddedManyToManyRelation,
  ImplicitManyToManyRelation,
  MultiSchema,
  // Migrate / introspection, also checked by validation.
  AutoIncrementAllowedOnNonId,
  AutoIncrementMultipleAllowed,
  AutoIncrementNonIndexedAllowed,
  NamedPrimaryKeys,
  NamedForeignKeys,
  ReferenceCycleDetection,
  NamedDefaultValues,
  IndexColumnLengthPrefixing,
  PrimaryKeySortOrderDefinition,
  FullTextIndex,
  SortOrderInFullTextIndex,
  MultipleFullTextAttributesPerModel,
  ClusteringSetting,
  CompoundIds,
  AnyId,
  DecimalType,
  // Query-engine capabilities; kept so the DMMF/client layers can ask the same table.
  EnumArrayPush,
  InsensitiveFilters,
  CreateMany,
  CreateManyWriteableAutoIncId,
  WritableAutoincField,
  CreateSkipDuplicates,
  UpdateableId,
  JsonFiltering,
  JsonFilteringJsonPath,
  JsonFilteringArrayPath,
  JsonFilteringAlphanumeric,
  JsonFilteringAlphanumericFieldRef,
  JsonArrayContains,
  SqlQueryRaw,
  MongoDbQueryRaw,
  FullTextSearch,
  FullTextSearchWithoutIndex,
  FullTextSearchWithIndex,
  AdvancedJsonNullability,
  UndefinedType,
  BackwardCompatibleQueryRaw,
  OrderByNullsFirstLast,
  FilteredInlineChildNestedToOneDisconnect,
  SupportsTxIsolationReadUncommitted,
  SupportsTxIsolationReadCommitted,
  SupportsTxIsolationRepeatableRead,
  SupportsTxIsolationSerializable,
  SupportsTxIsolationSnapshot,
  NativeUpsert,
  InsertReturning,
  UpdateReturning,
  DeleteReturning,
  RowIn,
  DistinctOn,
  LateralJoin,
  CorrelatedSubqueries,
  SupportsDefaultInInsert,
  SupportsFiltersOnRelationsWithoutJoins,
  Count_  // not a capability: the number of enumerators
};

inline constexpr std::size_t kCapabilityCount = static_cast<std::size_t>(Capability::Count_);

// A constexpr bitset (std::bitset is not constexpr before C++23), so the connector table can be
// constant-initialized and safely used from other static initializers.
class CapabilitySet {
 public:
  constexpr CapabilitySet() = default;
  constexpr CapabilitySet(std::initializer_list<Capability> caps) {
    for (Capability c : caps) set(c);
  }
  constexpr void set(Capability c) {
    auto i = static_cast<std::size_t>(c);
    words_[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  constexpr bool has(Capability c) const {
    auto i = static_cast<std::size_t>(c);
    return (words_[i / 64] >> (i % 64)) & 1u;
  }

 private:
  std::uint64_t words_[(kCapabilityCount + 63) / 64] = {};
};

// Prisma's spelling ("ScalarLists"), e.g. for debug output and test lookups.
std::string_view capability_name(Capability c);
std::optional<Capability> parse_capability(std::string_view name);

}  // namespace prismapp::schema::connector
