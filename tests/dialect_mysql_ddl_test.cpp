// The MySQL calculator, differ and renderer without a database: calculated schemas rendered from
// empty and diffs between calculated schemas, compared with the SQL Prisma 6.19 writes for them
// (flavour/mysql/renderer.rs, sql-ddl mysql.rs, flavour/mysql/schema_differ.rs).
#include <catch2/catch.hpp>

#include <string>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_native_type.hpp"
#include "core/dialect/mysql/mysql_type_change.hpp"
#include "core/diff/calculator.hpp"
#include "core/diff/destructive.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "core/schema/schema.hpp"

using namespace prismapp;

namespace {

const dialect::Dialect& mysql_dialect() {
  const dialect::Dialect* d = dialect::find_dialect("mysql");
  REQUIRE(d != nullptr);
  return *d;
}

std::string with_datasource(const std::string& models) {
  return "datasource db {\n  provider = \"mysql\"\n  url      = \"mysql://u:p@localhost:3306/db\"\n}\n\n" + models;
}

diff::CalculatedSchema calculate(const std::string& models) {
  schema::SourceSet sources;
  sources.add("schema.prisma", with_datasource(models));
  const auto validated = schema::validate_schema(std::move(sources));
  if (validated.diagnostics.has_errors()) FAIL(validated.diagnostics.errors().front().message);
  return diff::calculate(validated, mysql_dialect().calculator_hooks());
}

std::string from_empty(const std::string& models) {
  const auto calculated = calculate(models);
  const sql::SqlSchema empty;
  const auto migration =
      diff::diff_schemas(empty, calculated.schema, mysql_dialect().differ_hooks(), calculated.prisma_level_defaults);
  return diff::render_script(migration, mysql_dialect().renderer());
}

struct Change {
  std::string script;
  diff::DestructiveWarnings warnings;
};

Change change(const std::string& before, const std::string& after) {
  const auto previous = calculate(before);
  const auto next = calculate(after);
  const auto& d = mysql_dialect();
  const auto migration = diff::diff_schemas(previous.schema, next.schema, d.differ_hooks(), next.prisma_level_defaults);
  Change out;
  out.warnings = diff::check_destructive_changes(migration, d.differ_hooks(), nullptr);
  out.script = diff::render_script(migration, d.renderer());
  return out;
}

}  // namespace

TEST_CASE("mysql ddl: scalar defaults and native types in CREATE TABLE", "[mysql][ddl]") {
  const std::string script = from_empty(R"S(
model T {
  id     Int      @id @default(autoincrement())
  big    BigInt
  f      Float    @default(1.5)
  dec    Decimal
  b      Boolean  @default(true)
  s      String   @default("it's")
  dt     DateTime @default(now())
  ts     DateTime @default(now()) @db.Timestamp(6)
  j      Json
  by     Bytes
  uint   Int      @db.UnsignedInt
  tiny   Int      @db.TinyInt
  bool2  Boolean  @db.TinyInt
  d2     Decimal  @db.Decimal(10, 2)
  ch     String   @db.Char(3)
  t      DateTime @db.Time
  bit    Bytes    @db.Bit(8)
  note   String?  @db.Text
  gen    String   @default(dbgenerated("(uuid())")) @db.VarChar(36)
}
)S");
  CHECK(script ==
        "-- CreateTable\n"
        "CREATE TABLE `T` (\n"
        "    `id` INTEGER NOT NULL AUTO_INCREMENT,\n"
        "    `big` BIGINT NOT NULL,\n"
        "    `f` DOUBLE NOT NULL DEFAULT 1.5,\n"
        "    `dec` DECIMAL(65, 30) NOT NULL,\n"
        "    `b` BOOLEAN NOT NULL DEFAULT true,\n"
        "    `s` VARCHAR(191) NOT NULL DEFAULT 'it''s',\n"
        "    `dt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
        "    `ts` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n"
        "    `j` JSON NOT NULL,\n"
        "    `by` LONGBLOB NOT NULL,\n"
        "    `uint` INTEGER UNSIGNED NOT NULL,\n"
        "    `tiny` TINYINT NOT NULL,\n"
        "    `bool2` BOOLEAN NOT NULL,\n"
        "    `d2` DECIMAL(10, 2) NOT NULL,\n"
        "    `ch` CHAR(3) NOT NULL,\n"
        "    `t` TIME NOT NULL,\n"
        "    `bit` BIT(8) NOT NULL,\n"
        "    `note` TEXT NULL,\n"
        "    `gen` VARCHAR(36) NOT NULL DEFAULT (uuid()),\n"
        "\n"
        "    PRIMARY KEY (`id`)\n"
        ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
}

TEST_CASE("mysql ddl: indexes, relations and join tables", "[mysql][ddl]") {
  const std::string script = from_empty(R"S(
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]
  tags  Tag[]
}

model Post {
  id       Int    @id
  title    String @db.VarChar(200)
  body     String @db.Text
  authorId Int
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([title(length: 10)])
  @@unique([authorId, title(sort: Desc)])
  @@fulltext([body])
}

model Tag {
  id    Int    @id
  users User[]
}
)S");
  CHECK(script ==
        "-- CreateTable\n"
        "CREATE TABLE `User` (\n"
        "    `id` INTEGER NOT NULL AUTO_INCREMENT,\n"
        "    `email` VARCHAR(191) NOT NULL,\n"
        "\n"
        "    UNIQUE INDEX `User_email_key`(`email`),\n"
        "    PRIMARY KEY (`id`)\n"
        ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
        "\n"
        "-- CreateTable\n"
        "CREATE TABLE `Post` (\n"
        "    `id` INTEGER NOT NULL,\n"
        "    `title` VARCHAR(200) NOT NULL,\n"
        "    `body` TEXT NOT NULL,\n"
        "    `authorId` INTEGER NOT NULL,\n"
        "\n"
        "    INDEX `Post_title_idx`(`title`(10)),\n"
        "    UNIQUE INDEX `Post_authorId_title_key`(`authorId`, `title` DESC),\n"
        "    FULLTEXT INDEX `Post_body_idx`(`body`),\n"
        "    PRIMARY KEY (`id`)\n"
        ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
        "\n"
        "-- CreateTable\n"
        "CREATE TABLE `Tag` (\n"
        "    `id` INTEGER NOT NULL,\n"
        "\n"
        "    PRIMARY KEY (`id`)\n"
        ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
        "\n"
        "-- CreateTable\n"
        "CREATE TABLE `_TagToUser` (\n"
        "    `A` INTEGER NOT NULL,\n"
        "    `B` INTEGER NOT NULL,\n"
        "\n"
        "    UNIQUE INDEX `_TagToUser_AB_unique`(`A`, `B`),\n"
        "    INDEX `_TagToUser_B_index`(`B`)\n"
        ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
        "\n"
        "-- AddForeignKey\n"
        "ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE "
        "CASCADE ON UPDATE CASCADE;\n"
        "\n"
        "-- AddForeignKey\n"
        "ALTER TABLE `_TagToUser` ADD CONSTRAINT `_TagToUser_A_fkey` FOREIGN KEY (`A`) REFERENCES `Tag`(`id`) ON DELETE "
        "CASCADE ON UPDATE CASCADE;\n"
        "\n"
        "-- AddForeignKey\n"
        "ALTER TABLE `_TagToUser` ADD CONSTRAINT `_TagToUser_B_fkey` FOREIGN KEY (`B`) REFERENCES `User`(`id`) ON DELETE "
        "CASCADE ON UPDATE CASCADE;\n");
}

TEST_CASE("mysql ddl: enum values change the column type", "[mysql][ddl]") {
  const std::string before = "model T {\n  id Int @id\n  s S @default(A)\n}\nenum S {\n  A\n  B\n}\n";
  const std::string added = "model T {\n  id Int @id\n  s S @default(A)\n}\nenum S {\n  A\n  B\n  C\n}\n";
  const std::string removed = "model T {\n  id Int @id\n  s S @default(A)\n}\nenum S {\n  A\n}\n";
  const auto add = change(before, added);
  CHECK(add.script == "-- AlterTable\nALTER TABLE `T` MODIFY `s` ENUM('A', 'B', 'C') NOT NULL DEFAULT 'A';\n");
  CHECK(add.warnings.empty());
  const auto remove = change(before, removed);
  CHECK(remove.script == "-- AlterTable\nALTER TABLE `T` MODIFY `s` ENUM('A') NOT NULL DEFAULT 'A';\n");
  REQUIRE(remove.warnings.warnings.size() == 1);
  CHECK(remove.warnings.warnings[0].description ==
        "The values [B] on the enum `T_s` will be removed. If these variants are still used in the database, this will fail.");
}

TEST_CASE("mysql ddl: column, default, index and primary key changes", "[mysql][ddl]") {
  SECTION("narrowing a VARCHAR warns with native types; Int to BigInt is safe") {
    const auto c = change("model T {\n  id Int @id\n  s String @db.VarChar(10)\n  n Int\n}\n",
                          "model T {\n  id Int @id\n  s String @db.VarChar(5)\n  n BigInt\n}\n");
    CHECK(c.script == "-- AlterTable\nALTER TABLE `T` MODIFY `s` VARCHAR(5) NOT NULL,\n    MODIFY `n` BIGINT NOT NULL;\n");
    REQUIRE(c.warnings.warnings.size() == 1);
    CHECK(c.warnings.warnings[0].description ==
          "You are about to alter the column `s` on the `T` table. The data in that column could be lost. The data in that "
          "column will be cast from `VarChar(10)` to `VarChar(5)`.");
  }
  SECTION("a dropped default is ALTER COLUMN DROP DEFAULT, a changed one MODIFY") {
    const auto c = change("model T {\n  id Int @id\n  a Int @default(1)\n  b Int @default(1)\n}\n",
                          "model T {\n  id Int @id\n  a Int\n  b Int @default(2)\n}\n");
    CHECK(c.script == "-- AlterTable\nALTER TABLE `T` ALTER COLUMN `a` DROP DEFAULT,\n    MODIFY `b` INTEGER NOT NULL DEFAULT 2;\n");
  }
  SECTION("optional to required is unexecutable and nothing else") {
    const auto c = change("model T {\n  id Int @id\n  s String? @db.VarChar(10)\n}\n",
                          "model T {\n  id Int @id\n  s String @db.VarChar(5)\n}\n");
    CHECK(c.script == "-- AlterTable\nALTER TABLE `T` MODIFY `s` VARCHAR(5) NOT NULL;\n");
    CHECK(c.warnings.warnings.empty());
    REQUIRE(c.warnings.unexecutable.size() == 1);
    CHECK(c.warnings.unexecutable[0].description ==
          "Made the column `s` on table `T` required. This step will fail if there are existing NULL values in that column.");
  }
  SECTION("index rename") {
    const auto c = change("model T {\n  id Int @id\n  a Int\n  @@index([a], map: \"old\")\n}\n",
                          "model T {\n  id Int @id\n  a Int\n  @@index([a], map: \"new\")\n}\n");
    CHECK(c.script == "-- RenameIndex\nALTER TABLE `T` RENAME INDEX `old` TO `new`;\n");
  }
  SECTION("primary key change") {
    const auto c = change("model T {\n  a Int\n  b Int\n  @@id([a])\n}\n", "model T {\n  a Int\n  b Int\n  @@id([a, b])\n}\n");
    CHECK(c.script == "-- AlterTable\nALTER TABLE `T` DROP PRIMARY KEY,\n    ADD PRIMARY KEY (`a`, `b`);\n");
    REQUIRE(c.warnings.warnings.size() == 1);
    CHECK(c.warnings.warnings[0].description ==
          "The primary key for the `T` table will be changed. If it partially fails, the table could be left without primary "
          "key constraint.");
  }
  SECTION("not castable types drop and recreate the column") {
    const auto c = change("model T {\n  id Int @id\n  d DateTime?\n}\n", "model T {\n  id Int @id\n  d Int?\n}\n");
    CHECK(c.script == "-- AlterTable\nALTER TABLE `T` DROP COLUMN `d`,\n    ADD COLUMN `d` INTEGER NULL;\n");
    REQUIRE(c.warnings.warnings.size() == 1);
    CHECK(c.warnings.warnings[0].description ==
          "The `d` column on the `T` table would be dropped and recreated. This will lead to data loss if there is data in the "
          "column.");
  }
  SECTION("dropping a relation drops its key and the index InnoDB made for it") {
    // Prisma 6.19 leaves `A_bId_fkey` (the index) behind here, so the database keeps differing
    // from the schema; prismapp models that index and drops it (KNOWN_FAILURES history, scenario 40).
    const auto c = change(
        "model A {\n  id Int @id\n  bId Int?\n  b B? @relation(fields: [bId], references: [id])\n}\nmodel B {\n  id Int @id\n  a A[]\n}\n",
        "model A {\n  id Int @id\n  bId Int?\n}\nmodel B {\n  id Int @id\n}\n");
    CHECK(c.script ==
          "-- DropForeignKey\nALTER TABLE `A` DROP FOREIGN KEY `A_bId_fkey`;\n\n-- DropIndex\nDROP INDEX `A_bId_fkey` ON `A`;\n");
  }
}

TEST_CASE("mysql ddl: native type changes follow Prisma's table", "[mysql][ddl]") {
  using dialect::mysql::native_type_change;
  using dialect::mysql::parse_native_type;
  auto change_of = [](const char* a, const char* b) { return native_type_change(*parse_native_type(a), *parse_native_type(b)); };
  CHECK(change_of("Int", "BigInt") == sql::ColumnTypeChange::SafeCast);
  CHECK(change_of("BigInt", "Int") == sql::ColumnTypeChange::RiskyCast);
  CHECK(change_of("VarChar(10)", "VarChar(5)") == sql::ColumnTypeChange::RiskyCast);
  CHECK(change_of("VarChar(10)", "Char(10)") == sql::ColumnTypeChange::SafeCast);
  CHECK(change_of("DateTime", "DateTime(0)") == std::nullopt);
  CHECK(change_of("DateTime(3)", "DateTime(6)") == sql::ColumnTypeChange::SafeCast);
  CHECK(change_of("Decimal(65,30)", "Decimal(65, 30)") == std::nullopt);
  CHECK(change_of("Json", "Int") == sql::ColumnTypeChange::NotCastable);
  CHECK(change_of("Float", "Bit(16)") == sql::ColumnTypeChange::NotCastable);
  CHECK(change_of("Double", "Bit(64)") == sql::ColumnTypeChange::SafeCast);
  CHECK(change_of("UnsignedTinyInt", "UnsignedSmallInt") == sql::ColumnTypeChange::SafeCast);
  CHECK(change_of("Year", "TinyInt") == sql::ColumnTypeChange::NotCastable);
}
