// Connector-dependent rules on indexes and primary keys.
//
// Per-connector checks (Prisma's Connector::validate_model, index and primary key parts):
//   validate_index_for_connector()        Postgres: Xml in index, operator classes (Gist/Gin/SpGist/Brin),
//                                          SpGist column count. MySQL: Text/Blob without length.
//                                          SQL Server: heap types (Text, Xml, VarChar(Max), ...).
//                                          CockroachDB: inverted (Gin) index rules.
//   validate_primary_key_for_connector()  MySQL Text/Blob, SQL Server heap types and Bytes in ids.
// Capability checks from validations/indexes.rs and fields.rs, usable on any connector:
//   check_index_algorithm_supported, check_length_prefix_supported, check_length_field_types,
//   check_fulltext_supported, check_fulltext_sort_supported, check_hash_index_sort,
//   check_clustering_supported.
// The validator builds IndexInfo/IndexFieldInfo from its walkers; nothing here walks a schema.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::connector {

enum class IndexKind { Normal, Unique, Fulltext };

// One field of an index or primary key, reduced to what the connector rules read.
struct IndexFieldInfo {
  std::string_view name;
  std::optional<ScalarType> scalar_type;  // nullopt for enums, composite types and Unsupported(...)
  bool is_unsupported = false;            // Unsupported("...") field type
  bool is_list = false;
  // The field's native type parsed silently (parse_native_type without diagnostics); nullopt when the
  // field has no `@db.*` attribute or it does not parse.
  std::optional<NativeTypeInstance> native_type;
  std::optional<OperatorClass> operator_class;  // `ops: X`
  bool raw_operator_class = false;              // `ops: raw("...")`
  bool has_length = false;                      // `length: n`
  bool has_sort_order = false;                  // `sort: Asc|Desc`
  Span field_span;                              // the field declaration
};

struct IndexInfo {
  IndexKind kind = IndexKind::Normal;
  std::optional<IndexAlgorithm> algorithm;  // `type: X`, nullopt when absent (BTree)
  std::string_view attribute_name;          // "@@index", "@unique", "@@unique", "@@fulltext"
  Span attribute_span;
  std::vector<IndexFieldInfo> fields;
};

struct PrimaryKeyInfo {
  std::string_view attribute_name;  // "@id" or "@@id"
  Span attribute_span;
  std::vector<IndexFieldInfo> fields;
};

void validate_index_for_connector(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics);
void validate_primary_key_for_connector(const Connector& connector, const PrimaryKeyInfo& primary_key,
                                        Diagnostics& diagnostics);

// The pieces of validate_index_for_connector, exposed for focused use and tests.
void postgres_xml_index_check(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics);
void postgres_operator_class_checks(const IndexInfo& index, Diagnostics& diagnostics);
void postgres_spgist_column_count_check(const IndexInfo& index, Diagnostics& diagnostics);
void mysql_index_text_blob_check(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics);
void sqlserver_index_heap_type_check(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics);
void cockroach_inverted_index_checks(const IndexInfo& index, Diagnostics& diagnostics);

// IndexAlgorithm::supports_field_type: can an index of this algorithm hold the field without an
// explicit operator class?
bool algorithm_supports_field_type(IndexAlgorithm algorithm, const IndexFieldInfo& field);

// MySQL types that need a `length:` in keys (Text, Blob and their size variants).
bool mysql_type_needs_key_length(std::string_view native_type_name);
// SQL Server types stored off-row that cannot be keys (Text, NText, Image, Xml, *(Max)).
bool sqlserver_is_heap_allocated(const NativeTypeInstance& native_type);

// --- capability checks (all push `Error parsing attribute "<attribute_name>": ...`) ---

// `type: X` not offered by the connector: "The given index type is not supported with the current
// connector" at `span` (the `type` argument, else the attribute).
void check_index_algorithm_supported(const Connector& connector, IndexAlgorithm algorithm,
                                     std::string_view attribute_name, Span span, Diagnostics& diagnostics);
// Any `length:` without IndexColumnLengthPrefixing: "The length argument is not supported in an index
// definition with the current connector".
void check_length_prefix_supported(const Connector& connector, bool any_field_has_length,
                                   std::string_view attribute_name, Span span, Diagnostics& diagnostics);
// With IndexColumnLengthPrefixing, `length:` on a field that is not String/Bytes (Unsupported is
// fine): "The length argument is only allowed with field types `String` or `Bytes`."
void check_length_field_types(const Connector& connector, const IndexFieldInfo& field, std::string_view attribute_name,
                              Span span, Diagnostics& diagnostics);
// @@fulltext without FullTextIndex: "Defining fulltext indexes is not supported with the current connector."
void check_fulltext_supported(const Connector& connector, std::string_view attribute_name, Span span,
                              Diagnostics& diagnostics);
// @@fulltext with `sort:` without SortOrderInFullTextIndex: "The sort argument is not supported in a
// @@fulltext attribute in the current connector."
void check_fulltext_sort_supported(const Connector& connector, bool any_field_has_sort, std::string_view attribute_name,
                                   Span span, Diagnostics& diagnostics);
// `type: Hash` with `sort:` where Hash exists: "Hash type does not support sort option."
void check_hash_index_sort(const Connector& connector, std::optional<IndexAlgorithm> algorithm, bool any_field_has_sort,
                           std::string_view attribute_name, Span span, Diagnostics& diagnostics);
// `clustered:` without ClusteringSetting: "Defining clustering is not supported in the current connector."
void check_clustering_supported(const Connector& connector, bool clustered_given, std::string_view attribute_name,
                                Span span, Diagnostics& diagnostics);

}  // namespace prismapp::schema::connector
