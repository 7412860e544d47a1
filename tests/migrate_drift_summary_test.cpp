// Prisma's drift summary text for hand-built migrations.
#include <catch2/catch.hpp>

#include "core/migrate/drift_summary.hpp"

using namespace prismapp;
using namespace prismapp::sql;

namespace {

Column text_column(TableId table, std::string name, ColumnArity arity = ColumnArity::Required) {
  Column c;
  c.table = table;
  c.name = std::move(name);
  c.type.family = ColumnTypeFamily::String;
  c.type.arity = arity;
  c.type.full_data_type = "TEXT";
  return c;
}

}  // namespace

TEST_CASE("an empty migration reads 'No difference detected.'", "[migrate][drift]") {
  SqlSchema a, b;
  Migration m{&a, &b, {}};
  CHECK(migrate::drift_summary(m) == "No difference detected.");
}

TEST_CASE("added tables, changed tables and indexes are grouped like Prisma's summary", "[migrate][drift]") {
  SqlSchema previous;
  const TableId old_user = previous.add_table("User");
  const ColumnId old_email = previous.add_column(old_user, text_column(old_user, "email"));
  const ColumnId old_name = previous.add_column(old_user, text_column(old_user, "name", ColumnArity::Nullable));

  SqlSchema next;
  const TableId user = next.add_table("User");
  const ColumnId email = next.add_column(user, text_column(user, "email"));
  const ColumnId name = next.add_column(user, text_column(user, "name"));
  const ColumnId bio = next.add_column(user, text_column(user, "bio", ColumnArity::Nullable));
  const TableId post = next.add_table("Post");
  next.add_column(post, text_column(post, "title"));
  Index unique;
  unique.table = user;
  unique.name = "User_email_key";
  unique.type = IndexType::Unique;
  unique.columns.push_back(IndexColumn{email, std::nullopt, std::nullopt, std::nullopt});
  const IndexId unique_id = next.add_index(unique);
  (void)old_email;

  AlterTable alter;
  alter.table = {old_user, user};
  alter.changes.push_back(AddColumn{bio, false});
  AlterColumn change;
  change.column = {old_name, name};
  change.changes.arity = true;
  alter.changes.push_back(change);

  Migration m{&previous, &next, {}};
  m.steps.push_back(alter);
  m.steps.push_back(CreateTable{post});
  m.steps.push_back(CreateIndex{old_user, user, unique_id, false});

  CHECK(migrate::drift_summary(m) ==
        "\n[+] Added tables\n"
        "  - Post\n"
        "\n[*] Changed the `User` table\n"
        "  [+] Added column `bio`\n"
        "  [*] Altered column `name` (changed from Nullable to Required)\n"
        "  [+] Added unique index on columns (email)\n");
}

TEST_CASE("removed tables and redefined tables", "[migrate][drift]") {
  SqlSchema previous;
  const TableId gone = previous.add_table("Gone");
  const TableId kept = previous.add_table("Kept");
  SqlSchema next;
  const TableId kept_next = next.add_table("Kept");
  RedefineTables redefine;
  RedefineTable table;
  table.table = {kept, kept_next};
  redefine.tables.push_back(table);
  Migration m{&previous, &next, {}};
  m.steps.push_back(DropTable{gone});
  m.steps.push_back(redefine);
  CHECK(migrate::drift_summary(m) == "\n[-] Removed tables\n  - Gone\n\n[*] Redefined table `Kept`\n");
}
