// db pull on MySQL/MariaDB: the introspection conformance corpus (exact text + re-introspection
// idempotence) and round trips of fixture schemas.
#include <catch2/catch.hpp>

#include <set>

#include "core/diff/calculator.hpp"
#include "core/diff/differ.hpp"
#include "core/diff/script.hpp"
#include "tests/introspect_test_helpers.hpp"
#include "tests/support/mysql_test_db.hpp"

using namespace prismapp;
using namespace prismapp::testing;

namespace {

const dialect::Dialect& my() { return *dialect::find_dialect("mysql"); }

// Cases we do not pass yet, with the reason; the test fails if one of them starts passing.
const std::set<std::string> kKnownFailures = {};

}  // namespace

TEST_CASE("db pull: MySQL introspection corpus", "[introspect][mysql]") {
  // mysql8-only cases (expression indexes) do not apply to the MariaDB test server.
  std::vector<IntrospectionCase> cases;
  for (auto& c : introspection_cases("mysql"))
    if (std::find(c.tags.begin(), c.tags.end(), "mysql") != c.tags.end()) cases.push_back(std::move(c));
  check_corpus("[introspect][mysql]", cases, kKnownFailures, [](const IntrospectionCase& c) {
    auto db = fresh_mysql_database("pull");
    auto conn = db.connect();
    conn->execute_script(c.sql);
    return run_case(my(), *conn, c);
  });
}

namespace {

const std::string kNativeTypes = R"S(datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}

enum Role {
  USER
  ADMIN
}

model AllTypes {
  id       Int      @id @default(autoincrement())
  i        Int
  bi       BigInt
  f        Float
  dec      Decimal
  b        Boolean  @default(true)
  s        String   @default("x")
  dt       DateTime @default(now())
  j        Json
  by       Bytes
  uInt     Int      @db.UnsignedInt
  small    Int      @db.SmallInt
  usmall   Int      @db.UnsignedSmallInt
  tiny     Int      @db.TinyInt
  utiny    Int      @db.UnsignedTinyInt
  medium   Int      @db.MediumInt
  umedium  Int      @db.UnsignedMediumInt
  ubig     BigInt   @db.UnsignedBigInt
  decimal  Decimal  @db.Decimal(10, 2)
  flt      Float    @db.Float
  bit1     Boolean  @db.Bit(1)
  bits     Bytes    @db.Bit(8)
  ch       String   @db.Char(10)
  vc       String   @db.VarChar(50)
  bin      Bytes    @db.Binary(16)
  vbin     Bytes    @db.VarBinary(255)
  tblob    Bytes    @db.TinyBlob
  blob     Bytes    @db.Blob
  mblob    Bytes    @db.MediumBlob
  ttext    String   @db.TinyText
  text     String   @db.Text
  mtext    String   @db.MediumText
  ltext    String   @db.LongText
  date     DateTime @db.Date
  time     DateTime @db.Time(3)
  time0    DateTime @db.Time(0)
  dtime    DateTime @db.DateTime(6)
  dtime0   DateTime @db.DateTime(0)
  ts       DateTime @db.Timestamp(3)
  year     Int      @db.Year
  role     Role     @default(USER)
  nullable String?
  ownerId  Int
  owner    Owner    @relation(fields: [ownerId], references: [id])
}

model Owner {
  id    Int        @id
  items AllTypes[]
}
)S";

// The script that takes the database behind `url` to `schema_text` (empty migration: nothing).
std::string push_script(const std::string& url, const std::string& schema_text, bool apply) {
  schema::SourceSet sources;
  sources.add("schema.prisma", schema_text);
  const auto validated = schema::validate_schema(std::move(sources));
  if (validated.diagnostics.has_errors()) FAIL(validated.diagnostics.errors().front().message);
  const auto target = diff::calculate(validated, my().calculator_hooks());
  auto conn = my().connect(url);
  const auto migration = diff::diff_schemas(conn->describe(), target.schema, my().differ_hooks(), target.prisma_level_defaults);
  const std::string script = diff::render_script(migration, my().renderer());
  if (apply && !migration.steps.empty()) conn->execute_script(script);
  return script;
}

}  // namespace

TEST_CASE("db pull round trips every MySQL native type: push, pull, push gives no diff", "[introspect][mysql][native-types]") {
  auto db = fresh_mysql_database("pull_rt");
  push_script(db.url, kNativeTypes, true);
  auto conn = db.connect();
  const std::string pulled = pull(my(), *conn, kNativeTypes).text;
  CAPTURE(pulled);
  CHECK(push_script(db.url, pulled, false) == "-- This is an empty migration.\n");
  // The pulled schema on a fresh database describes back to itself.
  auto db2 = fresh_mysql_database("pull_rt");
  push_script(db2.url, pulled, true);
  CHECK(push_script(db2.url, pulled, false) == "-- This is an empty migration.\n");
  CHECK(push_script(db2.url, kNativeTypes, false) == "-- This is an empty migration.\n");
}
