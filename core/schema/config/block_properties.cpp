#include "core/schema/config/block_properties.hpp"

#include <algorithm>

namespace prismapp::schema::config::detail {

std::optional<BlockProperties> BlockProperties::collect(const std::vector<ast::ConfigBlockProperty>& properties,
                                                        std::string_view block_kind, std::string_view block_name,
                                                        Span block_span, Diagnostics& diags) {
  BlockProperties out;
  for (const auto& property : properties) {
    if (!property.value) {
      diags.error("Property " + property.name.name + " in " + std::string(block_kind) + " " +
                      std::string(block_name) + " needs to be assigned a value",
                  block_span);
      return std::nullopt;
    }
    auto existing = std::find_if(out.properties_.begin(), out.properties_.end(),
                                 [&](const BlockProperty& p) { return p.name == property.name.name; });
    if (existing != out.properties_.end()) {
      existing->span = property.span;
      existing->value = &*property.value;
    } else {
      out.properties_.push_back(BlockProperty{property.name.name, property.span, &*property.value});
    }
  }
  return out;
}

const BlockProperty* BlockProperties::peek(std::string_view name) const {
  for (const auto& property : properties_) {
    if (property.name == name) return &property;
  }
  return nullptr;
}

std::optional<BlockProperty> BlockProperties::take(std::string_view name) {
  auto it = std::find_if(properties_.begin(), properties_.end(), [&](const BlockProperty& p) { return p.name == name; });
  if (it == properties_.end()) return std::nullopt;
  BlockProperty out = *it;
  properties_.erase(it);
  return out;
}

}  // namespace prismapp::schema::config::detail
