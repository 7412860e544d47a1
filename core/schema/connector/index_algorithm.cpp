#include "core/schema/connector/index_algorithm.hpp"

#include <iterator>

namespace prismapp::schema::connector {

namespace {
constexpr std::string_view kOperatorClassNames[] = {
    "InetOps",
    "JsonbOps",
    "JsonbPathOps",
    "ArrayOps",
    "TextOps",
    "BitMinMaxOps",
    "VarBitMinMaxOps",
    "BpcharBloomOps",
    "BpcharMinMaxOps",
    "ByteaBloomOps",
    "ByteaMinMaxOps",
    "DateBloomOps",
    "DateMinMaxOps",
    "DateMinMaxMultiOps",
    "Float4BloomOps",
    "Float4MinMaxOps",
    "Float4MinMaxMultiOps",
    "Float8BloomOps",
    "Float8MinMaxOps",
    "Float8MinMaxMultiOps",
    "InetInclusionOps",
    "InetBloomOps",
    "InetMinMaxOps",
    "InetMinMaxMultiOps",
    "Int2BloomOps",
    "Int2MinMaxOps",
    "Int2MinMaxMultiOps",
    "Int4BloomOps",
    "Int4MinMaxOps",
    "Int4MinMaxMultiOps",
    "Int8BloomOps",
    "Int8MinMaxOps",
    "Int8MinMaxMultiOps",
    "NumericBloomOps",
    "NumericMinMaxOps",
    "NumericMinMaxMultiOps",
    "OidBloomOps",
    "OidMinMaxOps",
    "OidMinMaxMultiOps",
    "TextBloomOps",
    "TextMinMaxOps",
    "TimestampBloomOps",
    "TimestampMinMaxOps",
    "TimestampMinMaxMultiOps",
    "TimestampTzBloomOps",
    "TimestampTzMinMaxOps",
    "TimestampTzMinMaxMultiOps",
    "TimeBloomOps",
    "TimeMinMaxOps",
    "TimeMinMaxMultiOps",
    "TimeTzBloomOps",
    "TimeTzMinMaxOps",
    "TimeTzMinMaxMultiOps",
    "UuidBloomOps",
    "UuidMinMaxOps",
    "UuidMinMaxMultiOps",
};
}  // namespace

std::string_view index_algorithm_name(IndexAlgorithm algorithm) {
  switch (algorithm) {
    case IndexAlgorithm::BTree: return "BTree";
    case IndexAlgorithm::Hash: return "Hash";
    case IndexAlgorithm::Gist: return "Gist";
    case IndexAlgorithm::Gin: return "Gin";
    case IndexAlgorithm::SpGist: return "SpGist";
    case IndexAlgorithm::Brin: return "Brin";
  }
  return "";
}

std::optional<IndexAlgorithm> parse_index_algorithm(std::string_view name) {
  for (IndexAlgorithm a : kAllIndexAlgorithms) {
    if (index_algorithm_name(a) == name) return a;
  }
  return std::nullopt;
}

std::string_view operator_class_name(OperatorClass op) {
  auto i = static_cast<std::size_t>(op);
  return i < std::size(kOperatorClassNames) ? kOperatorClassNames[i] : std::string_view{};
}

std::optional<OperatorClass> parse_operator_class(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kOperatorClassNames); ++i) {
    if (kOperatorClassNames[i] == name) return static_cast<OperatorClass>(i);
  }
  return std::nullopt;
}

std::string_view operator_class_display_name(OperatorClass op) {
  if (op == OperatorClass::UuidMinMaxMultiOps) return "BitMinMaxOps";
  return operator_class_name(op);
}

bool operator_class_supports_algorithm(OperatorClass op, IndexAlgorithm algorithm) {
  switch (op) {
    case OperatorClass::InetOps:
      return algorithm == IndexAlgorithm::Gist || algorithm == IndexAlgorithm::SpGist;
    case OperatorClass::JsonbOps:
    case OperatorClass::JsonbPathOps:
    case OperatorClass::ArrayOps:
      return algorithm == IndexAlgorithm::Gin;
    case OperatorClass::TextOps:
      return algorithm == IndexAlgorithm::SpGist;
    default:
      // Every other class is a BRIN class.
      return algorithm == IndexAlgorithm::Brin;
  }
}

}  // namespace prismapp::schema::connector
