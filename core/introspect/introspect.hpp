// `db pull`: a described database (SqlSchema) plus the current Prisma schema → Prisma schema
// text, the way Prisma 6.19's sql-schema-connector introspection renders it (names sanitised
// with @map/@@map, native types, defaults, keys, relations from foreign keys, implicit
// many-to-many tables, enums, @@ignore'd tables and Prisma's comments and warnings; with the
// `views` preview feature also view blocks and the views' SQL definitions). The text
// goes through the project's formatter, so it reads exactly like `prismapp format` output.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/dialect/introspection_hooks.hpp"
#include "core/schema/schema.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::introspect {

struct IntrospectionInput {
  const sql::SqlSchema* schema = nullptr;          // what describe() returned
  const dialect::IntrospectionHooks* hooks = nullptr;
  dialect::IntrospectionFacts facts;               // hooks->read_facts(...)
  // The current schema (it holds at least the datasource block): re-introspection keeps its
  // names, relation names, @updatedAt, @default(cuid()/uuid()/nanoid()), comments, model order,
  // and its generator and datasource blocks.
  const schema::ValidationResult* previous = nullptr;
  // Tables left out of the result (prismapp.toml [db_pull] ignore_tables); `_prisma_migrations`
  // is always left out. Foreign keys from or to them are dropped too.
  std::vector<std::string> ignored_tables;
  // The namespace folder of view definitions when the datasource lists no `schemas` (Prisma's
  // search path: "main" on SQLite, the database on MySQL, the schema on PostgreSQL); see
  // IntrospectionHooks::default_namespace.
  std::string search_path;
};

// One view's definition, for views/<schema>/<name>.sql next to the schema file.
struct ViewDefinition {
  std::string schema;      // the namespace folder
  std::string name;        // the view's Prisma name
  std::string definition;  // the formatted query
};

struct IntrospectionResult {
  std::string text;         // the formatted schema (one file)
  std::string warnings;     // Prisma's "*** WARNING ***" block, empty when there is none
  std::size_t model_count = 0;
  std::size_t enum_count = 0;
  std::size_t view_count = 0;
  // With the `views` preview feature: the definitions of the rendered views (possibly none).
  // Without it: absent, and db pull leaves the views folder alone.
  std::optional<std::vector<ViewDefinition>> views;
  bool is_empty() const { return model_count == 0 && enum_count == 0 && view_count == 0; }
};

IntrospectionResult introspect(const IntrospectionInput& input);

}  // namespace prismapp::introspect
