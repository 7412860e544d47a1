#include "core/dialect/postgres/postgres_introspection.hpp"

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::postgres {
namespace {

bool truthy(const Value& v) { return v && (*v == "t" || *v == "true" || *v == "1"); }

class PostgresIntrospectionHooks final : public IntrospectionHooks {
 public:
  const schema::connector::Connector& connector() const override {
    return *schema::connector::find_connector("postgresql");
  }
  bool join_table_primary_key_allowed() const override { return true; }
  bool keeps_previous_view_field_arity() const override { return true; }
  std::string_view no_columns_comment() const override {
    return "We could not retrieve columns for the underlying table. Either it has none or you are missing rights to "
           "see them. Please check your privileges.";
  }

  IntrospectionFacts read_facts(Connection& connection, const sql::SqlSchema& schema) const override {
    IntrospectionFacts facts;
    std::vector<Value> params;
    std::string placeholders;
    for (const auto& ns : schema.namespaces) {
      placeholders += placeholders.empty() ? "?" : ", ?";
      params.push_back(ns.name);
    }
    if (params.empty()) return facts;
    // Uncorrelated subqueries (hashed once) and only the tables with something to report: this
    // stays a few milliseconds on databases with thousands of tables.
    const auto rows = connection.query(
        "SELECT n.nspname, c.relname, "
        "c.oid IN (SELECT indrelid FROM pg_index WHERE indexprs IS NOT NULL), "
        "c.oid IN (SELECT conrelid FROM pg_constraint WHERE contype = 'c'), "
        "c.relkind = 'p', "
        "c.relkind <> 'p' AND c.oid IN (SELECT inhparent FROM pg_inherits), "
        "c.relrowsecurity, "
        "c.oid IN (SELECT conrelid FROM pg_constraint WHERE contype = 'x') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname IN (" +
            placeholders +
            ") AND (c.relkind = 'p' OR c.relrowsecurity OR c.oid IN (SELECT indrelid FROM pg_index WHERE indexprs IS NOT "
            "NULL) OR c.oid IN (SELECT conrelid FROM pg_constraint WHERE contype IN ('c', 'x')) OR c.oid IN (SELECT "
            "inhparent FROM pg_inherits))",
        params);
    for (const Row& r : rows) {
      if (r.size() < 8 || !r[0] || !r[1]) continue;
      TableFacts t;
      t.has_expression_index = truthy(r[2]);
      t.has_check_constraints = truthy(r[3]);
      t.is_partition_parent = truthy(r[4]);
      t.has_subclass = truthy(r[5]);
      t.has_row_level_security = truthy(r[6]);
      t.has_exclusion_constraints = truthy(r[7]);
      facts.tables[{*r[0], *r[1]}] = t;
    }
    return facts;
  }
};

}  // namespace

const IntrospectionHooks& postgres_introspection_hooks() {
  static const PostgresIntrospectionHooks hooks;
  return hooks;
}

}  // namespace prismapp::dialect::postgres
