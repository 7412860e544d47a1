// MySQL round trips on a real server (MariaDB 10.11 here): a Prisma schema is calculated,
// migrated onto a fresh database, described back and diffed against the calculation again, which
// must give no steps. Then schema changes are applied to databases holding rows: each change's
// script runs, the rows survive, the database describes back to the new schema, and the
// destructive-change checker words its warnings as Prisma does for MySQL.
#include <catch2/catch.hpp>

#include <string>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_describer.hpp"
#include "core/diff/calculator.hpp"
#include "core/diff/destructive.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "core/schema/schema.hpp"
#include "tests/support/mysql_test_db.hpp"

using namespace prismapp;

namespace {

using testing::calculate_mysql;
using testing::mysql_dialect;

struct Applied {
  std::string script;
  diff::DestructiveWarnings warnings;
};

// Migrates the database to `models` the way `db push` does: describe, diff, check, run.
Applied migrate(testing::MysqlTestDatabase& db, const std::string& models, bool execute = true) {
  auto conn = db.connect();
  const sql::SqlSchema live = dialect::mysql::describe_mysql(*conn, db.name);
  const auto target = calculate_mysql(models);
  const auto migration = diff::diff_schemas(live, target.schema, mysql_dialect().differ_hooks(), target.prisma_level_defaults);
  Applied out;
  out.warnings = diff::check_destructive_changes(migration, mysql_dialect().differ_hooks(), conn.get());
  out.script = diff::render_script(migration, mysql_dialect().renderer());
  if (execute && !migration.steps.empty()) conn->execute_script(out.script);
  return out;
}

// What is left to migrate after the database was migrated to `models`: must be nothing.
std::string drift(testing::MysqlTestDatabase& db, const std::string& models) {
  auto conn = db.connect();
  const sql::SqlSchema live = dialect::mysql::describe_mysql(*conn, db.name);
  const auto target = calculate_mysql(models);
  return diff::render_script(diff::diff_schemas(live, target.schema, mysql_dialect().differ_hooks(), target.prisma_level_defaults),
                             mysql_dialect().renderer());
}

constexpr const char* kEmpty = "-- This is an empty migration.\n";

std::string count(testing::MysqlTestDatabase& db, const std::string& table) {
  const auto rows = db.connect()->query("SELECT COUNT(*) FROM `" + table + "`");
  return rows.at(0).at(0).value_or("?");
}

const std::string kAllTypes = R"S(
model AllTypes {
  id       Int      @id @default(autoincrement())
  i        Int
  bi       BigInt
  f        Float
  dec      Decimal
  b        Boolean
  s        String
  dt       DateTime
  j        Json
  by       Bytes
  nInt     Int      @db.Int
  uInt     Int      @db.UnsignedInt
  small    Int      @db.SmallInt
  usmall   Int      @db.UnsignedSmallInt
  tiny     Int      @db.TinyInt
  utiny    Int      @db.UnsignedTinyInt
  medium   Int      @db.MediumInt
  umedium  Int      @db.UnsignedMediumInt
  big      BigInt   @db.BigInt
  ubig     BigInt   @db.UnsignedBigInt
  decimal  Decimal  @db.Decimal(10, 2)
  flt      Float    @db.Float
  dbl      Float    @db.Double
  bit1     Boolean  @db.Bit(1)
  bits     Bytes    @db.Bit(8)
  ch       String   @db.Char(10)
  vc       String   @db.VarChar(50)
  bin      Bytes    @db.Binary(16)
  vbin     Bytes    @db.VarBinary(255)
  tblob    Bytes    @db.TinyBlob
  blob     Bytes    @db.Blob
  mblob    Bytes    @db.MediumBlob
  lblob    Bytes    @db.LongBlob
  ttext    String   @db.TinyText
  text     String   @db.Text
  mtext    String   @db.MediumText
  ltext    String   @db.LongText
  date     DateTime @db.Date
  time     DateTime @db.Time(3)
  time0    DateTime @db.Time
  dtime    DateTime @db.DateTime(6)
  dtime0   DateTime @db.DateTime
  ts       DateTime @db.Timestamp(3)
  year     Int      @db.Year
  json     Json     @db.Json
  tinyBool Boolean  @db.TinyInt
  nullable String?
  dec0     Decimal  @db.Decimal
}
)S";

const std::string kDefaults = R"S(
enum Role {
  USER
  ADMIN
  @@map("roles")
}

model Defaults {
  id    BigInt   @id @default(autoincrement())
  s     String   @default("it's \"quoted\"")
  empty String   @default("")
  i     Int      @default(42)
  neg   Int      @default(-7)
  f     Float    @default(1.5)
  d     Decimal  @default(2.25)
  b     Boolean  @default(true)
  bf    Boolean  @default(false)
  now   DateTime @default(now())
  ts    DateTime @default(now()) @db.Timestamp(6)
  gen   String   @default(dbgenerated("(uuid())")) @db.VarChar(36)
  role  Role     @default(ADMIN)
  roles Role?
  upd   DateTime @updatedAt
  cuid  String   @default(cuid())
  j     Json?
}
)S";

const std::string kRelations = R"S(
model User {
  id      Int      @id @default(autoincrement())
  email   String   @unique @map("email_address")
  posts   Post[]
  profile Profile?
  tags    Tag[]

  @@map("users")
}

model Profile {
  userId Int     @id
  bio    String?
  user   User    @relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: Restrict)
}

model Post {
  id       Int     @id @default(autoincrement())
  title    String  @db.VarChar(200)
  body     String  @db.Text
  slug     String  @unique(map: "post_slug")
  a        Int
  b        Int
  authorId Int?
  editorId Int
  author   User?   @relation(fields: [authorId], references: [id], onDelete: SetNull)
  editor   Editor  @relation(fields: [editorId], references: [id], onDelete: NoAction, onUpdate: NoAction)

  @@unique([a, b(sort: Desc)])
  @@index([title(length: 10)])
  @@index([a(sort: Desc), b])
  @@fulltext([body])
  @@map("posts")
}

model Editor {
  id    Int    @id
  posts Post[]
}

model Tag {
  id    Int    @id @default(autoincrement())
  name  String
  users User[]
}

model Composite {
  a  Int
  b  String
  c  Int?
  cs CompositeChild[]

  @@id([a, b])
}

model CompositeChild {
  id Int    @id
  a  Int
  b  String
  p  Composite @relation(fields: [a, b], references: [a, b])
}
)S";

}  // namespace

TEST_CASE("mysql round trip: every scalar and native type", "[mysql]") {
  auto db = testing::fresh_mysql_database("rt_types");
  const auto applied = migrate(db, kAllTypes);
  CHECK(applied.warnings.empty());
  CHECK(drift(db, kAllTypes) == kEmpty);
}

TEST_CASE("mysql round trip: defaults and enums", "[mysql]") {
  auto db = testing::fresh_mysql_database("rt_defaults");
  migrate(db, kDefaults);
  CHECK(drift(db, kDefaults) == kEmpty);
}

TEST_CASE("mysql round trip: indexes, relations, join tables, composite keys, @map", "[mysql]") {
  auto db = testing::fresh_mysql_database("rt_relations");
  migrate(db, kRelations);
  CHECK(drift(db, kRelations) == kEmpty);
  // The indexes MySQL created for the foreign keys are in the database but need no step.
  const sql::SqlSchema live = db.connect()->describe();
  const auto posts = live.find_table("posts");
  REQUIRE(posts);
  bool has_fk_index = false;
  for (sql::IndexId i : live.table(*posts).indexes) has_fk_index = has_fk_index || live.index(i).name == "posts_editorId_fkey";
  CHECK(has_fk_index);
}

TEST_CASE("mysql round trip: changes on live data", "[mysql]") {
  auto db = testing::fresh_mysql_database("rt_changes");
  const std::string v1 = R"S(
enum Status {
  A
  B
  C
}

model Owner {
  id    Int    @id @default(autoincrement())
  items Item[]
}

model Item {
  id      Int     @id @default(autoincrement())
  name    String  @db.VarChar(10)
  qty     Int
  status  Status  @default(A)
  note    String?
  price   Float   @default(1)
  ownerId Int?
  owner   Owner?  @relation(fields: [ownerId], references: [id])

  @@index([name], map: "item_name_idx")
}

model Keyed {
  a Int
  b Int
  v String?

  @@id([a])
}
)S";
  migrate(db, v1);
  REQUIRE(drift(db, v1) == kEmpty);
  {
    auto conn = db.connect();
    conn->execute("INSERT INTO `Owner` (`id`) VALUES (1)");
    conn->execute("INSERT INTO `Item` (`name`, `qty`, `status`, `note`, `ownerId`) VALUES ('abc', 1, 'A', NULL, 1), ('de', 2, 'B', 'x', NULL)");
    conn->execute("INSERT INTO `Keyed` (`a`, `b`) VALUES (1, 1), (2, 1)");
  }

  auto step = [&](const std::string& from, const std::string& to, const std::string& from_text, const std::string& to_text) {
    std::string next = from;
    const auto at = next.find(from_text);
    REQUIRE(at != std::string::npos);
    next.replace(at, from_text.size(), to_text);
    (void)to;
    return next;
  };

  SECTION("enum values added, then removed") {
    const std::string v2 = step(v1, "", "  C\n}", "  C\n  D\n}");
    auto applied = migrate(db, v2);
    CHECK(applied.script == "-- AlterTable\nALTER TABLE `Item` MODIFY `status` ENUM('A', 'B', 'C', 'D') NOT NULL DEFAULT 'A';\n");
    CHECK(applied.warnings.empty());
    CHECK(drift(db, v2) == kEmpty);
    const std::string v3 = step(v2, "", "  C\n  D\n}", "  D\n}");
    applied = migrate(db, v3);
    CHECK(applied.script == "-- AlterTable\nALTER TABLE `Item` MODIFY `status` ENUM('A', 'B', 'D') NOT NULL DEFAULT 'A';\n");
    REQUIRE(applied.warnings.warnings.size() == 1);
    CHECK(applied.warnings.warnings[0].description ==
          "The values [C] on the enum `Item_status` will be removed. If these variants are still used in the database, this "
          "will fail.");
    CHECK(drift(db, v3) == kEmpty);
  }

  SECTION("native type changes") {
    const std::string v2 = step(step(v1, "", "@db.VarChar(10)", "@db.VarChar(5)"), "", "qty     Int", "qty     BigInt");
    const auto applied = migrate(db, v2);
    CHECK(applied.script ==
          "-- AlterTable\nALTER TABLE `Item` MODIFY `name` VARCHAR(5) NOT NULL,\n    MODIFY `qty` BIGINT NOT NULL;\n");
    REQUIRE(applied.warnings.warnings.size() == 1);
    CHECK(applied.warnings.warnings[0].description ==
          "You are about to alter the column `name` on the `Item` table, which contains 2 non-null values. The data in that "
          "column will be cast from `VarChar(10)` to `VarChar(5)`.");
    CHECK(applied.warnings.unexecutable.empty());
    CHECK(drift(db, v2) == kEmpty);
  }

  SECTION("arity changes") {
    const std::string v2 = step(step(v1, "", "note    String?", "note    String"), "", "qty     Int", "qty     Int?");
    const auto blocked = migrate(db, v2, false);
    REQUIRE(blocked.warnings.unexecutable.size() == 1);
    CHECK(blocked.warnings.unexecutable[0].description ==
          "Made the column `note` on table `Item` required, but there are 1 existing NULL values.");
    db.connect()->execute("UPDATE `Item` SET `note` = 'filled' WHERE `note` IS NULL");
    const auto applied = migrate(db, v2);
    CHECK(applied.warnings.empty());
    CHECK(applied.script ==
          "-- AlterTable\nALTER TABLE `Item` MODIFY `qty` INTEGER NULL,\n    MODIFY `note` VARCHAR(191) NOT NULL;\n");
    CHECK(drift(db, v2) == kEmpty);
  }

  SECTION("default changes") {
    const std::string v2 = step(step(v1, "", "@default(1)", "@default(2.5)"), "", "@default(A)", "@default(B)");
    const auto applied = migrate(db, v2);
    CHECK(applied.script == "-- AlterTable\nALTER TABLE `Item` MODIFY `status` ENUM('A', 'B', 'C') NOT NULL DEFAULT 'B',\n"
                            "    MODIFY `price` DOUBLE NOT NULL DEFAULT 2.5;\n");
    CHECK(drift(db, v2) == kEmpty);
  }

  SECTION("types without a cast drop and recreate the column") {
    const std::string required = step(v1, "", "price   Float   @default(1)", "price   DateTime");
    const auto blocked = migrate(db, required, false);
    REQUIRE(blocked.warnings.unexecutable.size() == 1);
    CHECK(blocked.warnings.unexecutable[0].description ==
          "Changed the type of `price` on the `Item` table. No cast exists, the column would be dropped and recreated, which "
          "cannot be done since the column is required and there is data in the table.");
    const std::string optional = step(v1, "", "price   Float   @default(1)", "price   DateTime?");
    const auto applied = migrate(db, optional);
    CHECK(applied.script == "-- AlterTable\nALTER TABLE `Item` DROP COLUMN `price`,\n    ADD COLUMN `price` DATETIME(3) NULL;\n");
    REQUIRE(applied.warnings.warnings.size() == 1);
    CHECK(applied.warnings.warnings[0].description ==
          "The `price` column on the `Item` table would be dropped and recreated. This will lead to data loss.");
    CHECK(drift(db, optional) == kEmpty);
  }

  SECTION("index rename") {
    const std::string v2 = step(v1, "", "item_name_idx", "item_name_index");
    const auto applied = migrate(db, v2);
    CHECK(applied.script == "-- RenameIndex\nALTER TABLE `Item` RENAME INDEX `item_name_idx` TO `item_name_index`;\n");
    CHECK(drift(db, v2) == kEmpty);
  }

  SECTION("primary key change") {
    const std::string v2 = step(v1, "", "@@id([a])", "@@id([a, b])");
    const auto applied = migrate(db, v2);
    CHECK(applied.script == "-- AlterTable\nALTER TABLE `Keyed` DROP PRIMARY KEY,\n    ADD PRIMARY KEY (`a`, `b`);\n");
    REQUIRE(applied.warnings.warnings.size() == 1);
    CHECK(applied.warnings.warnings[0].description ==
          "The primary key for the `Keyed` table will be changed. If it partially fails, the table could be left without "
          "primary key constraint.");
    CHECK(drift(db, v2) == kEmpty);
  }

  SECTION("dropping a relation drops its foreign key and the index backing it") {
    std::string v2 = step(v1, "", "  owner   Owner?  @relation(fields: [ownerId], references: [id])\n", "");
    v2 = step(v2, "", "  items Item[]\n", "");
    const auto applied = migrate(db, v2);
    CHECK(applied.script ==
          "-- DropForeignKey\nALTER TABLE `Item` DROP FOREIGN KEY `Item_ownerId_fkey`;\n\n"
          "-- DropIndex\nDROP INDEX `Item_ownerId_fkey` ON `Item`;\n");
    CHECK(drift(db, v2) == kEmpty);
  }

  CHECK(count(db, "Item") == "2");
  CHECK(count(db, "Keyed") == "2");
}
