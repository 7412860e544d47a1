// KeyNames internals (Prisma's Names + ConstraintNamespace), shared by the keys validation files.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "core/schema/connector/constraint_scope.hpp"
#include "core/schema/validate/context.hpp"
#include "core/schema/validate/keys_validations.hpp"

namespace prismapp::schema::validate {

struct KeyNames::Data {
  // (scope, schema or "", name) → occurrences, for the Global* scopes.
  std::map<std::tuple<connector::ConstraintScope, std::string, std::string>, std::size_t, std::less<>> global;
  // (model, scope, name) → occurrences, for the Model* scopes.
  std::map<std::tuple<std::uint32_t, connector::ConstraintScope, std::string>, std::size_t, std::less<>> local;
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
