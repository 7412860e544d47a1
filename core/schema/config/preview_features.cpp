#include "core/schema/config/preview_features.hpp"

#include <array>
#include <cctype>

namespace prismapp::schema::config {
namespace {

constexpr std::array<std::string_view, kPreviewFeatureCount> kNames = {
    "aggregateApi",
    "atomicNumberOperations",
    "clientExtensions",
    "cockroachdb",
    "connectOrCreate",
    "createMany",
    "dataProxy",
    "deno",
    "distinct",
    "driverAdapters",
    "extendedIndexes",
    "extendedWhereUnique",
    "fieldReference",
    "filterJson",
    "filteredRelationCount",
    "fullTextIndex",
    "fullTextSearch",
    "fullTextSearchPostgres",
    "groupBy",
    "improvedQueryRaw",
    "interactiveTransactions",
    "jsonProtocol",
    "metrics",
    "microsoftSqlServer",
    "middlewares",
    "mongoDb",
    "multiSchema",
    "nApi",
    "namedConstraints",
    "nativeDistinct",
    "nativeTypes",
    "omitApi",
    "orderByAggregateGroup",
    "orderByNulls",
    "orderByRelation",
    "postgresqlExtensions",
    "prismaSchemaFolder",
    "queryCompiler",
    "reactNative",
    "referentialActions",
    "referentialIntegrity",
    "relationJoins",
    "schemaEngineDriverAdapters",
    "selectRelationCount",
    "shardKeys",
    "strictUndefinedChecks",
    "tracing",
    "transactionApi",
    "typedSql",
    "uncheckedScalarInputs",
    "views",
};

using PF = PreviewFeature;

// Prisma 6.19: the features one may still opt into. `metrics` is both active and deprecated.
const PreviewFeatures kActive = {PF::Metrics,          PF::NativeDistinct,        PF::PostgresqlExtensions,
                                 PF::RelationJoins,    PF::SchemaEngineDriverAdapters, PF::ShardKeys,
                                 PF::StrictUndefinedChecks, PF::Views};

// Only valid (and only listed) when the datasource provider is PostgreSQL.
const PreviewFeatures kPostgresNative = {PF::FullTextSearchPostgres};

// Features that became generally available: naming them only warns.
const PreviewFeatures kStabilized = {
    PF::AggregateApi,       PF::AtomicNumberOperations, PF::ClientExtensions,      PF::Cockroachdb,
    PF::ConnectOrCreate,    PF::CreateMany,             PF::DataProxy,             PF::Deno,
    PF::Distinct,           PF::DriverAdapters,         PF::ExtendedIndexes,       PF::ExtendedWhereUnique,
    PF::FieldReference,     PF::FilteredRelationCount,  PF::FilterJson,            PF::FullTextIndex,
    PF::FullTextSearch,     PF::GroupBy,                PF::ImprovedQueryRaw,      PF::InteractiveTransactions,
    PF::JsonProtocol,       PF::MicrosoftSqlServer,     PF::Middlewares,           PF::MongoDb,
    PF::MultiSchema,        PF::NamedConstraints,       PF::NApi,                  PF::NativeTypes,
    PF::OmitApi,            PF::OrderByAggregateGroup,  PF::OrderByNulls,          PF::OrderByRelation,
    PF::PrismaSchemaFolder, PF::QueryCompiler,          PF::ReferentialActions,    PF::ReferentialIntegrity,
    PF::SelectRelationCount, PF::Tracing,               PF::TransactionApi,        PF::UncheckedScalarInputs};

// Features on their way out: naming them warns that they will be removed.
const PreviewFeatures kDeprecated = {PF::Metrics};

const PreviewFeatures kHidden = {PF::ReactNative, PF::TypedSql};

bool equals_ignore_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::string_view preview_feature_name(PreviewFeature feature) { return kNames.at(static_cast<std::size_t>(feature)); }

std::optional<PreviewFeature> parse_preview_feature(std::string_view text) {
  for (int i = 0; i < kPreviewFeatureCount; ++i) {
    if (equals_ignore_ascii_case(kNames[static_cast<std::size_t>(i)], text)) return static_cast<PreviewFeature>(i);
  }
  return std::nullopt;
}

std::vector<PreviewFeature> PreviewFeatures::to_vector() const {
  std::vector<PreviewFeature> out;
  for (int i = 0; i < kPreviewFeatureCount; ++i) {
    const auto f = static_cast<PreviewFeature>(i);
    if (contains(f)) out.push_back(f);
  }
  return out;
}

std::string PreviewFeatures::joined_names() const {
  std::string out;
  for (const auto f : to_vector()) {
    if (!out.empty()) out += ", ";
    out += preview_feature_name(f);
  }
  return out;
}

FeatureMap::FeatureMap(std::optional<std::string> active_provider) : provider_(std::move(active_provider)) {}

PreviewFeatures FeatureMap::active_features() const {
  if (provider_ && *provider_ == "postgresql") return kActive | kPostgresNative;
  return kActive;
}

PreviewFeatures FeatureMap::hidden_features() const { return kHidden; }

bool FeatureMap::is_valid(PreviewFeature f) const { return (active_features() | kHidden).contains(f); }
bool FeatureMap::is_stabilized(PreviewFeature f) const { return kStabilized.contains(f); }
bool FeatureMap::is_deprecated(PreviewFeature f) const { return kDeprecated.contains(f); }

std::optional<FeatureMap::Renamed> FeatureMap::renamed(PreviewFeature f) const {
  // The only rename in 6.19: on PostgreSQL, fullTextSearch became fullTextSearchPostgres.
  if (f == PF::FullTextSearch && provider_ && *provider_ == "postgresql") {
    return Renamed{PF::FullTextSearchPostgres, "fts-postgres", std::string("postgresql")};
  }
  return std::nullopt;
}

PreviewFeatures parse_and_validate_preview_features(const std::vector<std::string>& written, const FeatureMap& map,
                                                    Span span, Diagnostics& diags) {
  PreviewFeatures enabled;
  const auto not_known = [&](const std::string& text) {
    diags.error("The preview feature \"" + text + "\" is not known. Expected one of: " +
                    map.active_features().joined_names(),
                span);
  };
  for (const auto& text : written) {
    const auto feature = parse_preview_feature(text);
    if (!feature) {
      not_known(text);
      continue;
    }
    if (map.is_stabilized(*feature)) {
      if (const auto renamed = map.renamed(*feature)) {
        enabled.insert(renamed->to);
        std::string message;
        if (renamed->for_provider) message = "On `provider = \"" + *renamed->for_provider + "\"`, preview feature \"";
        else message = "Preview feature \"";
        message += text + "\" has been renamed to \"" + std::string(preview_feature_name(renamed->to)) +
                   "\". Learn more at https://pris.ly/d/" + std::string(renamed->prisly_link_endpoint) + ".";
        diags.warning(std::move(message), span);
      } else {
        enabled.insert(*feature);
        diags.warning("Preview feature \"" + text +
                          "\" is deprecated. The functionality can be used without specifying it as a preview "
                          "feature.",
                      span);
      }
      continue;
    }
    if (map.is_deprecated(*feature)) {
      enabled.insert(*feature);
      diags.warning("Preview feature \"" + text + "\" is deprecated. It will be removed in a future version of Prisma.",
                    span);
      continue;
    }
    if (!map.is_valid(*feature)) {
      not_known(text);
      continue;
    }
    enabled.insert(*feature);
  }
  return enabled;
}

}  // namespace prismapp::schema::config
