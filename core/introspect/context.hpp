// Everything introspection decides before rendering (Prisma's DatamodelCalculatorContext and
// IntrospectionMap): which tables become models, which are implicit many-to-many join tables,
// the matching of tables/columns/enums/foreign keys to the previous schema, every Prisma name
// (with its @map/@@map), and the relation names and relation field positions.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dialect/introspection_hooks.hpp"
#include "core/schema/schema.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::introspect {

namespace db = schema::db;

// A Prisma name and the database name to map it to (absent when they are the same).
struct MappedName {
  std::string name;
  std::optional<std::string> mapped;
  bool from_psl = false;           // taken from the previous schema
  bool renamed_reserved = false;   // Renamed<Table>: the table's name is reserved
};

enum class Direction { Forward, Back };

struct RelationFieldPosition {
  sql::TableId table;        // the model the field goes into
  sql::ForeignKeyId fk;
  Direction direction;
};

struct Context {
  const sql::SqlSchema& sql;
  const dialect::IntrospectionHooks& hooks;
  const schema::connector::Connector& connector;
  const dialect::IntrospectionFacts& facts;
  const schema::ValidationResult* previous_result = nullptr;
  const db::ParserDatabase* prev = nullptr;  // null when there is no previous schema
  bool uses_namespaces = false;
  bool foreign_keys_enabled = true;
  std::string datasource_name = "db";  // the @db.* prefix

  std::vector<bool> is_join_table;  // per table: Prisma implicit many-to-many join table
  std::vector<bool> is_model;       // per table: rendered as a model

  // Matching with the previous schema.
  std::vector<std::optional<db::ModelId>> existing_model;            // per table
  std::vector<std::optional<db::ScalarFieldId>> existing_field;      // per column
  std::vector<std::optional<db::RelationId>> existing_inline;        // per foreign key
  std::vector<std::optional<db::RelationId>> existing_m2m;           // per table
  std::vector<std::optional<db::EnumId>> existing_enum;              // per enum
  std::vector<db::ModelId> missing_models;                           // previous models without table

  // Names.
  std::vector<MappedName> table_names;   // per table
  std::vector<MappedName> column_names;  // per column
  std::vector<MappedName> enum_names;    // per enum
  std::map<std::string, int> top_level_names;

  // Views (only with the `views` preview feature; Prisma renders views with columns only).
  bool views_enabled = false;
  std::vector<bool> is_rendered_view;                                        // per view
  std::vector<std::optional<db::ModelId>> existing_view;                     // per view
  std::vector<std::vector<std::optional<db::ScalarFieldId>>> existing_view_field;  // per view, column
  std::vector<db::ModelId> missing_views;                                    // previous views without view
  std::vector<MappedName> view_names;                                        // per view
  std::vector<std::vector<MappedName>> view_column_names;                    // per view, column

  // [relation name, forward field name, back field name]; absent for duplicated foreign keys
  // (same columns and references as an earlier one), which get no relation.
  std::vector<std::optional<std::array<std::string, 3>>> inline_relation_names;  // per fk
  std::vector<std::array<std::string, 3>> m2m_relation_names;                    // per table
  std::vector<RelationFieldPosition> inline_positions;
  std::vector<RelationFieldPosition> m2m_positions;  // fk = the join table's fk of the far side

  Context(const sql::SqlSchema& schema, const dialect::IntrospectionHooks& h, const dialect::IntrospectionFacts& f,
          const schema::ValidationResult* previous);

  // Accessors used by the renderers.
  const MappedName& table_name(sql::TableId id) const { return table_names[id.value]; }
  const MappedName& column_name(sql::ColumnId id) const { return column_names[id.value]; }
  const MappedName& enum_name(sql::EnumId id) const { return enum_names[id.value]; }
  // Variant name and its @map for an enum value of the database.
  MappedName enum_variant_name(sql::EnumId id, const std::string& value) const;
  const db::ScalarField* previous_field(sql::ColumnId id) const;
  const db::ModelInfo* previous_model(sql::TableId id) const;
  const db::EnumInfo* previous_enum(sql::EnumId id) const;
  // Forward/back relation field names and relation names, previous schema first.
  std::string forward_field_name(sql::ForeignKeyId fk) const;
  std::string back_field_name(sql::ForeignKeyId fk) const;
  std::string inline_relation_name(sql::ForeignKeyId fk) const;
  std::string m2m_forward_field_name(sql::TableId join) const;
  std::string m2m_back_field_name(sql::TableId join) const;
  std::string m2m_relation_name(sql::TableId join) const;
  bool table_has_usable_identifier(sql::TableId table) const;
  bool model_ignored(sql::TableId table) const;
  bool name_is_unique(const std::string& sanitized) const;
  const db::ModelInfo* previous_view(std::size_t view) const;
  const db::ScalarField* previous_view_field(std::size_t view, std::size_t column) const;
  // A previous model or view no longer in the database (its relation fields are dropped).
  bool is_missing_model(db::ModelId id) const;

 private:
  void classify_tables();
  void match_previous();
  void compute_names();
  void match_views();  // context_views.cpp
  void compute_view_names();
  void compute_relation_names();  // relation_names.cpp
  void compute_positions();       // relation_names.cpp
};

// Prisma's is_prisma_m_to_n_relation: `_Name` tables with two foreign keys on columns A and B,
// a unique index (or primary key, where allowed) on (A, B) and an index on B.
bool is_prisma_join_table(const sql::SqlSchema& schema, sql::TableId table, bool pk_allowed);

// A new top-level name (model, enum or view) for a database object: sanitised, prefixed with
// its namespace when the name is taken in another namespace, Renamed<Name> when reserved.
MappedName model_name_from_sql(const Context& ctx, const std::string& name, const std::string* ns);

// A copy of the schema without the given tables and the foreign keys that touch them.
sql::SqlSchema without_tables(const sql::SqlSchema& schema, const std::vector<std::string>& names);

}  // namespace prismapp::introspect
