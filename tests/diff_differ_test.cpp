// The differ, the SQLite renderer, script assembly and the destructive-change checker on
// hand-built SqlSchemas.
#include <catch2/catch.hpp>

#include <chrono>

#include "core/dialect/dialect.hpp"
#include "core/dialect/sqlite/sqlite_differ_hooks.hpp"
#include "core/dialect/sqlite/sqlite_renderer.hpp"
#include "core/diff/destructive.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"

using namespace prismapp;
using sql::ColumnArity;
using sql::ColumnTypeFamily;

namespace {

sql::Column column(std::string name, ColumnTypeFamily family, ColumnArity arity = ColumnArity::Required) {
  sql::Column c;
  c.name = std::move(name);
  c.type.family = family;
  c.type.arity = arity;
  return c;
}

sql::DefaultValue string_default(std::string text) {
  sql::DefaultValue d;
  d.value.kind = sql::SqlValue::Kind::String;
  d.value.text = std::move(text);
  return d;
}

sql::IndexId add_index(sql::SqlSchema& s, sql::TableId t, std::string name, sql::IndexType type,
                       std::vector<sql::ColumnId> cols) {
  sql::Index i;
  i.table = t;
  i.name = std::move(name);
  i.type = type;
  for (auto c : cols) i.columns.push_back(sql::IndexColumn{c, std::nullopt, std::nullopt, std::nullopt});
  return s.add_index(std::move(i));
}

// "User" (id INTEGER PK, email TEXT unique) and "Post" (id, title, authorId -> User).
struct Blog {
  sql::SqlSchema s;
  sql::TableId user, post;
  sql::ColumnId user_id, email, post_id, title, author_id;
  Blog() {
    user = s.add_table("User");
    user_id = s.add_column(user, column("id", ColumnTypeFamily::Int));
    email = s.add_column(user, column("email", ColumnTypeFamily::String));
    add_index(s, user, "User_pkey", sql::IndexType::PrimaryKey, {user_id});
    add_index(s, user, "User_email_key", sql::IndexType::Unique, {email});
    post = s.add_table("Post");
    post_id = s.add_column(post, column("id", ColumnTypeFamily::Int));
    title = s.add_column(post, column("title", ColumnTypeFamily::String));
    author_id = s.add_column(post, column("authorId", ColumnTypeFamily::Int));
    add_index(s, post, "Post_pkey", sql::IndexType::PrimaryKey, {post_id});
    sql::ForeignKey fk;
    fk.table = post;
    fk.constraint_name = "Post_authorId_fkey";
    fk.referenced_table = user;
    fk.columns = {author_id};
    fk.referenced_columns = {user_id};
    fk.on_delete = sql::ForeignKeyAction::Restrict;
    fk.on_update = sql::ForeignKeyAction::Cascade;
    s.add_foreign_key(fk);
  }
};

std::string script(const sql::SqlSchema& previous, const sql::SqlSchema& next) {
  const auto m = diff::diff_schemas(previous, next, dialect::sqlite_differ_hooks());
  return diff::render_script(m, dialect::sqlite_renderer());
}

std::vector<std::string> step_names(const sql::Migration& m) {
  std::vector<std::string> out;
  for (const auto& s : m.steps) out.push_back(sql::step_name(s));
  return out;
}

// Answers COUNT(*) queries with fixed numbers.
class CountingConnection : public dialect::Connection {
 public:
  long long rows = 0, values = 0;
  std::vector<std::string> queries;
  void execute_script(std::string_view) override {}
  void execute(std::string_view, const std::vector<dialect::Value>&) override {}
  std::vector<dialect::Row> query(std::string_view q, const std::vector<dialect::Value>&) override {
    queries.emplace_back(q);
    const bool value_count = q.find("IS NOT NULL") != std::string_view::npos;
    return {dialect::Row{std::to_string(value_count ? values : rows)}};
  }
  sql::SqlSchema describe() override { return {}; }
  void reset() override {}
  void lock() override {}
  void unlock() override {}
};

const std::string kRedefineHead = "-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\n";
const std::string kRedefineTail = "PRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n";

}  // namespace

TEST_CASE("differ: from empty creates tables, then indexes, foreign keys inline (sqlite)", "[diff]") {
  Blog next;
  const sql::SqlSchema empty;
  CHECK(script(empty, next.s) ==
        "-- CreateTable\n"
        "CREATE TABLE \"User\" (\n"
        "    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
        "    \"email\" TEXT NOT NULL\n"
        ");\n\n"
        "-- CreateTable\n"
        "CREATE TABLE \"Post\" (\n"
        "    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
        "    \"title\" TEXT NOT NULL,\n"
        "    \"authorId\" INTEGER NOT NULL,\n"
        "    CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\" (\"id\") ON DELETE RESTRICT ON UPDATE CASCADE\n"
        ");\n\n"
        "-- CreateIndex\n"
        "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");\n");
}

TEST_CASE("differ: identical schemas give the empty migration", "[diff]") {
  Blog a, b;
  const auto m = diff::diff_schemas(a.s, b.s, dialect::sqlite_differ_hooks());
  CHECK(m.steps.empty());
  CHECK(diff::render_script(m, dialect::sqlite_renderer()) == "-- This is an empty migration.\n");
}

TEST_CASE("sqlite renderer: composite primary key, defaults, DESC index", "[diff]") {
  sql::SqlSchema s;
  const auto t = s.add_table("T");
  auto a = column("a", ColumnTypeFamily::String);
  a.default_value = string_default("it's");
  const auto ca = s.add_column(t, a);
  auto b = column("b", ColumnTypeFamily::Boolean);
  sql::DefaultValue f;
  f.value.kind = sql::SqlValue::Kind::Boolean;
  f.value.text = "false";
  b.default_value = f;
  const auto cb = s.add_column(t, b);
  auto c = column("c", ColumnTypeFamily::DateTime, ColumnArity::Nullable);
  sql::DefaultValue now;
  now.kind = sql::DefaultValue::Kind::Now;
  c.default_value = now;
  const auto cc = s.add_column(t, c);
  add_index(s, t, "T_pkey", sql::IndexType::PrimaryKey, {ca, cb});
  const auto idx = add_index(s, t, "T_c_idx", sql::IndexType::Normal, {cc});
  s.indexes[idx.value].columns[0].sort_order = sql::SortOrder::Desc;
  CHECK(script(sql::SqlSchema{}, s) ==
        "-- CreateTable\n"
        "CREATE TABLE \"T\" (\n"
        "    \"a\" TEXT NOT NULL DEFAULT 'it''s',\n"
        "    \"b\" BOOLEAN NOT NULL DEFAULT false,\n"
        "    \"c\" DATETIME DEFAULT CURRENT_TIMESTAMP,\n\n"
        "    PRIMARY KEY (\"a\", \"b\")\n"
        ");\n\n"
        "-- CreateIndex\n"
        "CREATE INDEX \"T_c_idx\" ON \"T\"(\"c\" DESC);\n");
}

TEST_CASE("differ: adding a nullable column is ALTER TABLE ADD COLUMN (sqlite)", "[diff]") {
  Blog prev, next;
  next.s.add_column(next.user, column("name", ColumnTypeFamily::String, ColumnArity::Nullable));
  CHECK(script(prev.s, next.s) == "-- AlterTable\nALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n");
}

TEST_CASE("differ: adding a required column redefines the table (sqlite)", "[diff]") {
  Blog prev, next;
  next.s.add_column(next.user, column("name", ColumnTypeFamily::String));
  const auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  CHECK(diff::render_script(m, dialect::sqlite_renderer()) ==
        kRedefineHead +
            "CREATE TABLE \"new_User\" (\n"
            "    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
            "    \"email\" TEXT NOT NULL,\n"
            "    \"name\" TEXT NOT NULL\n"
            ");\n"
            "INSERT INTO \"new_User\" (\"email\", \"id\") SELECT \"email\", \"id\" FROM \"User\";\n"
            "DROP TABLE \"User\";\n"
            "ALTER TABLE \"new_User\" RENAME TO \"User\";\n"
            "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");\n" +
            kRedefineTail);

  SECTION("without a database the checker phrases it hypothetically") {
    const auto w = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), nullptr);
    REQUIRE(w.unexecutable.size() == 1);
    CHECK(w.unexecutable[0].description ==
          "Added the required column `name` to the `User` table without a default value. This is not possible if the table is not empty.");
  }
  SECTION("with a database it counts rows") {
    CountingConnection conn;
    conn.rows = 3;
    const auto w = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), &conn);
    REQUIRE(w.unexecutable.size() == 1);
    CHECK(w.unexecutable[0].description ==
          "Added the required column `name` to the `User` table without a default value. There are 3 rows in this table, it is not possible to execute this step.");
    CHECK(conn.queries == std::vector<std::string>{"SELECT COUNT(*) FROM \"User\""});
    conn.rows = 0;
    CHECK(diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), &conn).empty());
  }
}

TEST_CASE("differ: dropping a column redefines the table and warns", "[diff]") {
  Blog prev, next;
  prev.s.add_column(prev.post, column("body", ColumnTypeFamily::String, ColumnArity::Nullable));
  const auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  REQUIRE(step_names(m) == std::vector<std::string>{"RedefineTables"});
  const std::string text = diff::render_script(m, dialect::sqlite_renderer());
  CHECK(text.find("INSERT INTO \"new_Post\" (\"authorId\", \"id\", \"title\") SELECT \"authorId\", \"id\", \"title\" FROM \"Post\";\n") !=
        std::string::npos);
  CHECK(text.find("CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY") != std::string::npos);

  CountingConnection conn;
  conn.rows = 10;
  conn.values = 4;
  const auto w = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), &conn);
  REQUIRE(w.warnings.size() == 1);
  CHECK(w.warnings[0].description ==
        "You are about to drop the column `body` on the `Post` table, which still contains 4 non-null values.");
  CHECK(diff::render_script(m, dialect::sqlite_renderer(), &w).rfind(
            "/*\n  Warnings:\n\n  - You are about to drop the column `body` on the `Post` table, which still contains 4 "
            "non-null values.\n\n*/\n-- RedefineTables\n",
            0) == 0);
  const auto pure = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), nullptr);
  REQUIRE(pure.warnings.size() == 1);
  CHECK(pure.warnings[0].description ==
        "You are about to drop the column `body` on the `Post` table. All the data in the column will be lost.");
}

TEST_CASE("differ: type and arity changes redefine; required-with-default coalesces", "[diff]") {
  Blog prev, next;
  auto prev_col = prev.s.add_column(prev.post, column("views", ColumnTypeFamily::Int, ColumnArity::Nullable));
  (void)prev_col;
  auto nc = column("views", ColumnTypeFamily::Int);
  sql::DefaultValue zero;
  zero.value.kind = sql::SqlValue::Kind::Int;
  zero.value.text = "0";
  nc.default_value = zero;
  next.s.add_column(next.post, nc);
  next.s.columns[next.title.value].type.family = ColumnTypeFamily::Int;  // String -> Int: risky cast
  const auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  const std::string text = diff::render_script(m, dialect::sqlite_renderer());
  CHECK(text.find("SELECT \"authorId\", \"id\", \"title\", coalesce(\"views\", 0) AS \"views\" FROM \"Post\"") != std::string::npos);
  const auto w = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), nullptr);
  REQUIRE(w.warnings.size() == 1);
  CHECK(w.warnings[0].description ==
        "You are about to alter the column `title` on the `Post` table. The data in that column could be lost. The data in "
        "that column will be cast from `String` to `Int`.");
}

TEST_CASE("differ: dropping a table (sqlite pragma wrapping, table warning)", "[diff]") {
  Blog prev;
  sql::SqlSchema next;
  const auto t = next.add_table("User");
  const auto id = next.add_column(t, column("id", ColumnTypeFamily::Int));
  const auto email = next.add_column(t, column("email", ColumnTypeFamily::String));
  add_index(next, t, "User_pkey", sql::IndexType::PrimaryKey, {id});
  add_index(next, t, "User_email_key", sql::IndexType::Unique, {email});
  const auto m = diff::diff_schemas(prev.s, next, dialect::sqlite_differ_hooks());
  CHECK(diff::render_script(m, dialect::sqlite_renderer()) ==
        "-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE \"Post\";\nPRAGMA foreign_keys=on;\n");
  CountingConnection conn;
  conn.rows = 7;
  const auto w = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), &conn);
  REQUIRE(w.warnings.size() == 1);
  CHECK(w.warnings[0].description == "You are about to drop the `Post` table, which is not empty (7 rows).");
}

TEST_CASE("differ: index changes (create, drop, rename via drop+create) in Prisma's order", "[diff]") {
  Blog prev, next;
  add_index(prev.s, prev.post, "Post_title_idx", sql::IndexType::Normal, {prev.title});
  add_index(next.s, next.post, "Post_authorId_idx", sql::IndexType::Normal, {next.author_id});
  next.s.indexes[1].name = "User_email_unique";  // rename of User_email_key
  const auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  CHECK(step_names(m) == std::vector<std::string>{"DropIndex", "CreateIndex", "RedefineIndex"});
  CHECK(diff::render_script(m, dialect::sqlite_renderer()) ==
        "-- DropIndex\nDROP INDEX \"Post_title_idx\";\n\n"
        "-- CreateIndex\nCREATE INDEX \"Post_authorId_idx\" ON \"Post\"(\"authorId\");\n\n"
        "-- RedefineIndex\nDROP INDEX \"User_email_key\";\nCREATE UNIQUE INDEX \"User_email_unique\" ON \"User\"(\"email\");\n");
}

TEST_CASE("differ: foreign key changes redefine the table on sqlite", "[diff]") {
  Blog prev, next;
  next.s.foreign_keys[0].on_delete = sql::ForeignKeyAction::Cascade;
  auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  REQUIRE(step_names(m) == std::vector<std::string>{"RedefineTables"});
  const auto& redefine = std::get<sql::RedefineTables>(m.steps[0]);
  REQUIRE(redefine.tables.size() == 1);
  CHECK(redefine.tables[0].table.next == next.post);
  CHECK(diff::render_script(m, dialect::sqlite_renderer()).find("ON DELETE CASCADE ON UPDATE CASCADE") != std::string::npos);

  SECTION("a renamed constraint alone is no change (sqlite keys are unnamed)") {
    Blog renamed;
    renamed.s.foreign_keys[0].constraint_name = "other_name";
    CHECK(diff::diff_schemas(prev.s, renamed.s, dialect::sqlite_differ_hooks()).steps.empty());
  }
}

TEST_CASE("differ: enum stored as TEXT, default change redefines", "[diff]") {
  Blog prev, next;
  auto role = column("role", ColumnTypeFamily::String);
  role.default_value = string_default("USER");
  prev.s.add_column(prev.user, role);
  role.default_value = string_default("ADMIN");
  next.s.add_column(next.user, role);
  const auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  REQUIRE(step_names(m) == std::vector<std::string>{"RedefineTables"});
  CHECK(diff::render_script(m, dialect::sqlite_renderer()).find("\"role\" TEXT NOT NULL DEFAULT 'ADMIN'") != std::string::npos);
  CHECK(diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), nullptr).empty());
}

TEST_CASE("differ: steps sort by kind: DropIndex < AlterTable < DropTable < CreateTable < CreateIndex", "[diff]") {
  Blog prev, next;
  add_index(prev.s, prev.user, "User_idx", sql::IndexType::Normal, {prev.email});
  next.s.add_column(next.user, column("nick", ColumnTypeFamily::String, ColumnArity::Nullable));
  const auto t = next.s.add_table("Tag");
  const auto id = next.s.add_column(t, column("id", ColumnTypeFamily::Int));
  add_index(next.s, t, "Tag_pkey", sql::IndexType::PrimaryKey, {id});
  add_index(next.s, t, "Tag_id_key", sql::IndexType::Unique, {id});
  const auto m = diff::diff_schemas(prev.s, next.s, dialect::sqlite_differ_hooks());
  CHECK(step_names(m) == std::vector<std::string>{"DropIndex", "AlterTable", "CreateTable", "CreateIndex"});
}

TEST_CASE("differ: 500-table schemas diff in milliseconds", "[diff][perf]") {
  auto build = [](int n) {
    sql::SqlSchema s;
    for (int i = 0; i < n; ++i) {
      const auto t = s.add_table("model_" + std::to_string(i));
      const auto id = s.add_column(t, column("id", ColumnTypeFamily::Int));
      sql::ColumnId last = id;
      for (int c = 0; c < 10; ++c) last = s.add_column(t, column("c" + std::to_string(c), ColumnTypeFamily::String));
      add_index(s, t, "pk" + std::to_string(i), sql::IndexType::PrimaryKey, {id});
      add_index(s, t, "idx" + std::to_string(i), sql::IndexType::Normal, {last});
      if (i > 0) {
        sql::ForeignKey fk;
        fk.table = t;
        fk.referenced_table = sql::TableId{static_cast<std::uint32_t>(i - 1)};
        fk.columns = {last};
        fk.referenced_columns = {sql::ColumnId{static_cast<std::uint32_t>((i - 1) * 11)}};
        s.add_foreign_key(fk);
      }
    }
    return s;
  };
  const auto a = build(500);
  const auto b = build(500);
  // Speed is measured in bench/, not here (timed unit tests are flaky on shared machines).
  const auto m = diff::diff_schemas(a, b, dialect::sqlite_differ_hooks());
  CHECK(m.steps.empty());
}

TEST_CASE("sqlite: redefinition scripts run on a live database and keep the data", "[diff][sqlite]") {
  const dialect::Dialect* d = dialect::find_dialect("sqlite");
  REQUIRE(d != nullptr);
  auto db = d->create_shadow_database("file:./unused.db", std::nullopt);
  auto& conn = *db->connection;

  Blog v1;
  conn.execute_script(script(sql::SqlSchema{}, v1.s));
  conn.execute_script("INSERT INTO \"User\" (\"id\", \"email\") VALUES (1, 'a@x'), (2, 'b@x');"
                      "INSERT INTO \"Post\" (\"id\", \"title\", \"authorId\") VALUES (1, 't1', 1);");

  // v2: Post.title dropped, Post.views required with a default, User.name nullable added.
  Blog v2;
  v2.s.columns[v2.title.value].name = "headline";
  auto views = column("views", ColumnTypeFamily::Int);
  sql::DefaultValue zero;
  zero.value.kind = sql::SqlValue::Kind::Int;
  zero.value.text = "0";
  views.default_value = zero;
  v2.s.add_column(v2.post, views);
  v2.s.add_column(v2.user, column("name", ColumnTypeFamily::String, ColumnArity::Nullable));

  const sql::SqlSchema live = conn.describe();
  const auto m = diff::diff_schemas(live, v2.s, dialect::sqlite_differ_hooks());
  CHECK(step_names(m) == std::vector<std::string>{"AlterTable", "RedefineTables"});
  const auto w = diff::check_destructive_changes(m, dialect::sqlite_differ_hooks(), &conn);
  REQUIRE(w.warnings.size() == 1);
  CHECK(w.warnings[0].description ==
        "You are about to drop the column `title` on the `Post` table, which still contains 1 non-null values.");
  REQUIRE(w.unexecutable.size() == 1);
  CHECK(w.unexecutable[0].description ==
        "Added the required column `headline` to the `Post` table without a default value. There are 1 rows in this "
        "table, it is not possible to execute this step.");

  // Without the unexecutable column the migration runs and the rows survive.
  v2.s.columns[v2.title.value].type.arity = ColumnArity::Nullable;
  const auto runnable = diff::diff_schemas(live, v2.s, dialect::sqlite_differ_hooks());
  conn.execute_script(diff::render_script(runnable, dialect::sqlite_renderer()));
  const auto rows = conn.query("SELECT \"id\", \"views\", \"headline\" FROM \"Post\"");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == dialect::Value{"1"});
  CHECK(rows[0][1] == dialect::Value{"0"});
  CHECK(rows[0][2] == std::nullopt);
  CHECK(diff::diff_schemas(conn.describe(), v2.s, dialect::sqlite_differ_hooks()).steps.empty());
}
