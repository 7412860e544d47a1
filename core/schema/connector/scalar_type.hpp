// Prisma's built-in scalar types (parser-database `ScalarType`), as the connector layer sees them.
// Native types are declared compatible with a set of these, and each connector maps each of them
// to a default native type.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace prismapp::schema::connector {

// The order is Prisma's declaration order; some messages list types in this order.
enum class ScalarType : std::uint8_t { Int, BigInt, Float, Boolean, String, DateTime, Json, Bytes, Decimal };

inline constexpr ScalarType kAllScalarTypes[] = {
    ScalarType::Int,    ScalarType::BigInt, ScalarType::Float, ScalarType::Boolean, ScalarType::String,
    ScalarType::DateTime, ScalarType::Json, ScalarType::Bytes, ScalarType::Decimal,
};

// The name as written in a schema ("Int", "DateTime", ...).
std::string_view scalar_type_name(ScalarType type);

// Exact, case-sensitive match of a schema type name; nullopt for models, enums, typos.
std::optional<ScalarType> parse_scalar_type(std::string_view name);

// The field types a native type accepts, in the order Prisma declares them: messages such as
// "expected field type Boolean or Int" list them in that order, so this is a list, not a bitset.
class ScalarTypeList {
 public:
  constexpr ScalarTypeList() = default;
  constexpr ScalarTypeList(std::initializer_list<ScalarType> types) {
    for (ScalarType t : types) {
      if (count_ < kCapacity) items_[count_++] = t;
    }
  }
  constexpr bool contains(ScalarType t) const {
    for (std::size_t i = 0; i < count_; ++i) {
      if (items_[i] == t) return true;
    }
    return false;
  }
  constexpr std::size_t size() const { return count_; }
  constexpr ScalarType operator[](std::size_t i) const { return items_[i]; }
  constexpr const ScalarType* begin() const { return items_; }
  constexpr const ScalarType* end() const { return items_ + count_; }

 private:
  static constexpr std::size_t kCapacity = 3;
  ScalarType items_[kCapacity] = {};
  std::size_t count_ = 0;
};

}  // namespace prismapp::schema::connector
