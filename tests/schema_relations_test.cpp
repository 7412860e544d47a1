// Relation inference (core/schema/db/relations_infer.cpp) and @relation resolution: which
// relations exist, their kinds, sides and names.
#include <catch2/catch.hpp>

#include "core/schema/db/database.hpp"
#include "core/schema/schema.hpp"
#include "tests/support/resolved_schema.hpp"

using namespace prismapp::schema;
using db::Relation;

namespace {

// Parses and resolves one schema; the ASTs live in the fixture so the database can point at them.
struct Resolved : prismapp::testing::ResolvedSchema {
  using ResolvedSchema::ResolvedSchema;

  std::string model(db::ModelId id) const { return std::string(database.model(id).name()); }
  std::string field(std::optional<db::RelationFieldId> id) const {
    if (!id) return "-";
    const db::RelationField& f = database.relation_field(*id);
    return model(f.model) + "." + std::string(f.name());
  }
};

}  // namespace

TEST_CASE("one-to-many relation: forward side holds fields", "[schema][relations]") {
  Resolved r(R"(
model User {
  id    Int    @id
  posts Post[]
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
)");
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.database.relations().size() == 1);
  const Relation& rel = r.database.relations()[0];
  CHECK(rel.kind == Relation::Kind::OneToMany);
  CHECK(r.model(rel.model_a) == "Post");
  CHECK(r.model(rel.model_b) == "User");
  CHECK(r.field(rel.field_a) == "Post.author");
  CHECK(r.field(rel.field_b) == "User.posts");
  CHECK_FALSE(rel.name.has_value());
  const db::RelationField& author = r.database.relation_field(*rel.field_a);
  REQUIRE(author.fields.has_value());
  CHECK(author.fields->size() == 1);
  CHECK(r.database.scalar_field(author.fields->front()).name() == "authorId");
}

TEST_CASE("one-to-one relation, optional back side", "[schema][relations]") {
  Resolved r(R"(
model User {
  id      Int      @id
  profile Profile?
}
model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
)");
  REQUIRE(r.database.relations().size() == 1);
  const Relation& rel = r.database.relations()[0];
  CHECK(rel.kind == Relation::Kind::OneToOne);
  CHECK(r.field(rel.field_a) == "Profile.user");
  CHECK(r.field(rel.field_b) == "User.profile");
}

TEST_CASE("one-sided relations: unique fields make it 1:1, list side alone is 1:n back", "[schema][relations]") {
  Resolved r(R"(
model A {
  id  Int @id
  bId Int @unique
  b   B   @relation(fields: [bId], references: [id])
  cs  C[]
}
model B {
  id Int @id
}
model C {
  id Int @id
}
)");
  REQUIRE(r.database.relations().size() == 2);
  const Relation& ab = r.database.relations()[0];
  CHECK(ab.kind == Relation::Kind::OneToOne);
  CHECK(r.field(ab.field_a) == "A.b");
  CHECK(r.field(ab.field_b) == "-");
  const Relation& ac = r.database.relations()[1];
  CHECK(ac.kind == Relation::Kind::OneToMany);
  CHECK(r.model(ac.model_a) == "C");  // the missing singular side would hold the foreign key
  CHECK(r.model(ac.model_b) == "A");
  CHECK(r.field(ac.field_a) == "-");
  CHECK(r.field(ac.field_b) == "A.cs");
}

TEST_CASE("implicit many-to-many: model A is the lexicographically first model", "[schema][relations]") {
  Resolved r(R"(
model Tag {
  id    Int    @id
  posts Post[]
}
model Post {
  id   Int   @id
  tags Tag[]
}
)");
  REQUIRE(r.database.relations().size() == 1);
  const Relation& rel = r.database.relations()[0];
  CHECK(rel.kind == Relation::Kind::ImplicitManyToMany);
  CHECK(r.field(rel.field_a) == "Post.tags");
  CHECK(r.field(rel.field_b) == "Tag.posts");
  CHECK(db::generated_relation_name("Tag", "Post") == "PostToTag");
}

TEST_CASE("self relations: named 1:n and m:n ordered by field name", "[schema][relations]") {
  Resolved r(R"(
model User {
  id          Int    @id
  managerId   Int?
  manager     User?  @relation("Reports", fields: [managerId], references: [id])
  reports     User[] @relation("Reports")
  following   User[] @relation("Follows")
  followers   User[] @relation("Follows")
}
)");
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.database.relations().size() == 2);
  const Relation& reports = r.database.relations()[0];
  CHECK(reports.kind == Relation::Kind::OneToMany);
  CHECK(reports.name == std::optional<std::string>("Reports"));
  CHECK(r.field(reports.field_a) == "User.manager");
  CHECK(r.field(reports.field_b) == "User.reports");
  const Relation& follows = r.database.relations()[1];
  CHECK(follows.kind == Relation::Kind::ImplicitManyToMany);
  CHECK(follows.name == std::optional<std::string>("Follows"));
  CHECK(r.field(follows.field_a) == "User.followers");
  CHECK(r.field(follows.field_b) == "User.following");
}

TEST_CASE("multiple named relations between the same models pair by name", "[schema][relations]") {
  Resolved r(R"(
model User {
  id           Int    @id
  written      Post[] @relation("written")
  edited       Post[] @relation(name: "edited")
}
model Post {
  id       Int  @id
  authorId Int
  editorId Int
  author   User @relation("written", fields: [authorId], references: [id])
  editor   User @relation("edited", fields: [editorId], references: [id], onDelete: Cascade)
}
)");
  REQUIRE_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.database.relations().size() == 2);
  CHECK(r.field(r.database.relations()[0].field_a) == "Post.author");
  CHECK(r.field(r.database.relations()[0].field_b) == "User.written");
  CHECK(r.field(r.database.relations()[1].field_a) == "Post.editor");
  CHECK(r.field(r.database.relations()[1].field_b) == "User.edited");
  const db::RelationField& editor = r.database.relation_field(*r.database.relations()[1].field_a);
  CHECK(editor.on_delete == db::ReferentialAction::Cascade);
  CHECK_FALSE(editor.on_update.has_value());
}

TEST_CASE("@relation argument errors", "[schema][relations]") {
  Resolved r(R"(
model User {
  id    Int    @id
  posts Post[]
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId, nope], references: [id], onDelete: Explode)
}
)");
  std::vector<std::string> messages;
  for (const Diagnostic& d : r.diagnostics.errors()) messages.push_back(d.message);
  CHECK(std::find(messages.begin(), messages.end(),
                  "Error validating: The argument fields must refer only to existing fields. The following fields "
                  "do not exist in this model: nope") != messages.end());
  CHECK(std::find(messages.begin(), messages.end(),
                  "Error parsing attribute \"@relation\": Invalid referential action: `Explode`") != messages.end());
}

TEST_CASE("relation validations: missing opposite field and implicit m:n on views", "[schema][relations]") {
  SourceSet sources;
  sources.add("schema.prisma", R"(
generator js {
  provider        = "prisma-client"
  previewFeatures = ["views"]
}
model User {
  id    Int    @id
  posts Post[]
  tags  Tag[]
}
model Post {
  id Int @id
}
view Tag {
  id    Int    @unique
  users User[]
}
)");
  const ValidationResult result = validate_schema(std::move(sources));
  std::vector<std::string> messages;
  for (const Diagnostic& d : result.diagnostics.errors()) messages.push_back(d.message);
  REQUIRE(messages.size() == 4);
  CHECK(messages[0] ==
        "Error validating field `posts` in model `User`: The relation field `posts` on model `User` is missing an "
        "opposite relation field on the model `Post`. Either run `prisma format` or add it manually.");
  CHECK(messages[1] == "Error validating: Implicit many-to-many relations are not supported for views.");
  CHECK(messages[2] == "Error validating: Implicit many-to-many relations are not supported for views.");
  CHECK(messages[3].find("references `Tag` which does not have an `@id` field") != std::string::npos);
}
