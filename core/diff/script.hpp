// Script assembly (Prisma's apply_migration.rs::render_script): the migration.sql text that
// `migrate dev`, `migrate diff --script` and friends print or write.
#pragma once
#include <string>

#include "core/dialect/renderer.hpp"
#include "core/diff/destructive.hpp"
#include "core/sql/migration_steps.hpp"

namespace prismapp::diff {

// `-- StepName` + statements (each followed by ";\n") per step that renders anything, steps
// separated by one blank line, a `/* Warnings: ... */` header when `warnings` has any, always
// ending in exactly one "\n". An empty migration is "-- This is an empty migration.\n".
std::string render_script(const sql::Migration& migration, const dialect::Renderer& renderer,
                          const DestructiveWarnings* warnings = nullptr);

}  // namespace prismapp::diff
