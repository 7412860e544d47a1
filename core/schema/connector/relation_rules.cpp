#include "core/schema/connector/relation_rules.hpp"

namespace prismapp::schema::connector {

std::string invalid_referential_action_message(const Connector& connector, RelationMode mode,
                                               ReferentialAction action) {
  std::string message = "Invalid referential action: `" + std::string(referential_action_name(action)) +
                        "`. Allowed values: (" + format_allowed_actions(connector.referential_actions(mode)) + ")";
  // Only suggest Restrict when the connector actually emulates it.
  if (mode == RelationMode::Prisma && action == ReferentialAction::NoAction &&
      connector.emulated_actions.contains(ReferentialAction::Restrict)) {
    message += ". `NoAction` is not implemented for " + std::string(connector.display_name) +
               " when using `relationMode = \"prisma\"`, you could try using `Restrict` instead. Learn more at "
               "https://pris.ly/d/relation-mode";
  }
  return message;
}

bool check_referential_action(const Connector& connector, RelationMode mode, const ExplicitAction& action,
                              Diagnostics& diagnostics) {
  if (connector.supports_referential_action(mode, action.action)) return true;
  diagnostics.validation_error(invalid_referential_action_message(connector, mode, action.action), action.span);
  return false;
}

ReferentialAction default_on_delete(const Connector& connector, RelationMode mode, bool referencing_fields_required) {
  if (!referencing_fields_required) return ReferentialAction::SetNull;
  // SQL Server has no RESTRICT, so required relations fall back to NO ACTION there.
  return connector.supports_referential_action(mode, ReferentialAction::Restrict) ? ReferentialAction::Restrict
                                                                                   : ReferentialAction::NoAction;
}

ReferentialAction default_on_update() { return ReferentialAction::Cascade; }

void check_set_null_on_required_fields(const Connector& connector, RelationMode mode,
                                       std::optional<ReferentialAction> on_delete,
                                       std::optional<ReferentialAction> on_update,
                                       bool any_referencing_field_required, Span field_span,
                                       Diagnostics& diagnostics) {
  if (!any_referencing_field_required) return;
  const bool warn_only = connector.allows_set_null_on_required_fields(mode);
  const auto report = [&](std::string_view argument) {
    const std::string arg(argument);
    if (warn_only) {
      // Upstream builds this with formatdoc! and replaces newlines by spaces: hence the trailing space.
      diagnostics.warning("The `" + arg +
                              "` referential action of a relation should not be set to `SetNull` when a referenced "
                              "field is required. We recommend either to choose another referential action, or to "
                              "make the referenced fields optional. Read more at https://pris.ly/d/postgres-set-null ",
                          field_span);
    } else {
      // Upstream keeps formatdoc!'s newlines here.
      diagnostics.attribute_error("@relation",
                                  "The `" + arg +
                                      "` referential action of a relation must not be set to `SetNull` when a "
                                      "referenced field is required.\nEither choose another referential action, or "
                                      "make the referenced fields optional.\n",
                                  field_span);
    }
  };
  if (on_delete == ReferentialAction::SetNull) report("onDelete");
  if (on_update == ReferentialAction::SetNull) report("onUpdate");
}

void check_mysql_set_default(const Connector& connector, RelationMode mode, const std::optional<ExplicitAction>& on_delete,
                             const std::optional<ExplicitAction>& on_update, Diagnostics& diagnostics) {
  if (connector.id != ConnectorId::MySql || !uses_foreign_keys(mode)) return;
  const std::string message = std::string(connector.display_name) +
                              " does not actually support the `SetDefault` referential action, so using it may "
                              "result in unexpected errors. Read more at https://pris.ly/d/mysql-set-default ";
  if (on_delete && on_delete->action == ReferentialAction::SetDefault) diagnostics.warning(message, on_delete->span);
  if (on_update && on_update->action == ReferentialAction::SetDefault) diagnostics.warning(message, on_update->span);
}

RelationMode effective_relation_mode(const Connector& connector, std::optional<RelationMode> explicit_mode) {
  return explicit_mode.value_or(connector.default_relation_mode);
}

bool check_relation_mode_allowed(const Connector& connector, RelationMode mode, Span value_span,
                                 Diagnostics& diagnostics) {
  if (connector.allowed_relation_modes.contains(mode)) return true;
  std::string supported;
  for (RelationMode m : {RelationMode::ForeignKeys, RelationMode::Prisma}) {
    if (!connector.allowed_relation_modes.contains(m)) continue;
    if (!supported.empty()) supported += ", ";
    supported += "\"" + std::string(relation_mode_name(m)) + "\"";
  }
  diagnostics.error("Error validating datasource `relationMode`: Invalid relation mode setting: \"" +
                        std::string(relation_mode_name(mode)) + "\". Supported values: " + supported,
                    value_span);
  return false;
}

bool suggests_missing_relation_indexes(const Connector& connector, RelationMode mode) {
  return connector.suggests_missing_relation_indexes && mode == RelationMode::Prisma;
}

}  // namespace prismapp::schema::connector
