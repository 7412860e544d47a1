#include "core/schema/connector/referential_action.hpp"

namespace prismapp::schema::connector {

std::string_view referential_action_name(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::Cascade: return "Cascade";
    case ReferentialAction::Restrict: return "Restrict";
    case ReferentialAction::NoAction: return "NoAction";
    case ReferentialAction::SetNull: return "SetNull";
    case ReferentialAction::SetDefault: return "SetDefault";
  }
  return "";
}

std::optional<ReferentialAction> parse_referential_action(std::string_view name) {
  for (ReferentialAction a : kAllReferentialActions) {
    if (referential_action_name(a) == name) return a;
  }
  return std::nullopt;
}

std::string format_allowed_actions(ReferentialActionSet actions) {
  std::string out;
  for (ReferentialAction a : kAllReferentialActions) {
    if (!actions.contains(a)) continue;
    if (!out.empty()) out += ", ";
    out += '`';
    out += referential_action_name(a);
    out += '`';
  }
  return out;
}

std::string_view relation_mode_name(RelationMode mode) {
  return mode == RelationMode::Prisma ? "prisma" : "foreignKeys";
}

std::optional<RelationMode> parse_relation_mode(std::string_view name) {
  if (name == "prisma") return RelationMode::Prisma;
  if (name == "foreignKeys") return RelationMode::ForeignKeys;
  return std::nullopt;
}

}  // namespace prismapp::schema::connector
