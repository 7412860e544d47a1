// MongoDB-only model rules (psl-core builtin_connectors/mongodb/validations.rs), as checks on plain
// values. Each is a no-op on other connectors, so the validator may call them unconditionally.
#pragma once
#include <optional>
#include <string_view>

#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::connector {

// "Invalid model: MongoDB models require exactly one identity field annotated with @id" (model span).
void check_mongodb_model_has_id(const Connector& connector, bool has_primary_key, Span model_span,
                                Diagnostics& diagnostics);

// Single-field id not named/mapped `_id`: "Error validating field `id` in model `M`: MongoDB model IDs
// must have an @map(\"_id\") annotation." (", found @map(\"x\")." when mapped elsewhere).
void check_mongodb_id_mapped_name(const Connector& connector, std::string_view container, std::string_view model_name,
                                  std::string_view field_name, std::optional<std::string_view> mapped_name,
                                  Span field_span, Diagnostics& diagnostics);

// Per scalar field: `@default(auto())` needs `@db.ObjectId` and `@id`; `@default(dbgenerated())` is not
// allowed; `@map` names must not start with `$` or contain `.` (at the @map attribute span).
struct MongoDbFieldFacts {
  std::string_view container = "model";  // or "view"
  std::string_view model_name;
  std::string_view field_name;
  Span field_span;
  bool default_is_auto = false;
  bool default_is_dbgenerated = false;
  bool native_type_is_object_id = false;  // raw `@db.ObjectId`
  bool is_part_of_id = false;             // single or compound primary key
  std::optional<std::string_view> mapped_name;
  Span map_attribute_span;
};
void check_mongodb_field(const Connector& connector, const MongoDbFieldFacts& field, Diagnostics& diagnostics);

// "Index already exists in the model." for an index whose fields equal another index's fields.
// `attribute_name` is the full "@@index" / "@@unique" / "@@fulltext" spelling.
void check_mongodb_duplicate_index(const Connector& connector, bool same_fields_as_another_index,
                                   std::string_view attribute_name, Span attribute_span, Diagnostics& diagnostics);
// "The same field cannot be an id and unique on MongoDB." for a one-field @unique on the id field.
void check_mongodb_unique_on_id(const Connector& connector, bool unique_single_field_is_id,
                                std::string_view attribute_name, Span attribute_span, Diagnostics& diagnostics);

// A relation's referencing/referenced field pair whose `@db.*` types differ gets a warning
// "Warning validating field `rel` in model `M`: Field A.a and B.b must have the same native type for
// MongoDB to join those collections correctly. Consider ... Beware that this will become an error in
// the future." Native types are given as the raw (prefix, name) of the attribute, e.g. ("db", "ObjectId").
struct RawNativeType {
  std::string_view prefix;
  std::string_view name;
  friend bool operator==(const RawNativeType&, const RawNativeType&) = default;
};
void check_mongodb_relation_native_types(const Connector& connector, std::string_view relation_model,
                                         std::string_view relation_field, std::string_view referencing_model,
                                         std::string_view referencing_field,
                                         std::optional<RawNativeType> referencing_native,
                                         std::string_view referenced_model, std::string_view referenced_field,
                                         std::optional<RawNativeType> referenced_native, Span referencing_field_span,
                                         Diagnostics& diagnostics);

}  // namespace prismapp::schema::connector
