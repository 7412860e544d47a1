// PostgreSQL round trips on a real database: a Prisma schema is calculated, rendered from empty,
// executed on a fresh database, described back (describe_postgres) and diffed against the
// calculated schema again, which must give no steps. Then schema changes are migrated over live
// rows, each followed by the same no-drift check.
#include <catch2/catch.hpp>

#include "core/dialect/dialect.hpp"
#include "core/dialect/postgres/postgres_describer.hpp"
#include "core/diff/calculator.hpp"
#include "core/diff/destructive.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "core/schema/schema.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp;

namespace {

const dialect::Dialect& pg() {
  const dialect::Dialect* d = dialect::find_dialect("postgresql");
  REQUIRE(d != nullptr);
  return *d;
}

diff::CalculatedSchema calculate(const std::string& text) {
  schema::SourceSet sources;
  sources.add("schema.prisma", text);
  const auto validated = schema::validate_schema(std::move(sources));
  INFO(text);
  REQUIRE_FALSE(validated.diagnostics.has_errors());
  return diff::calculate(validated, pg().calculator_hooks());
}

std::vector<std::string> namespaces_of(const sql::SqlSchema& s) {
  std::vector<std::string> out;
  for (const auto& ns : s.namespaces) out.push_back(ns.name);
  return out;
}

struct Applied {
  std::string script;
  std::vector<std::string> warnings;
  std::vector<std::string> unexecutable;
};

// Migrates the database to `text` and checks that it then has no drift.
Applied migrate(dialect::Connection& conn, const std::string& text) {
  const auto target = calculate(text);
  const sql::SqlSchema live = dialect::postgres::describe_postgres(conn, namespaces_of(target.schema));
  const auto migration = diff::diff_schemas(live, target.schema, pg().differ_hooks(), target.prisma_level_defaults);
  const auto checked = diff::check_destructive_changes(migration, pg().differ_hooks(), &conn);
  Applied out;
  out.script = diff::render_script(migration, pg().renderer());
  for (const auto& w : checked.warnings) out.warnings.push_back(w.description);
  for (const auto& u : checked.unexecutable) out.unexecutable.push_back(u.description);
  INFO(out.script);
  conn.execute_script(out.script);
  const sql::SqlSchema after = dialect::postgres::describe_postgres(conn, namespaces_of(target.schema));
  const auto drift = diff::diff_schemas(after, target.schema, pg().differ_hooks(), target.prisma_level_defaults);
  CHECK(diff::render_script(drift, pg().renderer()) == "-- This is an empty migration.\n");
  return out;
}

std::string count(dialect::Connection& conn, const std::string& sql) {
  const auto rows = conn.query(sql);
  return rows.empty() || rows[0].empty() || !rows[0][0] ? "" : *rows[0][0];
}

const std::string kDatasource = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n";

const std::string kEveryType = kDatasource + R"PRISMA(
enum Mood {
  HAPPY
  SAD  @map("sad")
  @@map("mood")
}

model AllTypes {
  id          Int       @id @default(autoincrement())
  big         BigInt    @default(5)
  small       Int       @db.SmallInt @default(-3)
  f           Float     @default(1.5)
  real        Float     @db.Real
  dec         Decimal   @default(2.25)
  dec2        Decimal   @db.Decimal(10, 2)
  money       Decimal   @db.Money
  b           Boolean   @default(true)
  s           String    @default("it's")
  vc          String    @db.VarChar(10)
  vcn         String    @db.VarChar
  ch          String    @db.Char(3)
  txt         String    @db.Text
  inet        String    @db.Inet
  uuidcol     String    @db.Uuid @default(dbgenerated("gen_random_uuid()"))
  xml         String?   @db.Xml
  bit         String?   @db.Bit(4)
  varbit      String?   @db.VarBit
  oid         Int?      @db.Oid
  dt          DateTime  @default(now())
  ts6         DateTime  @db.Timestamp(6)
  tstz        DateTime  @db.Timestamptz(3)
  date        DateTime  @db.Date
  time        DateTime? @db.Time(2)
  timetz      DateTime? @db.Timetz
  js          Json      @default("{\"a\": 1}")
  json        Json?     @db.Json
  bytes       Bytes     @default("AQID")
  mood        Mood      @default(SAD)
  moods       Mood[]    @default([HAPPY])
  tags        String[]  @default(["a", "b"])
  ints        Int[]
  cuid        String    @default(cuid())
  opt         String?
  tsv         Unsupported("tsvector")?

  @@unique([vc, ch(sort: Desc)])
  @@index([txt(sort: Desc)])
  @@index([js(ops: JsonbPathOps)], type: Gin)
  @@index([inet(ops: InetOps)], type: Gist)
  @@index([opt], type: Hash)
  @@index([txt(ops: TextOps)], type: SpGist, map: "spgist_idx")
  @@index([big(ops: Int8MinMaxOps)], type: Brin)
}

model Small {
  id Int @id @default(autoincrement()) @db.SmallInt
}

model Big {
  id BigInt @id @default(autoincrement())
}

model Parent {
  a     String
  b     Int
  kids  Child[]
  @@id([a, b])
  @@map("parents")
}

model Child {
  id  Int    @id
  pa  String
  pb  Int
  parent Parent @relation(fields: [pa, pb], references: [a, b], onDelete: Cascade, onUpdate: Restrict)
  r1  Int?
  p1  Child?  @relation("self", fields: [r1], references: [id], onDelete: SetNull, onUpdate: NoAction)
  c1  Child[] @relation("self")
  r2  Int     @default(1)
  p2  Big2    @relation(fields: [r2], references: [id], onDelete: SetDefault)
  tags Tag[]
}

model Big2 {
  id    Int     @id
  kids  Child[]
}

model Tag {
  id    String  @id @default(uuid())
  kids  Child[]
}
)PRISMA";

}  // namespace

TEST_CASE("postgres round trip: every type, default, index kind and relation", "[postgres][roundtrip]") {
  auto db = testing::fresh_postgres_database("rt_types");
  auto conn = db.connect();
  const Applied first = migrate(*conn, kEveryType);
  CHECK(first.warnings.empty());
  // Described again without changes: nothing to do.
  const Applied again = migrate(*conn, kEveryType);
  CHECK(again.script == "-- This is an empty migration.\n");
}

TEST_CASE("postgres round trip: multi-schema", "[postgres][roundtrip]") {
  auto db = testing::fresh_postgres_database("rt_multi");
  auto conn = db.connect();
  const std::string schema = R"PRISMA(datasource db {
  provider = "postgresql"
  url = env("DATABASE_URL")
  schemas = ["public", "auth"]
}
enum Role {
  A
  B
  @@schema("auth")
}
model User {
  id    Int    @id
  role  Role
  posts Post[]
  @@schema("auth")
}
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
  @@index([userId])
  @@schema("public")
}
)PRISMA";
  const Applied first = migrate(*conn, schema);
  CHECK(first.script.find("CREATE TABLE \"auth\".\"User\"") != std::string::npos);
  CHECK(migrate(*conn, schema).script == "-- This is an empty migration.\n");
}

TEST_CASE("postgres schema changes on live data", "[postgres][roundtrip]") {
  auto db = testing::fresh_postgres_database("rt_changes");
  auto conn = db.connect();
  auto model = [](const std::string& enum_values, const std::string& fields, const std::string& attrs) {
    return kDatasource + "enum Status {\n" + enum_values + "}\nmodel Item {\n  id Int @id\n" + fields + attrs + "}\n";
  };
  const std::string fields_v1 =
      "  status Status @default(A)\n  code String @db.VarChar(10)\n  n Int\n  t String\n  opt String?\n"
      "  d Int @default(1)\n";
  migrate(*conn, model("  A\n  B\n", fields_v1, "  @@index([code])\n"));
  conn->execute_script("INSERT INTO \"Item\" (id, status, code, n, t, opt) VALUES (1, 'A', 'abc', 7, '12', 'x'), (2, 'B', 'de', 8, '3', 'y')");

  SECTION("enum value added, index renamed, default changed, Int to BigInt") {
    const std::string fields =
        "  status Status @default(A)\n  code String @db.VarChar(10)\n  n BigInt\n  t String\n  opt String?\n"
        "  d Int @default(2)\n";
    const Applied a = migrate(*conn, model("  A\n  B\n  C\n", fields, "  @@index([code], map: \"code_idx\")\n"));
    CHECK(a.script.find("ALTER TYPE \"Status\" ADD VALUE 'C'") != std::string::npos);
    CHECK(a.script.find("ALTER INDEX \"Item_code_idx\" RENAME TO \"code_idx\"") != std::string::npos);
    CHECK(a.warnings.empty());
    CHECK(count(*conn, "SELECT COUNT(*) FROM \"Item\"") == "2");
  }
  SECTION("enum value dropped, VarChar shrunk, optional made required, index type changed") {
    conn->execute_script("UPDATE \"Item\" SET status = 'A'");
    const std::string fields =
        "  status Status @default(A)\n  code String @db.VarChar(5)\n  n Int\n  t String\n  opt String\n"
        "  d Int @default(1)\n";
    const Applied a = migrate(*conn, model("  A\n", fields, "  @@index([code], type: Hash)\n"));
    CHECK(a.script.find("CREATE TYPE \"Status_new\" AS ENUM ('A')") != std::string::npos);
    REQUIRE(a.warnings.size() == 2);
    CHECK(a.warnings[0] == "The values [B] on the enum `Status` will be removed. If these variants are still used in the database, this will fail.");
    CHECK(a.warnings[1] ==
          "You are about to alter the column `code` on the `Item` table, which contains 2 non-null values. The data in that "
          "column will be cast from `VarChar(10)` to `VarChar(5)`.");
    CHECK(count(*conn, "SELECT COUNT(*) FROM \"Item\"") == "2");
  }
  SECTION("Text to Int is dropped and recreated; primary key changed") {
    const std::string text = kDatasource + "enum Status {\n  A\n  B\n}\nmodel Item {\n  id Int\n  status Status @default(A)\n"
                             "  code String @id @db.VarChar(10)\n  n Int\n  t Int?\n  opt String?\n  d Int @default(1)\n  @@index([code])\n}\n";
    const Applied a = migrate(*conn, text);
    CHECK(a.script.find("DROP COLUMN \"t\",\nADD COLUMN     \"t\" INTEGER") != std::string::npos);
    CHECK(a.script.find("DROP CONSTRAINT \"Item_pkey\"") != std::string::npos);
    CHECK(count(*conn, "SELECT COUNT(*) FROM \"Item\"") == "2");
  }
}
