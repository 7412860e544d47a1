// Namespaces in which a database constraint name must be unique (psl-core `ConstraintScope`).
// Each connector lists the scopes it enforces; the validator reports clashes with
// constraint_scope_description() inside "The given constraint name `X` has to be unique in the
// following namespace: <description>. ...".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace prismapp::schema::connector {

enum class ConstraintScope : std::uint8_t {
  GlobalKeyIndex,                     // indexes and unique constraints, whole database
  GlobalForeignKey,                   // foreign keys, whole database
  GlobalPrimaryKeyKeyIndex,           // primary keys, indexes and unique constraints, whole database
  GlobalPrimaryKeyForeignKeyDefault,  // primary keys, foreign keys and default constraints, whole database
  ModelKeyIndex,                      // indexes and unique constraints, per table
  ModelPrimaryKeyKeyIndex,            // primary key, indexes and unique constraints, per table
  ModelPrimaryKeyKeyIndexForeignKey,  // primary key, indexes, unique constraints and foreign keys, per table
};

// What each kind of constraint is, for deciding which scopes it takes part in.
enum class ConstraintKind : std::uint8_t { PrimaryKey, ForeignKey, KeyOrIndex, Default };

// Does a constraint of `kind` take part in `scope`?
bool scope_includes(ConstraintScope scope, ConstraintKind kind);
// True for the Global* scopes (names compared across all models), false for the per-model ones.
bool scope_is_global(ConstraintScope scope);

// Prisma's wording, e.g. "global for primary key, indexes and unique constraints" or
// "on model `User` for indexes and unique constraints".
std::string constraint_scope_description(ConstraintScope scope, std::string_view model_name);

// The full clash message (without the `Error parsing attribute "@..."` prefix).
std::string constraint_name_clash_message(std::string_view constraint_name, ConstraintScope scope,
                                          std::string_view model_name);

}  // namespace prismapp::schema::connector
