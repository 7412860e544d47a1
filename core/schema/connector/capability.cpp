#include "core/schema/connector/capability.hpp"

#include <iterator>

namespace prismapp::schema::connector {

namespace {
constexpr std::string_view kNames[] = {
    "ScalarLists",
    "Enums",
    "Json",
    "JsonLists",
    "AutoIncrement",
    "RelationFieldsInArbitraryOrder",
    "CompositeTypes",
    "DefaultValueAuto",
    "TwoWayEmbeddedManyToManyRelation",
    "ImplicitManyToManyRelation",
    "MultiSchema",
    "AutoIncrementAllowedOnNonId",
    "AutoIncrementMultipleAllowed",
    "AutoIncrementNonIndexedAllowed",
    "NamedPrimaryKeys",
    "NamedForeignKeys",
    "ReferenceCycleDetection",
    "NamedDefaultValues",
    "IndexColumnLengthPrefixing",
    "PrimaryKeySortOrderDefinition",
    "FullTextIndex",
    "SortOrderInFullTextIndex",
    "MultipleFullTextAttributesPerModel",
    "ClusteringSetting",
    "CompoundIds",
    "AnyId",
    "DecimalType",
    "EnumArrayPush",
    "InsensitiveFilters",
    "CreateMany",
    "CreateManyWriteableAutoIncId",
    "WritableAutoincField",
    "CreateSkipDuplicates",
    "UpdateableId",
    "JsonFiltering",
    "JsonFilteringJsonPath",
    "JsonFilteringArrayPath",
    "JsonFilteringAlphanumeric",
    "JsonFilteringAlphanumericFieldRef",
    "JsonArrayContains",
    "SqlQueryRaw",
    "MongoDbQueryRaw",
    "FullTextSearch",
    "FullTextSearchWithoutIndex",
    "FullTextSearchWithIndex",
    "AdvancedJsonNullability",
    "UndefinedType",
    "BackwardCompatibleQueryRaw",
    "OrderByNullsFirstLast",
    "FilteredInlineChildNestedToOneDisconnect",
    "SupportsTxIsolationReadUncommitted",
    "SupportsTxIsolationReadCommitted",
    "SupportsTxIsolationRepeatableRead",
    "SupportsTxIsolationSerializable",
    "SupportsTxIsolationSnapshot",
    "NativeUpsert",
    "InsertReturning",
    "UpdateReturning",
    "DeleteReturning",
    "RowIn",
    "DistinctOn",
    "LateralJoin",
    "CorrelatedSubqueries",
    "SupportsDefaultInInsert",
    "SupportsFiltersOnRelationsWithoutJoins",
};
static_assert(std::size(kNames) == kCapabilityCount, "one name per capability");
}  // namespace

std::string_view capability_name(Capability c) {
  auto i = static_cast<std::size_t>(c);
  return i < kCapabilityCount ? kNames[i] : std::string_view{};
}

std::optional<Capability> parse_capability(std::string_view name) {
  for (std::size_t i = 0; i < kCapabilityCount; ++i) {
    if (kNames[i] == name) return static_cast<Capability>(i);
  }
  return std::nullopt;
}

}  // namespace prismapp::schema::connector
