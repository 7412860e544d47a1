// Contents of string `@default` literals that the validation pipeline parses
// (psl-core validations/default_value.rs): Json with serde_json, Bytes as base64, DateTime as
// RFC 3339 with chrono. The messages embed those libraries' error texts, so the checkers below
// reproduce them.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/schema/connector/scalar_type.hpp"

namespace prismapp::schema::validate {

// serde_json's error for `text` ("key must be a string at line 1 column 2"), or nullopt when valid.
std::optional<std::string> json_parse_error(std::string_view text);
// chrono's DateTime::parse_from_rfc3339 error ("premature end of input"), or nullopt when valid.
std::optional<std::string> rfc3339_parse_error(std::string_view text);
// Whether `text` is canonical padded standard base64 (the base64 crate's STANDARD engine).
bool is_valid_base64(std::string_view text);

// "Parse error: \"v\" is not a valid JSON string. (...)" and friends for a string default of
// `type`, or nullopt when the literal is fine (or the type parses nothing).
std::optional<std::string> literal_default_problem(connector::ScalarType type, std::string_view value);

}  // namespace prismapp::schema::validate
