#include "core/schema/connector/constraint_scope.hpp"

namespace prismapp::schema::connector {

bool scope_includes(ConstraintScope scope, ConstraintKind kind) {
  using K = ConstraintKind;
  switch (scope) {
    case ConstraintScope::GlobalKeyIndex:
    case ConstraintScope::ModelKeyIndex:
      return kind == K::KeyOrIndex;
    case ConstraintScope::GlobalForeignKey:
      return kind == K::ForeignKey;
    case ConstraintScope::GlobalPrimaryKeyKeyIndex:
    case ConstraintScope::ModelPrimaryKeyKeyIndex:
      return kind == K::PrimaryKey || kind == K::KeyOrIndex;
    case ConstraintScope::GlobalPrimaryKeyForeignKeyDefault:
      return kind == K::PrimaryKey || kind == K::ForeignKey || kind == K::Default;
    case ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey:
      return kind == K::PrimaryKey || kind == K::KeyOrIndex || kind == K::ForeignKey;
  }
  return false;
}

bool scope_is_global(ConstraintScope scope) {
  switch (scope) {
    case ConstraintScope::GlobalKeyIndex:
    case ConstraintScope::GlobalForeignKey:
    case ConstraintScope::GlobalPrimaryKeyKeyIndex:
    case ConstraintScope::GlobalPrimaryKeyForeignKeyDefault:
      return true;
    default:
      return false;
  }
}

std::string constraint_scope_description(ConstraintScope scope, std::string_view model_name) {
  const std::string model = "on model `" + std::string(model_name) + "` for ";
  switch (scope) {
    case ConstraintScope::GlobalKeyIndex: return "global for indexes and unique constraints";
    case ConstraintScope::GlobalForeignKey: return "global for foreign keys";
    case ConstraintScope::GlobalPrimaryKeyKeyIndex: return "global for primary key, indexes and unique constraints";
    case ConstraintScope::GlobalPrimaryKeyForeignKeyDefault:
      return "global for primary keys, foreign keys and default constraints";
    case ConstraintScope::ModelKeyIndex: return model + "indexes and unique constraints";
    case ConstraintScope::ModelPrimaryKeyKeyIndex: return model + "primary key, indexes and unique constraints";
    case ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey:
      return model + "primary key, indexes, unique constraints and foreign keys";
  }
  return "";
}

std::string constraint_name_clash_message(std::string_view constraint_name, ConstraintScope scope,
                                          std::string_view model_name) {
  return "The given constraint name `" + std::string(constraint_name) +
         "` has to be unique in the following namespace: " + constraint_scope_description(scope, model_name) +
         ". Please provide a different name using the `map` argument.";
}

}  // namespace prismapp::schema::connector
