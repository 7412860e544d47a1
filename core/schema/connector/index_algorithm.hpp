// Index algorithms (`@@index(type: ...)`) and PostgreSQL operator classes (`ops: ...`).
// Mirrors parser-database `IndexAlgorithm` and `OperatorClass`.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace prismapp::schema::connector {

enum class IndexAlgorithm : std::uint8_t { BTree, Hash, Gist, Gin, SpGist, Brin };

inline constexpr IndexAlgorithm kAllIndexAlgorithms[] = {
    IndexAlgorithm::BTree, IndexAlgorithm::Hash,   IndexAlgorithm::Gist,
    IndexAlgorithm::Gin,   IndexAlgorithm::SpGist, IndexAlgorithm::Brin,
};

// "BTree", "Gist", "SpGist", ...: the schema spelling, also used in messages.
std::string_view index_algorithm_name(IndexAlgorithm algorithm);
std::optional<IndexAlgorithm> parse_index_algorithm(std::string_view name);

class IndexAlgorithmSet {
 public:
  constexpr IndexAlgorithmSet() = default;
  constexpr IndexAlgorithmSet(std::initializer_list<IndexAlgorithm> algorithms) {
    for (IndexAlgorithm a : algorithms) bits_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(a));
  }
  constexpr bool contains(IndexAlgorithm a) const { return (bits_ >> static_cast<unsigned>(a)) & 1u; }

 private:
  std::uint8_t bits_ = 0;
};

// PostgreSQL operator classes, in Prisma's declaration order.
enum class OperatorClass : std::uint8_t {
  InetOps,
  JsonbOps,
  JsonbPathOps,
  ArrayOps,
  TextOps,
  BitMinMaxOps,
  VarBitMinMaxOps,
  BpcharBloomOps,
  BpcharMinMaxOps,
  ByteaBloomOps,
  ByteaMinMaxOps,
  DateBloomOps,
  DateMinMaxOps,
  DateMinMaxMultiOps,
  Float4BloomOps,
  Float4MinMaxOps,
  Float4MinMaxMultiOps,
  Float8BloomOps,
  Float8MinMaxOps,
  Float8MinMaxMultiOps,
  InetInclusionOps,
  InetBloomOps,
  InetMinMaxOps,
  InetMinMaxMultiOps,
  Int2BloomOps,
  Int2MinMaxOps,
  Int2MinMaxMultiOps,
  Int4BloomOps,
  Int4MinMaxOps,
  Int4MinMaxMultiOps,
  Int8BloomOps,
  Int8MinMaxOps,
  Int8MinMaxMultiOps,
  NumericBloomOps,
  NumericMinMaxOps,
  NumericMinMaxMultiOps,
  OidBloomOps,
  OidMinMaxOps,
  OidMinMaxMultiOps,
  TextBloomOps,
  TextMinMaxOps,
  TimestampBloomOps,
  TimestampMinMaxOps,
  TimestampMinMaxMultiOps,
  TimestampTzBloomOps,
  TimestampTzMinMaxOps,
  TimestampTzMinMaxMultiOps,
  TimeBloomOps,
  TimeMinMaxOps,
  TimeMinMaxMultiOps,
  TimeTzBloomOps,
  TimeTzMinMaxOps,
  TimeTzMinMaxMultiOps,
  UuidBloomOps,
  UuidMinMaxOps,
  UuidMinMaxMultiOps,
};

// The spelling accepted in `ops: X` (the enumerator name).
std::string_view operator_class_name(OperatorClass op);
std::optional<OperatorClass> parse_operator_class(std::string_view name);

// The spelling Prisma prints in messages. Identical to operator_class_name except that Prisma's
// Display impl prints `UuidMinMaxMultiOps` as "BitMinMaxOps" (an upstream bug the conformance corpus
// records in postgres_indexes/brin/uuid_minmaxmulti_wrong_native_type.prisma).
std::string_view operator_class_display_name(OperatorClass op);

// Which index algorithm an operator class belongs to (OperatorClass::supports_index_type).
bool operator_class_supports_algorithm(OperatorClass op, IndexAlgorithm algorithm);

}  // namespace prismapp::schema::connector
