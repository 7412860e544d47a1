// Focused tests of the DMMF datamodel builder. Expected values were taken from Prisma's own
// get_dmmf (prisma-schema-wasm) for the same schemas.
#include <catch2/catch.hpp>
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/dmmf/dmmf_parts.hpp"
#include "core/schema/schema.hpp"

namespace {

using nlohmann::json;
using prismapp::schema::dmmf::normalize_rfc3339;

json datamodel(const std::string& schema) {
  prismapp::schema::SourceSet sources;
  sources.add("schema.prisma", schema);
  const auto result = prismapp::schema::validate_schema(std::move(sources));
  INFO("first error: " << (result.diagnostics.has_errors() ? result.diagnostics.errors().front().message : ""));
  CHECK_FALSE(result.diagnostics.has_errors());
  return json::parse(prismapp::schema::dmmf::datamodel_to_dmmf(result).dump());
}

const json& field(const json& dm, const std::string& model, const std::string& name) {
  for (const auto& m : dm.at("models"))
    if (m.at("name") == model)
      for (const auto& f : m.at("fields"))
        if (f.at("name") == name) return f;
  FAIL("no field " << model << "." << name);
  static const json none;
  return none;
}

const char* kDefaults = R"prisma(
datasource db {
  provider = "postgresql"
  url      = "postgresql://"
}

enum Color {
  RED
  GREEN
}

model M {
  id  Int      @id @default(autoincrement())
  f   Float    @default(1)
  f2  Float    @default(1.5)
  d   Decimal  @default(1.20)
  d2  Decimal  @default("3.5")
  b   BigInt   @default(-5)
  dt  DateTime @default("2020-01-01T10:00:00Z")
  dt2 DateTime @default("2020-01-01T10:00:00.1234Z")
  j   Json     @default("{ \"a\": 1 }")
  by  Bytes    @default("aGVsbG8=")
  c   Color    @default(RED)
  cl  Color[]  @default([RED, GREEN])
  il  Int[]    @default([1, 2])
  bo  Boolean  @default(true)
  s   String   @default(dbgenerated())
  s2  String   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  n   Decimal  @db.Decimal(10, 2)
  cu  String   @default(cuid())
  cu2 String   @default(cuid(2))
  u   String   @default(uuid())
  u7  String   @default(uuid(7))
  na  String   @default(nanoid())
  na6 String   @default(nanoid(6))
  un  Unsupported("circle")
}
)prisma";

}  // namespace

TEST_CASE("dmmf: default values are encoded like Prisma", "[dmmf]") {
  const json dm = datamodel(kDefaults);
  auto def = [&](const char* name) { return field(dm, "M", name).value("default", json()); };
  CHECK(def("id") == json::parse(R"({"name":"autoincrement","args":[]})"));
  CHECK(def("f") == 1);
  CHECK(def("f2") == 1.5);
  CHECK(def("d") == 1.2);
  CHECK(def("d2") == 3.5);
  CHECK(def("b") == "-5");
  CHECK(def("dt") == "2020-01-01T10:00:00+00:00");
  CHECK(def("dt2") == "2020-01-01T10:00:00.123400+00:00");
  CHECK(def("j") == "{ \"a\": 1 }");
  CHECK(def("by") == "aGVsbG8=");
  CHECK(def("c") == "RED");
  CHECK(def("cl") == json::parse(R"(["RED","GREEN"])"));
  CHECK(def("il") == json::parse("[1,2]"));
  CHECK(def("bo") == true);
  CHECK(def("s") == json::parse(R"({"name":"dbgenerated","args":[]})"));
  CHECK(def("s2") == json::parse(R"j({"name":"dbgenerated","args":["gen_random_uuid()"]})j"));
  CHECK(def("cu") == json::parse(R"({"name":"cuid","args":[1]})"));
  CHECK(def("cu2") == json::parse(R"({"name":"cuid","args":[2]})"));
  CHECK(def("u") == json::parse(R"({"name":"uuid","args":[4]})"));
  CHECK(def("u7") == json::parse(R"({"name":"uuid","args":[7]})"));
  CHECK(def("na") == json::parse(R"({"name":"nanoid","args":[]})"));
  CHECK(def("na6") == json::parse(R"({"name":"nanoid","args":[6]})"));
  CHECK(field(dm, "M", "s2").at("nativeType") == json::parse(R"(["Uuid",[]])"));
  CHECK(field(dm, "M", "n").at("nativeType") == json::parse(R"(["Decimal",["10","2"]])"));
  CHECK_FALSE(field(dm, "M", "n").contains("default"));
  // Unsupported fields are left out.
  CHECK(dm.at("models").at(0).at("fields").size() == 23);
}

TEST_CASE("dmmf: DateTime defaults follow chrono's to_rfc3339", "[dmmf]") {
  CHECK(normalize_rfc3339("2020-01-01T10:00:00.1Z") == "2020-01-01T10:00:00.100+00:00");
  CHECK(normalize_rfc3339("2020-01-01T10:00:00.000Z") == "2020-01-01T10:00:00+00:00");
  CHECK(normalize_rfc3339("2020-01-01T10:00:00-05:30") == "2020-01-01T10:00:00-05:30");
  CHECK(normalize_rfc3339("2020-01-01T10:00:00.123+02:00") == "2020-01-01T10:00:00.123+02:00");
  CHECK(normalize_rfc3339("2020-01-01T10:00:00.123456789Z") == "2020-01-01T10:00:00.123456789+00:00");
  CHECK_FALSE(normalize_rfc3339("yesterday").has_value());
}

TEST_CASE("dmmf: keys, relations and read-only foreign keys", "[dmmf]") {
  const json dm = datamodel(R"(
datasource db {
  provider = "postgresql"
  url      = "postgresql://"
}

model A {
  a        Int
  b        Int    @unique
  s        String
  t1       Int
  t2       Int
  t3       Int
  bs       B[]
  parent   A?     @relation("tree", fields: [parentId], references: [a], onDelete: Cascade, onUpdate: SetNull)
  parentId Int?
  kids     A[]    @relation("tree")

  @@id([a])
  @@unique([s])
  @@unique([t1, t2], name: "tt")
  @@index([t3], map: "idx3", type: Hash)
}

model B {
  id Int @id
  as A[]
}
)");
  const json& a = dm.at("models").at(0);
  CHECK(a.at("primaryKey") == json::parse(R"({"name":null,"fields":["a"]})"));
  CHECK(a.at("uniqueFields") == json::parse(R"([["s"],["t1","t2"]])"));
  CHECK(a.at("uniqueIndexes") == json::parse(R"([{"name":null,"fields":["s"]},{"name":"tt","fields":["t1","t2"]}])"));
  // A single-field @@id / @@unique marks the field itself too.
  CHECK(field(dm, "A", "a").at("isId") == true);
  CHECK(field(dm, "A", "s").at("isUnique") == true);
  CHECK(field(dm, "A", "t1").at("isUnique") == false);
  CHECK(field(dm, "A", "parentId").at("isReadOnly") == true);
  CHECK(field(dm, "A", "bs").at("relationName") == "AToB");
  CHECK(field(dm, "B", "as").at("relationName") == "AToB");
  const json& parent = field(dm, "A", "parent");
  CHECK(parent.at("relationFromFields") == json::parse(R"(["parentId"])"));
  CHECK(parent.at("relationToFields") == json::parse(R"(["a"])"));
  CHECK(parent.at("relationOnDelete") == "Cascade");
  CHECK(parent.at("relationOnUpdate") == "SetNull");
  CHECK_FALSE(field(dm, "A", "kids").contains("relationOnDelete"));
  CHECK(dm.at("indexes") == json::parse(R"([
    {"model":"A","type":"id","isDefinedOnField":false,"fields":[{"name":"a"}]},
    {"model":"A","type":"unique","isDefinedOnField":true,"fields":[{"name":"b"}]},
    {"model":"A","type":"normal","isDefinedOnField":false,"dbName":"idx3","algorithm":"Hash","fields":[{"name":"t3"}]},
    {"model":"A","type":"unique","isDefinedOnField":false,"fields":[{"name":"s"}]},
    {"model":"A","type":"unique","isDefinedOnField":false,"name":"tt","fields":[{"name":"t1"},{"name":"t2"}]},
    {"model":"B","type":"id","isDefinedOnField":true,"fields":[{"name":"id"}]}])"));
}

TEST_CASE("dmmf: views come after models, ignored models are left out", "[dmmf]") {
  const json dm = datamodel(R"(
datasource db {
  provider = "postgresql"
  url      = "postgresql://"
}

generator client {
  provider        = "prisma-client"
  previewFeatures = ["views"]
}

view V {
  id Int @unique
}

model Ignored {
  id Int @id

  @@ignore
}

model M {
  id Int @id
}
)");
  REQUIRE(dm.at("models").size() == 2);
  CHECK(dm.at("models").at(0).at("name") == "M");
  CHECK(dm.at("models").at(1).at("name") == "V");
}

TEST_CASE("dmmf: output keys are in Prisma's emission order", "[dmmf]") {
  prismapp::schema::SourceSet sources;
  sources.add("schema.prisma", "model M {\n  id Int @id @map(\"_id\")\n}\n");
  const auto dm = prismapp::schema::dmmf::datamodel_to_dmmf(prismapp::schema::validate_schema(std::move(sources)));
  CHECK(dm.dump() ==
        R"({"enums":[],"models":[{"name":"M","dbName":null,"schema":null,"fields":[{"name":"id","dbName":"_id",)"
        R"("kind":"scalar","isList":false,"isRequired":true,"isUnique":false,"isId":true,"isReadOnly":false,)"
        R"("hasDefaultValue":false,"type":"Int","nativeType":null,"isGenerated":false,"isUpdatedAt":false}],)"
        R"("primaryKey":null,"uniqueFields":[],"uniqueIndexes":[],"isGenerated":false}],"types":[],)"
        R"("indexes":[{"model":"M","type":"id","isDefinedOnField":true,"fields":[{"name":"id"}]}]})");
}
