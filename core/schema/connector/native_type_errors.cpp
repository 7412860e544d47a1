#include "core/schema/connector/native_type_errors.hpp"

namespace prismapp::schema::connector {

std::string scale_larger_than_precision_message(std::string_view native_type, std::string_view connector) {
  return "The scale must not be larger than the precision for the " + std::string(native_type) +
         " native type in " + std::string(connector) + ".";
}

std::string argument_out_of_range_message(std::string_view native_type, std::string_view connector,
                                          std::string_view detail) {
  return "Argument M is out of range for native type `" + std::string(native_type) + "` of " +
         std::string(connector) + ": " + std::string(detail);
}

std::string incompatible_with_index_message(std::string_view native_type, std::string_view connector,
                                            std::string_view suffix) {
  return "You cannot define an index on fields with native type `" + std::string(native_type) + "` of " +
         std::string(connector) + "." + std::string(suffix);
}

std::string incompatible_with_unique_message(std::string_view native_type, std::string_view connector,
                                             std::string_view suffix) {
  return "Native type `" + std::string(native_type) + "` cannot be unique in " + std::string(connector) + "." +
         std::string(suffix);
}

std::string incompatible_with_id_message(std::string_view native_type, std::string_view connector,
                                         std::string_view suffix) {
  return "Native type `" + std::string(native_type) + "` of " + std::string(connector) +
         " cannot be used on a field that is `@id` or `@@id`." + std::string(suffix);
}

}  // namespace prismapp::schema::connector
