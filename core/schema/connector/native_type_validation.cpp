#include "core/schema/connector/native_type_validation.hpp"

#include <cctype>
#include <cstdint>

namespace prismapp::schema::connector {
namespace {

// Rust's `str::parse::<uN>()`: optional '+', then ASCII digits only, no overflow.
std::optional<std::uint32_t> parse_unsigned(std::string_view text, std::uint32_t max) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value > max) return std::nullopt;
  }
  return static_cast<std::uint32_t>(value);
}

constexpr std::uint32_t kU32Max = 0xFFFFFFFFu;
constexpr std::uint32_t kU16Max = 0xFFFFu;  // SQL Server's MsSqlTypeParameter::Number is a u16

bool equals_ignore_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// The connector's from_parts for one constructor: nullopt when the arguments do not fit its shape.
std::optional<std::vector<NativeTypeArgument>> parse_arguments(NativeTypeArgs shape,
                                                               const std::vector<std::string>& args) {
  using Args = std::vector<NativeTypeArgument>;
  switch (shape) {
    case NativeTypeArgs::None:
      return Args{};  // upstream ignores arguments of argument-less types here
    case NativeTypeArgs::OptionalNumber:
    case NativeTypeArgs::Number: {
      if (shape == NativeTypeArgs::OptionalNumber && args.empty()) return Args{};
      if (args.size() != 1) return std::nullopt;
      auto n = parse_unsigned(args[0], kU32Max);
      if (!n) return std::nullopt;
      return Args{{false, *n}};
    }
    case NativeTypeArgs::OptionalNumberPair: {
      if (args.empty()) return Args{};
      if (args.size() != 2) return std::nullopt;
      auto a = parse_unsigned(args[0], kU32Max);
      auto b = parse_unsigned(args[1], kU32Max);
      if (!a || !b) return std::nullopt;
      return Args{{false, *a}, {false, *b}};
    }
    case NativeTypeArgs::OptionalNumberOrMax: {
      if (args.empty()) return Args{};
      if (args.size() != 1) return std::nullopt;
      if (equals_ignore_ascii_case(args[0], "max")) return Args{{true, 0}};
      auto n = parse_unsigned(args[0], kU16Max);
      if (!n) return std::nullopt;
      return Args{{false, *n}};
    }
  }
  return std::nullopt;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<NativeTypeInstance> parse_native_type(const Connector& connector, std::string_view name,
                                                    const std::vector<std::string>& args) {
  const NativeTypeConstructor* constructor = connector.find_native_type(name);
  if (!constructor) return std::nullopt;
  auto parsed = parse_arguments(constructor->args, args);
  if (!parsed) return std::nullopt;
  return NativeTypeInstance{constructor, std::move(*parsed)};
}

std::optional<NativeTypeInstance> parse_native_type(const Connector& connector, std::string_view name,
                                                    const std::vector<std::string>& args, Span span,
                                                    Diagnostics& diagnostics) {
  const NativeTypeConstructor* constructor = connector.find_native_type(name);
  if (!constructor) {
    diagnostics.error("Invalid Native type " + std::string(name) + ".", span);
    return std::nullopt;
  }
  auto parsed = parse_arguments(constructor->args, args);
  if (!parsed) {
    diagnostics.error("Expected " + std::string(argument_description(constructor->args)) + ", but found (" +
                          join(args, ", ") + ").",
                      span);
    return std::nullopt;
  }
  return NativeTypeInstance{constructor, std::move(*parsed)};
}

std::optional<NativeTypeInstance> validate_native_type_attribute(const Connector* connector,
                                                                 std::string_view datasource_name,
                                                                 ScalarType field_type,
                                                                 const NativeTypeAttribute& attribute,
                                                                 Diagnostics& diagnostics) {
  const std::string name(attribute.name);
  const Span span = attribute.span;

  if (connector && !datasource_name.empty() && attribute.prefix != datasource_name) {
    diagnostics.error("The prefix " + std::string(attribute.prefix) +
                          " is invalid. It must be equal to the name of an existing datasource e.g. " +
                          std::string(datasource_name) + ". Did you mean to use " + std::string(datasource_name) +
                          "." + name + "?",
                      span);
  }

  const NativeTypeConstructor* constructor = connector ? connector->find_native_type(name) : nullptr;
  if (!constructor) {
    const std::string_view provider = connector ? connector->provider_name : std::string_view("Default");
    diagnostics.error("Native type " + name + " is not supported for " + std::string(provider) + " connector.", span);
    return std::nullopt;
  }

  const std::size_t given = attribute.args.size();
  const std::size_t required = required_argument_count(constructor->args);
  const std::size_t optional = optional_argument_count(constructor->args);
  // Upstream words the first case as a function call ("Function \"X\" takes ...").
  if (given < required || (given > required && optional == 0)) {
    diagnostics.error("Function \"" + name + "\" takes " + std::to_string(required) + " arguments, but received " +
                          std::to_string(given) + ".",
                      span);
    return std::nullopt;
  }
  if (given > required + optional) {
    diagnostics.error("Native type " + name + " takes " + std::to_string(optional) +
                          " optional arguments, but received " + std::to_string(given) + ".",
                      span);
    return std::nullopt;
  }

  if (!constructor->compatible.contains(field_type)) {
    std::string expected;
    for (ScalarType t : constructor->compatible) {
      if (!expected.empty()) expected += " or ";
      expected += scalar_type_name(t);
    }
    diagnostics.error("Native type " + name + " is not compatible with declared field type " +
                          std::string(scalar_type_name(field_type)) + ", expected field type " + expected + ".",
                      span);
    return std::nullopt;
  }

  auto instance = parse_native_type(*connector, name, attribute.args, span, diagnostics);
  if (!instance) return std::nullopt;
  if (connector->native_types && connector->native_types->validate_arguments) {
    connector->native_types->validate_arguments(*connector, *instance, field_type, span, diagnostics);
  }
  return instance;
}

std::optional<std::string> unsupported_type_native_hint(const Connector& connector, std::string_view datasource_name,
                                                        std::string_view unsupported_literal,
                                                        std::string_view field_name) {
  // Upstream regex: ^(?P<prefix>[^(]+)(?:\((?P<params>.*?)\))?(?P<suffix>.+)?$ — the prefix is
  // everything before the first '(', params run to the first ')', any suffix is ignored.
  const std::size_t open = unsupported_literal.find('(');
  if (open == 0) return std::nullopt;
  const std::string_view prefix = trim(unsupported_literal.substr(0, open));
  std::vector<std::string> args;
  if (open != std::string_view::npos) {
    const std::size_t close = unsupported_literal.find(')', open + 1);
    if (close != std::string_view::npos) {
      std::string_view params = unsupported_literal.substr(open + 1, close - open - 1);
      while (true) {
        const std::size_t comma = params.find(',');
        args.emplace_back(trim(params.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        params.remove_prefix(comma + 1);
      }
    }
  }
  auto instance = parse_native_type(connector, prefix, args);
  if (!instance) return std::nullopt;
  return "The type `Unsupported(\"" + std::string(unsupported_literal) + "\")` you specified in the type definition " +
         "for the field `" + std::string(field_name) + "` is supported as a native type by Prisma. Please use the " +
         "native type notation `" + std::string(scalar_type_name(instance->constructor->natural)) + " @" +
         std::string(datasource_name) + "." + instance->to_string() + "` for full support.";
}

}  // namespace prismapp::schema::connector
