// The DMMF `default` of a field: Prisma's dml_default_kind (query-structure) followed by
// default_value_to_serde (dmmf). Functions become {name, args}; literals are converted by the
// field's scalar type (Decimal → number, BigInt → string, DateTime → RFC 3339, ...).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/schema/dmmf/dmmf_parts.hpp"

namespace prismapp::schema::dmmf {

namespace {

using connector::ScalarType;

Json function(std::string_view name, Json args = Json::array()) {
  ObjectBuilder out(2);
  out.add("name", name);
  out.add("args", std::move(args));
  return out.take();
}

const ast::Expression* first_argument(const ast::Expression& call) {
  const auto& args = call.arguments.arguments;
  return args.empty() ? nullptr : &args.front().value();
}

// `cuid(2)`, `uuid(7)`: the version argument, or the version Prisma records when there is none.
std::int64_t version_argument(const ast::Expression& call, std::int64_t fallback) {
  const ast::Expression* arg = first_argument(call);
  if (arg == nullptr || !arg->is_numeric()) return fallback;
  std::int64_t v = fallback;
  std::from_chars(arg->value.data(), arg->value.data() + arg->value.size(), v);
  return v;
}

Json function_default(const ast::Expression& call) {
  const std::string& name = call.value;
  if (name == "dbgenerated") {
    // Prisma drops an argument that is empty once NUL characters are trimmed.
    const ast::Expression* arg = first_argument(call);
    if (arg == nullptr || !arg->is_string() || arg->value.find_first_not_of('\0') == std::string::npos)
      return function(name);
    return function(name, Json::array({arg->value}));
  }
  if (name == "cuid") return function(name, Json::array({version_argument(call, 1)}));
  if (name == "uuid") return function(name, Json::array({version_argument(call, 4)}));
  if (name == "nanoid") {
    const ast::Expression* arg = first_argument(call);
    if (arg != nullptr && arg->is_numeric()) return function(name, Json::array({version_argument(call, 0)}));
    return function(name);
  }
  // autoincrement(), sequence(...), now(), auto(), ulid(): no arguments recorded.
  return function(name);
}

// Prisma goes through an f64. Integral values are emitted as integers, which is what the JSON
// printed by Prisma's CLI (through JavaScript) shows ("1", not "1.0"); equal as JSON values.
Json float_value(const std::string& text) {
  const double v = std::strtod(text.c_str(), nullptr);
  if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9007199254740992.0)
    return static_cast<std::int64_t>(v);
  return v;
}

Json int_value(const std::string& text) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return float_value(text);
  return v;
}

Json literal_default(const ast::Expression& value, std::optional<ScalarType> scalar) {
  switch (value.kind) {
    case ast::ExpressionKind::NumericValue:
      if (scalar == ScalarType::Int) return int_value(value.value);
      if (scalar == ScalarType::BigInt) {
        // PrismaValue::BigInt serializes as a string of the parsed i64.
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(value.value.data(), value.value.data() + value.value.size(), v);
        if (ec == std::errc() && ptr == value.value.data() + value.value.size()) return std::to_string(v);
        return value.value;
      }
      return float_value(value.value);  // Float, Decimal
    case ast::ExpressionKind::ConstantValue:
      if (scalar == ScalarType::Boolean) return value.value == "true";
      return value.value;  // enum value
    case ast::ExpressionKind::StringValue:
      if (scalar == ScalarType::DateTime) {
        if (auto normalized = normalize_rfc3339(value.value)) return *normalized;
        return value.value;
      }
      if (scalar == ScalarType::Decimal) return float_value(value.value);
      return value.value;  // String, Json, Bytes (base64, validated canonical)
    case ast::ExpressionKind::Array: {
      Json out = Json::array();
      for (const auto& item : value.items) out.push_back(literal_default(item, scalar));
      return out;
    }
    case ast::ExpressionKind::Function: break;
  }
  return function_default(value);
}

}  // namespace

Json default_value_to_dmmf(const ast::Expression& value, std::optional<db::ScalarType> scalar) {
  if (value.is_function()) return function_default(value);
  return literal_default(value, scalar);
}

}  // namespace prismapp::schema::dmmf
