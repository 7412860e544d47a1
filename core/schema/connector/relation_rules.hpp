// Connector-dependent rules on relations: which referential actions are allowed, their defaults,
// SetNull on required fields, MySQL's SetDefault, relation modes and the missing-index warning.
// Sources: psl-core validations/relation_fields.rs, relations.rs, mysql_datamodel_connector/
// validations.rs, datasource_loader.rs, walker_ext_traits.rs. Each check pushes into Diagnostics.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/schema/connector/connector.hpp"
#include "core/schema/diagnostics.hpp"

namespace prismapp::schema::connector {

// An explicit `onDelete:` / `onUpdate:` argument: the action and the span of the argument (Prisma
// points at `span_for_argument("relation", "onDelete")`, falling back to the field span).
struct ExplicitAction {
  ReferentialAction action;
  Span span;
};

// "Error validating: Invalid referential action: `SetDefault`. Allowed values: (`Cascade`, `Restrict`,
// `NoAction`, `SetNull`)", plus, in relationMode "prisma" for `NoAction` on connectors that emulate
// Restrict, ". `NoAction` is not implemented for Postgres when using `relationMode = \"prisma\"`, you
// could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode".
// Call once per explicit action (onDelete first, then onUpdate). Returns false when it reported.
bool check_referential_action(const Connector& connector, RelationMode mode, const ExplicitAction& action,
                              Diagnostics& diagnostics);
// The message alone (no "Error validating: " prefix).
std::string invalid_referential_action_message(const Connector& connector, RelationMode mode,
                                               ReferentialAction action);

// Implicit actions when none is written (CompleteInlineRelationWalker::on_delete / on_update).
// `referencing_fields_required`: the relation's referential arity is required, i.e. at least one of
// the `fields:` scalar fields is required.
ReferentialAction default_on_delete(const Connector& connector, RelationMode mode, bool referencing_fields_required);
ReferentialAction default_on_update();  // always Cascade

// SetNull while a referencing scalar field is required (relations.rs required_relation_cannot_use_set_null).
// Postgres with foreign keys only warns:
//   "The `onDelete` referential action of a relation should not be set to `SetNull` when a referenced
//    field is required. We recommend ... Read more at https://pris.ly/d/postgres-set-null "
// everywhere else it is an error on "@relation":
//   "The `onDelete` referential action of a relation must not be set to `SetNull` when a referenced
//    field is required.\nEither choose another referential action, or make the referenced fields optional.\n"
// `any_referencing_field_required`: some field in `fields:` is required. `field_span`: the relation field.
void check_set_null_on_required_fields(const Connector& connector, RelationMode mode,
                                       std::optional<ReferentialAction> on_delete,
                                       std::optional<ReferentialAction> on_update,
                                       bool any_referencing_field_required, Span field_span,
                                       Diagnostics& diagnostics);

// MySQL with foreign keys: warning "MySQL does not actually support the `SetDefault` referential
// action, so using it may result in unexpected errors. Read more at https://pris.ly/d/mysql-set-default "
// for each explicit SetDefault. No-op on other connectors or in relationMode "prisma".
void check_mysql_set_default(const Connector& connector, RelationMode mode, const std::optional<ExplicitAction>& on_delete,
                             const std::optional<ExplicitAction>& on_update, Diagnostics& diagnostics);

// The relation mode of a datasource: the explicit setting, else the connector default.
RelationMode effective_relation_mode(const Connector& connector, std::optional<RelationMode> explicit_mode);
// Datasource loader: "Invalid relation mode setting: \"foreignKeys\". Supported values: \"prisma\""
// as `Error validating datasource `relationMode`: ...` at `value_span`, when the connector does not
// allow the mode (MongoDB). Returns false when it reported.
bool check_relation_mode_allowed(const Connector& connector, RelationMode mode, Span value_span,
                                 Diagnostics& diagnostics);

// relationMode = "prisma": a relation whose `fields:` are not the leftmost fields of an index, unique
// or id gets this warning at the `@relation` attribute (note the stray quote and trailing space).
inline constexpr std::string_view kMissingRelationIndexWarning =
    "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit from "
    "the index usually created by the relational database under the hood. This can lead to poor performance "
    "when querying these fields. We recommend adding an index manually. Learn more at "
    "https://pris.ly/d/relation-mode-prisma-indexes\" ";
// Whether that warning applies at all (never on MongoDB, only in relationMode "prisma").
bool suggests_missing_relation_indexes(const Connector& connector, RelationMode mode);

}  // namespace prismapp::schema::connector
