// Prisma's NativeTypeErrorFactory messages. `native_type` is the rendered instance
// (NativeTypeInstance::to_string(), e.g. "Decimal(2,4)"); `connector` is Connector::display_name.
// Each returns the bare message; callers push it with Diagnostics::error(message, span).
#pragma once
#include <string>
#include <string_view>

namespace prismapp::schema::connector {

// "The scale must not be larger than the precision for the Decimal(2,4) native type in Postgres."
std::string scale_larger_than_precision_message(std::string_view native_type, std::string_view connector);
// "Argument M is out of range for native type `Time(7)` of Postgres: M can range from 0 to 6."
std::string argument_out_of_range_message(std::string_view native_type, std::string_view connector,
                                          std::string_view detail);
// "You cannot define an index on fields with native type `Text` of MySQL.<suffix>"
std::string incompatible_with_index_message(std::string_view native_type, std::string_view connector,
                                            std::string_view suffix);
// "Native type `Text` cannot be unique in MySQL.<suffix>"
std::string incompatible_with_unique_message(std::string_view native_type, std::string_view connector,
                                             std::string_view suffix);
// "Native type `Text` of MySQL cannot be used on a field that is `@id` or `@@id`.<suffix>"
std::string incompatible_with_id_message(std::string_view native_type, std::string_view connector,
                                         std::string_view suffix);

}  // namespace prismapp::schema::connector
