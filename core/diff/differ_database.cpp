#include "core/diff/differ_database.hpp"

#include <algorithm>
#include <cctype>

namespace prismapp::diff {
namespace {

constexpr std::string_view kMigrationsTable = "_prisma_migrations";

std::uint64_t pair_key(sql::ColumnId previous, sql::ColumnId next) {
  return (static_cast<std::uint64_t>(previous.value) << 32) | next.value;
}

bool is_required(const sql::Column& c) { return c.type.arity == sql::ColumnArity::Required; }

sql::SortOrder order_or_asc(const std::optional<sql::SortOrder>& o) { return o.value_or(sql::SortOrder::Asc); }

}  // namespace

sql::ColumnChanges column_changes(const sql::Column& previous, const sql::Column& next,
                                  const dialect::DifferHooks& hooks,
                                  std::optional<sql::ColumnTypeChange>& type_change_out) {
  sql::ColumnChanges changes;
  type_change_out = hooks.column_type_change(previous, next);
  changes.arity = previous.type.arity != next.type.arity;
  changes.type = type_change_out.has_value();
  changes.default_value = !defaults_match(previous, next, hooks);
  changes.autoincrement = hooks.column_autoincrement_changed(previous, next);
  return changes;
}

std::string DifferDatabase::table_key(const sql::SqlSchema& schema, sql::TableId table) const {
  const sql::Table& t = schema.table(table);
  std::string key = schema.namespaces.at(t.ns.value).name;
  key.push_back('\0');
  key += t.name;
  if (hooks.lower_cases_table_names())
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return key;
}

DifferDatabase::DifferDatabase(const sql::SqlSchema& previous_, const sql::SqlSchema& next_,
                               const dialect::DifferHooks& hooks_,
                               const std::vector<sql::ColumnId>& next_prisma_level_defaults)
    : previous(previous_), next(next_), hooks(hooks_) {
  for (sql::ColumnId c : next_prisma_level_defaults) prisma_level_defaults_.insert(c.value);
  auto ignored = [&](const sql::Table& t) { return t.name == kMigrationsTable || hooks.table_should_be_ignored(t.name); };

  // Previous tables first, so pairs come out in previous's order, as Prisma's IndexMap does.
  std::unordered_map<std::string, std::uint32_t> previous_by_key;
  previous_by_key.reserve(previous.tables.size());
  for (std::uint32_t i = 0; i < previous.tables.size(); ++i)
    if (!ignored(previous.tables[i])) previous_by_key.emplace(table_key(previous, sql::TableId{i}), i);

  std::vector<std::optional<std::uint32_t>> next_of_previous(previous.tables.size());
  for (std::uint32_t i = 0; i < next.tables.size(); ++i) {
    if (ignored(next.tables[i])) continue;
    auto it = previous_by_key.find(table_key(next, sql::TableId{i}));
    if (it == previous_by_key.end())
      created_tables.push_back(sql::TableId{i});
    else
      next_of_previous[it->second] = i;
  }

  for (std::uint32_t i = 0; i < previous.tables.size(); ++i) {
    if (ignored(previous.tables[i])) continue;
    if (!next_of_previous[i]) {
      dropped_tables.push_back(sql::TableId{i});
      continue;
    }
    TablePairDiff pair;
    pair.ids = {sql::TableId{i}, sql::TableId{*next_of_previous[i]}};

    // Columns by name: a sorted merge of both tables' column lists.
    auto by_name = [](const sql::SqlSchema& s, const sql::Table& t) {
      std::vector<sql::ColumnId> ids = t.columns;
      std::sort(ids.begin(), ids.end(), [&](sql::ColumnId a, sql::ColumnId b) { return s.column(a).name < s.column(b).name; });
      return ids;
    };
    const auto prev_cols = by_name(previous, previous.table(pair.ids.previous));
    const auto next_cols = by_name(next, next.table(pair.ids.next));
    std::size_t a = 0, b = 0;
    while (a < prev_cols.size() || b < next_cols.size()) {
      if (b == next_cols.size() ||
          (a < prev_cols.size() && previous.column(prev_cols[a]).name < next.column(next_cols[b]).name)) {
        pair.dropped_columns.push_back(prev_cols[a++]);
      } else if (a == prev_cols.size() || next.column(next_cols[b]).name < previous.column(prev_cols[a]).name) {
        pair.added_columns.push_back(next_cols[b++]);
      } else {
        ColumnPairDiff cp;
        cp.ids = {prev_cols[a], next_cols[b]};
        cp.changes = column_changes(previous.column(cp.ids.previous), next.column(cp.ids.next), hooks, cp.type_change);
        enum_values_change(cp);
        pair.column_pairs.push_back(cp);
        ++a;
        ++b;
      }
    }
    const std::size_t slot = table_pairs.size();
    for (std::size_t c = 0; c < pair.column_pairs.size(); ++c)
      column_pair_index_.emplace(pair_key(pair.column_pairs[c].ids.previous, pair.column_pairs[c].ids.next),
                                 std::pair{slot, c});
    pair_of_previous_table_.emplace(i, slot);
    table_pairs.push_back(std::move(pair));
  }

  // Which tables the dialect cannot ALTER: decided once all pairs and column changes are known.
  for (TablePairDiff& pair : table_pairs) {
    dialect::TableDiffFacts facts;
    facts.created_primary_key = created_primary_key(pair);
    facts.dropped_primary_key = dropped_primary_key(pair);
    facts.primary_key_changed = primary_key_changed(pair);
    facts.dropped_columns = !pair.dropped_columns.empty();
    for (sql::ColumnId c : pair.added_columns) {
      if (is_required(next.column(c)))
        facts.added_required_column = true;
      else
        facts.added_nullable_column = true;
    }
    facts.any_column_changed = any_column_changed(pair);
    facts.created_foreign_keys = !created_foreign_keys(pair).empty();
    facts.dropped_foreign_keys = !dropped_foreign_keys(pair).empty();
    pair.redefine = hooks.table_needs_redefinition(facts);
    any_redefined_ = any_redefined_ || pair.redefine;
  }
}

// Inline enum columns (MySQL) change type when their values change; the hooks judge how.
void DifferDatabase::enum_values_change(ColumnPairDiff& cp) const {
  const sql::ColumnType& p = previous.column(cp.ids.previous).type;
  const sql::ColumnType& n = next.column(cp.ids.next).type;
  if (p.family != sql::ColumnTypeFamily::Enum || n.family != sql::ColumnTypeFamily::Enum || cp.type_change) return;
  if (auto change = hooks.enum_values_change(previous.enum_(p.enum_id).values, next.enum_(n.enum_id).values)) {
    cp.type_change = change;
    cp.changes.type = true;
  }
}

const ColumnPairDiff* DifferDatabase::column_pair(sql::Pair<sql::ColumnId> ids) const {
  auto it = column_pair_index_.find(pair_key(ids.previous, ids.next));
  if (it == column_pair_index_.end()) return nullptr;
  return &table_pairs[it->second.first].column_pairs[it->second.second];
}

bool DifferDatabase::table_is_redefined(const sql::SqlSchema& schema, sql::TableId table) const {
  if (&schema != &previous) return false;
  auto it = pair_of_previous_table_.find(table.value);
  return it != pair_of_previous_table_.end() && table_pairs[it->second].redefine;
}

bool DifferDatabase::any_column_changed(const TablePairDiff& pair) const {
  return std::any_of(pair.column_pairs.begin(), pair.column_pairs.end(), [](const ColumnPairDiff& c) { return c.changes.any(); });
}

bool DifferDatabase::has_prisma_level_default(sql::ColumnId next_column) const {
  return prisma_level_defaults_.count(next_column.value) > 0;
}

// ---- foreign keys ------------------------------------------------------------------------------

bool DifferDatabase::foreign_keys_match(sql::ForeignKeyId previous_id, sql::ForeignKeyId next_id) const {
  const sql::ForeignKey& p = previous.foreign_key(previous_id);
  const sql::ForeignKey& n = next.foreign_key(next_id);
  if (p.on_delete != n.on_delete || p.on_update != n.on_update) return false;
  if (p.columns.size() != n.columns.size() || p.referenced_columns.size() != n.referenced_columns.size()) return false;
  std::string pt = previous.table(p.referenced_table).name, nt = next.table(n.referenced_table).name;
  if (hooks.lower_cases_table_names()) {
    for (auto& ch : pt) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (auto& ch : nt) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (pt != nt) return false;
  for (std::size_t i = 0; i < p.columns.size(); ++i) {
    const sql::Column& pc = previous.column(p.columns[i]);
    const sql::Column& nc = next.column(n.columns[i]);
    if (pc.name != nc.name) return false;
    const ColumnPairDiff* cp = column_pair({p.columns[i], n.columns[i]});
    if (cp && cp->changes.type) return false;
    // MySQL cannot make a constrained column NOT NULL under its key: the key is recreated.
    const bool became_required = pc.type.arity == sql::ColumnArity::Nullable && nc.type.arity == sql::ColumnArity::Required;
    if (became_required && !hooks.can_cope_with_foreign_key_column_becoming_non_nullable()) return false;
  }
  for (std::size_t i = 0; i < p.referenced_columns.size(); ++i)
    if (previous.column(p.referenced_columns[i]).name != next.column(n.referenced_columns[i]).name) return false;
  return true;
}

std::vector<sql::ForeignKeyId> DifferDatabase::created_foreign_keys(const TablePairDiff& pair) const {
  std::vector<sql::ForeignKeyId> out;
  const auto& prev_fks = previous.table(pair.ids.previous).foreign_keys;
  for (sql::ForeignKeyId n : next.table(pair.ids.next).foreign_keys)
    if (std::none_of(prev_fks.begin(), prev_fks.end(), [&](sql::ForeignKeyId p) { return foreign_keys_match(p, n); }))
      out.push_back(n);
  return out;
}

std::vector<sql::ForeignKeyId> DifferDatabase::dropped_foreign_keys(const TablePairDiff& pair) const {
  std::vector<sql::ForeignKeyId> out;
  const auto& next_fks = next.table(pair.ids.next).foreign_keys;
  for (sql::ForeignKeyId p : previous.table(pair.ids.previous).foreign_keys)
    if (std::none_of(next_fks.begin(), next_fks.end(), [&](sql::ForeignKeyId n) { return foreign_keys_match(p, n); }))
      out.push_back(p);
  return out;
}

std::vector<sql::Pair<sql::ForeignKeyId>> DifferDatabase::foreign_key_pairs(const TablePairDiff& pair) const {
  std::vector<sql::Pair<sql::ForeignKeyId>> out;
  std::vector<sql::ForeignKeyId> seen;
  const auto& next_fks = next.table(pair.ids.next).foreign_keys;
  for (sql::ForeignKeyId p : previous.table(pair.ids.previous).foreign_keys) {
    for (sql::ForeignKeyId n : next_fks) {
      if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      if (foreign_keys_match(p, n)) {
        seen.push_back(n);
        out.push_back({p, n});
        break;
      }
    }
  }
  return out;
}

// ---- indexes -----------------------------------------------------------------------------------

bool DifferDatabase::indexes_match(const sql::Index& p, const sql::Index& n) const {
  if (p.columns.size() != n.columns.size() || p.type != n.type) return false;
  for (std::size_t i = 0; i < p.columns.size(); ++i) {
    if (previous.column(p.columns[i].column).name != next.column(n.columns[i].column).name) return false;
    if (p.columns[i].length != n.columns[i].length) return false;
    if (order_or_asc(p.columns[i].sort_order) != order_or_asc(n.columns[i].sort_order)) return false;
  }
  return hooks.indexes_match(p, n);
}

namespace {
std::vector<sql::IndexId> secondary_indexes(const sql::SqlSchema& s, sql::TableId t) {
  std::vector<sql::IndexId> out;
  for (sql::IndexId i : s.table(t).indexes)
    if (s.index(i).type != sql::IndexType::PrimaryKey) out.push_back(i);
  return out;
}
}  // namespace

std::vector<sql::IndexId> DifferDatabase::created_indexes(const TablePairDiff& pair) const {
  std::vector<sql::IndexId> out;
  const auto prev = secondary_indexes(previous, pair.ids.previous);
  for (sql::IndexId n : secondary_indexes(next, pair.ids.next))
    if (std::none_of(prev.begin(), prev.end(), [&](sql::IndexId p) { return indexes_match(previous.index(p), next.index(n)); }))
      out.push_back(n);
  return out;
}

std::vector<sql::IndexId> DifferDatabase::dropped_indexes(const TablePairDiff& pair) const {
  std::vector<sql::IndexId> out;
  const auto nxt = secondary_indexes(next, pair.ids.next);
  for (sql::IndexId p : secondary_indexes(previous, pair.ids.previous))
    if (std::none_of(nxt.begin(), nxt.end(), [&](sql::IndexId n) { return indexes_match(previous.index(p), next.index(n)); }))
      out.push_back(p);
  return out;
}

std::vector<sql::Pair<sql::IndexId>> DifferDatabase::index_pairs(const TablePairDiff& pair) const {
  std::vector<sql::Pair<sql::IndexId>> out;
  const auto prev = secondary_indexes(previous, pair.ids.previous);
  const auto nxt = secondary_indexes(next, pair.ids.next);
  auto same_shape = [&](const sql::Index& a, const sql::Index& b) {
    if (a.columns.size() != b.columns.size() || a.type != b.type) return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i)
      if (previous.column(a.columns[i].column).name != previous.column(b.columns[i].column).name) return false;
    return true;
  };
  for (sql::IndexId p : prev) {
    // Several previous indexes on the same columns: pairing them by name changes is unstable, so
    // Prisma leaves them alone.
    const auto identical = std::count_if(prev.begin(), prev.end(),
                                         [&](sql::IndexId q) { return same_shape(previous.index(p), previous.index(q)); });
    if (identical != 1) continue;
    for (sql::IndexId n : nxt) {
      if (indexes_match(previous.index(p), next.index(n))) {
        out.push_back({p, n});
        break;
      }
    }
  }
  return out;
}

// ---- primary keys ------------------------------------------------------------------------------

bool DifferDatabase::created_primary_key(const TablePairDiff& pair) const {
  return !previous.primary_key(pair.ids.previous) && next.primary_key(pair.ids.next);
}

bool DifferDatabase::dropped_primary_key(const TablePairDiff& pair) const {
  return previous.primary_key(pair.ids.previous) && !next.primary_key(pair.ids.next);
}

bool DifferDatabase::primary_key_changed(const TablePairDiff& pair) const {
  const auto p = previous.primary_key(pair.ids.previous);
  const auto n = next.primary_key(pair.ids.next);
  if (!p || !n) return false;
  const sql::Index& pk_prev = previous.index(*p);
  const sql::Index& pk_next = next.index(*n);
  if (pk_prev.columns.size() != pk_next.columns.size()) return true;
  for (std::size_t i = 0; i < pk_prev.columns.size(); ++i) {
    const auto& a = pk_prev.columns[i];
    const auto& b = pk_next.columns[i];
    if (previous.column(a.column).name != next.column(b.column).name ||
        order_or_asc(a.sort_order) != order_or_asc(b.sort_order) || a.length != b.length)
      return true;
  }
  // A primary-key column changing type changes the key.
  for (const ColumnPairDiff& cp : pair.column_pairs) {
    if (!cp.changes.type) continue;
    const std::string& name = previous.column(cp.ids.previous).name;
    for (const auto& c : pk_prev.columns)
      if (previous.column(c.column).name == name) return true;
  }
  return false;
}

}  // namespace prismapp::diff
