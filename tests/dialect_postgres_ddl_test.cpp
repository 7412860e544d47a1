// PostgreSQL DDL without a database: what the calculator, differ and renderer produce for schema
// pairs, in Prisma's wording (index methods and operator classes, serial types, ALTER TABLE
// clauses, enum changes, multi-schema qualification).
#include <catch2/catch.hpp>

#include "core/dialect/dialect.hpp"
#include "core/diff/calculator.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "core/schema/schema.hpp"

using namespace prismapp;

namespace {

const std::string kDatasource = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n";

sql::SqlSchema calc(const std::string& text) {
  schema::SourceSet sources;
  sources.add("schema.prisma", text);
  const auto validated = schema::validate_schema(std::move(sources));
  REQUIRE_FALSE(validated.diagnostics.has_errors());
  return diff::calculate(validated, dialect::find_dialect("postgresql")->calculator_hooks()).schema;
}

std::string script(const std::string& from, const std::string& to) {
  const auto* d = dialect::find_dialect("postgresql");
  const sql::SqlSchema a = from.empty() ? sql::SqlSchema{} : calc(from);
  const sql::SqlSchema b = calc(to);
  return diff::render_script(diff::diff_schemas(a, b, d->differ_hooks()), d->renderer());
}

}  // namespace

TEST_CASE("postgres ddl: index methods, operator classes, serial types", "[postgres][ddl]") {
  const std::string s = script("", kDatasource + R"PRISMA(
model A {
  id   Int    @id @default(autoincrement()) @db.SmallInt
  big  BigInt @default(autoincrement())
  js   Json
  ip   String @db.Inet
  t    String
  @@index([js(ops: JsonbPathOps)], type: Gin)
  @@index([ip(ops: InetOps)], type: Gist)
  @@index([t(ops: raw("text_pattern_ops"), sort: Desc)])
  @@index([big], type: Brin)
}
)PRISMA");
  CHECK(s.find("\"id\" SMALLSERIAL NOT NULL,\n    \"big\" BIGSERIAL NOT NULL,") != std::string::npos);
  CHECK(s.find("CREATE INDEX \"A_js_idx\" ON \"A\" USING GIN (\"js\" jsonb_path_ops);") != std::string::npos);
  CHECK(s.find("CREATE INDEX \"A_ip_idx\" ON \"A\" USING GIST (\"ip\" inet_ops);") != std::string::npos);
  CHECK(s.find("CREATE INDEX \"A_t_idx\" ON \"A\"(\"t\" text_pattern_ops DESC);") != std::string::npos);
  CHECK(s.find("CREATE INDEX \"A_big_idx\" ON \"A\" USING BRIN (\"big\");") != std::string::npos);
}

TEST_CASE("postgres ddl: ALTER TABLE clauses and enum changes", "[postgres][ddl]") {
  const std::string v1 = kDatasource + "enum E {\n  A\n}\nmodel T {\n  id Int @id\n  e E @default(A)\n  n String?\n}\n";
  const std::string v2 = kDatasource +
                         "enum E {\n  A\n  B\n  C\n}\nmodel T {\n  id Int @id\n  e E @default(A)\n  n String @default(\"x\")\n"
                         "  added Int?\n}\n";
  CHECK(script(v1, v2) ==
        "-- AlterEnum\n"
        "-- This migration adds more than one value to an enum.\n"
        "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
        "-- in a single migration. This can be worked around by creating\n"
        "-- multiple migrations, each migration adding only one value to\n"
        "-- the enum.\n\n\n"
        "ALTER TYPE \"E\" ADD VALUE 'B';\n"
        "ALTER TYPE \"E\" ADD VALUE 'C';\n\n"
        "-- AlterTable\n"
        "ALTER TABLE \"T\" ADD COLUMN     \"added\" INTEGER,\n"
        "ALTER COLUMN \"n\" SET NOT NULL,\n"
        "ALTER COLUMN \"n\" SET DEFAULT 'x';\n");
  CHECK(script(v2, v1).find("BEGIN;\nCREATE TYPE \"E_new\" AS ENUM ('A');\n"
                            "ALTER TABLE \"T\" ALTER COLUMN \"e\" DROP DEFAULT;\n"
                            "ALTER TABLE \"T\" ALTER COLUMN \"e\" TYPE \"E_new\" USING (\"e\"::text::\"E_new\");\n"
                            "ALTER TYPE \"E\" RENAME TO \"E_old\";\n"
                            "ALTER TYPE \"E_new\" RENAME TO \"E\";\n"
                            "DROP TYPE \"E_old\";\n"
                            "ALTER TABLE \"T\" ALTER COLUMN \"e\" SET DEFAULT 'A';\n"
                            "COMMIT;\n") != std::string::npos);
}
