// PostgreSQL with several schemas (`schemas = [...]`, `@@schema`): the describer reads every listed
// namespace (and the views in them, with their columns) in the same batched queries; migrate dev,
// drift detection and migrate reset cover all listed schemas, as Prisma's connector does when it is
// given the datasource's namespaces.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/migrate/describe_scope.hpp"
#include "core/migrate/schema_planner.hpp"
#include "tests/cli_support.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp;
using namespace prismapp::testing;

namespace {

const sql::View* find_view(const sql::SqlSchema& s, const std::string& name) {
  for (const auto& v : s.views)
    if (v.name == name) return &v;
  return nullptr;
}

const sql::Column* view_column(const sql::View& v, const std::string& name) {
  for (const auto& c : v.columns)
    if (c.name == name) return &c;
  return nullptr;
}

std::string ns_of_table(const sql::SqlSchema& s, const std::string& table) {
  for (const auto& t : s.tables)
    if (t.name == table) return s.namespaces.at(t.ns.value).name;
  return "<none>";
}

void write_multi_schema(const TempDir& dir, const std::string& models) {
  write_file(dir / "prisma/schema.prisma",
             "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n"
             "  schemas  = [\"audit\", \"base\"]\n}\n" +
                 models);
}

}  // namespace

TEST_CASE("postgres describer: every listed schema, views with their columns", "[postgres][multi-schema]") {
  auto db = fresh_postgres_database("ms_describe");
  auto conn = db.connect();
  conn->execute_script(
      "CREATE SCHEMA a; CREATE SCHEMA b; CREATE SCHEMA other;\n"
      "CREATE TYPE b.\"Mood\" AS ENUM ('happy', 'sad');\n"
      "CREATE TABLE a.\"User\" (id SERIAL PRIMARY KEY, name VARCHAR(40) NOT NULL, tags TEXT[]);\n"
      "CREATE TABLE b.\"Log\" (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES a.\"User\"(id), "
      "mood b.\"Mood\");\n"
      "CREATE TABLE other.\"Hidden\" (id INTEGER PRIMARY KEY);\n"
      "CREATE VIEW a.\"UserNames\" AS SELECT id, name, tags, now() AS at FROM a.\"User\";\n"
      "CREATE VIEW b.\"LogMoods\" AS SELECT id, mood FROM b.\"Log\";\n"
      "CREATE VIEW other.\"HiddenView\" AS SELECT 1 AS one;\n");

  conn->set_scope(dialect::DescribeScope{{"a", "b"}, false});
  const sql::SqlSchema s = conn->describe();
  REQUIRE(s.namespaces.size() == 2);
  CHECK(s.namespaces[0].name == "a");
  CHECK(s.namespaces[1].name == "b");
  REQUIRE(s.tables.size() == 2);
  CHECK(ns_of_table(s, "User") == "a");
  CHECK(ns_of_table(s, "Log") == "b");
  REQUIRE(s.foreign_keys.size() == 1);  // across schemas
  CHECK(s.table(s.foreign_keys[0].referenced_table).name == "User");
  REQUIRE(s.enums.size() == 1);
  CHECK(s.namespaces.at(s.enums[0].ns.value).name == "b");

  // Views: only the described schemas', with their columns; nullable unless a list.
  REQUIRE(s.views.size() == 2);
  CHECK(find_view(s, "HiddenView") == nullptr);
  const sql::View* names = find_view(s, "UserNames");
  REQUIRE(names != nullptr);
  CHECK(s.namespaces.at(names->ns.value).name == "a");
  REQUIRE(names->definition.has_value());
  CHECK(names->definition->find("FROM a.\"User\"") != std::string::npos);
  REQUIRE(names->columns.size() == 4);
  CHECK(names->columns[0].name == "id");
  CHECK(names->columns[0].type.family == sql::ColumnTypeFamily::Int);
  CHECK(names->columns[0].type.native_type == std::optional<std::string>("Integer"));
  CHECK(names->columns[0].type.arity == sql::ColumnArity::Nullable);
  CHECK_FALSE(names->columns[0].auto_increment);
  const sql::Column* name = view_column(*names, "name");
  REQUIRE(name != nullptr);
  CHECK(name->type.native_type == std::optional<std::string>("VarChar(40)"));
  CHECK(name->type.arity == sql::ColumnArity::Nullable);
  const sql::Column* tags = view_column(*names, "tags");
  REQUIRE(tags != nullptr);
  CHECK(tags->type.arity == sql::ColumnArity::List);
  CHECK(tags->type.native_type == std::optional<std::string>("Text"));
  const sql::Column* at = view_column(*names, "at");
  REQUIRE(at != nullptr);
  CHECK(at->type.native_type == std::optional<std::string>("Timestamptz(6)"));
  const sql::View* moods = find_view(s, "LogMoods");
  REQUIRE(moods != nullptr);
  const sql::Column* mood = view_column(*moods, "mood");
  REQUIRE(mood != nullptr);
  CHECK(mood->type.family == sql::ColumnTypeFamily::Enum);
  CHECK(s.enum_(mood->type.enum_id).name == "Mood");
  // Views never reach the tables' column arena.
  CHECK(s.columns.size() == 6);

  // Views are never migrated: a described schema with views against the same without them (and
  // the reverse) is no migration at all (no DROP VIEW).
  const auto planner = migrate::make_schema_planner(*dialect::find_dialect("postgresql"));
  sql::SqlSchema without_views = s;
  without_views.views.clear();
  CHECK(planner->plan(s, without_views, nullptr).empty());
  CHECK(planner->plan(without_views, s, nullptr).empty());

  // Without a scope: the URL's schema only.
  auto plain = db.connect();
  const sql::SqlSchema public_only = plain->describe();
  CHECK(public_only.namespaces.size() == 1);
  CHECK(public_only.namespaces[0].name == "public");
  CHECK(public_only.tables.empty());
  CHECK(public_only.views.empty());
}

TEST_CASE("postgres multi-schema: migrate dev twice, no drift, db push, migrate reset empties every schema",
          "[postgres][multi-schema][cli]") {
  TempDir dir;
  auto db = fresh_postgres_database("ms_cli");
  const RunOptions main = with_url(db.url);
  write_multi_schema(dir,
                     "\nmodel User {\n  id   Int    @id @default(autoincrement())\n  name String\n\n"
                     "  @@schema(\"base\")\n}\n");
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // The history table stays in the URL's schema, which `schemas` does not list.
  CHECK(scalar(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'") ==
        "1");

  // The second schema gets a table, an enum and a relation into the first one.
  next_second();
  write_multi_schema(dir,
                     "\nmodel User {\n  id   Int    @id @default(autoincrement())\n  name String\n  logs Log[]\n\n"
                     "  @@schema(\"base\")\n}\n\n"
                     "model Log {\n  id     Int   @id @default(autoincrement())\n  level  Level\n  userId Int\n"
                     "  user   User  @relation(fields: [userId], references: [id])\n\n  @@schema(\"audit\")\n}\n\n"
                     "enum Level {\n  info\n  error\n\n  @@schema(\"audit\")\n}\n");
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "audit"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto names = migration_names(dir);
  REQUIRE(names.size() == 2);
  const std::string audit_sql = read_file(dir / ("prisma/migrations/" + names[1] + "/migration.sql"));
  CHECK(contains(audit_sql, "CREATE SCHEMA IF NOT EXISTS \"audit\";"));
  CHECK(contains(audit_sql, "CREATE TYPE \"audit\".\"Level\""));
  CHECK(contains(audit_sql, "CREATE TABLE \"audit\".\"Log\""));
  CHECK(contains(audit_sql, "REFERENCES \"base\".\"User\"(\"id\")"));
  CHECK(scalar(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'Log'") == "1");

  // The database matches the history in both schemas: no drift, nothing to migrate.
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "nothing"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Already in sync, no schema change or pending migration was found."));
  CHECK(migration_names(dir).size() == 2);
  r = run_prismapp(dir.path(), {"db", "push"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "The database is already in sync with the Prisma schema."));

  // A change made by hand in the second schema is drift (it was invisible when only the URL's
  // schema was described).
  db.connect()->execute_script("ALTER TABLE audit.\"Log\" ADD COLUMN extra TEXT");
  auto shadow = fresh_postgres_database("ms_shadow");
  r = run_prismapp(dir.path(), {"migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datasource",
                                "prisma/schema.prisma", "--shadow-database-url", shadow.url, "--script"},
                   main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "ALTER TABLE \"audit\".\"Log\" ADD COLUMN     \"extra\" TEXT;"));

  // Reset drops every listed schema (rows, the hand-made column, a stray table) and re-applies.
  db.connect()->execute_script(
      "INSERT INTO base.\"User\" (name) VALUES ('Ada');\n"
      "INSERT INTO audit.\"Log\" (level, \"userId\") SELECT 'info', id FROM base.\"User\";\n"
      "CREATE TABLE audit.stray (id INTEGER);\n");
  r = run_prismapp(dir.path(), {"migrate", "reset", "--force"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(scalar(db, "SELECT count(*) FROM base.\"User\"") == "0");
  CHECK(scalar(db, "SELECT count(*) FROM audit.\"Log\"") == "0");
  CHECK(scalar(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'stray'") == "0");
  CHECK(scalar(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'audit' AND "
                   "column_name = 'extra'") == "0");
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "nothing"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Already in sync, no schema change or pending migration was found."));
}
