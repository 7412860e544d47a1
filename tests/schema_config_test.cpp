// Datasource/generator loading (core/schema/config): unit tests on parsed snippets, plus the
// config-level cases of the psl-validation corpus run through parse → load_configuration →
// validate_datasource_properties only (so they do not depend on the other validation stages).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/schema/config/coerce.hpp"
#include "core/schema/config/configuration.hpp"
#include "core/schema/parser.hpp"
#include "tests/conformance/corpus.hpp"

using namespace prismapp::schema;
using namespace prismapp::schema::config;
namespace fs = std::filesystem;

namespace {

struct Loaded {
  SourceSet sources;
  std::vector<ast::SchemaAst> asts;
  Diagnostics diags;
  Configuration config;
};

// The CST's key_value currently ends after the NEWLINE, while Prisma's property span stops before
// it (visible in the corpus: the rendered snippet never shows the next line). Until the parser
// is fixed, trim it here so these tests check the loaders; once fixed this is a no-op.
void trim_property_newlines(std::vector<ast::SchemaAst>& asts, const SourceSet& sources) {
  const auto trim = [&](std::vector<ast::ConfigBlockProperty>& properties) {
    for (auto& property : properties) {
      const auto& text = sources.file(property.span.file).text;
      while (property.span.end > property.span.start &&
             (text[property.span.end - 1] == '\n' || text[property.span.end - 1] == '\r'))
        --property.span.end;
    }
  };
  for (auto& file : asts) {
    for (auto& top : file.tops) {
      if (auto* source = std::get_if<ast::SourceConfig>(&top)) trim(source->properties);
      if (auto* generator = std::get_if<ast::GeneratorConfig>(&top)) trim(generator->properties);
    }
  }
}

// Parses the files (parse diagnostics must be empty) and loads their configuration.
Loaded load(std::vector<std::string> texts) {
  Loaded out;
  for (std::size_t i = 0; i < texts.size(); ++i) out.sources.add("schema" + std::to_string(i) + ".prisma", texts[i]);
  for (FileId id = 0; id < out.sources.files.size(); ++id)
    out.asts.push_back(parse_file(out.sources.files[id].text, id, out.diags));
  REQUIRE(out.diags.errors().empty());
  trim_property_newlines(out.asts, out.sources);
  out.config = load_configuration(out.asts, out.sources, out.diags);
  return out;
}
Loaded load(const std::string& text) { return load(std::vector<std::string>{text}); }

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.message);
  return out;
}

std::string spanned_text(const Loaded& loaded, const Diagnostic& d) { return std::string(loaded.sources.slice(d.span)); }

EnvLookup env_map(std::map<std::string, std::string> values) {
  return [values](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

// conformance/README.md §1: the last run of `//` lines reaching the end of the file, each line
// stripped of every leading "// ".
std::string expected_block(const std::string& text) {
  std::size_t block_start = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' || i + 1 == text.size()) continue;
    const bool comment = text.compare(i + 1, 2, "//") == 0;
    if (comment && block_start == std::string::npos) block_start = i + 1;
    if (!comment) block_start = std::string::npos;
  }
  if (block_start == std::string::npos) return "";
  std::string out;
  std::istringstream lines(text.substr(block_start));
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view v = line;
    while (v.substr(0, 3) == "// ") v.remove_prefix(3);
    out += std::string(v) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("datasource fields are loaded", "[config][datasource]") {
  // Prisma takes a config block's documentation from a comment block inside it.
  auto loaded = load(R"(datasource db {
  /// main db
  provider          = "postgres"
  url               = env("DATABASE_URL")
  directUrl         = "postgresql://direct"
  shadowDatabaseUrl = env("SHADOW")
  relationMode      = "prisma"
  schemas           = ["b", "a"]
}
)");
  CHECK(loaded.diags.errors().empty());
  CHECK(loaded.diags.warnings().empty());
  REQUIRE(loaded.config.datasources.size() == 1);
  const auto& ds = loaded.config.datasources[0];
  CHECK(ds.name == "db");
  CHECK(ds.provider == "postgres");
  CHECK(ds.active_provider == "postgresql");
  CHECK(ds.url == StringFromEnv::env_var("DATABASE_URL"));
  CHECK(loaded.sources.slice(ds.url_span) == "env(\"DATABASE_URL\")");
  REQUIRE(ds.direct_url);
  CHECK(*ds.direct_url == StringFromEnv::literal("postgresql://direct"));
  REQUIRE(ds.shadow_database_url);
  CHECK(*ds.shadow_database_url == StringFromEnv::env_var("SHADOW"));
  CHECK(ds.relation_mode == RelationMode::Prisma);
  CHECK(ds.effective_relation_mode() == RelationMode::Prisma);
  REQUIRE(ds.schemas.size() == 2);
  CHECK(ds.schemas[0].first == "a");
  CHECK(ds.has_schema("b"));
  CHECK_FALSE(ds.has_schema("c"));
  REQUIRE(ds.documentation);
  CHECK(ds.documentation->find("main db") != std::string::npos);
  CHECK(ds.property_spans.size() == 6);
}

TEST_CASE("default relation mode comes from the connector", "[config][datasource]") {
  auto mongo = load("datasource db {\n  provider = \"mongodb\"\n  url = \"mongodb://x\"\n}\n");
  REQUIRE(mongo.config.datasources.size() == 1);
  CHECK_FALSE(mongo.config.datasources[0].relation_mode);
  CHECK(mongo.config.datasources[0].effective_relation_mode() == RelationMode::Prisma);

  auto pg = load("datasource db {\n  provider = \"postgresql\"\n  url = \"x\"\n}\n");
  CHECK(pg.config.datasources[0].effective_relation_mode() == RelationMode::ForeignKeys);
}

TEST_CASE("datasource provider errors", "[config][datasource]") {
  SECTION("missing provider") {
    auto l = load("datasource db {\n  url = \"x\"\n}\n");
    REQUIRE(l.diags.errors().size() == 1);
    CHECK(l.diags.errors()[0].message == "Argument \"provider\" is missing in data source block \"db\".");
    CHECK(l.config.datasources.empty());
  }
  SECTION("unknown provider, at the value") {
    auto l = load("datasource db {\n  provider = \"oracle\"\n  url = \"x\"\n}\n");
    REQUIRE(l.diags.errors().size() == 1);
    CHECK(l.diags.errors()[0].message == "Datasource provider not known: \"oracle\".");
    CHECK(spanned_text(l, l.diags.errors()[0]) == "\"oracle\"");
  }
  SECTION("env() provider") {
    auto l = load("datasource db {\n  provider = env(\"P\")\n  url = \"x\"\n}\n");
    CHECK(messages(l.diags.errors()) ==
          std::vector<std::string>{"A datasource must not use the env() function in the provider argument."});
  }
  SECTION("empty and non-string provider") {
    auto empty = load("datasource db {\n  provider = \"\"\n  url = \"x\"\n}\n");
    CHECK(messages(empty.diags.errors()) ==
          std::vector<std::string>{
              "Error validating datasource `db`: The provider argument in a datasource must not be empty"});
    auto constant = load("datasource db {\n  provider = mysql\n  url = \"x\"\n}\n");
    CHECK(messages(constant.diags.errors()) ==
          std::vector<std::string>{
              "Error validating datasource `db`: The provider argument in a datasource must be a string literal"});
  }
}

TEST_CASE("url handling while loading", "[config][datasource]") {
  SECTION("missing url spans the block") {
    auto l = load("datasource db {\n  provider = \"postgres\"\n}\n");
    REQUIRE(l.diags.errors().size() == 1);
    CHECK(l.diags.errors()[0].message == "Argument \"url\" is missing in data source block \"db\".");
    CHECK(spanned_text(l, l.diags.errors()[0]).rfind("datasource db {", 0) == 0);
  }
  SECTION("sqlite may omit url with schemaEngineDriverAdapters") {
    auto l = load(
        "generator c {\n  provider = \"prisma-client\"\n  previewFeatures = [\"schemaEngineDriverAdapters\"]\n}\n"
        "datasource db {\n  provider = \"sqlite\"\n}\n");
    CHECK(l.diags.errors().empty());
    REQUIRE(l.config.datasources.size() == 1);
    CHECK(l.config.datasources[0].url == StringFromEnv::literal("<invalid>"));
  }
  SECTION("non-string url drops the datasource") {
    auto l = load("datasource db {\n  provider = \"mysql\"\n  url = 42\n  foo = 1\n}\n");
    CHECK(messages(l.diags.errors()) ==
          std::vector<std::string>{"Expected a String value, but received numeric value `42`."});
    CHECK(l.config.datasources.empty());
  }
  SECTION("empty shadowDatabaseUrl literal counts as absent") {
    auto l = load("datasource db {\n  provider = \"mysql\"\n  url = \"\"\n  shadowDatabaseUrl = \"\"\n}\n");
    CHECK(l.diags.errors().empty());
    CHECK_FALSE(l.config.datasources[0].shadow_database_url);
  }
}

TEST_CASE("env() argument shapes", "[config][env]") {
  auto named = load("datasource db {\n  provider = \"mysql\"\n  url = env(name: \"X\")\n}\n");
  CHECK(named.diags.errors().empty());
  CHECK(messages(named.diags.warnings()) == std::vector<std::string>{"The env function doesn't expect named arguments"});
  CHECK(named.config.datasources.at(0).url == StringFromEnv::env_var("X"));

  auto two = load("datasource db {\n  provider = \"mysql\"\n  url = env(\"A\", \"B\")\n}\n");
  CHECK(messages(two.diags.errors()) ==
        std::vector<std::string>{"Exactly one string parameter must be passed to the env function."});

  auto number = load("datasource db {\n  provider = \"mysql\"\n  url = env(1)\n}\n");
  CHECK(messages(number.diags.errors()) ==
        std::vector<std::string>{"Expected a string value, but received numeric value `1`."});
}

TEST_CASE("unknown properties and previewFeatures in a datasource", "[config][datasource]") {
  auto l = load(
      "datasource db {\n  provider = \"mysql\"\n  url = \"mysql://x\"\n  previewFeatures = [\"views\"]\n"
      "  foo = 1\n  bar = \"x\"\n}\n");
  CHECK(messages(l.diags.errors()) ==
        std::vector<std::string>{"Preview features are only supported in the generator block. Please move this field "
                                 "to the generator block.",
                                 "Property not known: \"foo\".", "Property not known: \"bar\"."});
  CHECK(spanned_text(l, l.diags.errors()[1]) == "foo = 1");
}

TEST_CASE("relation mode errors", "[config][datasource]") {
  auto invalid = load("datasource db {\n  provider = \"mysql\"\n  url = \"x\"\n  relationMode = \"nope\"\n}\n");
  CHECK(messages(invalid.diags.errors()) ==
        std::vector<std::string>{"Error validating datasource `relationMode`: Invalid relation mode setting: \"nope\". "
                                 "Supported values: \"prisma\", \"foreignKeys\""});
  CHECK_FALSE(invalid.config.datasources.at(0).relation_mode);

  auto mongo = load("datasource db {\n  provider = \"mongodb\"\n  url = \"x\"\n  relationMode = \"foreignKeys\"\n}\n");
  CHECK(messages(mongo.diags.errors()) ==
        std::vector<std::string>{"Error validating datasource `relationMode`: Invalid relation mode setting: "
                                 "\"foreignKeys\". Supported values: \"prisma\""});
  CHECK(spanned_text(mongo, mongo.diags.errors()[0]) == "\"foreignKeys\"");

  auto legacy = load("datasource db {\n  provider = \"mysql\"\n  url = \"x\"\n  referentialIntegrity = \"prisma\"\n}\n");
  CHECK(legacy.diags.errors().empty());
  CHECK(legacy.diags.warnings().size() == 1);
  CHECK(legacy.config.datasources.at(0).relation_mode == RelationMode::Prisma);
}

TEST_CASE("more than one datasource", "[config][datasource]") {
  auto l = load(
      "datasource a {\n  provider = \"mysql\"\n  url = \"x\"\n}\n"
      "datasource b {\n  provider = \"mysql\"\n  url = \"y\"\n}\n");
  CHECK(messages(l.diags.errors()) ==
        std::vector<std::string>{
            "Error validating datasource `a`: You defined more than one datasource. This is not allowed yet because "
            "support for multiple databases has not been implemented yet.",
            "Error validating datasource `b`: You defined more than one datasource. This is not allowed yet because "
            "support for multiple databases has not been implemented yet."});
}

TEST_CASE("generator fields are loaded", "[config][generator]") {
  auto l = load(R"(generator client {
  provider        = "prisma-client"
  output          = env("OUT")
  binaryTargets   = ["native", env("TARGET")]
  previewFeatures = ["views", "RELATIONJOINS"]
  zeta            = "z"
  alpha           = ["a", env("B"), 3]
  fn              = foo(bar: 1)
}
)");
  CHECK(l.diags.errors().empty());
  REQUIRE(l.config.generators.size() == 1);
  const auto& g = l.config.generators[0];
  CHECK(g.name == "client");
  CHECK(g.provider == StringFromEnv::literal("prisma-client"));
  CHECK(g.output == StringFromEnv::env_var("OUT"));
  CHECK(g.binary_targets == std::vector<StringFromEnv>{StringFromEnv::literal("native"), StringFromEnv::env_var("TARGET")});
  REQUIRE(g.preview_features);
  CHECK(g.preview_features->to_vector() == std::vector<PreviewFeature>{PreviewFeature::RelationJoins, PreviewFeature::Views});
  REQUIRE(g.config.size() == 3);
  CHECK(g.config[0].first == "zeta");
  CHECK(g.config[1].first == "alpha");
  CHECK(g.config[1].second.kind == GeneratorConfigValue::Kind::Array);
  REQUIRE(g.config[1].second.items.size() == 3);
  CHECK(g.config[1].second.items[1].kind == GeneratorConfigValue::Kind::Env);
  CHECK(g.config[1].second.items[1].text == "B");
  CHECK(g.config[1].second.items[2].text == "3");
  CHECK(g.config[2].second.text == "foo(bar: 1)");
  CHECK(l.config.preview_features().contains(PreviewFeature::Views));
}

TEST_CASE("generator errors", "[config][generator]") {
  auto missing = load("generator g {\n  output = \"x\"\n}\n");
  CHECK(messages(missing.diags.errors()) ==
        std::vector<std::string>{"Argument \"provider\" is missing in generator block \"g\"."});

  auto engine = load("generator g {\n  provider = \"x\"\n  engineType = library\n}\n");
  CHECK(messages(engine.diags.errors()) ==
        std::vector<std::string>{"Expected a String value, but received literal value `library`."});

  auto bad_env = load("generator g {\n  provider = \"x\"\n  custom = env()\n}\n");
  CHECK(messages(bad_env.diags.errors()) ==
        std::vector<std::string>{"Exactly one string parameter must be passed to the env function."});
  CHECK(bad_env.config.generators.empty());
}

TEST_CASE("preview feature validation", "[config][preview]") {
  SECTION("unknown feature lists the active ones for the provider") {
    auto pg = load(
        "datasource db {\n  provider = \"postgres\"\n  url = \"x\"\n}\n"
        "generator g {\n  provider = \"x\"\n  previewFeatures = [\"nope\"]\n}\n");
    CHECK(messages(pg.diags.errors()) ==
          std::vector<std::string>{"The preview feature \"nope\" is not known. Expected one of: fullTextSearchPostgres, "
                                   "metrics, nativeDistinct, postgresqlExtensions, relationJoins, "
                                   "schemaEngineDriverAdapters, shardKeys, strictUndefinedChecks, views"});
    CHECK(spanned_text(pg, pg.diags.errors()[0]) == "[\"nope\"]");
  }
  SECTION("stabilized, deprecated, renamed, hidden") {
    auto l = load(
        "datasource db {\n  provider = \"postgresql\"\n  url = \"x\"\n}\n"
        "generator g {\n  provider = \"x\"\n  previewFeatures = [\"multiSchema\", \"metrics\", \"fullTextSearch\", "
        "\"typedSql\"]\n}\n");
    CHECK(l.diags.errors().empty());
    CHECK(messages(l.diags.warnings()) ==
          std::vector<std::string>{
              "Preview feature \"multiSchema\" is deprecated. The functionality can be used without specifying it as "
              "a preview feature.",
              "Preview feature \"metrics\" is deprecated. It will be removed in a future version of Prisma.",
              "On `provider = \"postgresql\"`, preview feature \"fullTextSearch\" has been renamed to "
              "\"fullTextSearchPostgres\". Learn more at https://pris.ly/d/fts-postgres."});
    const auto features = l.config.preview_features();
    CHECK(features.contains(PreviewFeature::FullTextSearchPostgres));
    CHECK_FALSE(features.contains(PreviewFeature::FullTextSearch));
    CHECK(features.contains(PreviewFeature::TypedSql));
  }
  SECTION("non-string elements") {
    auto l = load("generator g {\n  provider = \"x\"\n  previewFeatures = [views]\n}\n");
    CHECK(messages(l.diags.errors()) ==
          std::vector<std::string>{"Expected a string value, but received literal value `views`."});
    CHECK_FALSE(l.config.generators.at(0).preview_features);
  }
}

TEST_CASE("postgres extensions", "[config][extensions]") {
  auto l = load(
      "datasource db {\n  provider = \"postgresql\"\n  url = \"x\"\n"
      "  extensions = [uuid_ossp(map: \"uuid-ossp\", schema: \"ext\", version: \"1.1\"), citext]\n}\n");
  CHECK(l.diags.errors().empty());
  const auto& ds = l.config.datasources.at(0);
  REQUIRE(ds.extensions);
  REQUIRE(ds.extensions->extensions.size() == 2);
  CHECK(ds.extensions->extensions[0].name == "citext");
  CHECK(ds.extensions->extensions[1].db_name == std::optional<std::string>("uuid-ossp"));
  CHECK(ds.extensions->extensions[1].schema == std::optional<std::string>("ext"));
  CHECK(ds.extensions->extensions[1].version == std::optional<std::string>("1.1"));

  Diagnostics without_feature;
  validate_datasource_properties(ds, PreviewFeatures{}, without_feature);
  CHECK(messages(without_feature.errors()) ==
        std::vector<std::string>{
            "The `extensions` property is only available with the `postgresqlExtensions` preview feature."});
  Diagnostics with_feature;
  validate_datasource_properties(ds, PreviewFeatures{PreviewFeature::PostgresqlExtensions}, with_feature);
  CHECK(with_feature.errors().empty());
}

TEST_CASE("resolving URLs reads env vars lazily", "[config][env]") {
  auto l = load("datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n  directUrl = \"\"\n}\n");
  CHECK(l.diags.errors().empty());  // an unset variable must not fail validation
  const auto& ds = l.config.datasources.at(0);

  const auto missing = load_url(ds, env_map({}));
  REQUIRE(missing.error);
  CHECK(missing.error->message == "Environment variable not found: DATABASE_URL.");
  CHECK(l.sources.slice(missing.error->span) == "env(\"DATABASE_URL\")");

  const auto wrong_protocol = load_url(ds, env_map({{"DATABASE_URL", "mysql://x"}}));
  REQUIRE(wrong_protocol.error);
  CHECK(wrong_protocol.error->message ==
        "Error validating datasource `db`: the URL must start with the protocol `postgresql://` or `postgres://`.");

  const auto blank = load_url(ds, env_map({{"DATABASE_URL", "  "}}));
  REQUIRE(blank.error);
  CHECK(blank.error->message ==
        "Error validating datasource `db`: You must provide a nonempty URL. The environment variable `DATABASE_URL` "
        "resolved to an empty string.");

  const auto ok = load_url(ds, env_map({{"DATABASE_URL", "postgres://h/db"}}));
  CHECK_FALSE(ok.error);
  CHECK(ok.url == std::optional<std::string>("postgres://h/db"));

  const auto direct = load_direct_url(ds, env_map({{"DATABASE_URL", "postgres://h/db"}}));
  REQUIRE(direct.error);
  CHECK(direct.error->message == "Error validating datasource `db`: You must provide a nonempty direct URL");

  const auto shadow = load_shadow_database_url(ds, env_map({}));
  CHECK_FALSE(shadow.url);
  CHECK_FALSE(shadow.error);

  CHECK(resolve_env(StringFromEnv::env_var("A"), env_map({{"A", "1"}})) == std::optional<std::string>("1"));
  CHECK(resolve_env(StringFromEnv::literal("lit"), env_map({})) == std::optional<std::string>("lit"));
}

TEST_CASE("expression text matches Prisma's rendering", "[config][coerce]") {
  ast::Expression str{ast::ExpressionKind::StringValue, "a\"b\\", {}, {}, {}};
  CHECK(expression_text(str) == "\"a\\\"b\\\\\"");
  ast::Expression array{ast::ExpressionKind::Array, "", {}, {str, ast::Expression{ast::ExpressionKind::NumericValue, "1", {}, {}, {}}}, {}};
  CHECK(expression_text(array) == "[\"a\\\"b\\\\\",1]");
}

TEST_CASE("multi-file: configuration is loaded file by file", "[config][multifile]") {
  auto l = load(std::vector<std::string>{
      "datasource db {\n  provider = \"postgresql\"\n  url = \"x\"\n}\n",
      "generator g {\n  provider = \"x\"\n}\n"});
  CHECK(l.diags.errors().empty());
  CHECK(l.config.datasources.size() == 1);
  CHECK(l.config.generators.size() == 1);
  CHECK(l.config.generators[0].span.file == 1);
}

// The corpus cases whose expected diagnostics all come from configuration loading or the
// datasource checks of the validation pipeline.
TEST_CASE("psl-validation corpus: configuration cases", "[config][conformance]") {
  const fs::path root = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "psl-validation";
  const std::vector<std::string> dirs = {"datasource", "generator", "postgres_extensions", "preview_features",
                                         "attributes/relation_mode"};
  std::vector<fs::path> files;
  for (const auto& dir : dirs) {
    for (const auto& f : prismapp::testing::corpus_files(root / dir, ".prisma")) files.push_back(f);
  }
  files.push_back(root / "attributes/schema/on_mysql.prisma");
  files.push_back(root / "attributes/schema/on_sqlite.prisma");
  REQUIRE(files.size() >= 40);

  for (const auto& file : files) {
    const std::string rel = fs::relative(file, root).generic_string();
    // Duplicate generator names are reported by name resolution, not by the loaders.
    if (rel == "generator/multiple_prisma_clients_same_name.prisma") continue;
    const std::string text = prismapp::testing::read_file(file);
    SourceSet sources;
    sources.add("schema.prisma", text);
    Diagnostics diags;
    std::vector<ast::SchemaAst> asts{parse_file(sources.files[0].text, 0, diags)};
    trim_property_newlines(asts, sources);
    const auto configuration = load_configuration(asts, sources, diags);
    if (!diags.has_errors() && configuration.first_datasource())
      validate_datasource_properties(*configuration.first_datasource(), configuration.preview_features(), diags);
    INFO(rel);
    CHECK(render_diagnostics(diags, sources, true) == expected_block(text));
  }
}

// prisma-fmt get_dmmf cases: unset env vars and an empty directUrl must not fail validation; the
// relationMode/referentialIntegrity clash is a P1012 error rendered like the CLI does.
TEST_CASE("get_dmmf corpus: configuration cases", "[config][conformance]") {
  const fs::path root = fs::path(PRISMAPP_SHARED_DIR) / "conformance" / "dmmf" / "get_dmmf";
  const auto diagnostics_for = [&](const std::string& dir, SourceSet& sources) {
    sources.add("schema.prisma", prismapp::testing::read_file(root / dir / "schema.prisma"));
    Diagnostics diags;
    std::vector<ast::SchemaAst> asts{parse_file(sources.files[0].text, 0, diags)};
    trim_property_newlines(asts, sources);
    const auto configuration = load_configuration(asts, sources, diags);
    if (!diags.has_errors() && configuration.first_datasource())
      validate_datasource_properties(*configuration.first_datasource(), configuration.preview_features(), diags);
    return diags;
  };
  for (const std::string dir : {"get_dmmf_missing_env_var", "get_dmmf_direct_url_direct_empty"}) {
    SourceSet sources;
    const auto diags = diagnostics_for(dir, sources);
    INFO(dir);
    CHECK(render_diagnostics(diags, sources, true).empty());
  }
  SourceSet sources;
  const auto diags = diagnostics_for("get_dmmf_using_both_relation_mode_and_referential_integrity", sources);
  const auto expected = nlohmann::json::parse(prismapp::testing::read_file(
      root / "get_dmmf_using_both_relation_mode_and_referential_integrity" / "expected_error.json"));
  CHECK(expected["error_code"] == "P1012");
  // get_dmmf prints only the errors, then the count.
  std::string actual;
  for (const auto& error : diags.errors()) actual += render_diagnostic(error, sources, true);
  actual += "\nValidation Error Count: " + std::to_string(diags.errors().size());
  CHECK(actual == expected["message"].get<std::string>());
}
