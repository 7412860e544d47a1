// The destructive-change checker (Prisma's sql_destructive_change_checker): which steps of a
// migration may lose data (warnings) or cannot run on a non-empty database (unexecutable).
// Checks are planned from the steps alone, then qualified by counting rows and values in the live
// database when a connection is given (an empty table makes most of them moot); without one the
// messages are phrased hypothetically, as Prisma's pure_check does.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/dialect/differ_hooks.hpp"
#include "core/sql/migration_steps.hpp"

namespace prismapp::diff {

struct DestructiveMessage {
  std::string description;
  std::size_t step_index = 0;  // into Migration::steps
};

struct DestructiveWarnings {
  std::vector<DestructiveMessage> warnings;
  std::vector<DestructiveMessage> unexecutable;
  bool empty() const { return warnings.empty() && unexecutable.empty(); }
};

// `connection` may be null (no database to inspect). Database errors while counting propagate.
DestructiveWarnings check_destructive_changes(const sql::Migration& migration, const dialect::DifferHooks& hooks,
                                              dialect::Connection* connection);

}  // namespace prismapp::diff
