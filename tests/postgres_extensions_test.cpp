// PostgreSQL extensions (postgresqlExtensions preview feature, datasource `extensions = [...]`):
// migrations create, update and move the listed extensions in Prisma's order and wording and
// never drop an unlisted one; drift ignores extensions nobody lists; db pull writes the property
// back. Uses extensions of Debian's PostgreSQL 15 contrib (citext, hstore, pg_trgm).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/migrate/drift_summary.hpp"
#include "core/migrate/schema_planner.hpp"
#include "tests/cli_support.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp;
using namespace prismapp::testing;

namespace {

void write_extensions_schema(const TempDir& dir, const std::string& extensions) {
  write_file(dir / "prisma/schema.prisma",
             "generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = [\"postgresqlExtensions\"]\n}\n\n"
             "datasource db {\n  provider   = \"postgresql\"\n  url        = env(\"DATABASE_URL\")\n  extensions = " +
                 extensions +
                 "\n}\n\nmodel User {\n  id    Int    @id\n  email String @db.Citext\n}\n");
}

std::string version_of(const PostgresTestDatabase& db, const std::string& extension) {
  const auto rows = db.connect()->query("SELECT extversion FROM pg_extension WHERE extname = '" + extension + "'");
  return rows.empty() ? "<none>" : rows[0][0].value_or("NULL");
}

}  // namespace

TEST_CASE("postgres extensions: created, updated, never dropped; no drift; db pull lists them",
          "[postgres][extensions][cli]") {
  TempDir dir;
  auto db = fresh_postgres_database("ext_cli");
  const RunOptions main = with_url(db.url);
  write_extensions_schema(dir, "[citext, hstore(version: \"1.7\"), pg_trgm(schema: \"public\")]");
  auto r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "init", "--skip-generate"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto names = migration_names(dir);
  REQUIRE(names.size() == 1);
  const std::string init_sql = read_file(dir / ("prisma/migrations/" + names[0] + "/migration.sql"));
  CHECK(init_sql.rfind(
            "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"citext\";\n\n"
            "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"hstore\" WITH VERSION \"1.7\";\n\n"
            "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"pg_trgm\" WITH SCHEMA \"public\";\n\n"
            "-- CreateTable\nCREATE TABLE \"User\" (",
            0) == 0);
  CHECK(version_of(db, "hstore") == "1.7");
  CHECK(version_of(db, "citext") != "<none>");

  // The database has plpgsql too, which nobody lists: no drift, nothing to migrate.
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "nothing", "--skip-generate"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Already in sync, no schema change or pending migration was found."));

  // A new version is an ALTER EXTENSION (hstore is relocatable); pg_trgm left out of the list
  // stays installed.
  next_second();
  write_extensions_schema(dir, "[citext, hstore(version: \"1.8\")]");
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "bump", "--skip-generate"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  names = migration_names(dir);
  REQUIRE(names.size() == 2);
  CHECK(read_file(dir / ("prisma/migrations/" + names[1] + "/migration.sql")) ==
        "-- AlterExtension\nALTER EXTENSION \"hstore\" UPDATE TO \"1.8\";\n");
  CHECK(version_of(db, "hstore") == "1.8");
  CHECK(version_of(db, "pg_trgm") != "<none>");
  r = run_prismapp(dir.path(), {"migrate", "dev", "--name", "nothing", "--skip-generate"}, main);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Already in sync, no schema change or pending migration was found."));

  // db pull keeps the listed ones with the arguments they had (database values), adds no
  // extension outside Prisma's allow list.
  r = run_prismapp(dir.path(), {"db", "pull", "--print"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "  extensions = [citext, hstore(version: \"1.8\")]\n"));
  CHECK(contains(r.out, "email String @db.Citext"));

  // Without the preview feature extensions are not part of the described schema.
  write_file(dir / "prisma/schema.prisma",
             "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
             "model User {\n  id    Int    @id\n  email String @db.Citext\n}\n");
  r = run_prismapp(dir.path(), {"db", "pull", "--print"}, main);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "extensions"));
  CHECK(scalar(db, "SELECT count(*) FROM pg_extension WHERE extname IN ('citext', 'hstore', 'pg_trgm')") == "3");
}

TEST_CASE("postgres extensions: the differ's steps, order, wording and drift summary", "[postgres][extensions]") {
  const auto planner = migrate::make_schema_planner(*dialect::find_dialect("postgresql"));
  sql::SqlSchema live;  // as described
  live.namespaces[0].name = "public";
  live.extensions = {{"citext", "public", "1.6", true},
                     {"plpgsql", "pg_catalog", "1.0", false},
                     {"postgis", "public", "3.3.2", false},
                     {"unlisted", "public", "1.0", true}};
  sql::SqlSchema wanted;  // as calculated from the datasource
  wanted.namespaces[0].name = "public";
  wanted.extensions = {{"citext", "ext", "1.5", false},   // relocatable on the database: altered
                       {"hstore", "", "", false},         // new
                       {"plpgsql", "", "", false},        // no version/schema stated: unchanged
                       {"postgis", "", "3.4.0", false}};  // not relocatable: dropped and created
  const auto planned = planner->plan(live, wanted, nullptr);
  CHECK(planned.script ==
        "-- DropExtension\nDROP EXTENSION \"postgis\";\n\n"
        "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"hstore\";\n\n"
        "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"postgis\" WITH VERSION \"3.4.0\";\n\n"
        "-- AlterExtension\nALTER EXTENSION \"citext\" UPDATE TO \"1.5\";\n"
        "ALTER EXTENSION \"citext\" SET SCHEMA \"ext\";\n");
  CHECK(migrate::drift_summary(planned.migration) ==
        "\n[*] Changed the `citext` extension\n"
        "\n[-] Removed extensions\n`"
        "\n[+] Added extensions\n  - hstore\n"
        "\n[+] Added extensions\n  - postgis\n");
  // The same schema on both sides, and extensions only the database has: nothing to do.
  CHECK(planner->plan(live, live, nullptr).empty());
  sql::SqlSchema none;
  none.namespaces[0].name = "public";
  CHECK(planner->plan(live, none, nullptr).empty());
}
