// Referential actions (`onDelete:` / `onUpdate:`) and relation modes (`relationMode = ...`).
// Mirrors parser-database `ReferentialAction` and psl-core `RelationMode`.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace prismapp::schema::connector {

// Declaration order matters: "Allowed values: (...)" lists actions in this order.
enum class ReferentialAction : std::uint8_t { Cascade, Restrict, NoAction, SetNull, SetDefault };

inline constexpr ReferentialAction kAllReferentialActions[] = {
    ReferentialAction::Cascade, ReferentialAction::Restrict, ReferentialAction::NoAction,
    ReferentialAction::SetNull, ReferentialAction::SetDefault,
};

// "Cascade", "SetNull", ...: the schema spelling, also used in messages.
std::string_view referential_action_name(ReferentialAction action);
std::optional<ReferentialAction> parse_referential_action(std::string_view name);

class ReferentialActionSet {
 public:
  constexpr ReferentialActionSet() = default;
  constexpr ReferentialActionSet(std::initializer_list<ReferentialAction> actions) {
    for (ReferentialAction a : actions) bits_ |= bit(a);
  }
  constexpr bool contains(ReferentialAction a) const { return (bits_ & bit(a)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  friend constexpr bool operator==(ReferentialActionSet, ReferentialActionSet) = default;

 private:
  static constexpr std::uint8_t bit(ReferentialAction a) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(a)); }
  std::uint8_t bits_ = 0;
};

// "`Cascade`, `Restrict`, `NoAction`, `SetNull`": the list inside Prisma's "Allowed values: (...)".
std::string format_allowed_actions(ReferentialActionSet actions);

enum class RelationMode : std::uint8_t { ForeignKeys, Prisma };

// "foreignKeys" / "prisma": the datasource spelling.
std::string_view relation_mode_name(RelationMode mode);
std::optional<RelationMode> parse_relation_mode(std::string_view name);
inline bool uses_foreign_keys(RelationMode mode) { return mode == RelationMode::ForeignKeys; }

class RelationModeSet {
 public:
  constexpr RelationModeSet() = default;
  constexpr RelationModeSet(std::initializer_list<RelationMode> modes) {
    for (RelationMode m : modes) bits_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(m));
  }
  constexpr bool contains(RelationMode m) const { return (bits_ >> static_cast<unsigned>(m)) & 1u; }

 private:
  std::uint8_t bits_ = 0;
};

}  // namespace prismapp::schema::connector
