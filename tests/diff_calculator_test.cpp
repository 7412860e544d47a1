// The calculator (core/diff/calculator*.cpp) with SQLite's hooks: the SqlSchema a Prisma schema
// asks for — names, types, defaults, keys, foreign keys and their order — checked against what
// Prisma 6.19 renders for the same schemas (oracle/artefacts, conformance/migrations/sqlite).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/diff/calculator.hpp"
#include "core/dialect/sqlite/sqlite_calculator_hooks.hpp"
#include "core/schema/schema.hpp"

using namespace prismapp;
using sql::ColumnArity;
using sql::ColumnTypeFamily;
using sql::ForeignKeyAction;
using sql::IndexType;

namespace {

struct Calculated {
  schema::ValidationResult validated;
  diff::CalculatedSchema result;
  const sql::SqlSchema& schema() const { return result.schema; }

  const sql::Table& table(const std::string& name) const {
    auto id = schema().find_table(name);
    REQUIRE(id);
    return schema().table(*id);
  }
  const sql::Column& column(const std::string& table_name, const std::string& name) const {
    auto t = schema().find_table(table_name);
    REQUIRE(t);
    auto c = schema().find_column(*t, name);
    REQUIRE(c);
    return schema().column(*c);
  }
  std::vector<std::string> table_names() const {
    std::vector<std::string> out;
    for (const auto& t : schema().tables) out.push_back(t.name);
    return out;
  }
  std::vector<std::string> column_names(const std::string& table_name) const {
    std::vector<std::string> out;
    for (auto c : table(table_name).columns) out.push_back(schema().column(c).name);
    return out;
  }
  // "name:TYPE" for each index of the table, in id order (the primary key included).
  std::vector<std::string> index_summaries(const std::string& table_name) const {
    std::vector<std::string> out;
    for (auto i : table(table_name).indexes) {
      const sql::Index& index = schema().index(i);
      std::string s = index.name + ":";
      switch (index.type) {
        case IndexType::PrimaryKey: s += "PK"; break;
        case IndexType::Unique: s += "UNIQUE"; break;
        case IndexType::Normal: s += "INDEX"; break;
        case IndexType::Fulltext: s += "FULLTEXT"; break;
      }
      s += "(";
      for (std::size_t k = 0; k < index.columns.size(); ++k) {
        if (k) s += ",";
        s += schema().column(index.columns[k].column).name;
      }
      out.push_back(s + ")");
    }
    return out;
  }
  // "name: cols -> table(cols) ON DELETE x ON UPDATE y" for each foreign key, in id order.
  std::vector<std::string> foreign_key_summaries() const {
    std::vector<std::string> out;
    for (const auto& fk : schema().foreign_keys) {
      std::string s = schema().table(fk.table).name + "." + fk.constraint_name.value_or("?") + ": ";
      for (auto c : fk.columns) s += schema().column(c).name + " ";
      s += "-> " + schema().table(fk.referenced_table).name + "(";
      for (auto c : fk.referenced_columns) s += schema().column(c).name + " ";
      s += ") ON DELETE " + std::string(sql::foreign_key_action_sql(fk.on_delete)) + " ON UPDATE " +
           sql::foreign_key_action_sql(fk.on_update);
      out.push_back(s);
    }
    return out;
  }
};

std::string error_messages(const schema::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.errors()) out += d.message + "\n";
  return out;
}

std::unique_ptr<Calculated> calculate(const std::string& text) {
  schema::SourceSet sources;
  sources.add("schema.prisma", text);
  auto out = std::make_unique<Calculated>();
  out->validated = schema::validate_schema(std::move(sources));
  INFO(text);
  INFO(error_messages(out->validated.diagnostics));
  REQUIRE_FALSE(out->validated.diagnostics.has_errors());
  out->result = diff::calculate(out->validated, dialect::sqlite_calculator_hooks());
  return out;
}

const std::string kDatasource = R"(
datasource db {
  provider = "sqlite"
  url      = "file:dev.db"
}
)";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The oracle schema is Prisma 7 style (no url); Prisma 6 needs one.
std::string with_url(std::string text) {
  const std::string provider = "provider = \"sqlite\"";
  auto pos = text.find(provider);
  REQUIRE(pos != std::string::npos);
  text.insert(pos + provider.size(), "\n  url = \"file:dev.db\"");
  return text;
}

std::size_t count_occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("calculator: oracle sample schema tables, columns and types", "[diff][calculator]") {
  auto calc = calculate(with_url(read_file(std::string(PRISMAPP_SHARED_DIR) + "/oracle/schemas/sqlite.prisma")));
  CHECK(calc->table_names() == std::vector<std::string>{"users", "profiles", "posts", "Tag", "post_tags"});
  CHECK(calc->schema().namespaces.size() == 1);
  CHECK(calc->schema().enums.empty());  // SQLite enums are TEXT columns

  CHECK(calc->column_names("users") ==
        std::vector<std::string>{"id", "email", "full_name", "role", "created_at", "updated_at"});
  const auto& id = calc->column("users", "id");
  CHECK(id.type.family == ColumnTypeFamily::Int);
  CHECK(id.type.full_data_type == "INTEGER");
  CHECK(id.type.arity == ColumnArity::Required);
  CHECK(id.auto_increment);
  CHECK_FALSE(id.default_value);  // autoincrement() is the flag, not a default, on SQLite
  CHECK_FALSE(id.type.native_type);

  const auto& name = calc->column("users", "full_name");
  CHECK(name.type.full_data_type == "TEXT");
  CHECK(name.type.arity == ColumnArity::Nullable);

  const auto& role = calc->column("users", "role");
  CHECK(role.type.family == ColumnTypeFamily::String);
  CHECK(role.type.full_data_type == "TEXT");
  REQUIRE(role.default_value);
  CHECK(role.default_value->kind == sql::DefaultValue::Kind::Value);
  CHECK(role.default_value->value.kind == sql::SqlValue::Kind::EnumValue);
  CHECK(role.default_value->value.text == "USER");

  const auto& created = calc->column("users", "created_at");
  CHECK(created.type.full_data_type == "DATETIME");
  REQUIRE(created.default_value);
  CHECK(created.default_value->kind == sql::DefaultValue::Kind::Now);
  CHECK_FALSE(calc->column("users", "updated_at").default_value);  // @updatedAt: set by the client

  const auto& published = calc->column("posts", "published");
  CHECK(published.type.full_data_type == "BOOLEAN");
  REQUIRE(published.default_value);
  CHECK(published.default_value->value.kind == sql::SqlValue::Kind::Boolean);
  CHECK(published.default_value->value.text == "false");
  const auto& views = calc->column("posts", "views");
  CHECK(views.type.full_data_type == "BIGINT");
  CHECK(views.type.family == ColumnTypeFamily::BigInt);
  REQUIRE(views.default_value);
  CHECK(views.default_value->value.kind == sql::SqlValue::Kind::Int);
  CHECK(views.default_value->value.text == "0");
  CHECK(calc->column("posts", "rating").type.full_data_type == "DECIMAL");
  CHECK(calc->column("posts", "rating").type.family == ColumnTypeFamily::Decimal);

  // A compound primary key is no rowid alias.
  CHECK_FALSE(calc->column("post_tags", "post_id").auto_increment);
  CHECK(calc->result.prisma_level_defaults.empty());
}

TEST_CASE("calculator: oracle sample schema keys and foreign keys", "[diff][calculator]") {
  auto calc = calculate(with_url(read_file(std::string(PRISMAPP_SHARED_DIR) + "/oracle/schemas/sqlite.prisma")));
  // SQLite primary keys are unnamed; indexes follow the parser database's order (@unique, @@index, @@unique).
  CHECK(calc->index_summaries("users") ==
        std::vector<std::string>{":PK(id)", "users_email_key:UNIQUE(email)", "users_full_name_idx:INDEX(full_name)"});
  CHECK(calc->index_summaries("profiles") == std::vector<std::string>{":PK(id)", "profiles_user_id_key:UNIQUE(user_id)"});
  CHECK(calc->index_summaries("posts") ==
        std::vector<std::string>{":PK(id)", "posts_author_id_published_idx:INDEX(author_id,published)",
                                 "posts_author_id_title_key:UNIQUE(author_id,title)"});
  CHECK(calc->index_summaries("post_tags") == std::vector<std::string>{":PK(post_id,tag_id)"});

  CHECK(calc->foreign_key_summaries() ==
        std::vector<std::string>{
            "profiles.profiles_user_id_fkey: user_id -> users(id ) ON DELETE CASCADE ON UPDATE CASCADE",
            "posts.posts_author_id_fkey: author_id -> users(id ) ON DELETE CASCADE ON UPDATE CASCADE",
            "post_tags.post_tags_post_id_fkey: post_id -> posts(id ) ON DELETE RESTRICT ON UPDATE CASCADE",
            "post_tags.post_tags_tag_id_fkey: tag_id -> Tag(id ) ON DELETE RESTRICT ON UPDATE CASCADE",
        });
}

TEST_CASE("calculator: conformance constraint_names_basic (sqlite)", "[diff][calculator]") {
  auto calc = calculate(read_file(std::string(PRISMAPP_SHARED_DIR) + "/conformance/migrations/sqlite/constraint_names_basic.prisma"));
  CHECK(calc->table_names() == std::vector<std::string>{"A", "B"});
  CHECK(calc->index_summaries("A") ==
        std::vector<std::string>{":PK(id)", "SingleUnique:UNIQUE(name)", "SingleIndex:INDEX(a)",
                                 "NamedCompoundUnique:UNIQUE(a,b)", "UnNamedCompoundUnique:UNIQUE(a,b)"});
  CHECK(calc->index_summaries("B") == std::vector<std::string>{":PK(a,b)", "CompoundIndex:INDEX(a,b)"});
  CHECK(calc->foreign_key_summaries() ==
        std::vector<std::string>{"B.B_aId_fkey: aId -> A(id ) ON DELETE RESTRICT ON UPDATE CASCADE"});
  CHECK(calc->column("A", "id").auto_increment);  // Int @id without autoincrement(): the rowid
  CHECK_FALSE(calc->column("B", "aId").auto_increment);
}

TEST_CASE("calculator: implicit many-to-many join tables", "[diff][calculator]") {
  auto calc = calculate(kDatasource + R"prisma(
model Post {
  id         Int        @id @default(autoincrement())
  categories Category[]
  labels     Label[]    @relation("Labelled")
}
model Category {
  id    String @id @default(cuid())
  posts Post[]
}
model Label {
  name  String @id @map("label_name")
  posts Post[] @relation("Labelled")
}
)prisma");
  CHECK(calc->table_names() == std::vector<std::string>{"Post", "Category", "Label", "_CategoryToPost", "_Labelled"});
  CHECK(calc->column_names("_CategoryToPost") == std::vector<std::string>{"A", "B"});
  const auto& a = calc->column("_CategoryToPost", "A");
  CHECK(a.type.full_data_type == "TEXT");  // Category's id
  CHECK(a.type.arity == ColumnArity::Required);
  CHECK_FALSE(a.auto_increment);
  CHECK_FALSE(a.default_value);
  const auto& b = calc->column("_CategoryToPost", "B");
  CHECK(b.type.full_data_type == "INTEGER");  // Post's id
  CHECK_FALSE(b.auto_increment);
  CHECK(calc->index_summaries("_CategoryToPost") ==
        std::vector<std::string>{"_CategoryToPost_AB_unique:UNIQUE(A,B)", "_CategoryToPost_B_index:INDEX(B)"});
  CHECK(calc->index_summaries("_Labelled") ==
        std::vector<std::string>{"_Labelled_AB_unique:UNIQUE(A,B)", "_Labelled_B_index:INDEX(B)"});
  CHECK(calc->foreign_key_summaries() ==
        std::vector<std::string>{
            "_CategoryToPost._CategoryToPost_A_fkey: A -> Category(id ) ON DELETE CASCADE ON UPDATE CASCADE",
            "_CategoryToPost._CategoryToPost_B_fkey: B -> Post(id ) ON DELETE CASCADE ON UPDATE CASCADE",
            "_Labelled._Labelled_A_fkey: A -> Label(label_name ) ON DELETE CASCADE ON UPDATE CASCADE",
            "_Labelled._Labelled_B_fkey: B -> Post(id ) ON DELETE CASCADE ON UPDATE CASCADE",
        });
  // cuid() is generated by the client: no database default, but a Prisma-level one.
  const auto category_id = calc->schema().find_column(*calc->schema().find_table("Category"), "id");
  CHECK_FALSE(calc->schema().column(*category_id).default_value);
  CHECK(calc->result.prisma_level_defaults == std::vector<sql::ColumnId>{*category_id});
}

TEST_CASE("calculator: relationMode prisma has no foreign keys", "[diff][calculator]") {
  auto calc = calculate(R"prisma(
datasource db {
  provider     = "sqlite"
  url          = "file:dev.db"
  relationMode = "prisma"
}
model User {
  id    Int    @id
  posts Post[]
  tags  Tag[]
}
model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
  @@index([userId])
}
model Tag {
  id    Int    @id
  users User[]
}
)prisma");
  CHECK(calc->schema().foreign_keys.empty());
  // The join table and its indexes still exist.
  CHECK(calc->index_summaries("_TagToUser") ==
        std::vector<std::string>{"_TagToUser_AB_unique:UNIQUE(A,B)", "_TagToUser_B_index:INDEX(B)"});
}

TEST_CASE("calculator: default onDelete follows the referencing fields' arity", "[diff][calculator]") {
  auto calc = calculate(kDatasource + R"prisma(
model User {
  id        Int    @id
  email     String @unique
  optional  Post[] @relation("optional")
  required  Post[] @relation("required")
  explicit  Post[] @relation("explicit")
  mixed     Post[] @relation("mixed")
  @@unique([id, email])
}
model Post {
  id          Int     @id
  optId       Int?
  opt         User?   @relation("optional", fields: [optId], references: [id])
  reqId       Int
  req         User    @relation("required", fields: [reqId], references: [id])
  expId       Int?
  exp         User?   @relation("explicit", fields: [expId], references: [id], onDelete: Cascade, onUpdate: NoAction)
  mixedEmail  String
  mixedId     Int?
  mix         User?   @relation("mixed", fields: [mixedId, mixedEmail], references: [id, email])
}
)prisma");
  CHECK(calc->foreign_key_summaries() ==
        std::vector<std::string>{
            "Post.Post_optId_fkey: optId -> User(id ) ON DELETE SET NULL ON UPDATE CASCADE",
            "Post.Post_reqId_fkey: reqId -> User(id ) ON DELETE RESTRICT ON UPDATE CASCADE",
            "Post.Post_expId_fkey: expId -> User(id ) ON DELETE CASCADE ON UPDATE NO ACTION",
            // One required referencing field makes the relation required.
            "Post.Post_mixedId_mixedEmail_fkey: mixedId mixedEmail -> User(id email ) ON DELETE RESTRICT ON UPDATE CASCADE",
        });
}

TEST_CASE("calculator: defaults and scalar types", "[diff][calculator]") {
  auto calc = calculate(kDatasource + R"prisma(
enum Color {
  RED   @map("red")
  GREEN
}
model Thing {
  id       String   @id @default(uuid())
  nano     String   @default(nanoid())
  title    String   @default("it's")
  count    Int      @default(5)
  ratio    Float    @default(1.50)
  price    Decimal  @default(2.5)
  json     Json     @default("{\"a\": 1}")
  bytes    Bytes    @default("aGVsbG8=")
  at       DateTime @default("2020-01-01T00:00:00Z")
  gen      String   @default(dbgenerated("lower('X')"))
  color    Color    @default(RED)
  optional Color?
  big      BigInt   @map("big_id")
  updated  DateTime @updatedAt
}
model BigKey {
  id BigInt @id
}
)prisma");
  const auto col = [&](const std::string& name) -> const sql::Column& { return calc->column("Thing", name); };
  CHECK_FALSE(col("id").default_value);
  CHECK_FALSE(col("nano").default_value);
  CHECK(calc->result.prisma_level_defaults.size() == 2);
  CHECK(col("title").default_value->value.kind == sql::SqlValue::Kind::String);
  CHECK(col("title").default_value->value.text == "it's");
  CHECK(col("count").default_value->value.text == "5");
  CHECK(col("ratio").default_value->value.kind == sql::SqlValue::Kind::Float);
  CHECK(col("ratio").default_value->value.text == "1.50");
  CHECK(col("price").default_value->value.kind == sql::SqlValue::Kind::Float);
  CHECK(col("json").type.full_data_type == "JSONB");
  CHECK(col("json").type.family == ColumnTypeFamily::Json);
  CHECK(col("json").default_value->value.kind == sql::SqlValue::Kind::Json);
  CHECK(col("json").default_value->value.text == "{\"a\": 1}");
  CHECK(col("bytes").type.full_data_type == "BLOB");
  CHECK(col("bytes").type.family == ColumnTypeFamily::Binary);
  CHECK(col("bytes").default_value->value.kind == sql::SqlValue::Kind::Bytes);
  CHECK(col("at").default_value->value.kind == sql::SqlValue::Kind::DateTime);
  CHECK(col("gen").default_value->kind == sql::DefaultValue::Kind::DbGenerated);
  CHECK(col("gen").default_value->expression == "lower('X')");
  CHECK(col("color").default_value->value.kind == sql::SqlValue::Kind::EnumValue);
  CHECK(col("color").default_value->value.text == "red");  // the @map'ed value
  CHECK(col("optional").type.arity == ColumnArity::Nullable);
  CHECK_FALSE(col("optional").default_value);
  CHECK(col("big_id").type.full_data_type == "BIGINT");
  CHECK_FALSE(calc->column("BigKey", "id").auto_increment);  // only INTEGER is the rowid
  CHECK_FALSE(col("updated").default_value);
  CHECK(col("updated").type.full_data_type == "DATETIME");
}

TEST_CASE("calculator: views are not tables, ignored models and fields are", "[diff][calculator]") {
  auto calc = calculate(kDatasource + R"prisma(
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views"]
}
model Kept {
  id     Int    @id
  secret String
  @@ignore
}
view Summary {
  id    Int    @unique
  total Int
}
model Last {
  id     Int    @id
  hidden String @ignore
}
)prisma");
  CHECK(calc->table_names() == std::vector<std::string>{"Kept", "Last"});
  CHECK(calc->column_names("Kept") == std::vector<std::string>{"id", "secret"});
  CHECK(calc->column_names("Last") == std::vector<std::string>{"id", "hidden"});
}

TEST_CASE("calculator: index sort orders and @@map on tables", "[diff][calculator]") {
  auto calc = calculate(kDatasource + R"prisma(
model Event {
  id    Int      @id
  at    DateTime @map("happened_at")
  kind  String
  @@index([at(sort: Desc), kind])
  @@unique([kind, at(sort: Desc)], map: "kind_at")
  @@map("events")
}
)prisma");
  CHECK(calc->index_summaries("events") ==
        std::vector<std::string>{":PK(id)", "events_happened_at_kind_idx:INDEX(happened_at,kind)",
                                 "kind_at:UNIQUE(kind,happened_at)"});
  const auto& events = calc->table("events");
  const auto& idx = calc->schema().index(events.indexes[1]);
  CHECK(idx.columns[0].sort_order == sql::SortOrder::Desc);
  CHECK_FALSE(idx.columns[1].sort_order);
}

TEST_CASE("calculator: large 500-model schema matches Prisma's counts, quickly", "[diff][calculator]") {
  const std::string script = std::string(PRISMAPP_SOURCE_DIR) + "/bench/gen_schema.py";
  std::string text;
  {
    std::string command = "python3 '" + script + "' sqlite 500 0";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[65536];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
    REQUIRE(pclose(pipe) == 0);
  }
  schema::SourceSet sources;
  sources.add("schema.prisma", with_url(text));
  auto validated = schema::validate_schema(std::move(sources));
  INFO(error_messages(validated.diagnostics));
  REQUIRE_FALSE(validated.diagnostics.has_errors());

  // Speed is measured in bench/, not here (timed unit tests are flaky on shared machines).
  const diff::CalculatedSchema result = diff::calculate(validated, dialect::sqlite_calculator_hooks());

  const std::string expected =
      read_file(std::string(PRISMAPP_SHARED_DIR) + "/oracle/artefacts/migration.large500-sqlite.v6.sql");
  const auto& s = result.schema;
  CHECK(s.tables.size() == count_occurrences(expected, "-- CreateTable"));
  CHECK(s.foreign_keys.size() == count_occurrences(expected, "FOREIGN KEY"));
  std::size_t secondary_indexes = 0;
  for (const auto& index : s.indexes) secondary_indexes += index.type != IndexType::PrimaryKey;
  CHECK(secondary_indexes == count_occurrences(expected, "-- CreateIndex"));
  // Every index name appears in Prisma's script.
  for (const auto& index : s.indexes) {
    if (index.type == IndexType::PrimaryKey) continue;
    INFO(index.name);
    CHECK(expected.find("\"" + index.name + "\" ON \"" + s.table(index.table).name + "\"") != std::string::npos);
  }
  for (const auto& fk : s.foreign_keys) {
    INFO(*fk.constraint_name);
    CHECK(expected.find("CONSTRAINT \"" + *fk.constraint_name + "\" FOREIGN KEY") != std::string::npos);
  }
}
