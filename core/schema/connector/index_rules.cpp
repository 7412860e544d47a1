// Index and primary key rules for MySQL, SQL Server and CockroachDB, the per-connector dispatch, and
// the capability checks shared by all connectors. PostgreSQL's rules are in postgres_index_rules.cpp.
#include "core/schema/connector/index_rules.hpp"

#include <string>

#include "core/schema/connector/native_type_errors.hpp"

namespace prismapp::schema::connector {
namespace {

// MySQL's hint appended to its key errors (mysql_datamodel_connector/validations.rs LENGTH_GUIDE).
constexpr std::string_view kMySqlLengthGuide =
    " Please use the `length` argument to the field in the index definition to allow this.";

}  // namespace

bool algorithm_supports_field_type(IndexAlgorithm algorithm, const IndexFieldInfo& field) {
  if (field.is_unsupported) return true;
  const auto is = [&](ScalarType t) { return field.scalar_type == t; };
  switch (algorithm) {
    case IndexAlgorithm::BTree:
    case IndexAlgorithm::Hash:
      return true;
    case IndexAlgorithm::Gist:
    case IndexAlgorithm::SpGist:
      return is(ScalarType::String);
    case IndexAlgorithm::Gin:
      return is(ScalarType::Json) || field.is_list;
    case IndexAlgorithm::Brin:
      return is(ScalarType::String) || is(ScalarType::Bytes) || is(ScalarType::DateTime) || is(ScalarType::Float) ||
             is(ScalarType::Int) || is(ScalarType::BigInt) || is(ScalarType::Decimal);
  }
  return false;
}

bool mysql_type_needs_key_length(std::string_view name) {
  return name == "Text" || name == "LongText" || name == "MediumText" || name == "TinyText" || name == "Blob" ||
         name == "TinyBlob" || name == "MediumBlob" || name == "LongBlob";
}

bool sqlserver_is_heap_allocated(const NativeTypeInstance& nt) {
  const std::string_view name = nt.name();
  if (name == "Text" || name == "NText" || name == "Image" || name == "Xml") return true;
  return (name == "VarBinary" || name == "VarChar" || name == "NVarChar") && nt.is_max(0);
}

void mysql_index_text_blob_check(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics) {
  for (const IndexFieldInfo& field : index.fields) {
    if (!field.native_type || !mysql_type_needs_key_length(field.native_type->name())) continue;
    // A length prefix makes the key legal; fulltext indexes never need one.
    if (field.has_length || index.kind == IndexKind::Fulltext) continue;
    const std::string rendered = field.native_type->to_string();
    diagnostics.error(index.kind == IndexKind::Unique
                          ? incompatible_with_unique_message(rendered, connector.display_name, kMySqlLengthGuide)
                          : incompatible_with_index_message(rendered, connector.display_name, kMySqlLengthGuide),
                      index.attribute_span);
    return;  // one error per index, as upstream
  }
}

void sqlserver_index_heap_type_check(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics) {
  for (const IndexFieldInfo& field : index.fields) {
    if (!field.native_type || !sqlserver_is_heap_allocated(*field.native_type)) continue;
    const std::string rendered = field.native_type->to_string();
    diagnostics.error(index.kind == IndexKind::Unique
                          ? incompatible_with_unique_message(rendered, connector.display_name, "")
                          : incompatible_with_index_message(rendered, connector.display_name, ""),
                      index.attribute_span);
    return;
  }
}

void cockroach_inverted_index_checks(const IndexInfo& index, Diagnostics& diagnostics) {
  if (index.algorithm != IndexAlgorithm::Gin) return;
  for (std::size_t i = 0; i < index.fields.size(); ++i) {
    const IndexFieldInfo& field = index.fields[i];
    if (field.operator_class || field.raw_operator_class) {
      diagnostics.attribute_error(index.attribute_name,
                                  "Custom operator classes are not supported with the current connector.",
                                  index.attribute_span);
      return;
    }
    if (!algorithm_supports_field_type(IndexAlgorithm::Gin, field)) {
      diagnostics.attribute_error(index.attribute_name,
                                  "The Gin index type does not support the type of the field `" +
                                      std::string(field.name) + "`.",
                                  index.attribute_span);
    }
    if (field.scalar_type == ScalarType::Json && i + 1 < index.fields.size()) {
      diagnostics.attribute_error(index.attribute_name,
                                  "A `Json` column is only allowed as the last column of an inverted index.",
                                  index.attribute_span);
    }
  }
}

void validate_index_for_connector(const Connector& connector, const IndexInfo& index, Diagnostics& diagnostics) {
  switch (connector.id) {
    case ConnectorId::Postgres:
      postgres_xml_index_check(connector, index, diagnostics);
      postgres_operator_class_checks(index, diagnostics);
      postgres_spgist_column_count_check(index, diagnostics);
      break;
    case ConnectorId::MySql:
      mysql_index_text_blob_check(connector, index, diagnostics);
      break;
    case ConnectorId::SqlServer:
      sqlserver_index_heap_type_check(connector, index, diagnostics);
      break;
    case ConnectorId::CockroachDb:
      cockroach_inverted_index_checks(index, diagnostics);
      break;
    case ConnectorId::Sqlite:
    case ConnectorId::MongoDb:
      break;  // MongoDB's index rules need the whole model: see mongodb_rules.hpp
  }
}

void validate_primary_key_for_connector(const Connector& connector, const PrimaryKeyInfo& pk,
                                        Diagnostics& diagnostics) {
  if (connector.id == ConnectorId::MySql) {
    for (const IndexFieldInfo& field : pk.fields) {
      if (!field.native_type || !mysql_type_needs_key_length(field.native_type->name())) continue;
      if (field.has_length) continue;
      diagnostics.error(
          incompatible_with_id_message(field.native_type->to_string(), connector.display_name, kMySqlLengthGuide),
          pk.attribute_span);
      return;
    }
  } else if (connector.id == ConnectorId::SqlServer) {
    for (const IndexFieldInfo& field : pk.fields) {
      if (field.native_type && sqlserver_is_heap_allocated(*field.native_type)) {
        diagnostics.error(incompatible_with_id_message(field.native_type->to_string(), connector.display_name, ""),
                          pk.attribute_span);
        return;
      }
      if (field.scalar_type == ScalarType::Bytes) {
        diagnostics.error("Invalid model: Using Bytes type is not allowed in the model's id.", pk.attribute_span);
        return;
      }
    }
  }
}

void check_index_algorithm_supported(const Connector& connector, IndexAlgorithm algorithm,
                                     std::string_view attribute_name, Span span, Diagnostics& diagnostics) {
  if (connector.supports_index_algorithm(algorithm)) return;
  diagnostics.attribute_error(attribute_name, "The given index type is not supported with the current connector",
                              span);
}

void check_length_prefix_supported(const Connector& connector, bool any_field_has_length,
                                   std::string_view attribute_name, Span span, Diagnostics& diagnostics) {
  if (connector.has(Capability::IndexColumnLengthPrefixing) || !any_field_has_length) return;
  diagnostics.attribute_error(
      attribute_name, "The length argument is not supported in an index definition with the current connector", span);
}

void check_length_field_types(const Connector& connector, const IndexFieldInfo& field, std::string_view attribute_name,
                              Span span, Diagnostics& diagnostics) {
  if (!connector.has(Capability::IndexColumnLengthPrefixing) || !field.has_length || field.is_unsupported) return;
  if (field.scalar_type == ScalarType::String || field.scalar_type == ScalarType::Bytes) return;
  diagnostics.attribute_error(attribute_name,
                              "The length argument is only allowed with field types `String` or `Bytes`.", span);
}

void check_fulltext_supported(const Connector& connector, std::string_view attribute_name, Span span,
                              Diagnostics& diagnostics) {
  if (connector.has(Capability::FullTextIndex)) return;
  diagnostics.attribute_error(attribute_name, "Defining fulltext indexes is not supported with the current connector.",
                              span);
}

void check_fulltext_sort_supported(const Connector& connector, bool any_field_has_sort, std::string_view attribute_name,
                                   Span span, Diagnostics& diagnostics) {
  if (!connector.has(Capability::FullTextIndex) || connector.has(Capability::SortOrderInFullTextIndex)) return;
  if (!any_field_has_sort) return;
  diagnostics.attribute_error(
      attribute_name, "The sort argument is not supported in a @@fulltext attribute in the current connector.", span);
}

void check_hash_index_sort(const Connector& connector, std::optional<IndexAlgorithm> algorithm, bool any_field_has_sort,
                           std::string_view attribute_name, Span span, Diagnostics& diagnostics) {
  if (!connector.supports_index_algorithm(IndexAlgorithm::Hash)) return;
  if (algorithm != IndexAlgorithm::Hash || !any_field_has_sort) return;
  diagnostics.attribute_error(attribute_name, "Hash type does not support sort option.", span);
}

void check_clustering_supported(const Connector& connector, bool clustered_given, std::string_view attribute_name,
                                Span span, Diagnostics& diagnostics) {
  if (connector.has(Capability::ClusteringSetting) || !clustered_given) return;
  diagnostics.attribute_error(attribute_name, "Defining clustering is not supported in the current connector.", span);
}

}  // namespace prismapp::schema::connector
