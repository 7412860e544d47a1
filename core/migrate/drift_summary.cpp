#include "core/migrate/drift_summary.hpp"

#include <set>
#include <tuple>

namespace prismapp::migrate {
namespace {

using namespace prismapp::sql;

// Section kinds in the order Prisma prints them.
enum class Section { AlteredExtension, DroppedExtension, CreatedExtension, AddedEnum, AddedTable, RemovedEnum, RemovedTable, RemovedView, RedefinedTable, ChangedEnum, ChangedTable };

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string join_columns(const SqlSchema& schema, const std::vector<ColumnId>& columns) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += schema.column(columns[i]).name;
  }
  return out;
}

std::string index_columns(const SqlSchema& schema, const Index& index) {
  std::vector<ColumnId> ids;
  for (const auto& c : index.columns) ids.push_back(c.column);
  return join_columns(schema, ids);
}

std::string primary_key_columns(const SqlSchema& schema, TableId table) {
  const auto pk = schema.primary_key(table);
  return pk ? index_columns(schema, schema.index(*pk)) : "";
}

const char* arity_name(ColumnArity arity) {
  switch (arity) {
    case ColumnArity::Required: return "Required";
    case ColumnArity::Nullable: return "Nullable";
    case ColumnArity::List: return "List";
  }
  return "Required";
}

// Rust's Debug of Option<DefaultKind>, approximated for the kinds SqlSchema models.
std::string default_debug(const std::optional<DefaultValue>& value) {
  if (!value) return "None";
  switch (value->kind) {
    case DefaultValue::Kind::Now: return "Some(Now)";
    case DefaultValue::Kind::Sequence: return "Some(Sequence(\"" + value->expression + "\"))";
    case DefaultValue::Kind::DbGenerated: return "Some(DbGenerated(Some(\"" + value->expression + "\")))";
    case DefaultValue::Kind::UniqueRowid: return "Some(UniqueRowid)";
    case DefaultValue::Kind::Value: break;
  }
  return "Some(Value(" + value->value.text + "))";
}

std::string column_changes(const Migration& m, const Pair<ColumnId>& ids, const ColumnChanges& changes) {
  const Column& previous = m.previous->column(ids.previous);
  const Column& next = m.next->column(ids.next);
  std::vector<std::string> parts;
  if (changes.type) parts.push_back("type changed");
  if (changes.arity)
    parts.push_back(std::string("changed from ") + arity_name(previous.type.arity) + " to " + arity_name(next.type.arity));
  if (changes.default_value)
    parts.push_back("default changed from `" + default_debug(previous.default_value) + "` to `" +
                    default_debug(next.default_value) + "`");
  if (changes.autoincrement)
    parts.push_back(previous.auto_increment ? "column is no longer autoincrementing" : "column became autoincrementing");
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + ")";
}

std::string render_items(const Migration& m, const Step& step) {
  const SqlSchema& prev = *m.previous;
  const SqlSchema& next = *m.next;
  return std::visit(
      Overloaded{
          [&](const CreateEnum& s) { return "  - " + next.enum_(s.enum_id).name + "\n"; },
          [&](const CreateExtension& s) { return "  - " + next.extension(s.extension).name + "\n"; },
          [&](const AlterEnum& s) {
            std::string out;
            for (const auto& v : s.created_values) out += "  [+] Added variant `" + v + "`\n";
            for (const auto& v : s.dropped_values) out += "  [-] Removed variant `" + v + "`\n";
            return out;
          },
          [&](const AlterPrimaryKey& s) {
            return "   [*] Changed the primary key for `" + prev.table(s.table.previous).name + "`\n";
          },
          [&](const DropForeignKey& s) {
            return "  [-] Removed foreign key on columns (" + join_columns(prev, prev.foreign_key(s.foreign_key).columns) + ")\n";
          },
          [&](const DropIndex& s) {
            const Index& index = prev.index(s.index);
            return std::string("  [-] Removed ") + (index.type == IndexType::Unique ? "unique " : "") +
                   "index on columns (" + index_columns(prev, index) + ")\n";
          },
          [&](const AlterTable& s) {
            std::string out;
            for (const auto& change : s.changes) {
              out += std::visit(
                  Overloaded{
                      [&](const AddColumn& c) { return "  [+] Added column `" + next.column(c.column).name + "`\n"; },
                      [&](const AlterColumn& c) {
                        return "  [*] Altered column `" + next.column(c.column.next).name + "` " +
                               column_changes(m, c.column, c.changes) + "\n";
                      },
                      [&](const DropColumn& c) { return "  [-] Removed column `" + prev.column(c.column).name + "`\n"; },
                      [&](const DropAndRecreateColumn& c) {
                        return "  [*] Column `" + next.column(c.column.next).name + "` would be dropped and recreated " +
                               column_changes(m, c.column, c.changes) + "\n";
                      },
                      [&](const DropPrimaryKey&) {
                        return "  [-] Dropped the primary key on columns (" + primary_key_columns(prev, s.table.previous) + ")\n";
                      },
                      [&](const AddPrimaryKey&) {
                        // Prisma prints the closing parenthesis twice here; kept for identical output.
                        return "  [+] Added primary key on columns (" + primary_key_columns(next, s.table.next) + ")\n)\n";
                      },
                      [&](const RenamePrimaryKey&) {
                        return "  [*] Renamed the primary key on columns (" + primary_key_columns(prev, s.table.previous) + ")\n";
                      },
                  },
                  change);
            }
            return out;
          },
          [&](const DropTable& s) { return "  - " + prev.table(s.table).name + "\n"; },
          [&](const DropEnum& s) { return "  - " + prev.enum_(s.enum_id).name + "\n"; },
          [&](const CreateTable& s) { return "  - " + next.table(s.table).name + "\n"; },
          [&](const RenameForeignKey& s) {
            return "  [*] Renamed the foreign key \"" + prev.foreign_key(s.foreign_key.previous).constraint_name.value_or("") +
                   "\" to \"" + next.foreign_key(s.foreign_key.next).constraint_name.value_or("") + "\"\n";
          },
          [&](const CreateIndex& s) {
            const Index& index = next.index(s.index);
            return std::string("  [+] Added ") + (index.type == IndexType::Unique ? "unique " : "") +
                   "index on columns (" + index_columns(next, index) + ")\n";
          },
          [&](const AddForeignKey& s) {
            return "  [+] Added foreign key on columns (" + join_columns(next, next.foreign_key(s.foreign_key).columns) + ")\n";
          },
          [&](const RenameIndex& s) {
            return "  [*] Renamed index `" + prev.index(s.index.previous).name + "` to `" + next.index(s.index.next).name + "`\n";
          },
          [&](const RedefineIndex& s) { return "  [*] Redefined index `" + prev.index(s.index.previous).name + "`\n"; },
          [&](const auto&) { return std::string(); },
      },
      step);
}

}  // namespace

std::string drift_summary(const Migration& m) {
  if (m.steps.empty()) return "No difference detected.";
  const SqlSchema& prev = *m.previous;
  const SqlSchema& next = *m.next;

  // (section, item name, step index): sorted like Prisma's BTreeSet.
  std::set<std::tuple<Section, std::string, std::size_t>> items;
  for (std::size_t i = 0; i < m.steps.size(); ++i) {
    std::visit(Overloaded{
                   [&](const DropView& s) { items.emplace(Section::RemovedView, prev.view(s.view).name, i); },
                   [&](const CreateEnum&) { items.emplace(Section::AddedEnum, "", i); },
                   // Extensions are keyed by name, so each gets its own section header (as in Prisma).
                   [&](const CreateExtension& s) {
                     items.emplace(Section::CreatedExtension, next.extension(s.extension).name, i);
                   },
                   [&](const AlterExtension& s) {
                     items.emplace(Section::AlteredExtension, prev.extension(s.extension.previous).name, i);
                   },
                   [&](const DropExtension& s) {
                     items.emplace(Section::DroppedExtension, prev.extension(s.extension).name, i);
                   },
                   [&](const AlterEnum& s) { items.emplace(Section::ChangedEnum, prev.enum_(s.enum_id.previous).name, i); },
                   [&](const DropForeignKey& s) {
                     items.emplace(Section::ChangedTable, prev.table(prev.foreign_key(s.foreign_key).table).name, i);
                   },
                   [&](const AlterPrimaryKey& s) { items.emplace(Section::ChangedTable, prev.table(s.table.previous).name, i); },
                   [&](const DropIndex& s) { items.emplace(Section::ChangedTable, prev.table(prev.index(s.index).table).name, i); },
                   [&](const AlterTable& s) { items.emplace(Section::ChangedTable, prev.table(s.table.previous).name, i); },
                   [&](const DropTable&) { items.emplace(Section::RemovedTable, "", i); },
                   [&](const DropEnum&) { items.emplace(Section::RemovedEnum, "", i); },
                   [&](const CreateTable&) { items.emplace(Section::AddedTable, "", i); },
                   [&](const RedefineTables& s) {
                     for (const auto& t : s.tables) items.emplace(Section::RedefinedTable, prev.table(t.table.previous).name, i);
                   },
                   [&](const RenameForeignKey& s) {
                     items.emplace(Section::ChangedTable, next.table(next.foreign_key(s.foreign_key.next).table).name, i);
                   },
                   [&](const CreateIndex& s) { items.emplace(Section::ChangedTable, next.table(s.table).name, i); },
                   [&](const AddForeignKey& s) {
                     items.emplace(Section::ChangedTable, next.table(next.foreign_key(s.foreign_key).table).name, i);
                   },
                   [&](const RenameIndex& s) {
                     items.emplace(Section::ChangedTable, prev.table(prev.index(s.index.previous).table).name, i);
                   },
                   [&](const RedefineIndex& s) {
                     items.emplace(Section::ChangedTable, prev.table(prev.index(s.index.previous).table).name, i);
                   },
                   [&](const auto&) {},
               },
               m.steps[i]);
  }

  std::string out;
  bool first = true;
  std::pair<Section, std::string> state{Section::AddedEnum, ""};
  for (const auto& [section, name, step_index] : items) {
    if (first || state != std::pair{section, name}) {
      switch (section) {
        case Section::AlteredExtension: out += "\n[*] Changed the `" + name + "` extension\n"; break;
        // Prisma's text, stray backtick included.
        case Section::DroppedExtension: out += "\n[-] Removed extensions\n`"; break;
        case Section::CreatedExtension: out += "\n[+] Added extensions\n"; break;
        case Section::AddedEnum: out += "\n[+] Added enums\n"; break;
        case Section::AddedTable: out += "\n[+] Added tables\n"; break;
        case Section::RemovedEnum: out += "\n[-] Removed enums\n"; break;
        case Section::RemovedTable: out += "\n[-] Removed tables\n"; break;
        case Section::RemovedView: out += "\n[-] Removed views\n"; break;
        case Section::RedefinedTable: out += "\n[*] Redefined table `" + name + "`\n"; break;
        case Section::ChangedEnum: out += "\n[*] Changed the `" + name + "` enum\n"; break;
        case Section::ChangedTable: out += "\n[*] Changed the `" + name + "` table\n"; break;
      }
    }
    first = false;
    state = {section, name};
    out += render_items(m, m.steps[step_index]);
  }
  return out;
}

}  // namespace prismapp::migrate
