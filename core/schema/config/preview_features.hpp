// Generator preview features as of Prisma 6.19 (psl-core common/preview_features.rs): the full
// list of names Prisma has ever known, and which are active, stabilized (GA, so listing them only
// warns), deprecated (to be removed), renamed per provider, or hidden.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::config {

// Declaration order matters: it is the order features are listed in "Expected one of: ..." and in
// serialized configs (Prisma iterates its bitflags in declaration order, which is alphabetical).
enum class PreviewFeature : std::uint8_t {
  AggregateApi,
  AtomicNumberOperations,
  ClientExtensions,
  Cockroachdb,
  ConnectOrCreate,
  CreateMany,
  DataProxy,
  Deno,
  Distinct,
  DriverAdapters,
  ExtendedIndexes,
  ExtendedWhereUnique,
  FieldReference,
  FilterJson,
  FilteredRelationCount,
  FullTextIndex,
  FullTextSearch,
  FullTextSearchPostgres,
  GroupBy,
  ImprovedQueryRaw,
  InteractiveTransactions,
  JsonProtocol,
  Metrics,
  MicrosoftSqlServer,
  Middlewares,
  MongoDb,
  MultiSchema,
  NApi,
  NamedConstraints,
  NativeDistinct,
  NativeTypes,
  OmitApi,
  OrderByAggregateGroup,
  OrderByNulls,
  OrderByRelation,
  PostgresqlExtensions,
  PrismaSchemaFolder,
  QueryCompiler,
  ReactNative,
  ReferentialActions,
  ReferentialIntegrity,
  RelationJoins,
  SchemaEngineDriverAdapters,
  SelectRelationCount,
  ShardKeys,
  StrictUndefinedChecks,
  Tracing,
  TransactionApi,
  TypedSql,
  UncheckedScalarInputs,
  Views,
};
inline constexpr int kPreviewFeatureCount = static_cast<int>(PreviewFeature::Views) + 1;

// The name as Prisma prints it: the variant with a lower-case first letter ("fullTextSearchPostgres").
std::string_view preview_feature_name(PreviewFeature feature);

// Case-insensitive lookup, like Prisma's `parse_opt`.
std::optional<PreviewFeature> parse_preview_feature(std::string_view text);

// A set of features; iteration is in declaration order.
class PreviewFeatures {
 public:
  PreviewFeatures() = default;
  PreviewFeatures(std::initializer_list<PreviewFeature> features) {
    for (auto f : features) insert(f);
  }
  void insert(PreviewFeature f) { bits_ |= bit(f); }
  bool contains(PreviewFeature f) const { return (bits_ & bit(f)) != 0; }
  bool empty() const { return bits_ == 0; }
  PreviewFeatures operator|(PreviewFeatures other) const { return from_bits(bits_ | other.bits_); }
  PreviewFeatures& operator|=(PreviewFeatures other) {
    bits_ |= other.bits_;
    return *this;
  }
  bool operator==(const PreviewFeatures&) const = default;
  std::vector<PreviewFeature> to_vector() const;
  // Names joined with ", " (the "Expected one of" list).
  std::string joined_names() const;

 private:
  static std::uint64_t bit(PreviewFeature f) { return std::uint64_t{1} << static_cast<unsigned>(f); }
  static PreviewFeatures from_bits(std::uint64_t bits) {
    PreviewFeatures out;
    out.bits_ = bits;
    return out;
  }
  std::uint64_t bits_ = 0;
};

// The feature map for a datasource provider (canonical name such as "postgresql", or none when the
// schema has no valid datasource): connector-native features are only valid for their provider.
class FeatureMap {
 public:
  explicit FeatureMap(std::optional<std::string> active_provider);

  PreviewFeatures active_features() const;  // what "Expected one of" lists
  PreviewFeatures hidden_features() const;  // valid but never advertised
  bool is_valid(PreviewFeature f) const;
  bool is_stabilized(PreviewFeature f) const;
  bool is_deprecated(PreviewFeature f) const;

  struct Renamed {
    PreviewFeature to;
    std::string_view prisly_link_endpoint;  // after https://pris.ly/d/
    std::optional<std::string> for_provider;  // set when the rename only applies to that provider
  };
  std::optional<Renamed> renamed(PreviewFeature f) const;

 private:
  std::optional<std::string> provider_;
};

// Validates the strings of a generator's `previewFeatures` array (span = the whole array) and
// returns the enabled set. Emits Prisma's warnings (stabilized, deprecated, renamed) and the
// "The preview feature \"X\" is not known. Expected one of: ..." error.
PreviewFeatures parse_and_validate_preview_features(const std::vector<std::string>& written, const FeatureMap& map,
                                                    Span span, Diagnostics& diags);

}  // namespace prismapp::schema::config
