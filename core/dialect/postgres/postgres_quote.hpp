// PostgreSQL identifiers and literals as Prisma writes them: "name", "ns"."name" in multi-schema
// mode (SqlSchema::explicit_namespaces), 'it''s'.
#pragma once
#include <string>
#include <string_view>

#include "core/sql/sql_schema.hpp"

namespace prismapp::dialect::postgres {

inline std::string quote(std::string_view identifier) { return "\"" + std::string(identifier) + "\""; }

inline std::string quote_string(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

// The name, prefixed with its namespace when the schema qualifies names.
inline std::string qualified(const sql::SqlSchema& schema, sql::NamespaceId ns, std::string_view name) {
  if (!schema.explicit_namespaces) return quote(name);
  return quote(schema.namespaces.at(ns.value).name) + "." + quote(name);
}

inline std::string qualified_table(const sql::SqlSchema& schema, sql::TableId table) {
  const sql::Table& t = schema.table(table);
  return qualified(schema, t.ns, t.name);
}

}  // namespace prismapp::dialect::postgres
