#include "core/schema/connector/mongodb_rules.hpp"

#include <string>

namespace prismapp::schema::connector {
namespace {

bool is_mongo(const Connector& c) { return c.id == ConnectorId::MongoDb; }

void field_error(const MongoDbFieldFacts& f, std::string_view message, Diagnostics& diagnostics) {
  diagnostics.error("Error validating field `" + std::string(f.field_name) + "` in " + std::string(f.container) + " `" +
                        std::string(f.model_name) + "`: " + std::string(message),
                    f.field_span);
}

std::string at(const RawNativeType& t) { return "'@" + std::string(t.prefix) + "." + std::string(t.name) + "'"; }

}  // namespace

void check_mongodb_model_has_id(const Connector& connector, bool has_primary_key, Span model_span,
                                Diagnostics& diagnostics) {
  if (!is_mongo(connector) || has_primary_key) return;
  diagnostics.error("Invalid model: MongoDB models require exactly one identity field annotated with @id", model_span);
}

void check_mongodb_id_mapped_name(const Connector& connector, std::string_view container, std::string_view model_name,
                                  std::string_view field_name, std::optional<std::string_view> mapped_name,
                                  Span field_span, Diagnostics& diagnostics) {
  if (!is_mongo(connector)) return;
  if (field_name == "_id" || mapped_name == "_id") return;
  std::string message = "MongoDB model IDs must have an @map(\"_id\") annotation";
  message += mapped_name ? ", found @map(\"" + std::string(*mapped_name) + "\")." : std::string(".");
  diagnostics.error("Error validating field `" + std::string(field_name) + "` in " + std::string(container) + " `" +
                        std::string(model_name) + "`: " + message,
                    field_span);
}

void check_mongodb_field(const Connector& connector, const MongoDbFieldFacts& f, Diagnostics& diagnostics) {
  if (!is_mongo(connector)) return;
  if (f.default_is_auto && !f.native_type_is_object_id) {
    field_error(f, "MongoDB `@default(auto())` fields must have `ObjectId` native type.", diagnostics);
  }
  if (f.default_is_auto && !f.is_part_of_id) {
    field_error(f, "MongoDB `@default(auto())` fields must have the `@id` attribute.", diagnostics);
  }
  if (f.default_is_dbgenerated) {
    field_error(f, "The `dbgenerated()` function is not allowed with MongoDB. Please use `auto()` instead.",
                diagnostics);
  }
  if (f.mapped_name) {
    if (f.mapped_name->starts_with('$')) {
      diagnostics.attribute_error("@map", "The field name cannot start with a `$` character", f.map_attribute_span);
    }
    if (f.mapped_name->find('.') != std::string_view::npos) {
      diagnostics.attribute_error("@map", "The field name cannot contain a `.` character", f.map_attribute_span);
    }
  }
}

void check_mongodb_duplicate_index(const Connector& connector, bool same_fields_as_another_index,
                                   std::string_view attribute_name, Span attribute_span, Diagnostics& diagnostics) {
  if (!is_mongo(connector) || !same_fields_as_another_index) return;
  diagnostics.attribute_error(attribute_name, "Index already exists in the model.", attribute_span);
}

void check_mongodb_unique_on_id(const Connector& connector, bool unique_single_field_is_id,
                                std::string_view attribute_name, Span attribute_span, Diagnostics& diagnostics) {
  if (!is_mongo(connector) || !unique_single_field_is_id) return;
  diagnostics.attribute_error(attribute_name, "The same field cannot be an id and unique on MongoDB.", attribute_span);
}

void check_mongodb_relation_native_types(const Connector& connector, std::string_view relation_model,
                                         std::string_view relation_field, std::string_view referencing_model,
                                         std::string_view referencing_field,
                                         std::optional<RawNativeType> referencing_native,
                                         std::string_view referenced_model, std::string_view referenced_field,
                                         std::optional<RawNativeType> referenced_native, Span referencing_field_span,
                                         Diagnostics& diagnostics) {
  if (!is_mongo(connector)) return;
  const std::string a = std::string(referencing_model) + "." + std::string(referencing_field);
  const std::string b = std::string(referenced_model) + "." + std::string(referenced_field);
  std::string message = "Field " + a + " and " + b +
                        " must have the same native type for MongoDB to join those collections correctly. ";
  if (referencing_native && referenced_native) {
    if (*referencing_native == *referenced_native) return;
    message += "Consider updating those fields to either use " + at(*referencing_native) + " or " +
               at(*referenced_native) + ".";
  } else if (referenced_native) {
    message += "Consider either removing " + b + "'s native type attribute or adding " + at(*referenced_native) +
               " to " + a + ".";
  } else if (referencing_native) {
    message += "Consider either removing " + a + "'s native type attribute or adding " + at(*referencing_native) +
               " to " + b + ".";
  } else {
    return;
  }
  message += " Beware that this will become an error in the future.";
  diagnostics.warning("Warning validating field `" + std::string(relation_field) + "` in model `" +
                          std::string(relation_model) + "`: " + message,
                      referencing_field_span);
}

}  // namespace prismapp::schema::connector
