// Which column type changes MySQL can make in place, and how risky they are (Prisma's
// flavour/mysql/schema_differ.rs native_type_change table), by native type.
#pragma once
#include <optional>

#include "core/dialect/mysql/mysql_native_type.hpp"
#include "core/sql/migration_steps.hpp"

namespace prismapp::dialect::mysql {

// None when the two native types are the same for migration purposes.
std::optional<sql::ColumnTypeChange> native_type_change(const NativeType& previous, const NativeType& next);

}  // namespace prismapp::dialect::mysql
