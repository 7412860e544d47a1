// The index InnoDB creates for a foreign key (named after the constraint when no index covers the
// key), on a real server: schema-to-schema migrations (`migrate diff --from-schema-datamodel`, the
// migrations path) and db push both leave the database exactly as the target schema describes,
// through relations added and removed, @unique/@@index added to and removed from foreign-key
// columns, and renamed constraints. Plus the describer's view columns and reset dropping views.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_describer.hpp"
#include "core/diff/calculator.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "core/schema/schema.hpp"
#include "core/sql/foreign_key_indexes.hpp"
#include "tests/support/mysql_test_db.hpp"

using namespace prismapp;

namespace {

using testing::calculate_mysql;
using testing::mysql_dialect;

std::string script(const sql::SqlSchema& from, const diff::CalculatedSchema& to) {
  return diff::render_script(diff::diff_schemas(from, to.schema, mysql_dialect().differ_hooks(), to.prisma_level_defaults),
                             mysql_dialect().renderer());
}

sql::SqlSchema live(testing::MysqlTestDatabase& db) { return dialect::mysql::describe_mysql(*db.connect(), db.name); }

constexpr const char* kEmpty = "-- This is an empty migration.\n";

// Walks `schemas` both ways. Migrations: for each step a fresh database gets the previous schema
// (from empty), then the schema-to-schema script — as the scenario runner does. db push: one
// database pushed through every schema. After each step the database must describe as the schema.
// Returns the schema-to-schema scripts (scripts[0]: from empty).
std::vector<std::string> walk(const std::vector<std::string>& schemas) {
  auto pushed = testing::fresh_mysql_database("fkidx_p");
  std::vector<std::string> scripts;
  for (std::size_t i = 0; i < schemas.size(); ++i) {
    CAPTURE(i, schemas[i]);
    const auto target = calculate_mysql(schemas[i]);
    auto migrated = testing::fresh_mysql_database("fkidx_m");
    const sql::SqlSchema previous = i == 0 ? sql::SqlSchema{} : calculate_mysql(schemas[i - 1]).schema;
    if (i > 0) migrated.connect()->execute_script(script(sql::SqlSchema{}, calculate_mysql(schemas[i - 1])));
    const std::string migration = script(previous, target);
    scripts.push_back(migration);
    CAPTURE(migration);
    if (migration != kEmpty) migrated.connect()->execute_script(migration);
    CHECK(script(live(migrated), target) == kEmpty);

    const std::string push = script(live(pushed), target);
    CAPTURE(push);
    if (push != kEmpty) pushed.connect()->execute_script(push);
    CHECK(script(live(pushed), target) == kEmpty);
  }
  return scripts;
}

const std::string kUser = "model User {\n  id    Int    @id\n  posts Post[]\n}\n";
const std::string kUserNoRelation = "model User {\n  id Int @id\n}\n";
const std::string kPost = "model Post {\n  id       Int    @id\n  title    String\n  authorId Int\n";
const std::string kRelation = "  author   User   @relation(fields: [authorId], references: [id])\n";

}  // namespace

TEST_CASE("mysql fk indexes: the calculated schema holds the index InnoDB makes, CREATE TABLE does not",
          "[mysql][fk-index]") {
  const auto calc = calculate_mysql(kUser + kPost + kRelation + "}\n");
  const auto post = calc.schema.find_table("Post");
  REQUIRE(post);
  int implicit = 0;
  for (sql::IndexId i : calc.schema.table(*post).indexes)
    if (calc.schema.index(i).implicit_for_foreign_key) {
      ++implicit;
      CHECK(calc.schema.index(i).name == "Post_authorId_fkey");
      CHECK(sql::implicit_index_foreign_key(calc.schema, i).has_value());
    }
  CHECK(implicit == 1);
  const std::string from_empty = script(sql::SqlSchema{}, calc);
  CHECK(from_empty.find("INDEX `Post_authorId_fkey`") == std::string::npos);

  // Covered by an index (or the primary key): no implicit index.
  const auto covered = calculate_mysql(kUser + kPost + kRelation + "  @@index([authorId, title])\n}\n");
  for (const auto& index : covered.schema.indexes) CHECK_FALSE(index.implicit_for_foreign_key);
  const auto pk = calculate_mysql(kUser + "model Post {\n  authorId Int\n  n Int\n  author User @relation(fields: [authorId], references: [id])\n  @@id([authorId, n])\n}\n");
  for (const auto& index : pk.schema.indexes) CHECK_FALSE(index.implicit_for_foreign_key);
}

TEST_CASE("mysql fk indexes: dropping a relation drops the index MySQL made for it", "[mysql][fk-index]") {
  const auto scripts = walk({kUser + kPost + kRelation + "}\n", kUserNoRelation + kPost + "}\n",
                             kUser + kPost + kRelation + "}\n"});
  CHECK(scripts[1].find("DROP FOREIGN KEY `Post_authorId_fkey`") != std::string::npos);
  CHECK(scripts[1].find("DROP INDEX `Post_authorId_fkey` ON `Post`") != std::string::npos);
  // Adding the relation back: ADD FOREIGN KEY makes the index, nothing creates it by hand.
  CHECK(scripts[2].find("CREATE INDEX") == std::string::npos);
  CHECK(scripts[2].find("ADD CONSTRAINT `Post_authorId_fkey`") != std::string::npos);
}

TEST_CASE("mysql fk indexes: @unique on a foreign-key column removed and added again", "[mysql][fk-index]") {
  const std::string one = "model User {\n  id Int @id\n  post Post?\n}\n" + kPost +
                          "  author   User   @relation(fields: [authorId], references: [id])\n  @@unique([authorId])\n}\n";
  const std::string many = kUser + kPost + kRelation + "}\n";
  const auto scripts = walk({one, many, one});
  // The unique index is the key's only index: the key is dropped around it and added again.
  CHECK(scripts[1].find("DROP INDEX `Post_authorId_key`") != std::string::npos);
  CHECK(scripts[1].find("DROP FOREIGN KEY `Post_authorId_fkey`") != std::string::npos);
  CHECK(scripts[1].find("ADD CONSTRAINT `Post_authorId_fkey`") != std::string::npos);
  // Back: the new unique index covers the key, the server drops its own index.
  CHECK(scripts[2].find("CREATE UNIQUE INDEX `Post_authorId_key`") != std::string::npos);
  CHECK(scripts[2].find("DROP INDEX") == std::string::npos);
  CHECK(scripts[2].find("FOREIGN KEY") == std::string::npos);
}

TEST_CASE("mysql fk indexes: an @@index under a foreign key removed stays, as in Prisma", "[mysql][fk-index]") {
  const std::string with_index = kUser + kPost + kRelation + "  @@index([authorId])\n}\n";
  const std::string without = kUser + kPost + kRelation + "}\n";
  const auto scripts = walk({with_index, without, with_index});
  CHECK(scripts[1] == kEmpty);
  // Declared again: created, and the server drops the index it made for the key (no rename).
  CHECK(scripts[2].find("CREATE INDEX `Post_authorId_idx` ON `Post`(`authorId`)") != std::string::npos);
  CHECK(scripts[2].find("RENAME") == std::string::npos);
  CHECK(scripts[2].find("DROP") == std::string::npos);
}

TEST_CASE("mysql fk indexes: composite indexes over a foreign key come and go", "[mysql][fk-index]") {
  const std::string plain = kUser + kPost + kRelation + "}\n";
  const std::string composite = kUser + kPost + kRelation + "  @@index([authorId, title])\n}\n";
  const std::string other = kUser + kPost + kRelation + "  @@index([title, authorId])\n}\n";
  const auto scripts = walk({plain, composite, other, composite, plain});
  CHECK(scripts[1].find("DROP INDEX") == std::string::npos);  // the server drops its own index
  CHECK(scripts[4] == kEmpty);                                // the composite index stays under the key
}

TEST_CASE("mysql fk indexes: renamed constraints and relations onto another column", "[mysql][fk-index]") {
  const std::string named = kUser + kPost + "  author   User   @relation(fields: [authorId], references: [id], map: \"post_author\")\n}\n";
  const std::string other_column = kUser +
                                   "model Post {\n  id Int @id\n  title String\n  authorId Int\n  writerId Int\n"
                                   "  author User @relation(fields: [writerId], references: [id])\n}\n";
  walk({kUser + kPost + kRelation + "}\n", named, kUser + kPost + kRelation + "}\n", other_column});
}

TEST_CASE("mysql describer: view columns in one query, enums of views, views left alone by migrations",
          "[mysql][views]") {
  auto db = testing::fresh_mysql_database("views");
  db.connect()->execute_script(
      "CREATE TABLE A (id INT PRIMARY KEY, val ENUM('a', 'b'), name VARCHAR(20) NOT NULL, price DECIMAL(10,2));\n"
      "CREATE VIEW B AS SELECT id, val, name, price FROM A;\n");
  const sql::SqlSchema schema = live(db);
  REQUIRE(schema.views.size() == 1);
  const sql::View& view = schema.views[0];
  CHECK(view.name == "B");
  CHECK(view.definition.has_value());
  REQUIRE(view.columns.size() == 4);
  CHECK(view.columns[0].name == "id");
  CHECK(view.columns[0].type.family == sql::ColumnTypeFamily::Int);
  CHECK(view.columns[0].type.arity == sql::ColumnArity::Required);
  CHECK(view.columns[1].type.family == sql::ColumnTypeFamily::Enum);
  CHECK(view.columns[1].type.arity == sql::ColumnArity::Nullable);
  CHECK(schema.enum_(view.columns[1].type.enum_id).name == "B_val");
  CHECK(schema.enum_(view.columns[1].type.enum_id).values == std::vector<std::string>{"a", "b"});
  CHECK(view.columns[2].type.native_type == std::optional<std::string>("VarChar(20)"));
  CHECK(view.columns[3].type.native_type == std::optional<std::string>("Decimal(10,2)"));
  REQUIRE(schema.find_table("A"));
  CHECK(schema.table(*schema.find_table("A")).columns.size() == 4);  // view columns stay out of tables

  // The schema without the view: nothing to migrate (views are never diffed), the view survives.
  const auto target = calculate_mysql("model A {\n  id Int @id\n  val A_val?\n  name String @db.VarChar(20)\n  price Decimal? @db.Decimal(10, 2)\n}\n\nenum A_val {\n  a\n  b\n}\n");
  CHECK(script(schema, target) == kEmpty);

  // Reset drops views too.
  auto conn = mysql_dialect().connect(db.url);
  conn->reset();
  CHECK(live(db).views.empty());
}
