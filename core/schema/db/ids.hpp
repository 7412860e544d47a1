// Typed ids into the resolved schema's arenas (ParserDatabase). Each id is an index into one
// vector; the types keep a model id from being used where a field id is expected.
#pragma once
#include <compare>
#include <cstdint>
#include <limits>

namespace prismapp::schema::db {

template <typename Tag>
struct Id {
  std::uint32_t value = std::numeric_limits<std::uint32_t>::max();
  constexpr bool valid() const { return value != std::numeric_limits<std::uint32_t>::max(); }
  auto operator<=>(const Id&) const = default;
};

using ModelId = Id<struct ModelTag>;               // models and views (ast::Model)
using EnumId = Id<struct EnumTag>;
using CompositeTypeId = Id<struct CompositeTypeTag>;
using ScalarFieldId = Id<struct ScalarFieldTag>;   // a model field whose type is not a model
using RelationFieldId = Id<struct RelationFieldTag>;  // a model field whose type is a model
using RelationId = Id<struct RelationTag>;
using IndexId = Id<struct IndexTag>;               // @@index/@@unique/@unique/@@fulltext of one model

}  // namespace prismapp::schema::db
