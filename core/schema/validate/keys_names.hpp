// KeyNames internals (Prisma's Names + ConstraintNamespace), shared by the keys validation files.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <functional>
#include <vector>

#include "core/schema/connector/constraint_scope.hpp"
#include "core/schema/validate/context.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

struct KeyNames::Data {
  // One constraint namespace entry: a Global* scope and schema (model 0), or a Model* scope and
  // model (schema ""). The views point into `names` and into the database.
  struct Key {
    connector::ConstraintScope scope;
    std::uint32_t model;
    std::string_view schema;
    std::string_view name;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      const std::size_t h = std::hash<std::string_view>{}(k.name) ^ (std::hash<std::string_view>{}(k.schema) << 1);
      return h ^ (static_cast<std::size_t>(k.scope) << 56) ^ (static_cast<std::size_t>(k.model) * 0x9E3779B97F4A7C15ull);
    }
  };
  // Every constraint name, owned here so that the keys can be views.
  std::vector<std::string> names;
  // Occurrences of each name per namespace.
  std::unordered_map<Key, std::size_t, KeyHash> counts;
  // Names that occur more than once in some namespace. Nearly always empty, which lets the
  // per-constraint lookups below return at once on large schemas.
  std::unordered_set<std::string_view> clashing;
  // (model, client name) → occurrences of `name:` on @@id / @@unique.
  std::map<std::pair<std::uint32_t, std::string>, std::size_t, std::less<>> custom_names;

  // The scopes in which `name` (of a constraint of `kind` on `model`) occurs more than once:
  // global scopes first, then the model's own, in Prisma's order.
  std::vector<connector::ConstraintScope> violations(const ValidationContext& ctx, db::ModelId model,
                                                     connector::ConstraintKind kind, std::string_view name) const;
  bool custom_name_clashes(db::ModelId model, std::string_view name) const;
};

// "The given constraint name `X` has to be unique ..." for each violated scope, as attribute errors
// of `attribute_name` at `span`.
void report_constraint_name_violations(ValidationContext& ctx, const KeyNames& names, db::ModelId model,
                                       connector::ConstraintKind kind, std::string_view name,
                                       std::string_view attribute_name, Span span);

// A `map:` name longer than the connector allows (keys_model_validations.cpp); `double_at` picks
// "@@id" over "@id" in the message.
void validate_constraint_name_length(ValidationContext& ctx, const db::ModelInfo& model, const ast::Attribute& attribute,
                                     const std::optional<std::string>& name, bool double_at);

// The span of argument `name` of `attribute`, else the attribute's (Prisma's span_for_argument).
Span argument_span_or_attribute(const ast::Attribute& attribute, std::string_view name);

}  // namespace prismapp::schema::validate
