// `prismapp generate` with the built-in Python client generator: rendering, the `_schema.py`
// contract (checked by importing it with a real Python), the output directory rules and bad input.
#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/schema/schema.hpp"
#include "generators/python/python_generator.hpp"
#include "tests/cli_support.hpp"

using namespace prismapp::testing;
namespace fs = std::filesystem;
namespace py = prismapp::generators::python;

namespace {

const char* const kSampleSchema = R"(generator client {
  provider             = "prisma-client-py"
  recursive_type_depth = 5
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Role {
  USER
  ADMIN @map("admin")

  @@map("roles")
}

/// A user
/// @Python(instance_name: "member")
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique @db.VarChar(255)
  firstName String   @map("first_name")
  lastName  String
  role      Role     @default(USER)
  tags      String[]
  posts     Post[]
  profile   Profile?
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt

  @@unique([firstName, lastName])
  @@map("users")
}

model Profile {
  id     String @id @default(uuid())
  bio    String?
  userId Int    @unique
  user   User   @relation(fields: [userId], references: [id])
}

model Post {
  id         String     @id @default(cuid())
  title      String
  authorId   Int?
  author     User?      @relation(fields: [authorId], references: [id])
  categories Category[]
  views      BigInt     @default(0)
  rating     Float      @default(1.5)
  published  Boolean    @default(false)
  meta       Json?
  blob       Bytes?
  price      Decimal    @default("1.50")
  at         DateTime   @default("2020-01-01T10:00:00Z")
}

model Category {
  id    Int    @id @default(autoincrement())
  name  String
  posts Post[]
}

model Membership {
  orgId  Int
  userId Int
  level  Int @default(1)

  @@id([orgId, userId])
  @@unique([userId, level], name: "by_level")
}
)";

prismapp::schema::ValidationResult validate(const std::string& text) {
  prismapp::schema::SourceSet sources;
  sources.add("schema.prisma", text);
  auto result = prismapp::schema::validate_schema(std::move(sources));
  REQUIRE_FALSE(result.diagnostics.has_errors());
  return result;
}

std::vector<py::GeneratedFile> render(const prismapp::schema::ValidationResult& result, py::GeneratorOptions options) {
  py::RenderInput input;
  input.schema = &result;
  input.options = options;
  input.schema_path = "/abs/prisma/schema.prisma";
  input.schema_dir = "/abs/prisma";
  input.schema_text = result.parsed.sources.files.front().text;
  return py::render_package(input);
}

const std::string& file(const std::vector<py::GeneratedFile>& files, const std::string& name) {
  for (const auto& f : files)
    if (f.path == name) return f.content;
  FAIL("no generated file " << name);
  static std::string none;
  return none;
}

py::GeneratorOptions decimal_options(int depth = 5) {
  py::GeneratorOptions o;
  o.enable_experimental_decimal = true;
  o.recursive_type_depth = depth;
  return o;
}

struct Proc {
  int code = -1;
  std::string out;
};

// Runs a shell command, capturing stdout (stderr goes to stdout too).
Proc shell(const std::string& command) {
  Proc p;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) p.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  p.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return p;
}

std::string with_decimal_flag(std::string schema) {
  const std::string needle = "recursive_type_depth = 5\n";
  schema.replace(schema.find(needle), needle.size(), needle + "  enable_experimental_decimal = true\n");
  return schema;
}

const RunOptions kEnv{{{"DATABASE_URL", std::string("postgresql://u:p@localhost:5432/db")}}};

}  // namespace

TEST_CASE("python generator: renders every module of the package", "[generate][python]") {
  const auto result = validate(kSampleSchema);
  const auto files = render(result, decimal_options());
  for (const char* name : {"__init__.py", "client.py", "actions.py", "models.py", "bases.py", "types.py", "enums.py",
                           "partials.py", "metadata.py", "_schema.py", "schema.prisma"})
    CHECK_NOTHROW(file(files, name));

  const auto& enums = file(files, "enums.py");
  CHECK(enums.find("class Role(StrEnum):") != std::string::npos);
  CHECK(enums.find("ADMIN = 'ADMIN'") != std::string::npos);  // the name, not the @map value

  const auto& client = file(files, "client.py");
  CHECK(client.find("member: 'actions.UserActions[models.User]'") != std::string::npos);  // @Python(instance_name)
  CHECK(client.find("self.post = actions.PostActions[models.Post](self, models.Post)") != std::string::npos);
  CHECK(client.find("class PostBatchActions:") != std::string::npos);
  CHECK(client.find("from ._runtime.client import AsyncBasePrisma") != std::string::npos);

  const auto& actions = file(files, "actions.py");
  CHECK(actions.find("async def find_many(self, take: Optional[int] = None, skip: Optional[int] = None, where: "
                     "Optional[types.UserWhereInput] = None") != std::string::npos);
  CHECK(actions.find("method='find_first_or_raise'") != std::string::npos);

  const auto& types = file(files, "types.py");
  CHECK(types.find("class UserCreateInput(UserOptionalCreateInput):") != std::string::npos);
  CHECK(types.find("class _UserCompoundFirstNameLastNameKey(TypedDict):") != std::string::npos);
  CHECK(types.find("    firstName_lastName: '_UserCompoundFirstNameLastNameKeyInner'") != std::string::npos);
  CHECK(types.find("class _MembershipCompoundPrimaryKey(TypedDict):") != std::string::npos);
  CHECK(types.find("    by_level: '_MembershipCompoundByLevelKeyInner'") != std::string::npos);
  CHECK(types.find("class _UserWhereUnique_email_Input(TypedDict):") != std::string::npos);
  CHECK(types.find("'mode': SortMode,") != std::string::npos);  // postgresql only
  CHECK(types.find("StringListFilter = Union[") != std::string::npos);
  CHECK(types.find("views: Union['AtomicIntInput', int]") != std::string::npos);
  CHECK(types.find("price: decimal.Decimal") != std::string::npos);
  CHECK(types.find("UserWhereInputRecursive4") != std::string::npos);
  CHECK(types.find("UserWhereInputRecursive5") == std::string::npos);
  // No per-pair types (upstream's O(models²) {Related}IncludeFrom{Model}).
  CHECK(types.find("IncludeFrom") == std::string::npos);
  CHECK(types.find("UserScalarFieldKeys = Literal[") != std::string::npos);
  CHECK(types.find("MembershipRelationalFieldKeys: TypeAlias = None") != std::string::npos);

  const auto& models = file(files, "models.py");
  CHECK(models.find("class User(bases.BaseUser):") != std::string::npos);
  CHECK(models.find("    posts: Optional[List['models.Post']] = None") != std::string::npos);
  CHECK(models.find("    meta: Optional['fields.Json'] = None") != std::string::npos);
  CHECK(models.find("model_rebuild(Category)") != std::string::npos);

  const auto& bases = file(files, "bases.py");
  CHECK(bases.find("__prisma_model__: ClassVar[str] = 'User'") != std::string::npos);
}

TEST_CASE("python generator: sync interface and recursive types", "[generate][python]") {
  const auto result = validate(kSampleSchema);
  auto options = decimal_options(-1);
  options.interface = py::Interface::Sync;
  const auto files = render(result, options);
  const auto& actions = file(files, "actions.py");
  CHECK(actions.find("async def") == std::string::npos);
  CHECK(actions.find("    def create(self, data: types.UserCreateInput") != std::string::npos);
  CHECK(file(files, "client.py").find("SyncBasePrisma") != std::string::npos);
  const auto& types = file(files, "types.py");
  CHECK(types.find("Recursive1") == std::string::npos);
  CHECK(types.find("AND: List['UserWhereInput']") != std::string::npos);
  CHECK(types.find("'is': 'UserWhereInput',") != std::string::npos);
  CHECK(file(files, "_schema.py").find("INTERFACE: str = 'sync'") != std::string::npos);
}

TEST_CASE("python generator: _schema.py holds the contract's data (checked with Python)", "[generate][python]") {
  const auto result = validate(kSampleSchema);
  const auto files = render(result, decimal_options());
  TempDir dir;
  write_file(dir / "_schema.py", file(files, "_schema.py"));
  write_file(dir / "check.py", R"py(
import importlib.util, sys
spec = importlib.util.spec_from_file_location('s', sys.argv[1])
s = importlib.util.module_from_spec(spec); spec.loader.exec_module(s)
assert s.PROVIDER == 'postgresql', s.PROVIDER
assert s.INTERFACE == 'asyncio'
assert s.DATASOURCE == {'name': 'db', 'url': None, 'url_env': 'DATABASE_URL', 'schema_dir': '/abs/prisma'}, s.DATASOURCE
assert s.SCHEMA_PATH == '/abs/prisma/schema.prisma'
u = s.MODELS['User']
assert u['db_name'] == 'users' and u['schema'] is None
assert u['id'] == ['id']
assert u['compound_keys'] == {'firstName_lastName': ['firstName', 'lastName']}, u['compound_keys']
assert u['unique'] == [['id'], ['email'], ['firstName', 'lastName']], u['unique']
assert list(u['fields']) == ['id', 'email', 'firstName', 'lastName', 'role', 'tags', 'posts', 'profile', 'createdAt', 'updatedAt']
f = u['fields']
assert f['id'] == {'kind': 'scalar', 'type': 'Int', 'db_name': 'id', 'list': False, 'required': True,
                   'default': {'kind': 'autoincrement'}, 'updated_at': False, 'native_type': None, 'enum': None}, f['id']
assert f['email']['native_type'] == ['VarChar', ['255']]
assert f['firstName']['db_name'] == 'first_name'
assert f['role'] == {'kind': 'enum', 'type': 'Role', 'db_name': 'role', 'list': False, 'required': True,
                     'default': {'kind': 'value', 'value': 'USER'}, 'updated_at': False, 'native_type': None, 'enum': 'Role'}
assert f['tags']['list'] is True
assert f['createdAt']['default'] == {'kind': 'now'}
assert f['updatedAt']['updated_at'] is True
assert f['posts'] == {'kind': 'relation', 'type': 'Post', 'list': True, 'required': False, 'relation_name': 'PostToUser',
                      'fields': [], 'references': [], 'back_field': 'author', 'join_table': None}, f['posts']
p = s.MODELS['Post']['fields']
assert p['author']['fields'] == ['authorId'] and p['author']['references'] == ['id'] and p['author']['back_field'] == 'posts'
assert p['id']['default'] == {'kind': 'cuid', 'version': 1}
assert s.MODELS['Profile']['fields']['id']['default'] == {'kind': 'uuid', 'version': 4}
assert p['views']['default'] == {'kind': 'value', 'value': '0'}
assert p['rating']['default'] == {'kind': 'value', 'value': 1.5}
assert p['published']['default'] == {'kind': 'value', 'value': False}
assert p['price']['default'] == {'kind': 'value', 'value': '1.50'}
assert p['at']['default'] == {'kind': 'value', 'value': '2020-01-01T10:00:00+00:00'}, p['at']['default']
assert p['categories']['join_table'] == {'table': '_CategoryToPost', 'schema': None, 'self_column': 'B', 'other_column': 'A'}, p['categories']
c = s.MODELS['Category']['fields']['posts']
assert c['join_table'] == {'table': '_CategoryToPost', 'schema': None, 'self_column': 'A', 'other_column': 'B'}
m = s.MODELS['Membership']
assert m['id'] == ['orgId', 'userId']
assert m['compound_keys'] == {'orgId_userId': ['orgId', 'userId'], 'by_level': ['userId', 'level']}, m['compound_keys']
assert s.ENUMS == {'Role': {'db_name': 'roles', 'schema': None, 'values': {'USER': 'USER', 'ADMIN': 'admin'}}}, s.ENUMS
print('ok')
)py");
  const auto r = shell("/usr/bin/python3 " + (dir / "check.py").string() + " " + (dir / "_schema.py").string());
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out == "ok\n");
}

TEST_CASE("python generator: every generated module compiles", "[generate][python]") {
  const auto result = validate(kSampleSchema);
  for (int depth : {5, -1, 2}) {
    const auto files = render(result, decimal_options(depth));
    REQUIRE_FALSE(files.empty());  // py_compile without files would pass
    TempDir dir;
    for (const auto& f : files) write_file(dir / f.path, f.content);
    const auto r = shell("/usr/bin/python3 -m py_compile " + [&] {
      std::string args;
      for (const auto& f : files)
        if (f.path.size() > 3 && f.path.substr(f.path.size() - 3) == ".py") args += " " + (dir / f.path).string();
      return args;
    }());
    INFO("depth " << depth << ": " << r.out);
    CHECK(r.code == 0);
  }
}

TEST_CASE("python generator: bad input", "[generate][python]") {
  SECTION("Decimal without enable_experimental_decimal") {
    const auto result = validate(kSampleSchema);
    py::GeneratorOptions options;
    CHECK_THROWS_WITH(render(result, options), Catch::Contains("Support for the Decimal type is experimental") &&
                                                   Catch::Contains("enable_experimental_decimal"));
  }
  SECTION("field names that shadow Python or pydantic names") {
    const auto result = validate(
        "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\nmodel A {\n  id Int @id\n  json String\n}\n");
    CHECK_THROWS_WITH(render(result, {}), Catch::Contains("Field name \"json\" shadows a BaseModel attribute"));
  }
  SECTION("recursive_type_depth 0 and 1 are rejected") {
    const auto result = validate(
        "generator client {\n  provider = \"prisma-client-py\"\n  recursive_type_depth = 1\n}\n"
        "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\nmodel A {\n  id Int @id\n}\n");
    auto env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
    CHECK_THROWS_WITH(py::parse_generator_options(result.configuration.generators.front(), env),
                      Catch::Contains("-1 or be greater than 1"));
  }
}

TEST_CASE("generate: default output next to prisma/schema.prisma, manifest and stale files", "[generate][python][cli]") {
  TempDir dir;
  const std::string schema = with_decimal_flag(kSampleSchema);
  write_file(dir / "prisma/schema.prisma", schema);
  write_file(dir / "prisma/migrations/20240101000000_init/migration.sql", "-- keep me\n");
  write_file(dir / "prisma/notes.txt", "mine\n");
  auto r = run_prismapp(dir.path(), {"generate"}, kEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("✔ Generated Prisma Client Python (v0.15.0-prismapp) to ./prisma in ") != std::string::npos);
  CHECK(fs::exists(dir / "prisma/client.py"));
  CHECK(fs::exists(dir / "prisma/py.typed"));
  CHECK(fs::exists(dir / "prisma/_compat.py"));  // runtime files are embedded
  CHECK(read_file(dir / "prisma/schema.prisma") == schema);  // the user's schema is untouched
  const std::string manifest = read_file(dir / "prisma/.prismapp-generated");
  CHECK(manifest.find("client.py\n") != std::string::npos);
  CHECK(manifest.find("schema.prisma") == std::string::npos);

  // A file listed by the previous generation but not produced now is removed; others stay.
  write_file(dir / "prisma/old_module.py", "x = 1\n");
  write_file(dir / "prisma/.prismapp-generated", manifest + "old_module.py\nnotes.txt_missing\n../outside.txt\n");
  write_file(dir / "outside.txt", "keep\n");
  r = run_prismapp(dir.path(), {"generate"}, kEnv);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "prisma/old_module.py"));
  CHECK(fs::exists(dir / "outside.txt"));
  CHECK(read_file(dir / "prisma/notes.txt") == "mine\n");
  CHECK(read_file(dir / "prisma/migrations/20240101000000_init/migration.sql") == "-- keep me\n");
  CHECK(read_file(dir / "prisma/schema.prisma") == schema);
}

TEST_CASE("generate: explicit output, project root from prismapp.toml, --generator", "[generate][python][cli]") {
  TempDir dir;
  std::string schema = with_decimal_flag(kSampleSchema);
  schema.replace(schema.find("generator client {\n"), 19, "generator client {\n  output = \"../gen/db\"\n");
  write_file(dir / "db/schema.prisma", schema);
  auto r = run_prismapp(dir.path(), {"generate", "--schema", "db/schema.prisma"}, kEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("to ./gen/db in") != std::string::npos);
  CHECK(read_file(dir / "gen/db/schema.prisma") == schema);  // the package's own copy

  r = run_prismapp(dir.path(), {"generate", "--schema", "db/schema.prisma", "--generator", "nope"}, kEnv);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("The generator \"nope\" specified via --generator does not exist") != std::string::npos);

  // Default output with prismapp.toml: `prisma/` beside the config file.
  TempDir root;
  write_file(root / "prismapp.toml", "schema = \"schemas/main.prisma\"\n");
  write_file(root / "schemas/main.prisma", with_decimal_flag(kSampleSchema));
  r = run_prismapp(root.path(), {"generate"}, kEnv);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(root / "prisma/__init__.py"));
}

TEST_CASE("generate: errors", "[generate][python][cli]") {
  TempDir dir;
  SECTION("Decimal without the flag exits 1 with upstream's message") {
    write_file(dir / "prisma/schema.prisma", kSampleSchema);
    const auto r = run_prismapp(dir.path(), {"generate"}, kEnv);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("Support for the Decimal type is experimental") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "prisma/client.py"));
  }
  SECTION("unknown provider") {
    write_file(dir / "schema.prisma",
               "generator js {\n  provider = \"prisma-client-nope\"\n}\n"
               "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\nmodel A {\n  id Int @id\n}\n");
    const auto r = run_prismapp(dir.path(), {"generate"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("Generator \"prisma-client-nope\" failed") != std::string::npos);
  }
  SECTION("validation errors print like validate") {
    write_file(dir / "schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\nmodel A {\n  id Intt @id\n}\n");
    const auto r = run_prismapp(dir.path(), {"generate"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("P1012") != std::string::npos);
  }
  SECTION("output clashing with the schema file") {
    write_file(dir / "schema.prisma",
               "generator client {\n  provider = \"prisma-client-py\"\n  output = \"schema.prisma\"\n}\n"
               "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\nmodel A {\n  id Int @id\n}\n");
    const auto r = run_prismapp(dir.path(), {"generate"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("schema") != std::string::npos);
    CHECK(read_file(dir / "schema.prisma").find("generator client") == 0);
  }
}

TEST_CASE("generate: the 500-model schema is generated quickly", "[generate][python][cli][.perf]") {
  TempDir dir;
  std::string schema = read_file(fs::path(PRISMAPP_SHARED_DIR) / "oracle/schemas/large-sqlite.prisma");
  schema = "generator client {\n  provider = \"prisma-client-py\"\n  recursive_type_depth = 5\n  enable_experimental_decimal = true\n}\n" + schema;
  schema.replace(schema.find("  provider = \"sqlite\"\n"), 22, "  provider = \"sqlite\"\n  url      = \"file:dev.db\"\n");
  write_file(dir / "prisma/schema.prisma", schema);
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_prismapp(dir.path(), {"generate"}, RunOptions{{{"DATABASE_URL", std::string("file:dev.db")}}});
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  WARN("generate (500 models): " << ms << " ms; " << r.out);
  CHECK(ms < 3000);
}
