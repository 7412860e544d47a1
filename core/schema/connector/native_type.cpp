#include "core/schema/connector/native_type.hpp"

namespace prismapp::schema::connector {

std::size_t required_argument_count(NativeTypeArgs args) {
  // Only a bare `u32` is required; every `Option<...>` counts as zero required arguments.
  return args == NativeTypeArgs::Number ? 1 : 0;
}

std::size_t optional_argument_count(NativeTypeArgs args) {
  switch (args) {
    case NativeTypeArgs::OptionalNumber:
    case NativeTypeArgs::OptionalNumberOrMax:
      return 1;
    case NativeTypeArgs::OptionalNumberPair:
      return 2;
    case NativeTypeArgs::None:
    case NativeTypeArgs::Number:
      return 0;
  }
  return 0;
}

std::string_view argument_description(NativeTypeArgs args) {
  switch (args) {
    case NativeTypeArgs::OptionalNumber:
    case NativeTypeArgs::Number:
      return "a nonnegative integer";
    case NativeTypeArgs::OptionalNumberPair:
      return "two nonnegative integers";
    case NativeTypeArgs::OptionalNumberOrMax:
      return "an integer or `Max`";
    case NativeTypeArgs::None:
      return "";
  }
  return "";
}

std::optional<std::uint32_t> NativeTypeInstance::number(std::size_t i) const {
  if (i >= args.size() || args[i].is_max) return std::nullopt;
  return args[i].number;
}

std::vector<std::string> NativeTypeInstance::argument_strings() const {
  std::vector<std::string> out;
  out.reserve(args.size());
  for (const auto& a : args) out.push_back(a.is_max ? std::string("Max") : std::to_string(a.number));
  return out;
}

std::string NativeTypeInstance::to_string() const {
  std::string out(name());
  if (args.empty()) return out;
  out += '(';
  bool first = true;
  for (const auto& part : argument_strings()) {
    if (!first) out += ',';  // Prisma joins with "," (no space): "Decimal(10,2)"
    out += part;
    first = false;
  }
  out += ')';
  return out;
}

}  // namespace prismapp::schema::connector
