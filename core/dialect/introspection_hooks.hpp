// What `db pull` needs to know about one database beyond the described SqlSchema: Prisma's
// introspection "flavour" (sql-schema-connector/src/introspection/datamodel_calculator/context/
// flavour/*.rs) plus a few catalog facts the describer does not keep (expression indexes, check
// constraints, partitions, ...). core/introspect is written once against this interface; each
// database implements it in core/dialect/<name>/<name>_introspection.*.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/schema/connector/connector.hpp"
#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect {

class Connection;

// Catalog facts about one table that only change the comments and warnings of the pulled schema.
struct TableFacts {
  bool has_expression_index = false;  // an index on an expression (not rendered; comment added)
  bool has_check_constraints = false;
  bool is_partition_parent = false;   // PostgreSQL partitioned table
  bool has_subclass = false;          // PostgreSQL table inheritance
  bool has_row_level_security = false;
  bool has_exclusion_constraints = false;
};

struct IntrospectionFacts {
  // Keyed by (namespace name, table name).
  std::map<std::pair<std::string, std::string>, TableFacts> tables;
  const TableFacts* find(std::string_view ns, std::string_view table) const {
    auto it = tables.find({std::string(ns), std::string(table)});
    return it == tables.end() ? nullptr : &it->second;
  }
};

class IntrospectionHooks {
 public:
  virtual ~IntrospectionHooks() = default;

  // The connector whose native-type defaults and constraint-name conventions apply.
  virtual const schema::connector::Connector& connector() const = 0;

  // Extra catalog facts, read with one or two queries after describe(). Default: none.
  virtual IntrospectionFacts read_facts(Connection& connection, const sql::SqlSchema& schema) const {
    (void)connection;
    (void)schema;
    return {};
  }

  // Prisma's uses_pk_in_m2m_join_tables: an implicit many-to-many join table may carry a primary
  // key (A, B) instead of a unique index (PostgreSQL since Prisma 6).
  virtual bool join_table_primary_key_allowed() const { return false; }

  // MySQL: enums are per column ("<table>_<column>"). They are matched to the previous schema
  // through the column's field, only the ones used by tables are rendered, and several database
  // enums matching the same Prisma enum collapse into one.
  virtual bool enums_are_per_column() const { return false; }

  // SQLite stores enums as TEXT: re-introspection keeps the previous enum type of a String
  // column and the previous enum blocks (Prisma 6's "enum preserved" behaviour).
  virtual bool keeps_previous_enums() const { return false; }

  // Views (views preview feature). A database reports every view column as nullable; where
  // Prisma trusts the user's previous arity instead (PostgreSQL, SQLite flavours), a nullable
  // column keeps the previous field's required/list arity.
  virtual bool keeps_previous_view_field_arity() const { return false; }

  // The SELECT of a view as db pull writes it to views/<namespace>/<view>.sql (before
  // formatting): the catalog's definition as is by default; SQLite stores the whole CREATE VIEW.
  virtual std::string view_query(std::string_view definition) const { return std::string(definition); }

  // The namespace folder of views outside an explicit multi-schema setup (Prisma's search path):
  // the described default namespace by default ("public" on PostgreSQL); SQLite says "main".
  virtual std::string default_namespace(Connection& connection, const sql::SqlSchema& schema) const {
    (void)connection;
    return schema.namespaces.empty() ? std::string() : schema.namespaces.front().name;
  }

  // The comment on a model whose table shows no columns (PostgreSQL allows column-less tables).
  virtual std::string_view no_columns_comment() const {
    return "We could not retrieve columns for the underlying table. You probably have no rights to see them. "
           "Please check your privileges.";
  }
};

}  // namespace prismapp::dialect
