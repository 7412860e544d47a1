// describe_mysql: five batched information_schema queries (tables, views, columns of tables and
// views, index columns, foreign-key columns) plus the server version and, on MariaDB, the
// json_valid CHECK constraints that mark JSON columns. Everything is read as text through Connection::query, so
// the describer does not depend on the connector library.
#include "core/dialect/mysql/mysql_describer.hpp"

#include <cctype>
#include <map>
#include <set>
#include <string>

#include "core/dialect/mysql/mysql_describer_columns.hpp"

namespace prismapp::dialect::mysql {
namespace {

std::string text(const Row& row, std::size_t i) { return i < row.size() && row[i] ? *row[i] : std::string(); }
std::optional<std::string> opt(const Row& row, std::size_t i) { return i < row.size() ? row[i] : std::nullopt; }
std::optional<std::uint32_t> number(const Row& row, std::size_t i) {
  const auto v = opt(row, i);
  if (!v || v->empty()) return std::nullopt;
  try {
    return static_cast<std::uint32_t>(std::stoul(*v));
  } catch (...) {
    return std::nullopt;
  }
}
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

sql::ForeignKeyAction action(const std::string& rule) {
  const std::string r = lower(rule);
  if (r == "cascade") return sql::ForeignKeyAction::Cascade;
  if (r == "set null") return sql::ForeignKeyAction::SetNull;
  if (r == "set default") return sql::ForeignKeyAction::SetDefault;
  if (r == "restrict") return sql::ForeignKeyAction::Restrict;
  return sql::ForeignKeyAction::NoAction;
}

class Describer {
 public:
  Describer(Connection& connection, const std::string& database) : conn_(connection), database_(database) {}

  sql::SqlSchema run() {
    const auto version = conn_.query("SELECT @@version");
    mariadb_ = !version.empty() && text(version.front(), 0).find("MariaDB") != std::string::npos;
    push_tables();
    push_views();
    if (mariadb_) read_json_checks();
    push_columns();
    push_indexes();
    push_foreign_keys();
    return std::move(schema_);
  }

 private:
  Connection& conn_;
  const std::string& database_;
  bool mariadb_ = false;
  sql::SqlSchema schema_;
  std::map<std::string, sql::TableId> tables_;
  std::map<std::string, sql::ViewId> views_;
  std::set<std::pair<std::string, std::string>> json_checked_;  // (table, column) with a json_valid() CHECK

  std::optional<sql::ColumnId> column(const std::string& table, const std::string& name) const {
    auto it = tables_.find(table);
    if (it == tables_.end()) return std::nullopt;
    return schema_.find_column(it->second, name);
  }

  void push_tables() {
    const auto rows = conn_.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' "
        "ORDER BY BINARY table_name",
        {database_});
    for (const Row& row : rows) {
      const std::string name = text(row, 0);
      tables_.emplace(name, schema_.add_table(name));
    }
  }

  void push_views() {
    const auto rows = conn_.query(
        "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = ? ORDER BY BINARY table_name",
        {database_});
    for (const Row& row : rows) {
      const std::string name = text(row, 0);
      views_.emplace(name, schema_.add_view(sql::View{sql::NamespaceId{0}, name, opt(row, 1), {}}));
    }
  }

  // MariaDB stores JSON as LONGTEXT with an automatic CHECK (json_valid(`column`)) named after it.
  void read_json_checks() {
    const auto rows = conn_.query(
        "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints "
        "WHERE constraint_schema = ?",
        {database_});
    for (const Row& row : rows) {
      const std::string column = text(row, 1);
      if (lower(text(row, 2)) == "json_valid(`" + lower(column) + "`)") json_checked_.insert({text(row, 0), column});
    }
  }

  // Columns of tables and views alike (Prisma reads view columns with the same type mapping; an
  // ENUM column of a view gets its `{view}_{column}` enum, which only `db pull` with views uses).
  void push_columns() {
    const auto rows = conn_.query(
        "SELECT table_name, column_name, data_type, column_type, character_maximum_length, numeric_precision, "
        "numeric_scale, datetime_precision, column_default, is_nullable, extra, column_comment "
        "FROM information_schema.columns WHERE table_schema = ? ORDER BY BINARY table_name, ordinal_position",
        {database_});
    for (const Row& r : rows) {
      ColumnRow row;
      row.table_name = text(r, 0);
      auto table = tables_.find(row.table_name);
      auto view = table == tables_.end() ? views_.find(row.table_name) : views_.end();
      if (table == tables_.end() && view == views_.end()) continue;
      row.column_name = text(r, 1);
      row.data_type = lower(text(r, 2));
      row.column_type = text(r, 3);
      row.character_maximum_length = number(r, 4);
      row.numeric_precision = number(r, 5);
      row.numeric_scale = number(r, 6);
      row.datetime_precision = number(r, 7);
      row.column_default = opt(r, 8);
      row.nullable = lower(text(r, 9)) == "yes";
      row.extra = lower(text(r, 10));
      row.json_checked = json_checked_.count({row.table_name, row.column_name}) > 0;

      sql::Column column;
      column.name = row.column_name;
      column.type = describe_column_type(row, mariadb_, schema_);
      column.auto_increment = row.extra == "auto_increment";
      column.default_value = describe_column_default(row, column.type, mariadb_);
      if (auto comment = opt(r, 11); comment && !comment->empty()) column.description = comment;
      if (table == tables_.end())
        schema_.views[view->second.value].columns.push_back(std::move(column));
      else
        schema_.add_column(table->second, std::move(column));
    }
  }

  // One row per index column, in index order; indexes on expressions (no column name) are left
  // out entirely, as Prisma does.
  void push_indexes() {
    const auto rows = conn_.query(
        "SELECT table_name, index_name, non_unique, column_name, seq_in_index, sub_part, collation, index_type "
        "FROM information_schema.statistics WHERE table_schema = ? "
        "ORDER BY BINARY table_name, BINARY index_name, seq_in_index",
        {database_});
    // A plain value plus a flag: GCC 12 misreads std::optional<Index> here (-Wmaybe-uninitialized).
    sql::Index current;
    bool has_current = false;
    bool skip = false;
    auto flush = [&] {
      if (has_current && !skip && !current.columns.empty()) schema_.add_index(std::move(current));
      current = sql::Index{};
      has_current = false;
      skip = false;
    };
    for (const Row& row : rows) {
      const std::string table_name = text(row, 0);
      const std::string index_name = text(row, 1);
      auto table = tables_.find(table_name);
      if (table == tables_.end()) continue;
      if (text(row, 4) == "1") {
        flush();
        has_current = true;
        current.table = table->second;
        current.name = index_name;
        if (lower(index_name) == "primary")
          current.type = sql::IndexType::PrimaryKey;
        else if (text(row, 2) == "0")
          current.type = sql::IndexType::Unique;
        else if (text(row, 7) == "FULLTEXT")
          current.type = sql::IndexType::Fulltext;
        else
          current.type = sql::IndexType::Normal;
      }
      if (!has_current) continue;
      const auto column_name = opt(row, 3);
      const auto col = column_name ? column(table_name, *column_name) : std::nullopt;
      if (!col) {
        skip = true;
        continue;
      }
      sql::IndexColumn ic;
      ic.column = *col;
      ic.length = number(row, 5);
      const std::string collation = text(row, 6);
      if (collation == "A") ic.sort_order = sql::SortOrder::Asc;
      if (collation == "D") ic.sort_order = sql::SortOrder::Desc;
      current.columns.push_back(ic);
    }
    flush();
  }

  void push_foreign_keys() {
    const auto rows = conn_.query(
        "SELECT kcu.table_name, kcu.constraint_name, kcu.column_name, kcu.referenced_table_name, "
        "kcu.referenced_column_name, rc.delete_rule, rc.update_rule "
        "FROM information_schema.key_column_usage AS kcu "
        "JOIN information_schema.referential_constraints AS rc "
        "ON BINARY kcu.constraint_name = BINARY rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema "
        "AND BINARY kcu.table_name = BINARY rc.table_name "
        "WHERE kcu.table_schema = ? AND kcu.referenced_column_name IS NOT NULL "
        "ORDER BY BINARY kcu.table_name, BINARY kcu.constraint_name, kcu.ordinal_position",
        {database_});
    sql::ForeignKey current;
    bool has_current = false;
    bool skip = false;
    auto flush = [&] {
      if (has_current && !skip) schema_.add_foreign_key(std::move(current));
      current = sql::ForeignKey{};
      has_current = false;
      skip = false;
    };
    for (const Row& row : rows) {
      const std::string table_name = text(row, 0);
      const std::string name = text(row, 1);
      if (!has_current || schema_.table(current.table).name != table_name || current.constraint_name != name) {
        flush();
        auto table = tables_.find(table_name);
        auto referenced = tables_.find(text(row, 3));
        if (table == tables_.end() || referenced == tables_.end()) continue;
        has_current = true;
        current.table = table->second;
        current.referenced_table = referenced->second;
        current.constraint_name = name;
        current.on_delete = action(text(row, 5));
        current.on_update = action(text(row, 6));
      }
      const auto col = column(table_name, text(row, 2));
      const auto ref = column(text(row, 3), text(row, 4));
      if (!col || !ref) {
        skip = true;
        continue;
      }
      current.columns.push_back(*col);
      current.referenced_columns.push_back(*ref);
    }
    flush();
  }
};

}  // namespace

sql::SqlSchema describe_mysql(Connection& connection, const std::string& database_name) {
  return Describer(connection, database_name).run();
}

}  // namespace prismapp::dialect::mysql
