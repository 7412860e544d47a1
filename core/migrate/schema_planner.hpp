// What the migration commands need from the diff pipeline (calculator, differ, destructive
// checks, script rendering), behind one small interface so core/migrate is written once against
// it and tested without caring how scripts are assembled. planner.cpp wires it to core/diff.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/schema/schema.hpp"
#include "core/sql/migration_steps.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::migrate {

// A migration between two schemas, owning both ends (sql::Migration points into them).
struct PlannedMigration {
  std::unique_ptr<sql::SqlSchema> from;
  std::unique_ptr<sql::SqlSchema> to;
  sql::Migration migration;
  std::string script;                     // the migration.sql text ("-- StepName" sections)
  std::vector<std::string> warnings;      // possible data loss ("You are about to drop ...")
  std::vector<std::string> unexecutable;  // steps that cannot run on the current data

  bool empty() const { return migration.steps.empty(); }
};

// The schema a Prisma schema asks for, with the columns whose default Prisma Client generates
// (cuid(), uuid(), ...): they change how adding them to a non-empty table is judged.
struct TargetSchema {
  sql::SqlSchema schema;
  std::vector<sql::ColumnId> prisma_level_defaults;
};

class SchemaPlanner {
 public:
  virtual ~SchemaPlanner() = default;
  // The SqlSchema the validated Prisma schema asks for.
  virtual TargetSchema target_schema(const schema::ValidationResult& validated) const = 0;
  // Diff `from` → `to` and render it. With `live`, destructive-change checks look at the data
  // (row counts, NULLs) of that database; without it they are the pure checks migrate dev uses
  // for the migration file.
  virtual PlannedMigration plan(sql::SqlSchema from, TargetSchema to, dialect::Connection* live) const = 0;
  // For targets that are not a Prisma schema (a database, a migration history).
  PlannedMigration plan(sql::SqlSchema from, sql::SqlSchema to, dialect::Connection* live) const {
    return plan(std::move(from), TargetSchema{std::move(to), {}}, live);
  }
};

// The planner backed by core/diff for `dialect`.
std::unique_ptr<SchemaPlanner> make_schema_planner(const dialect::Dialect& dialect);

}  // namespace prismapp::migrate
