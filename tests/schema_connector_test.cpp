// Tests for the connector layer (core/schema/connector): connector lookup and capabilities, native
// type parsing/compatibility/argument checks, referential actions, index and operator class rules.
// Expected messages are Prisma's exact texts (conformance corpus or psl-core sources).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/schema/connector/connector_rules.hpp"

using namespace prismapp::schema;
using namespace prismapp::schema::connector;

namespace {

const Connector& conn(std::string_view provider) {
  const Connector* c = find_connector(provider);
  REQUIRE(c != nullptr);
  return *c;
}

std::vector<std::string> errors_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& e : d.errors()) out.push_back(e.message);
  return out;
}

std::vector<std::string> warnings_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& w : d.warnings()) out.push_back(w.message);
  return out;
}

// Runs the full @db attribute validation and returns the single error (or "" if none).
std::string native_error(std::string_view provider, ScalarType field_type, std::string_view name,
                         std::vector<std::string> args = {}) {
  Diagnostics d;
  validate_native_type_attribute(&conn(provider), "db", field_type, NativeTypeAttribute{"db", name, std::move(args), {}},
                                 d);
  REQUIRE(d.errors().size() <= 1);
  return d.errors().empty() ? std::string() : d.errors().front().message;
}

std::optional<NativeTypeInstance> native(std::string_view provider, std::string_view name,
                                         std::vector<std::string> args = {}) {
  return parse_native_type(conn(provider), name, args);
}

IndexFieldInfo field(std::string_view name, std::optional<ScalarType> type, std::optional<NativeTypeInstance> nt = {},
                     std::optional<OperatorClass> op = {}) {
  IndexFieldInfo f;
  f.name = name;
  f.scalar_type = type;
  f.native_type = std::move(nt);
  f.operator_class = op;
  return f;
}

IndexInfo pg_index(IndexAlgorithm algo, std::vector<IndexFieldInfo> fields) {
  IndexInfo index;
  index.kind = IndexKind::Normal;
  index.algorithm = algo;
  index.attribute_name = "@@index";
  index.fields = std::move(fields);
  return index;
}

std::vector<std::string> pg_index_errors(IndexAlgorithm algo, std::vector<IndexFieldInfo> fields) {
  Diagnostics d;
  validate_index_for_connector(conn("postgresql"), pg_index(algo, std::move(fields)), d);
  return errors_of(d);
}

}  // namespace

TEST_CASE("find_connector accepts Prisma's provider names and aliases", "[connector]") {
  CHECK(find_connector("postgresql")->id == ConnectorId::Postgres);
  CHECK(find_connector("postgres")->id == ConnectorId::Postgres);
  CHECK(find_connector("postgres")->provider_name == "postgresql");
  CHECK(find_connector("cockroachdb")->id == ConnectorId::CockroachDb);
  CHECK(find_connector("mysql")->id == ConnectorId::MySql);
  CHECK(find_connector("sqlite")->id == ConnectorId::Sqlite);
  CHECK(find_connector("sqlserver")->id == ConnectorId::SqlServer);
  CHECK(find_connector("mongodb")->id == ConnectorId::MongoDb);
  CHECK(find_connector("Postgres") == nullptr);  // case-sensitive, like Prisma
  CHECK(find_connector("mssql") == nullptr);
  CHECK(find_connector("") == nullptr);
  CHECK(all_connectors().size() == 6);
  CHECK(&connector_by_id(ConnectorId::MongoDb) == find_connector("mongodb"));
}

TEST_CASE("connector descriptions: names, limits, capabilities", "[connector]") {
  CHECK(conn("postgresql").display_name == "Postgres");
  CHECK(conn("sqlserver").display_name == "SQL Server");
  CHECK(conn("sqlite").display_name == "sqlite");
  CHECK(conn("postgresql").max_identifier_length == 63);
  CHECK(conn("mysql").max_identifier_length == 64);
  CHECK(conn("sqlserver").max_identifier_length == 128);
  CHECK(conn("mongodb").max_identifier_length == 127);

  CHECK(conn("postgresql").has(Capability::ScalarLists));
  CHECK(conn("postgresql").has(Capability::MultiSchema));
  CHECK_FALSE(conn("postgresql").has(Capability::IndexColumnLengthPrefixing));
  CHECK_FALSE(conn("postgresql").has(Capability::FullTextIndex));
  CHECK(conn("mysql").has(Capability::IndexColumnLengthPrefixing));
  CHECK(conn("mysql").has(Capability::FullTextIndex));
  CHECK_FALSE(conn("mysql").has(Capability::ScalarLists));
  CHECK_FALSE(conn("mysql").has(Capability::AutoIncrementMultipleAllowed));
  CHECK(conn("sqlserver").has(Capability::ClusteringSetting));
  CHECK(conn("sqlserver").has(Capability::NamedDefaultValues));
  CHECK(conn("sqlserver").has(Capability::ReferenceCycleDetection));
  CHECK(conn("mongodb").has(Capability::CompositeTypes));
  CHECK(conn("mongodb").has(Capability::DefaultValueAuto));
  CHECK_FALSE(conn("mongodb").has(Capability::AutoIncrement));
  CHECK(conn("sqlite").has(Capability::Enums));  // Prisma 6.2+ (stored as TEXT)
  CHECK(conn("sqlite").has(Capability::Json));
  CHECK_FALSE(conn("sqlserver").has(Capability::Json));
  CHECK(conn("cockroachdb").has(Capability::Enums));

  CHECK(parse_capability("ScalarLists") == Capability::ScalarLists);
  CHECK(capability_name(Capability::SupportsFiltersOnRelationsWithoutJoins) == "SupportsFiltersOnRelationsWithoutJoins");
  CHECK_FALSE(parse_capability("Nope").has_value());
}

TEST_CASE("index algorithms per connector", "[connector]") {
  for (IndexAlgorithm a : kAllIndexAlgorithms) CHECK(conn("postgres").supports_index_algorithm(a));
  CHECK(conn("cockroachdb").supports_index_algorithm(IndexAlgorithm::Gin));
  CHECK_FALSE(conn("cockroachdb").supports_index_algorithm(IndexAlgorithm::Hash));
  CHECK_FALSE(conn("mysql").supports_index_algorithm(IndexAlgorithm::Hash));
  CHECK(conn("mysql").supports_index_algorithm(IndexAlgorithm::BTree));

  Diagnostics d;
  check_index_algorithm_supported(conn("mysql"), IndexAlgorithm::Brin, "@@index", {}, d);
  CHECK(errors_of(d) == std::vector<std::string>{
                            "Error parsing attribute \"@@index\": The given index type is not supported with the "
                            "current connector"});
}

TEST_CASE("validate_url per connector", "[connector]") {
  CHECK_FALSE(conn("postgres").validate_url("postgresql://localhost/db").has_value());
  CHECK(conn("postgres").validate_url("mysql://x") == "must start with the protocol `postgresql://` or `postgres://`.");
  CHECK_FALSE(conn("sqlite").validate_url("file:./dev.db").has_value());
  CHECK(conn("sqlserver").validate_url("file:x") == "must start with the protocol `sqlserver://`.");
}

TEST_CASE("native types: valid attributes parse to instances", "[connector][native]") {
  Diagnostics d;
  auto nt = validate_native_type_attribute(&conn("postgresql"), "db", ScalarType::String,
                                           NativeTypeAttribute{"db", "VarChar", {"10"}, {}}, d);
  REQUIRE(nt);
  CHECK(d.errors().empty());
  CHECK(nt->to_string() == "VarChar(10)");
  CHECK(nt->number(0) == 10u);

  CHECK(native("postgresql", "Decimal", {"10", "2"})->to_string() == "Decimal(10,2)");
  CHECK(native("postgresql", "Timestamptz")->to_string() == "Timestamptz");
  CHECK(native("sqlserver", "NVarChar", {"max"})->to_string() == "NVarChar(Max)");
  CHECK(native("sqlserver", "NVarChar", {"MAX"})->is_max(0));
  CHECK(native("mongodb", "ObjectId")->name() == "ObjectId");
  CHECK(native("mysql", "VarChar", {"+5"})->number(0) == 5u);  // Rust's u32 parser accepts '+'
  CHECK_FALSE(native("mysql", "VarChar", {"-5"}).has_value());
  CHECK_FALSE(native("mysql", "VarChar", {"4294967296"}).has_value());
  CHECK_FALSE(native("postgresql", "Decimal", {"5"}).has_value());
  CHECK_FALSE(native("postgresql", "Nope").has_value());
  CHECK_FALSE(native("sqlite", "Text").has_value());

  // Compatible with more than one type, in Prisma's order.
  CHECK(native_error("mysql", ScalarType::Boolean, "TinyInt").empty());
  CHECK(native_error("mysql", ScalarType::Int, "TinyInt").empty());
  CHECK(native_error("mongodb", ScalarType::Bytes, "ObjectId").empty());
  CHECK(native_error("sqlserver", ScalarType::Int, "Bit").empty());
}

TEST_CASE("native types: unknown names", "[connector][native]") {
  CHECK(native_error("mongodb", ScalarType::String, "ObjectID") ==
        "Native type ObjectID is not supported for mongodb connector.");
  CHECK(native_error("postgres", ScalarType::String, "NVarChar") ==
        "Native type NVarChar is not supported for postgresql connector.");
  CHECK(native_error("sqlite", ScalarType::String, "Text") == "Native type Text is not supported for sqlite connector.");

  Diagnostics d;
  validate_native_type_attribute(nullptr, "", ScalarType::String, NativeTypeAttribute{"db", "Text", {}, {}}, d);
  CHECK(errors_of(d) == std::vector<std::string>{"Native type Text is not supported for Default connector."});
}

TEST_CASE("native types: wrong datasource prefix", "[connector][native]") {
  Diagnostics d;
  auto nt = validate_native_type_attribute(&conn("postgresql"), "db", ScalarType::String,
                                           NativeTypeAttribute{"pg", "Text", {}, {}}, d);
  CHECK(nt.has_value());  // upstream keeps validating after the prefix error
  CHECK(errors_of(d) == std::vector<std::string>{"The prefix pg is invalid. It must be equal to the name of an "
                                                 "existing datasource e.g. db. Did you mean to use db.Text?"});
}

TEST_CASE("native types: incompatible field types", "[connector][native]") {
  CHECK(native_error("mongodb", ScalarType::String, "Timestamp") ==
        "Native type Timestamp is not compatible with declared field type String, expected field type DateTime.");
  CHECK(native_error("mongodb", ScalarType::Float, "Long") ==
        "Native type Long is not compatible with declared field type Float, expected field type Int or BigInt.");
  CHECK(native_error("mongodb", ScalarType::Int, "ObjectId") ==
        "Native type ObjectId is not compatible with declared field type Int, expected field type String or Bytes.");
  CHECK(native_error("mongodb", ScalarType::Decimal, "Json") ==
        "Native type Json is not compatible with declared field type Decimal, expected field type Json.");
  CHECK(native_error("postgresql", ScalarType::Bytes, "Bit", {"0"}) ==
        "Native type Bit is not compatible with declared field type Bytes, expected field type String.");
  CHECK(native_error("mysql", ScalarType::String, "Bit", {"1"}) ==
        "Native type Bit is not compatible with declared field type String, expected field type Boolean or Bytes.");
}

TEST_CASE("native types: argument counts", "[connector][native]") {
  CHECK(native_error("mysql", ScalarType::String, "VarChar") ==
        "Function \"VarChar\" takes 1 arguments, but received 0.");
  CHECK(native_error("postgresql", ScalarType::String, "Text", {"5"}) ==
        "Function \"Text\" takes 0 arguments, but received 1.");
  CHECK(native_error("mysql", ScalarType::String, "VarChar", {"1", "2"}) ==
        "Function \"VarChar\" takes 1 arguments, but received 2.");
  CHECK(native_error("postgresql", ScalarType::String, "VarChar", {"1", "2"}) ==
        "Native type VarChar takes 1 optional arguments, but received 2.");
  CHECK(native_error("postgresql", ScalarType::Decimal, "Decimal", {"1", "2", "3"}) ==
        "Native type Decimal takes 2 optional arguments, but received 3.");
}

TEST_CASE("native types: arguments that do not parse", "[connector][native]") {
  CHECK(native_error("cockroachdb", ScalarType::DateTime, "Timestamp", {"-1"}) ==
        "Expected a nonnegative integer, but found (-1).");
  CHECK(native_error("postgresql", ScalarType::Decimal, "Decimal", {"5"}) ==
        "Expected two nonnegative integers, but found (5).");
  CHECK(native_error("sqlserver", ScalarType::String, "VarChar", {"70000"}) ==
        "Expected an integer or `Max`, but found (70000).");
  CHECK(native_error("mysql", ScalarType::String, "VarChar", {"\"a\""}) ==
        "Expected a nonnegative integer, but found (\"a\").");
}

TEST_CASE("native types: Postgres and CockroachDB argument ranges", "[connector][native]") {
  CHECK(native_error("postgresql", ScalarType::DateTime, "Time", {"7"}) ==
        "Argument M is out of range for native type `Time(7)` of Postgres: M can range from 0 to 6.");
  CHECK(native_error("postgresql", ScalarType::DateTime, "Timestamp", {"6"}).empty());
  CHECK(native_error("postgresql", ScalarType::Decimal, "Decimal", {"1001", "3"}) ==
        "Argument M is out of range for native type `Decimal(1001,3)` of Postgres: Precision must be positive with a "
        "maximum value of 1000.");
  CHECK(native_error("postgres", ScalarType::Decimal, "Decimal", {"2", " 4"}) ==
        "Expected two nonnegative integers, but found (2,  4).");
  CHECK(native_error("postgres", ScalarType::Decimal, "Decimal", {"2", "4"}) ==
        "The scale must not be larger than the precision for the Decimal(2,4) native type in Postgres.");
  CHECK(native_error("postgresql", ScalarType::String, "VarBit", {"0"}) ==
        "Argument M is out of range for native type `VarBit(0)` of Postgres: M must be a positive integer.");
  CHECK(native_error("cockroachdb", ScalarType::DateTime, "Timetz", {"9"}) ==
        "Argument M is out of range for native type `Timetz(9)` of CockroachDB: M can range from 0 to 6.");
}

TEST_CASE("native types: MySQL argument ranges", "[connector][native]") {
  CHECK(native_error("mysql", ScalarType::String, "VarChar", {"70000"}) ==
        "Argument M is out of range for native type `VarChar(70000)` of MySQL: M can range from 0 to 65,535.");
  CHECK(native_error("mysql", ScalarType::String, "Char", {"256"}) ==
        "Argument M is out of range for native type `Char(256)` of MySQL: M can range from 0 to 255.");
  CHECK(native_error("mysql", ScalarType::Bytes, "Bit", {"65"}) ==
        "Argument M is out of range for native type `Bit(65)` of MySQL: M can range from 1 to 64.");
  CHECK(native_error("mysql", ScalarType::Bytes, "Bit", {"0"}) ==
        "Argument M is out of range for native type `Bit(0)` of MySQL: M can range from 1 to 64.");
  CHECK(native_error("mysql", ScalarType::Boolean, "Bit", {"2"}) ==
        "Argument M is out of range for native type `Bit(2)` of MySQL: only Bit(1) can be used as Boolean.");
  CHECK(native_error("mysql", ScalarType::Boolean, "Bit", {"1"}).empty());
  CHECK(native_error("mysql", ScalarType::Decimal, "Decimal", {"66", "2"}) ==
        "Argument M is out of range for native type `Decimal(66,2)` of MySQL: Precision can range from 1 to 65.");
  CHECK(native_error("mysql", ScalarType::Decimal, "Decimal", {"40", "31"}) ==
        "Argument M is out of range for native type `Decimal(40,31)` of MySQL: Scale can range from 0 to 30.");
}

TEST_CASE("native types: SQL Server argument ranges and Max", "[connector][native]") {
  CHECK(native_error("sqlserver", ScalarType::String, "NVarChar", {"Max"}).empty());
  CHECK(native_error("sqlserver", ScalarType::String, "NVarChar", {"4001"}) ==
        "Argument M is out of range for native type `NVarChar(4001)` of SQL Server: Length can range from 1 to 4000. "
        "For larger sizes, use the `Max` variant.");
  CHECK(native_error("sqlserver", ScalarType::Bytes, "VarBinary", {"8001"}) ==
        "Argument M is out of range for native type `VarBinary(8001)` of SQL Server: Length can range from 1 to 8000. "
        "For larger sizes, use the `Max` variant.");
  CHECK(native_error("sqlserver", ScalarType::String, "NChar", {"4001"}) ==
        "Argument M is out of range for native type `NChar(4001)` of SQL Server: Length can range from 1 to 4000.");
  CHECK(native_error("sqlserver", ScalarType::Float, "Float", {"54"}) ==
        "Argument M is out of range for native type `Float(54)` of SQL Server: Bits can range from 1 to 53.");
  CHECK(native_error("sqlserver", ScalarType::Decimal, "Decimal", {"39", "2"}) ==
        "Argument M is out of range for native type `Decimal(39,2)` of SQL Server: Precision can range from 1 to 38.");
}

TEST_CASE("default native types per scalar type", "[connector][native]") {
  CHECK(conn("postgresql").default_native_type(ScalarType::String)->to_string() == "Text");
  CHECK(conn("postgresql").default_native_type(ScalarType::DateTime)->to_string() == "Timestamp(3)");
  CHECK(conn("postgresql").default_native_type(ScalarType::Decimal)->to_string() == "Decimal(65,30)");
  CHECK(conn("postgresql").default_native_type(ScalarType::Json)->to_string() == "JsonB");
  CHECK(conn("cockroachdb").default_native_type(ScalarType::Int)->to_string() == "Int4");
  CHECK(conn("mysql").default_native_type(ScalarType::String)->to_string() == "VarChar(191)");
  CHECK(conn("mysql").default_native_type(ScalarType::Boolean)->to_string() == "TinyInt");
  CHECK(conn("sqlserver").default_native_type(ScalarType::Bytes)->to_string() == "VarBinary(Max)");
  CHECK(conn("sqlserver").default_native_type(ScalarType::Json)->to_string() == "NVarChar(1000)");
  CHECK(conn("mongodb").default_native_type(ScalarType::Int)->to_string() == "Long");
  CHECK_FALSE(conn("mongodb").default_native_type(ScalarType::Decimal).has_value());
  CHECK_FALSE(conn("sqlite").default_native_type(ScalarType::String).has_value());
  for (const Connector* c : all_connectors()) {
    for (ScalarType t : kAllScalarTypes) {
      auto d = c->default_native_type(t);
      if (!d) continue;
      INFO(c->provider_name << " " << scalar_type_name(t));
      REQUIRE(d->constructor != nullptr);  // every default names a real constructor
      CHECK(c->is_default_native_type(*d, t));
    }
  }
  CHECK_FALSE(conn("postgresql").is_default_native_type(*native("postgresql", "VarChar", {"10"}), ScalarType::String));
}

TEST_CASE("Unsupported(...) types that are native types get a hint", "[connector][native]") {
  CHECK(unsupported_type_native_hint(conn("postgresql"), "db", "Text", "f") ==
        "The type `Unsupported(\"Text\")` you specified in the type definition for the field `f` is supported as a "
        "native type by Prisma. Please use the native type notation `String @db.Text` for full support.");
  CHECK(unsupported_type_native_hint(conn("mysql"), "db", "VarChar(10)", "name") ==
        "The type `Unsupported(\"VarChar(10)\")` you specified in the type definition for the field `name` is supported "
        "as a native type by Prisma. Please use the native type notation `String @db.VarChar(10)` for full support.");
  CHECK_FALSE(unsupported_type_native_hint(conn("postgresql"), "db", "circle", "f").has_value());
  CHECK_FALSE(unsupported_type_native_hint(conn("postgresql"), "db", "(x)", "f").has_value());
}

TEST_CASE("referential actions per connector and relation mode", "[connector][relations]") {
  CHECK(format_allowed_actions(conn("mysql").referential_actions(RelationMode::Prisma)) ==
        "`Cascade`, `Restrict`, `NoAction`, `SetNull`");
  CHECK(format_allowed_actions(conn("postgres").referential_actions(RelationMode::Prisma)) ==
        "`Cascade`, `Restrict`, `SetNull`");
  CHECK(format_allowed_actions(conn("sqlserver").referential_actions(RelationMode::ForeignKeys)) ==
        "`Cascade`, `NoAction`, `SetNull`, `SetDefault`");
  CHECK(conn("mongodb").referential_actions(RelationMode::ForeignKeys).empty());

  Diagnostics d;
  CHECK_FALSE(check_referential_action(conn("mysql"), RelationMode::Prisma, {ReferentialAction::SetDefault, {}}, d));
  CHECK(check_referential_action(conn("mysql"), RelationMode::ForeignKeys, {ReferentialAction::SetDefault, {}}, d));
  CHECK_FALSE(check_referential_action(conn("postgres"), RelationMode::Prisma, {ReferentialAction::NoAction, {}}, d));
  CHECK_FALSE(check_referential_action(conn("sqlserver"), RelationMode::ForeignKeys, {ReferentialAction::Restrict, {}}, d));
  CHECK(errors_of(d) ==
        std::vector<std::string>{
            "Error validating: Invalid referential action: `SetDefault`. Allowed values: (`Cascade`, `Restrict`, "
            "`NoAction`, `SetNull`)",
            "Error validating: Invalid referential action: `NoAction`. Allowed values: (`Cascade`, `Restrict`, "
            "`SetNull`). `NoAction` is not implemented for Postgres when using `relationMode = \"prisma\"`, you could "
            "try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode",
            "Error validating: Invalid referential action: `Restrict`. Allowed values: (`Cascade`, `NoAction`, "
            "`SetNull`, `SetDefault`)",
        });
}

TEST_CASE("default referential actions", "[connector][relations]") {
  CHECK(default_on_delete(conn("postgres"), RelationMode::ForeignKeys, true) == ReferentialAction::Restrict);
  CHECK(default_on_delete(conn("sqlserver"), RelationMode::ForeignKeys, true) == ReferentialAction::NoAction);
  CHECK(default_on_delete(conn("sqlserver"), RelationMode::Prisma, true) == ReferentialAction::Restrict);
  CHECK(default_on_delete(conn("mysql"), RelationMode::ForeignKeys, false) == ReferentialAction::SetNull);
  CHECK(default_on_update() == ReferentialAction::Cascade);
}

TEST_CASE("SetNull on required fields: Postgres warns, others error", "[connector][relations]") {
  Diagnostics pg;
  check_set_null_on_required_fields(conn("postgres"), RelationMode::ForeignKeys, ReferentialAction::SetNull,
                                    ReferentialAction::SetNull, true, {}, pg);
  CHECK(pg.errors().empty());
  CHECK(warnings_of(pg) ==
        std::vector<std::string>{
            "The `onDelete` referential action of a relation should not be set to `SetNull` when a referenced field is "
            "required. We recommend either to choose another referential action, or to make the referenced fields "
            "optional. Read more at https://pris.ly/d/postgres-set-null ",
            "The `onUpdate` referential action of a relation should not be set to `SetNull` when a referenced field is "
            "required. We recommend either to choose another referential action, or to make the referenced fields "
            "optional. Read more at https://pris.ly/d/postgres-set-null ",
        });

  Diagnostics pg_prisma;
  check_set_null_on_required_fields(conn("postgres"), RelationMode::Prisma, ReferentialAction::SetNull, std::nullopt,
                                    true, {}, pg_prisma);
  CHECK(errors_of(pg_prisma) ==
        std::vector<std::string>{"Error parsing attribute \"@relation\": The `onDelete` referential action of a relation "
                                 "must not be set to `SetNull` when a referenced field is required.\nEither choose "
                                 "another referential action, or make the referenced fields optional.\n"});

  Diagnostics optional_fields;
  check_set_null_on_required_fields(conn("mysql"), RelationMode::ForeignKeys, ReferentialAction::SetNull,
                                    ReferentialAction::SetNull, false, {}, optional_fields);
  CHECK(optional_fields.errors().empty());
  CHECK(optional_fields.warnings().empty());
}

TEST_CASE("MySQL SetDefault warning only with foreign keys", "[connector][relations]") {
  const std::string expected =
      "MySQL does not actually support the `SetDefault` referential action, so using it may result in unexpected "
      "errors. Read more at https://pris.ly/d/mysql-set-default ";
  Diagnostics fk;
  check_mysql_set_default(conn("mysql"), RelationMode::ForeignKeys, ExplicitAction{ReferentialAction::SetDefault, {}},
                          ExplicitAction{ReferentialAction::SetDefault, {}}, fk);
  CHECK(warnings_of(fk) == std::vector<std::string>{expected, expected});

  Diagnostics prisma_mode;
  check_mysql_set_default(conn("mysql"), RelationMode::Prisma, ExplicitAction{ReferentialAction::SetDefault, {}},
                          std::nullopt, prisma_mode);
  CHECK(prisma_mode.warnings().empty());

  Diagnostics postgres;
  check_mysql_set_default(conn("postgres"), RelationMode::ForeignKeys, ExplicitAction{ReferentialAction::SetDefault, {}},
                          std::nullopt, postgres);
  CHECK(postgres.warnings().empty());
}

TEST_CASE("relation modes", "[connector][relations]") {
  CHECK(effective_relation_mode(conn("mongodb"), std::nullopt) == RelationMode::Prisma);
  CHECK(effective_relation_mode(conn("mysql"), std::nullopt) == RelationMode::ForeignKeys);
  CHECK(effective_relation_mode(conn("mysql"), RelationMode::Prisma) == RelationMode::Prisma);
  Diagnostics d;
  CHECK(check_relation_mode_allowed(conn("postgres"), RelationMode::Prisma, {}, d));
  CHECK_FALSE(check_relation_mode_allowed(conn("mongodb"), RelationMode::ForeignKeys, {}, d));
  CHECK(errors_of(d) == std::vector<std::string>{"Error validating datasource `relationMode`: Invalid relation mode "
                                                 "setting: \"foreignKeys\". Supported values: \"prisma\""});
  CHECK(suggests_missing_relation_indexes(conn("mysql"), RelationMode::Prisma));
  CHECK_FALSE(suggests_missing_relation_indexes(conn("mysql"), RelationMode::ForeignKeys));
  CHECK_FALSE(suggests_missing_relation_indexes(conn("mongodb"), RelationMode::Prisma));
}

TEST_CASE("Postgres operator classes: BRIN", "[connector][indexes]") {
  const std::string prefix = "Error parsing attribute \"@@index\": ";
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::String, native("postgres", "Bit"),
                                                     OperatorClass::VarBitMinMaxOps)}) ==
        std::vector<std::string>{prefix +
                                 "The given operator class `VarBitMinMaxOps` does not support native type `Bit` of field `a`."});
  // Prisma prints UuidMinMaxMultiOps as "BitMinMaxOps" (corpus brin/uuid_minmaxmulti_wrong_native_type).
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::String, native("postgres", "Text"),
                                                     OperatorClass::UuidMinMaxMultiOps)}) ==
        std::vector<std::string>{prefix +
                                 "The given operator class `BitMinMaxOps` does not support native type `Text` of field `a`."});
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::String, std::nullopt, OperatorClass::BitMinMaxOps)}) ==
        std::vector<std::string>{prefix +
                                 "The given operator class `BitMinMaxOps` expects the field `a` to define a valid native type."});
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::DateTime, native("postgres", "Time"),
                                                     OperatorClass::DateMinMaxOps)}) ==
        std::vector<std::string>{prefix +
                                 "The given operator class `DateMinMaxOps` does not support native type `Time` of field `a`."});
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::String, std::nullopt, OperatorClass::Int4MinMaxOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `Int4MinMaxOps` points to the field `a` that is not "
                                          "of Int type."});
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::Boolean)}) ==
        std::vector<std::string>{prefix + "The Brin index type does not support the type of the field `a`."});
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::String, native("postgres", "Citext"))}) ==
        std::vector<std::string>{prefix + "The Brin index field type `Citext` has no default operator class."});
  // Accepted combinations.
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::String, native("postgres", "Uuid"),
                                                     OperatorClass::UuidBloomOps)})
            .empty());
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::Int)}).empty());
  CHECK(pg_index_errors(IndexAlgorithm::Brin, {field("a", ScalarType::Float, std::nullopt, OperatorClass::Float8BloomOps)})
            .empty());
}

TEST_CASE("Postgres operator classes: GiST, GIN, SP-GiST", "[connector][indexes]") {
  const std::string prefix = "Error parsing attribute \"@@index\": ";
  CHECK(pg_index_errors(IndexAlgorithm::Gist, {field("a", ScalarType::String, native("postgres", "Text"),
                                                     OperatorClass::TextOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `TextOps` is not supported with the `Gist` index type."});
  CHECK(pg_index_errors(IndexAlgorithm::Gin, {field("a", ScalarType::String, native("postgres", "Inet"),
                                                    OperatorClass::InetOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `InetOps` is not supported with the `Gin` index type."});
  CHECK(pg_index_errors(IndexAlgorithm::Gist, {field("a", ScalarType::String, native("postgres", "Inet"),
                                                     OperatorClass::InetOps)})
            .empty());

  auto list_field = field("a", ScalarType::String, native("postgres", "Uuid"));
  list_field.is_list = true;
  CHECK(pg_index_errors(IndexAlgorithm::Gin, {list_field}).empty());  // gin/array_ops_default_ops.prisma
  CHECK(pg_index_errors(IndexAlgorithm::Gin, {field("a", ScalarType::Json)}).empty());
  CHECK(pg_index_errors(IndexAlgorithm::Gin, {field("a", ScalarType::String, std::nullopt, OperatorClass::JsonbOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `JsonbOps` points to the field `a` that is not of "
                                          "Json type."});
  CHECK(pg_index_errors(IndexAlgorithm::Gin, {field("a", ScalarType::Int, std::nullopt, OperatorClass::ArrayOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `ArrayOps` expects the type of field `a` to be an "
                                          "array."});

  CHECK(pg_index_errors(IndexAlgorithm::SpGist, {field("a", ScalarType::Int)}) ==
        std::vector<std::string>{prefix + "The SpGist index type does not support the type of the field `a`."});
  CHECK(pg_index_errors(IndexAlgorithm::SpGist, {field("a", ScalarType::Int, std::nullopt, OperatorClass::TextOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `TextOps` points to the field `a` that is not of "
                                          "String type."});
  CHECK(pg_index_errors(IndexAlgorithm::SpGist, {field("a", ScalarType::Int, std::nullopt, OperatorClass::InetOps)}) ==
        std::vector<std::string>{prefix + "The given operator class `InetOps` expects the field `a` to define a valid "
                                          "native type."});
  CHECK(pg_index_errors(IndexAlgorithm::SpGist, {field("a", ScalarType::String), field("b", ScalarType::String)}) ==
        std::vector<std::string>{prefix + "SpGist does not support multi-column indices."});

  auto raw = field("a", ScalarType::Int);
  raw.raw_operator_class = true;
  CHECK(pg_index_errors(IndexAlgorithm::SpGist, {raw}).empty());  // raw("...") is never checked
  CHECK(pg_index_errors(IndexAlgorithm::BTree, {field("a", ScalarType::Boolean)}).empty());
}

TEST_CASE("Postgres Xml cannot be indexed", "[connector][indexes]") {
  auto index = pg_index(IndexAlgorithm::BTree, {field("firstName", ScalarType::String, native("postgres", "Xml"))});
  index.kind = IndexKind::Unique;
  Diagnostics d;
  validate_index_for_connector(conn("postgres"), index, d);
  CHECK(errors_of(d) == std::vector<std::string>{"Native type `Xml` cannot be unique in Postgres."});
}

TEST_CASE("MySQL Text/Blob keys need a length", "[connector][indexes]") {
  const std::string guide = " Please use the `length` argument to the field in the index definition to allow this.";
  IndexInfo index;
  index.attribute_name = "@@index";
  index.fields = {field("firstName", ScalarType::String, native("mysql", "Text"))};

  Diagnostics normal;
  validate_index_for_connector(conn("mysql"), index, normal);
  CHECK(errors_of(normal) ==
        std::vector<std::string>{"You cannot define an index on fields with native type `Text` of MySQL." + guide});

  index.kind = IndexKind::Unique;
  Diagnostics unique;
  validate_index_for_connector(conn("mysql"), index, unique);
  CHECK(errors_of(unique) == std::vector<std::string>{"Native type `Text` cannot be unique in MySQL." + guide});

  index.fields[0].has_length = true;
  Diagnostics with_length;
  validate_index_for_connector(conn("mysql"), index, with_length);
  CHECK(with_length.errors().empty());

  index.fields[0].has_length = false;
  index.kind = IndexKind::Fulltext;
  Diagnostics fulltext;
  validate_index_for_connector(conn("mysql"), index, fulltext);
  CHECK(fulltext.errors().empty());

  PrimaryKeyInfo pk{"@id", {}, {field("id", ScalarType::String, native("mysql", "LongBlob"))}};
  pk.fields[0].scalar_type = ScalarType::Bytes;
  Diagnostics id;
  validate_primary_key_for_connector(conn("mysql"), pk, id);
  CHECK(errors_of(id) == std::vector<std::string>{"Native type `LongBlob` of MySQL cannot be used on a field that is "
                                                  "`@id` or `@@id`." + guide});
}

TEST_CASE("SQL Server heap types and Bytes ids", "[connector][indexes]") {
  IndexInfo index;
  index.attribute_name = "@@index";
  index.fields = {field("a", ScalarType::String, native("sqlserver", "NVarChar", {"Max"}))};
  Diagnostics d;
  validate_index_for_connector(conn("sqlserver"), index, d);
  CHECK(errors_of(d) ==
        std::vector<std::string>{"You cannot define an index on fields with native type `NVarChar(Max)` of SQL Server."});

  index.fields = {field("a", ScalarType::String, native("sqlserver", "NVarChar", {"100"}))};
  Diagnostics ok;
  validate_index_for_connector(conn("sqlserver"), index, ok);
  CHECK(ok.errors().empty());

  PrimaryKeyInfo pk{"@id", {}, {field("id", ScalarType::Bytes)}};
  Diagnostics id;
  validate_primary_key_for_connector(conn("sqlserver"), pk, id);
  CHECK(errors_of(id) == std::vector<std::string>{"Invalid model: Using Bytes type is not allowed in the model's id."});
}

TEST_CASE("CockroachDB inverted indexes", "[connector][indexes]") {
  IndexInfo index;
  index.algorithm = IndexAlgorithm::Gin;
  index.attribute_name = "@@index";
  index.fields = {field("a", ScalarType::Json), field("b", ScalarType::Int)};
  Diagnostics d;
  validate_index_for_connector(conn("cockroachdb"), index, d);
  CHECK(errors_of(d) ==
        std::vector<std::string>{
            "Error parsing attribute \"@@index\": A `Json` column is only allowed as the last column of an inverted index.",
            "Error parsing attribute \"@@index\": The Gin index type does not support the type of the field `b`.",
        });

  index.fields = {field("a", ScalarType::Json, std::nullopt, OperatorClass::JsonbOps)};
  Diagnostics ops;
  validate_index_for_connector(conn("cockroachdb"), index, ops);
  CHECK(errors_of(ops) == std::vector<std::string>{"Error parsing attribute \"@@index\": Custom operator classes are not "
                                                   "supported with the current connector."});
}

TEST_CASE("index capability checks", "[connector][indexes]") {
  Diagnostics d;
  check_length_prefix_supported(conn("sqlite"), true, "@unique", {}, d);
  check_length_prefix_supported(conn("mysql"), true, "@unique", {}, d);
  check_clustering_supported(conn("postgres"), true, "@@index", {}, d);
  check_clustering_supported(conn("sqlserver"), true, "@@index", {}, d);
  check_fulltext_supported(conn("postgres"), "@@fulltext", {}, d);
  check_hash_index_sort(conn("postgres"), IndexAlgorithm::Hash, true, "@@index", {}, d);
  check_length_field_types(conn("mysql"), field("n", ScalarType::Int), "@@index", {}, d);  // no length: fine
  auto with_length = field("n", ScalarType::Int);
  with_length.has_length = true;
  check_length_field_types(conn("mysql"), with_length, "@@index", {}, d);
  CHECK(errors_of(d) ==
        std::vector<std::string>{
            "Error parsing attribute \"@unique\": The length argument is not supported in an index definition with the "
            "current connector",
            "Error parsing attribute \"@@index\": Defining clustering is not supported in the current connector.",
            "Error parsing attribute \"@@fulltext\": Defining fulltext indexes is not supported with the current "
            "connector.",
            "Error parsing attribute \"@@index\": Hash type does not support sort option.",
            "Error parsing attribute \"@@index\": The length argument is only allowed with field types `String` or "
            "`Bytes`.",
        });
}

TEST_CASE("constraint scopes and names", "[connector][names]") {
  CHECK(constraint_name_clash_message("some_table_pkey", ConstraintScope::GlobalPrimaryKeyKeyIndex, "User") ==
        "The given constraint name `some_table_pkey` has to be unique in the following namespace: global for primary "
        "key, indexes and unique constraints. Please provide a different name using the `map` argument.");
  CHECK(constraint_scope_description(ConstraintScope::ModelKeyIndex, "User") ==
        "on model `User` for indexes and unique constraints");
  CHECK(scope_includes(ConstraintScope::GlobalPrimaryKeyForeignKeyDefault, ConstraintKind::Default));
  CHECK_FALSE(scope_includes(ConstraintScope::GlobalKeyIndex, ConstraintKind::PrimaryKey));
  CHECK(conn("mysql").constraint_scopes.size() == 2);

  CHECK(primary_key_name("User", conn("postgres")) == "User_pkey");
  CHECK(unique_index_name("User", {"a", "b"}, conn("postgres")) == "User_a_b_key");
  CHECK(non_unique_index_name("Post", {"authorId"}, conn("mysql")) == "Post_authorId_idx");
  CHECK(foreign_key_constraint_name("Post", {"authorId"}, conn("postgres")) == "Post_authorId_fkey");
  CHECK(default_constraint_name("User", "name", conn("sqlserver")) == "User_name_df");
  const std::string long_table(70, 't');
  CHECK(primary_key_name(long_table, conn("postgres")) == std::string(58, 't') + "_pkey");
  CHECK(primary_key_name(long_table, conn("postgres")).size() == 63);

  Diagnostics d;
  CHECK(check_constraint_name_length(conn("postgres"), "User", std::string(63, 'x'), "index", true, {}, d));
  CHECK_FALSE(check_constraint_name_length(conn("postgres"), "User", std::string(64, 'x'), "index", true, {}, d));
  CHECK(errors_of(d) == std::vector<std::string>{"Error validating model \"User\": The constraint name '" +
                                                 std::string(64, 'x') +
                                                 "' specified in the `map` argument for the `@@index` constraint is too "
                                                 "long for your chosen provider. The maximum allowed length is 63 bytes."});
}

TEST_CASE("field type support and default functions", "[connector][fields]") {
  Diagnostics d;
  check_field_type_supported(conn("sqlserver"), "model", "User", "data", ScalarType::Json, false, {}, d);
  check_field_type_supported(conn("mysql"), "model", "User", "tags", ScalarType::String, true, {}, d);
  check_field_type_supported(conn("postgres"), "model", "User", "tags", ScalarType::String, true, {}, d);
  CHECK(errors_of(d) ==
        std::vector<std::string>{
            "Error validating field `data` in model `User`: Field `data` in model `User` can't be of type Json. The "
            "current connector does not support the Json type.",
            "Field \"tags\" in model \"User\" can't be a list. The current connector does not support lists of "
            "primitive types.",
        });

  Diagnostics autoinc;
  const AutoincrementField fields[] = {{{}, {}, true, true}, {{}, {}, false, false}};
  check_autoincrement_fields(conn("mongodb"), std::span(fields, 1), {}, autoinc);
  check_autoincrement_fields(conn("mysql"), fields, {}, autoinc);
  CHECK(errors_of(autoinc) ==
        std::vector<std::string>{
            "Error parsing attribute \"@default\": The `autoincrement()` default value is used with a datasource that "
            "does not support it.",
            "Error parsing attribute \"@default\": The `autoincrement()` default value is used multiple times on this "
            "model even though the underlying datasource only supports one instance per table.",
            "Error parsing attribute \"@default\": The `autoincrement()` default value is used on a non-indexed field "
            "even though the datasource does not support this.",
        });

  Diagnostics fns;
  check_auto_function_supported(conn("postgres"), {}, fns);
  check_auto_function_supported(conn("mongodb"), {}, fns);
  check_cockroach_autoincrement_type(conn("cockroachdb"), ScalarType::Int, {}, fns);
  check_cockroach_autoincrement_type(conn("cockroachdb"), ScalarType::BigInt, {}, fns);
  check_named_default_supported(conn("postgres"), true, {}, fns);
  check_named_default_supported(conn("sqlserver"), true, {}, fns);
  ast::ArgumentsList args;
  ast::Argument bad;
  bad.name = ast::Identifier{"bogus", {}};
  bad.value_storage.emplace_back();
  args.arguments.push_back(bad);
  check_connector_default_function(conn("cockroachdb"), "sequence", args, {}, fns);
  check_connector_default_function(conn("postgres"), "sequence", {}, {}, fns);
  CHECK(errors_of(fns) ==
        std::vector<std::string>{
            "Error parsing attribute \"@default\": The current connector does not support the `auto()` function.",
            "Error parsing attribute \"default\": The `autoincrement()` default function is defined only on BigInt "
            "fields on CockroachDB. Use sequence() if you want an autoincrementing Int field.",
            "Error parsing attribute \"@default\": You defined a database name for the default value of a field on the "
            "model. This is not supported by the provider.",
            "Unexpected argument in `sequence()` function call",
            "Unknown function in @default(): `sequence` is not known. You can read about the available functions here: "
            "https://pris.ly/d/attribute-functions",
        });
}

TEST_CASE("MongoDB model rules", "[connector][mongodb]") {
  Diagnostics d;
  check_mongodb_relation_native_types(conn("mongodb"), "Parent", "child", "Parent", "childId",
                                      RawNativeType{"db", "ObjectId"}, "Child", "parentId", std::nullopt, {}, d);
  check_mongodb_relation_native_types(conn("mongodb"), "Parent", "child", "Parent", "childId",
                                      RawNativeType{"db", "ObjectId"}, "Child", "parentId", RawNativeType{"db", "String"},
                                      {}, d);
  check_mongodb_relation_native_types(conn("mongodb"), "Parent", "child", "Parent", "childId",
                                      RawNativeType{"db", "ObjectId"}, "Child", "parentId",
                                      RawNativeType{"db", "ObjectId"}, {}, d);
  CHECK(warnings_of(d) ==
        std::vector<std::string>{
            "Warning validating field `child` in model `Parent`: Field Parent.childId and Child.parentId must have the "
            "same native type for MongoDB to join those collections correctly. Consider either removing "
            "Parent.childId's native type attribute or adding '@db.ObjectId' to Child.parentId. Beware that this will "
            "become an error in the future.",
            "Warning validating field `child` in model `Parent`: Field Parent.childId and Child.parentId must have the "
            "same native type for MongoDB to join those collections correctly. Consider updating those fields to "
            "either use '@db.ObjectId' or '@db.String'. Beware that this will become an error in the future.",
        });

  MongoDbFieldFacts f;
  f.model_name = "User";
  f.field_name = "id";
  f.default_is_auto = true;
  f.is_part_of_id = true;
  f.mapped_name = "$id";
  Diagnostics fd;
  check_mongodb_field(conn("mongodb"), f, fd);
  check_mongodb_field(conn("postgres"), f, fd);  // no-op elsewhere
  CHECK(errors_of(fd) == std::vector<std::string>{
                             "Error validating field `id` in model `User`: MongoDB `@default(auto())` fields must have "
                             "`ObjectId` native type.",
                             "Error parsing attribute \"@map\": The field name cannot start with a `$` character",
                         });
}
