// The `key = value` properties of one datasource/generator block, as the loaders consume them.
// Internal to core/schema/config.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema/ast.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::config::detail {

struct BlockProperty {
  std::string name;
  Span span;                      // the whole `name = value`
  const ast::Expression* value;   // never null once collected
};

// Properties in source order. A repeated key keeps its first position but the last value, like
// Prisma's HashMap (the duplicate itself is reported by name resolution, not here). Leftovers are
// reported in source order where Prisma's order is a HashMap's (i.e. unspecified).
class BlockProperties {
 public:
  // nullopt when a property has no value: Prisma then reports only the first such property,
  // "Property <name> in <kind> <block> needs to be assigned a value", at the block span, and skips
  // the whole block.
  static std::optional<BlockProperties> collect(const std::vector<ast::ConfigBlockProperty>& properties,
                                                std::string_view block_kind, std::string_view block_name,
                                                Span block_span, Diagnostics& diags);

  const BlockProperty* peek(std::string_view name) const;
  // Returns the property and removes it, so it is not reported as unknown later.
  std::optional<BlockProperty> take(std::string_view name);
  const std::vector<BlockProperty>& remaining() const { return properties_; }

 private:
  std::vector<BlockProperty> properties_;
};

}  // namespace prismapp::schema::config::detail
