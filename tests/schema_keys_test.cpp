// Keys resolution (core/schema/db/keys_*.cpp): which primary keys and indexes a model gets, in
// which order, with which field arguments and names — details the validation corpus cannot show.
#include <catch2/catch.hpp>

#include "core/schema/connector/connector.hpp"
#include "core/schema/db/database.hpp"
#include "core/schema/db/keys_constraint_names.hpp"
#include "core/schema/schema.hpp"
#include "tests/support/resolved_schema.hpp"

using namespace prismapp::schema;
using db::IndexAttribute;

namespace {

struct Resolved : prismapp::testing::ResolvedSchema {
  using ResolvedSchema::ResolvedSchema;

  const db::ModelKeys& keys(std::string_view model) const { return database.model(*database.find_model(model)).keys; }
  std::string field_names(const std::vector<db::IndexFieldPath>& fields) const {
    std::string out;
    for (const auto& f : fields) {
      if (!out.empty()) out += ",";
      out += database.scalar_field(f.field).name();
      for (const auto& [ct, idx] : f.path) out += "." + database.composite_type(ct).fields.at(idx).ast->name.name;
    }
    return out;
  }
};

const char* kind_name(IndexAttribute::Kind k) {
  switch (k) {
    case IndexAttribute::Kind::Unique: return "unique";
    case IndexAttribute::Kind::Fulltext: return "fulltext";
    case IndexAttribute::Kind::Normal: break;
  }
  return "index";
}

}  // namespace

TEST_CASE("indexes are ordered: field @unique, then @@index, @@unique, @@fulltext", "[schema][keys]") {
  Resolved r(R"(
model A {
  id Int    @id
  x  String @unique
  y  String
  z  String @unique(map: "z_key_custom")

  @@fulltext([y])
  @@unique([x, y], name: "xy")
  @@index([y])
  @@index([z, x])
}
)");
  REQUIRE(r.errors().empty());
  const auto& keys = r.keys("A");
  REQUIRE(keys.indexes.size() == 6);
  std::vector<std::string> got;
  for (const auto& i : keys.indexes) got.push_back(std::string(kind_name(i.kind)) + ":" + r.field_names(i.fields));
  CHECK(got == std::vector<std::string>{"unique:x", "unique:z", "index:y", "index:z,x", "unique:x,y", "fulltext:y"});
  CHECK(keys.indexes[0].source_field.has_value());
  CHECK(keys.indexes[0].attribute_name() == "@unique");
  CHECK(keys.indexes[1].mapped_name == std::optional<std::string>("z_key_custom"));
  CHECK(keys.indexes[4].name == std::optional<std::string>("xy"));
  CHECK(keys.indexes[4].attribute_name() == "@@unique");
  CHECK(keys.indexes[5].attribute_name() == "@@fulltext");
}

TEST_CASE("field arguments: sort, length, ops, raw ops, index type and clustering", "[schema][keys]") {
  Resolved r(R"(
model A {
  id Int    @id(sort: Desc, length: 5, map: "pk_a", clustered: false)
  a  String
  b  String
  c  String

  @@index([a(sort: Desc, length: 10), b(ops: TextOps), c(ops: raw("gin_trgm_ops"))], type: SpGist, map: "abc")
}
)");
  REQUIRE(r.errors().empty());
  const auto& keys = r.keys("A");
  REQUIRE(keys.primary_key);
  const auto& pk = *keys.primary_key;
  CHECK(pk.attribute_name() == "@id");
  CHECK(pk.mapped_name == std::optional<std::string>("pk_a"));
  CHECK(pk.clustered == std::optional<bool>(false));
  REQUIRE(pk.fields.size() == 1);
  CHECK(pk.fields[0].sort_order == db::SortOrder::Desc);
  CHECK(pk.fields[0].length == std::optional<std::uint32_t>(5));

  REQUIRE(keys.indexes.size() == 1);
  const auto& index = keys.indexes[0];
  CHECK(index.algorithm == connector::IndexAlgorithm::SpGist);
  CHECK(index.mapped_name == std::optional<std::string>("abc"));
  REQUIRE(index.fields.size() == 3);
  CHECK(index.fields[0].sort_order == db::SortOrder::Desc);
  CHECK(index.fields[0].length == std::optional<std::uint32_t>(10));
  REQUIRE(index.fields[1].operator_class);
  CHECK(index.fields[1].operator_class->known == connector::OperatorClass::TextOps);
  REQUIRE(index.fields[2].operator_class);
  CHECK(index.fields[2].operator_class->raw == std::optional<std::string>("gin_trgm_ops"));
}

TEST_CASE("@@index name: is the legacy spelling of map:", "[schema][keys]") {
  Resolved r(R"(
model A {
  id Int @id
  a  Int
  @@index([a], name: "legacy")
}
)");
  REQUIRE(r.errors().empty());
  CHECK(r.keys("A").indexes.at(0).mapped_name == std::optional<std::string>("legacy"));
  CHECK_FALSE(r.keys("A").indexes.at(0).name.has_value());
}

TEST_CASE("@@id resolves fields and client name", "[schema][keys]") {
  Resolved r(R"(
model A {
  a Int
  b Int
  @@id([b, a], name: "ba", map: "A_pk")
}
)");
  REQUIRE(r.errors().empty());
  const auto& pk = *r.keys("A").primary_key;
  CHECK(r.field_names(pk.fields) == "b,a");
  CHECK(pk.name == std::optional<std::string>("ba"));
  CHECK(pk.mapped_name == std::optional<std::string>("A_pk"));
  CHECK(pk.attribute_name() == "@@id");
  CHECK_FALSE(pk.source_field.has_value());
}

TEST_CASE("composite type paths are followed in @@index but not in @@id", "[schema][keys]") {
  Resolved r(R"(
type Address {
  street String
  geo    Geo
}
type Geo {
  lat Float
}
model A {
  id      Int     @id
  address Address

  @@index([address.geo.lat, address.street])
  @@unique([address.nope])
}
model B {
  address Address
  @@id([address.street])
}
)");
  CHECK(r.field_names(r.keys("A").indexes.at(0).fields) == "address.geo.lat,address.street");
  const std::string errors = r.errors();
  CHECK(errors.find("The unique index definition refers to the unknown fields: nope in type Address.") != std::string::npos);
  CHECK(errors.find("The multi field id declaration refers to the unknown field `address.street`.") != std::string::npos);
}

TEST_CASE("resolution errors: duplicates, unknown and relation fields, double ids", "[schema][keys]") {
  Resolved r(R"(
model A {
  id  Int @id
  id2 Int @id
  b   Int
  bId Int
  rel B   @relation(fields: [bId], references: [id])

  @@unique([b, b])
  @@index([rel, nope])
  @@id([b])
}
model B {
  id Int @id
  as A[]
}
)");
  const std::string errors = r.errors();
  CHECK(errors.find("At most one field must be marked as the id field with the `@id` attribute.") != std::string::npos);
  CHECK(errors.find("The unique index definition refers to the field b multiple times.") != std::string::npos);
  CHECK(errors.find("The index definition refers to the unknown fields: nope.") != std::string::npos);
  CHECK(errors.find("The index definition refers to the relation fields rel. Index definitions must reference only "
                    "scalar fields. Did you mean `@@index([bId])`?") != std::string::npos);
  CHECK(errors.find("You can't have `@id` and `@@id` at the same time.") != std::string::npos);
}

TEST_CASE("constraint names of keys: map or the connector default from database names", "[schema][keys]") {
  Resolved r(R"(
model A {
  id Int    @id
  x  String @map("x_col")
  y  String @unique
  @@index([x, y])
  @@unique([x], map: "custom")
  @@map("a_table")
}
)");
  REQUIRE(r.errors().empty());
  const auto& pg = *connector::find_connector("postgresql");
  const auto& mysql = *connector::find_connector("mysql");
  db::ModelId a = *r.database.find_model("A");
  const auto& indexes = r.keys("A").indexes;
  CHECK(db::primary_key_constraint_name(r.database, a, pg) == std::optional<std::string>("a_table_pkey"));
  CHECK_FALSE(db::primary_key_constraint_name(r.database, a, mysql).has_value());
  CHECK(db::index_constraint_name(r.database, a, indexes.at(0), pg) == "a_table_y_key");
  CHECK(db::index_constraint_name(r.database, a, indexes.at(1), pg) == "a_table_x_col_y_idx");
  CHECK(db::index_constraint_name(r.database, a, indexes.at(2), pg) == "custom");
}

namespace {

std::vector<std::string> validation_errors(const std::string& text) {
  SourceSet sources;
  sources.add("schema.prisma", text);
  auto result = validate_schema(std::move(sources));
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.errors()) out.push_back(d.message);
  return out;
}

}  // namespace

TEST_CASE("constraint names clash per connector scope, default names included", "[schema][keys]") {
  // Postgres: indexes and primary keys share one global namespace per schema.
  auto errors = validation_errors(R"(
datasource db {
  provider = "postgresql"
  url      = "postgresql://localhost/db"
}
model A {
  id Int @id
  b  Int
  @@index([b], map: "B_pkey")
}
model B {
  id Int @id
}
)");
  // Model by model: A's index first, then B's primary key.
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].rfind("Error parsing attribute \"@@index\": The given constraint name `B_pkey`", 0) == 0);
  CHECK(errors[1] ==
        "Error parsing attribute \"@id\": The given constraint name `B_pkey` has to be unique in the following "
        "namespace: global for primary key, indexes and unique constraints. Please provide a different name using the "
        "`map` argument.");
}

TEST_CASE("MySQL primary keys have no name, so a mapped one is only reported as unsupported", "[schema][keys]") {
  auto errors = validation_errors(R"(
datasource db {
  provider = "mysql"
  url      = "mysql://localhost/db"
}
model A {
  id Int @id(map: "a_very_long_primary_key_name_that_is_longer_than_sixty_four_bytes_in_total")
}
)");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "Error validating model \"A\": You defined a database name for the primary key on the model. This is not "
        "supported by the provider.");
}
