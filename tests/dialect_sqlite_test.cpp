// Tests for the SQLite dialect (core/dialect/sqlite): URL handling, the connection (scripts,
// parameters, errors, locking, reset) and the describer, on real database files in a temp dir.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/diff/calculator.hpp"
#include "core/diff/differ.hpp"
#include "core/dialect/dialect.hpp"
#include "core/dialect/sqlite/sqlite_connection.hpp"
#include "core/dialect/sqlite/sqlite_describer.hpp"
#include "core/dialect/sqlite/sqlite_dialect.hpp"
#include "core/dialect/sqlite/sqlite_url.hpp"
#include "core/schema/schema.hpp"

namespace fs = std::filesystem;
using namespace prismapp;
using namespace prismapp::dialect;
using namespace prismapp::dialect::sqlite;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "prismapp-sqlite-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string url(const std::string& file) const { return "file:" + (path / file).string(); }
};

std::unique_ptr<SqliteConnection> open_file(const TempDir& dir, const std::string& file, OpenOptions options = {}) {
  return SqliteConnection::open(parse_sqlite_url(dir.url(file)), options);
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const sql::Column& col(const sql::SqlSchema& s, const std::string& table, const std::string& column) {
  const auto t = s.find_table(table);
  REQUIRE(t);
  const auto c = s.find_column(*t, column);
  REQUIRE(c);
  return s.column(*c);
}

std::vector<std::string> column_names(const sql::SqlSchema& s, const std::vector<sql::ColumnId>& ids) {
  std::vector<std::string> out;
  for (auto id : ids) out.push_back(s.column(id).name);
  return out;
}

std::vector<std::string> index_columns(const sql::SqlSchema& s, const sql::Index& idx) {
  std::vector<std::string> out;
  for (const auto& ic : idx.columns) out.push_back(s.column(ic.column).name);
  return out;
}

const sql::Index* find_index(const sql::SqlSchema& s, const std::string& name) {
  for (const auto& i : s.indexes)
    if (i.name == name) return &i;
  return nullptr;
}

template <typename F>
SqliteError catch_sqlite_error(F&& f) {
  try {
    f();
  } catch (const SqliteError& e) {
    return e;
  }
  FAIL("expected a SqliteError");
  throw std::logic_error("unreachable");
}

template <typename F>
DatabaseError catch_database_error(F&& f) {
  try {
    f();
  } catch (const DatabaseError& e) {
    return e;
  }
  FAIL("expected a DatabaseError");
  throw std::logic_error("unreachable");
}

}  // namespace

// ---- URLs -------------------------------------------------------------------------------------

TEST_CASE("sqlite url: file: paths are rebased onto the schema folder", "[dialect][sqlite][url]") {
  CHECK(parse_sqlite_url("file:./dev.db", "/proj/prisma").file_path == "/proj/prisma/dev.db");
  CHECK(parse_sqlite_url("file:dev.db", "/proj/prisma").file_path == "/proj/prisma/dev.db");
  CHECK(parse_sqlite_url("file:../data/dev.db", "/proj/prisma").file_path == "/proj/data/dev.db");
  CHECK(parse_sqlite_url("file:/abs/path.db", "/proj/prisma").file_path == "/abs/path.db");
  CHECK(parse_sqlite_url("file:./dev.db").file_path == "./dev.db");
  CHECK(parse_sqlite_url("file:./dev.db", "/p").written_path == "./dev.db");
  // Only file: URLs are rebased (psl's set_config_dir); sqlite: and bare paths stay as written.
  CHECK(parse_sqlite_url("sqlite:dev.db", "/proj").file_path == "dev.db");
  CHECK(parse_sqlite_url("dev.db", "/proj").file_path == "dev.db");
  CHECK(parse_sqlite_url("file::memory:").in_memory);
}

TEST_CASE("sqlite url: query parameters", "[dialect][sqlite][url]") {
  const auto u = parse_sqlite_url("file:./dev.db?connection_limit=1&socket_timeout=20&pool_timeout=3", "/p");
  CHECK(u.file_path == "/p/dev.db");
  CHECK(u.connection_limit == 1u);
  CHECK(u.socket_timeout_seconds == 20u);
  const auto e = catch_database_error([] { parse_sqlite_url("file:dev.db?socket_timeout=abc"); });
  CHECK(e.code == "P1013");
}

TEST_CASE("sqlite url: rebase keeps the query string", "[dialect][sqlite][url]") {
  CHECK(rebase_sqlite_url("file:./dev.db?connection_limit=1", "/proj/prisma") == "file:/proj/prisma/dev.db?connection_limit=1");
  CHECK(rebase_sqlite_url("file:/abs.db", "/proj") == "file:/abs.db");
  CHECK(rebase_sqlite_url("sqlite:dev.db", "/proj") == "sqlite:dev.db");
}

TEST_CASE("sqlite url: foreign schemes and directories are rejected", "[dialect][sqlite][url]") {
  const auto e = catch_database_error([] { parse_sqlite_url("postgresql://u:p@localhost/db"); });
  CHECK(e.code == "P1013");
  CHECK(std::string(e.what()) == "The provided database string is invalid. the URL must start with the protocol `file:`.");
  CHECK(is_sqlite_url("file:dev.db"));
  CHECK_FALSE(is_sqlite_url("mysql://x"));
  TempDir dir;
  CHECK(catch_database_error([&] { parse_sqlite_url("file:" + dir.path.string()); }).code == "P1013");
  CHECK(catch_database_error([] { parse_sqlite_url("file:"); }).code == "P1013");
}

TEST_CASE("sqlite url: database name and created message", "[dialect][sqlite][url]") {
  CHECK(sqlite_database_name(parse_sqlite_url("file:./prisma/dev.db")) == "dev.db");
  CHECK(database_created_message("file:./dev.db") == "SQLite database dev.db created at file:./dev.db");
}

// ---- connection -------------------------------------------------------------------------------

TEST_CASE("sqlite connection: creates the file on first connect and says so", "[dialect][sqlite][conn]") {
  TempDir dir;
  const auto path = dir.path / "sub" / "dev.db";
  {
    auto c = SqliteConnection::open(parse_sqlite_url("file:" + path.string()));
    CHECK(c->created_database());
    CHECK(fs::exists(path));
  }
  auto again = SqliteConnection::open(parse_sqlite_url("file:" + path.string()));
  CHECK_FALSE(again->created_database());
}

TEST_CASE("sqlite connection: missing file without create is P1003", "[dialect][sqlite][conn]") {
  TempDir dir;
  OpenOptions no_create;
  no_create.create_if_missing = false;
  const auto e = catch_database_error([&] { open_file(dir, "nope.db", no_create); });
  CHECK(e.code == "P1003");
  CHECK(std::string(e.what()).find("nope.db") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "nope.db"));
}

TEST_CASE("sqlite connection: a file that is not a database", "[dialect][sqlite][conn]") {
  TempDir dir;
  std::ofstream(dir.path / "junk.db") << "this is definitely not an SQLite database file, just text.......";
  const auto e = catch_sqlite_error([&] { open_file(dir, "junk.db"); });
  CHECK(e.sqlite_message == "file is not a database");
  CHECK(std::string(e.what()) == "SQLite database error\nfile is not a database");
}

TEST_CASE("sqlite connection: parameters are bound, NULL included", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto c = open_file(dir, "p.db");
  c->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)");
  c->execute("INSERT INTO t (name, n) VALUES (?, ?)", {std::string("it's \"quoted\""), std::string("42")});
  c->execute("INSERT INTO t (name, n) VALUES (?, ?)", {std::nullopt, std::string("7")});
  const auto rows = c->query("SELECT name, n, n + 1 FROM t WHERE n >= ? ORDER BY id", {std::string("0")});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "it's \"quoted\"");
  CHECK(rows[0][1] == "42");
  CHECK(rows[0][2] == "43");  // text bound into an INTEGER column got integer affinity
  CHECK_FALSE(rows[1][0].has_value());
  CHECK_THROWS_AS(c->execute("INSERT INTO t (name) VALUES (?)"), DatabaseError);  // missing parameter
  CHECK_THROWS_AS(c->execute("SELECT 1; SELECT 2"), DatabaseError);               // one statement only
  CHECK(c->query("SELECT 1 -- trailing comment\n;").size() == 1);
}

TEST_CASE("sqlite connection: scripts run every statement and locate failures", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto c = open_file(dir, "s.db");
  c->execute_script("-- a comment\nCREATE TABLE a (x INTEGER);\n\nINSERT INTO a VALUES (1);\n/* block */ INSERT INTO a VALUES (2);\n");
  CHECK(c->query("SELECT count(*) FROM a")[0][0] == "2");

  const std::string script = "INSERT INTO a VALUES (3);\nCREATE TABLE b (y INTEGER);\nCREATE TABLE oops (x INTEGER NOT NUL);\nINSERT INTO a VALUES (4);";
  const auto e = catch_sqlite_error([&] { c->execute_script(script); });
  CHECK(e.sqlite_message == "near \"NUL\": syntax error");
  CHECK(e.extended_code == 1);
  CHECK(e.line == 3);
  CHECK(e.column == 34);  // SQLite points at the offending token, "NUL"
  // A plain script runs in one transaction: nothing of it stays applied after the failure.
  CHECK(c->query("SELECT count(*) FROM a")[0][0] == "2");
  CHECK(c->query("SELECT count(*) FROM sqlite_master WHERE name = 'b'")[0][0] == "0");
  // A script with PRAGMAs runs statement by statement, as written (PRAGMAs such as foreign_keys
  // are no-ops inside a transaction): statements before the failing one stay applied.
  const std::string with_pragma = "PRAGMA foreign_keys=ON;\nINSERT INTO a VALUES (3);\nCREATE TABLE b (y INTEGER);\nCREATE TABLE oops (x INTEGER NOT NUL);";
  (void)catch_sqlite_error([&] { c->execute_script(with_pragma); });
  CHECK(c->query("SELECT count(*) FROM a")[0][0] == "3");
  CHECK(c->query("SELECT count(*) FROM sqlite_master WHERE name = 'b'")[0][0] == "1");

  // A runtime failure points at the start of its statement.
  const auto e2 = catch_sqlite_error([&] { c->execute_script("SELECT 1;\n  INSERT INTO missing VALUES (1);"); });
  CHECK(e2.sqlite_message == "no such table: missing");
  CHECK(e2.line == 2);
  CHECK(e2.column == 3);
}

TEST_CASE("sqlite connection: a failed script does not leave its transaction open", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto c = open_file(dir, "t.db");
  c->execute("CREATE TABLE a (x INTEGER UNIQUE)");
  CHECK_THROWS_AS(c->execute_script("BEGIN; INSERT INTO a VALUES (1); INSERT INTO a VALUES (1); COMMIT;"), SqliteError);
  CHECK(c->query("SELECT count(*) FROM a")[0][0] == "0");
  c->execute("INSERT INTO a VALUES (5)");  // not inside a dangling transaction
  auto other = open_file(dir, "t.db");
  CHECK(other->query("SELECT count(*) FROM a")[0][0] == "1");
}

TEST_CASE("sqlite connection: foreign keys are enforced like Prisma's SQLite", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto c = open_file(dir, "fk.db");
  c->execute_script("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (pid INTEGER REFERENCES p(id));");
  const auto e = catch_sqlite_error([&] { c->execute("INSERT INTO ch VALUES (99)"); });
  CHECK(e.extended_code == 787);  // SQLITE_CONSTRAINT_FOREIGNKEY
  CHECK(e.sqlite_message == "FOREIGN KEY constraint failed");
  c->set_foreign_keys(false);
  c->execute("INSERT INTO ch VALUES (99)");
}

TEST_CASE("sqlite connection: a locked database is P1008 'database is locked'", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto holder = open_file(dir, "l.db");
  holder->execute("CREATE TABLE a (x INTEGER)");
  OpenOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(50);
  auto waiter = open_file(dir, "l.db", quick);
  holder->execute("BEGIN EXCLUSIVE");
  const auto e = catch_sqlite_error([&] { waiter->execute("INSERT INTO a VALUES (1)"); });
  CHECK(e.code == "P1008");
  CHECK(std::string(e.what()) == "SQLite database error\ndatabase is locked");
  CHECK(e.extended_code == 5);  // SQLITE_BUSY
  holder->execute("COMMIT");
  waiter->execute("INSERT INTO a VALUES (1)");
}

TEST_CASE("sqlite connection: lock() keeps other writers out until unlock()", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto migrate = open_file(dir, "m.db");
  OpenOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(50);
  auto other = open_file(dir, "m.db", quick);
  migrate->lock();
  migrate->execute("CREATE TABLE a (x INTEGER)");  // the lock holder itself writes freely
  CHECK(catch_sqlite_error([&] { other->execute("CREATE TABLE b (x INTEGER)"); }).code == "P1008");
  migrate->unlock();
  other->execute("CREATE TABLE b (x INTEGER)");
  CHECK(other->query("SELECT count(*) FROM sqlite_master WHERE type = 'table'")[0][0] == "2");
}

TEST_CASE("sqlite connection: reset empties the database and keeps the file", "[dialect][sqlite][conn]") {
  TempDir dir;
  auto c = open_file(dir, "r.db");
  c->execute_script(read_text(fs::path(PRISMAPP_SHARED_DIR) / "oracle/artefacts/migration.sqlite.v6.sql"));
  c->execute_script(
      "CREATE VIEW v AS SELECT id FROM users;"
      "CREATE TRIGGER trg AFTER INSERT ON users BEGIN SELECT 1; END;"
      "INSERT INTO users (email, updated_at) VALUES ('a@b.c', 0);");
  c->lock();
  c->reset();
  CHECK(c->query("SELECT count(*) FROM sqlite_master")[0][0] == "0");
  CHECK(c->describe().tables.empty());
  CHECK(fs::exists(dir.path / "r.db"));
  // Usable again at once, and other connections see the empty database.
  c->execute("CREATE TABLE again (x INTEGER)");
  c->unlock();
  auto other = open_file(dir, "r.db");
  CHECK(other->query("SELECT name FROM sqlite_master")[0][0] == "again");
}

// ---- describer --------------------------------------------------------------------------------

TEST_CASE("sqlite describer: Prisma's generated migration", "[dialect][sqlite][describe]") {
  TempDir dir;
  auto c = open_file(dir, "d.db");
  c->execute_script(read_text(fs::path(PRISMAPP_SHARED_DIR) / "oracle/artefacts/migration.sqlite.v6.sql"));
  const auto s = c->describe();

  // sqlite_sequence (created by AUTOINCREMENT) is not shown; tables come sorted by name.
  std::vector<std::string> tables;
  for (const auto& t : s.tables) tables.push_back(t.name);
  CHECK(tables == std::vector<std::string>{"Tag", "post_tags", "posts", "profiles", "users"});
  CHECK(s.views.empty());

  const auto users = *s.find_table("users");
  CHECK(column_names(s, s.table(users).columns) ==
        std::vector<std::string>{"id", "email", "full_name", "role", "created_at", "updated_at"});
  const auto& id = col(s, "users", "id");
  CHECK(id.type.family == sql::ColumnTypeFamily::Int);
  CHECK(id.type.full_data_type == "integer");
  CHECK(id.type.arity == sql::ColumnArity::Required);
  CHECK(id.auto_increment);
  CHECK_FALSE(id.default_value);
  CHECK(col(s, "users", "email").type.family == sql::ColumnTypeFamily::String);
  CHECK(col(s, "users", "email").type.arity == sql::ColumnArity::Required);
  CHECK(col(s, "users", "full_name").type.arity == sql::ColumnArity::Nullable);
  const auto& role = col(s, "users", "role");
  REQUIRE(role.default_value);
  CHECK(role.default_value->kind == sql::DefaultValue::Kind::Value);
  CHECK(role.default_value->value.kind == sql::SqlValue::Kind::String);
  CHECK(role.default_value->value.text == "USER");
  const auto& created = col(s, "users", "created_at");
  CHECK(created.type.family == sql::ColumnTypeFamily::DateTime);
  REQUIRE(created.default_value);
  CHECK(created.default_value->kind == sql::DefaultValue::Kind::Now);
  CHECK_FALSE(col(s, "users", "updated_at").default_value);

  const auto& published = col(s, "posts", "published");
  CHECK(published.type.family == sql::ColumnTypeFamily::Boolean);
  REQUIRE(published.default_value);
  CHECK(published.default_value->value.kind == sql::SqlValue::Kind::Boolean);
  CHECK(published.default_value->value.text == "false");
  const auto& views = col(s, "posts", "views");
  CHECK(views.type.family == sql::ColumnTypeFamily::BigInt);
  REQUIRE(views.default_value);
  CHECK(views.default_value->value.kind == sql::SqlValue::Kind::Int);
  CHECK(views.default_value->value.text == "0");
  CHECK(col(s, "posts", "rating").type.family == sql::ColumnTypeFamily::Decimal);
  CHECK(col(s, "posts", "rating").type.arity == sql::ColumnArity::Nullable);

  // Primary keys: single autoincrement ids, and the compound key of post_tags in key order.
  const auto pt = *s.find_table("post_tags");
  const auto pt_pk = s.primary_key(pt);
  REQUIRE(pt_pk);
  CHECK(index_columns(s, s.index(*pt_pk)) == std::vector<std::string>{"post_id", "tag_id"});
  CHECK_FALSE(s.index(*pt_pk).columns[0].sort_order);
  CHECK_FALSE(col(s, "post_tags", "post_id").auto_increment);
  REQUIRE(s.primary_key(users));
  CHECK(index_columns(s, s.index(*s.primary_key(users))) == std::vector<std::string>{"id"});

  // Indexes.
  const auto* email_key = find_index(s, "users_email_key");
  REQUIRE(email_key);
  CHECK(email_key->type == sql::IndexType::Unique);
  CHECK(email_key->table == users);
  CHECK(index_columns(s, *email_key) == std::vector<std::string>{"email"});
  CHECK(email_key->columns[0].sort_order == sql::SortOrder::Asc);
  const auto* name_idx = find_index(s, "users_full_name_idx");
  REQUIRE(name_idx);
  CHECK(name_idx->type == sql::IndexType::Normal);
  const auto* compound = find_index(s, "posts_author_id_title_key");
  REQUIRE(compound);
  CHECK(compound->type == sql::IndexType::Unique);
  CHECK(index_columns(s, *compound) == std::vector<std::string>{"author_id", "title"});
  CHECK(index_columns(s, *find_index(s, "posts_author_id_published_idx")) == std::vector<std::string>{"author_id", "published"});
  REQUIRE(find_index(s, "profiles_user_id_key"));
  REQUIRE(find_index(s, "Tag_name_key"));
  CHECK(s.indexes.size() == 5 + 6);  // 5 primary keys, 6 indexes

  // Foreign keys, with the names of their CONSTRAINT clauses.
  REQUIRE(s.foreign_keys.size() == 4);
  const auto& pt_fks = s.table(pt).foreign_keys;
  REQUIRE(pt_fks.size() == 2);
  bool seen_post = false, seen_tag = false;
  for (auto fk_id : pt_fks) {
    const auto& fk = s.foreign_key(fk_id);
    CHECK(fk.on_delete == sql::ForeignKeyAction::Restrict);
    CHECK(fk.on_update == sql::ForeignKeyAction::Cascade);
    if (fk.constraint_name == "post_tags_post_id_fkey") {
      seen_post = true;
      CHECK(s.table(fk.referenced_table).name == "posts");
      CHECK(column_names(s, fk.columns) == std::vector<std::string>{"post_id"});
      CHECK(column_names(s, fk.referenced_columns) == std::vector<std::string>{"id"});
    } else if (fk.constraint_name == "post_tags_tag_id_fkey") {
      seen_tag = true;
      CHECK(s.table(fk.referenced_table).name == "Tag");
    }
  }
  CHECK(seen_post);
  CHECK(seen_tag);
  const auto& profile_fk = s.foreign_key(s.table(*s.find_table("profiles")).foreign_keys.at(0));
  CHECK(profile_fk.constraint_name == "profiles_user_id_fkey");
  CHECK(profile_fk.referenced_table == users);
  CHECK(profile_fk.on_delete == sql::ForeignKeyAction::Cascade);
}

TEST_CASE("sqlite describer: indexes beyond Prisma's own DDL", "[dialect][sqlite][describe]") {
  TempDir dir;
  auto c = open_file(dir, "i.db");
  c->execute_script(R"(
    CREATE TABLE t (
      id TEXT PRIMARY KEY,
      a INT, b TEXT, c TEXT,
      UNIQUE (a, b)
    );
    CREATE INDEX t_b_desc ON t (b DESC, a);
    CREATE INDEX t_expr ON t (lower(c));
    CREATE INDEX t_partial ON t (c) WHERE c IS NOT NULL;
    CREATE TABLE n (x INTEGER, y INTEGER, PRIMARY KEY (y, x)) WITHOUT ROWID;
  )");
  const auto s = c->describe();
  const auto t = *s.find_table("t");
  // TEXT primary key: not an autoincrement rowid alias; the pk autoindex is not a unique index.
  CHECK_FALSE(col(s, "t", "id").auto_increment);
  REQUIRE(s.primary_key(t));
  const auto* uniq = find_index(s, "sqlite_autoindex_t_2");
  REQUIRE(uniq);  // UNIQUE (a, b) constraint
  CHECK(uniq->type == sql::IndexType::Unique);
  CHECK(index_columns(s, *uniq) == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(find_index(s, "sqlite_autoindex_t_1"));
  const auto* desc = find_index(s, "t_b_desc");
  REQUIRE(desc);
  CHECK(desc->columns[0].sort_order == sql::SortOrder::Desc);
  CHECK(desc->columns[1].sort_order == sql::SortOrder::Asc);
  CHECK_FALSE(find_index(s, "t_expr"));  // expression indexes are left out, like Prisma
  REQUIRE(find_index(s, "t_partial"));
  const auto n_pk = s.primary_key(*s.find_table("n"));
  REQUIRE(n_pk);
  CHECK(index_columns(s, s.index(*n_pk)) == std::vector<std::string>{"y", "x"});
}

TEST_CASE("sqlite describer: foreign key variants", "[dialect][sqlite][describe]") {
  TempDir dir;
  auto c = open_file(dir, "f.db");
  c->execute_script(R"(
    CREATE TABLE "Parent" (id INTEGER PRIMARY KEY, k1 TEXT, k2 TEXT, UNIQUE (k1, k2));
    CREATE TABLE child (
      id INTEGER PRIMARY KEY,
      p INTEGER CONSTRAINT [child_p_named] REFERENCES parent ON DELETE SET NULL,
      q INTEGER REFERENCES "Parent" (id) ON UPDATE SET DEFAULT,
      k1 TEXT, k2 TEXT,
      CONSTRAINT "child ""compound"" fk" FOREIGN KEY (k1, k2) REFERENCES "Parent" (k1, k2)
    );
  )");
  const auto s = c->describe();
  const auto child = *s.find_table("child");
  const auto parent = *s.find_table("Parent");
  REQUIRE(s.table(child).foreign_keys.size() == 3);
  int matched = 0;
  for (auto id : s.table(child).foreign_keys) {
    const auto& fk = s.foreign_key(id);
    CHECK(fk.referenced_table == parent);  // `REFERENCES parent` resolves case-insensitively
    const auto cols = column_names(s, fk.columns);
    if (cols == std::vector<std::string>{"p"}) {
      ++matched;
      CHECK(fk.constraint_name == "child_p_named");
      CHECK(fk.on_delete == sql::ForeignKeyAction::SetNull);
      // No referenced columns written: the parent's primary key.
      CHECK(column_names(s, fk.referenced_columns) == std::vector<std::string>{"id"});
    } else if (cols == std::vector<std::string>{"q"}) {
      ++matched;
      CHECK_FALSE(fk.constraint_name);
      CHECK(fk.on_update == sql::ForeignKeyAction::SetDefault);
      CHECK(fk.on_delete == sql::ForeignKeyAction::NoAction);
    } else if (cols == std::vector<std::string>{"k1", "k2"}) {
      ++matched;
      CHECK(fk.constraint_name == "child \"compound\" fk");
      CHECK(column_names(s, fk.referenced_columns) == std::vector<std::string>{"k1", "k2"});
    }
  }
  CHECK(matched == 3);
}

TEST_CASE("sqlite describer: views, ignored tables and _prisma_migrations", "[dialect][sqlite][describe]") {
  TempDir dir;
  auto c = open_file(dir, "v.db");
  c->execute_script(R"(
    CREATE TABLE A (id INT NOT NULL PRIMARY KEY, first_name VARCHAR(255) NOT NULL, last_name VARCHAR(255) NULL);
    CREATE VIEW B AS SELECT id, first_name, last_name FROM A;
    CREATE TABLE _prisma_migrations (id TEXT PRIMARY KEY NOT NULL);
    CREATE TABLE d1_migrations (id INTEGER);
    CREATE TABLE _cf_KV (k TEXT);
    CREATE TABLE _cf_lower (k TEXT);
    CREATE TABLE seq (id INTEGER PRIMARY KEY AUTOINCREMENT);
  )");
  const auto s = c->describe();
  std::vector<std::string> tables;
  for (const auto& t : s.tables) tables.push_back(t.name);
  CHECK(tables == std::vector<std::string>{"A", "_cf_lower", "_prisma_migrations", "seq"});
  REQUIRE(s.views.size() == 1);
  CHECK(s.views[0].name == "B");
  CHECK(s.views[0].definition == "CREATE VIEW B AS SELECT id, first_name, last_name FROM A");
  // INT is not INTEGER: no rowid alias, so no autoincrement (Prisma: `Int @id`).
  CHECK_FALSE(col(s, "A", "id").auto_increment);
  CHECK(col(s, "A", "first_name").type.full_data_type == "varchar(255)");
  CHECK(col(s, "A", "first_name").type.family == sql::ColumnTypeFamily::String);
}

TEST_CASE("sqlite describer: column types by Prisma's table", "[dialect][sqlite][describe]") {
  using F = sql::ColumnTypeFamily;
  const auto fam = [](std::string_view t) { return sqlite_column_type(t, sql::ColumnArity::Required).family; };
  CHECK(fam("INTEGER") == F::Int);
  CHECK(fam("int") == F::Int);
  CHECK(fam("SERIAL") == F::Int);
  CHECK(fam("BIGINT") == F::BigInt);
  CHECK(fam("REAL") == F::Float);
  CHECK(fam("DOUBLE") == F::Float);
  CHECK(fam("FLOAT") == F::Float);
  CHECK(fam("DECIMAL") == F::Decimal);
  CHECK(fam("DECIMAL(10,2)") == F::Decimal);
  CHECK(fam("NUMERIC") == F::Decimal);
  CHECK(fam("BOOLEAN") == F::Boolean);
  CHECK(fam("TEXT") == F::String);
  CHECK(fam("VARCHAR(191)") == F::String);
  CHECK(fam("NCHAR(2)") == F::String);
  CHECK(fam("DATETIME") == F::DateTime);
  CHECK(fam("DATE") == F::DateTime);
  CHECK(fam("TIMESTAMP") == F::DateTime);
  CHECK(fam("BLOB") == F::Binary);
  CHECK(fam("JSONB") == F::Json);
  CHECK(fam("JSON") == F::Unsupported);  // Prisma only knows JSONB
  CHECK(fam("GEOMETRY") == F::Unsupported);
  CHECK(fam("") == F::Unsupported);
  CHECK(sqlite_column_type("GEOMETRY", sql::ColumnArity::Nullable).full_data_type == "geometry");
}

TEST_CASE("sqlite describer: default values", "[dialect][sqlite][describe]") {
  using F = sql::ColumnTypeFamily;
  using K = sql::DefaultValue::Kind;
  const auto lit = [](std::string_view raw, F f) {
    const auto d = sqlite_default_value(raw, f);
    REQUIRE(d);
    REQUIRE(d->kind == K::Value);
    return d->value.text;
  };
  const auto kind = [](std::string_view raw, F f) {
    const auto d = sqlite_default_value(raw, f);
    REQUIRE(d);
    return d->kind;
  };
  CHECK_FALSE(sqlite_default_value("NULL", F::String));
  CHECK_FALSE(sqlite_default_value("null", F::Int));
  CHECK(lit("'it''s'", F::String) == "it's");
  CHECK(lit("\"dq\"", F::String) == "dq");
  CHECK(lit("''", F::String) == "");
  CHECK(lit("'multi\nline'", F::String) == "multi\nline");
  CHECK(lit("42", F::Int) == "42");
  CHECK(lit("-7", F::Int) == "-7");
  CHECK(lit("'5'", F::Int) == "5");
  CHECK(kind("abs(-1)", F::Int) == K::DbGenerated);
  CHECK(kind("99999999999999999999", F::BigInt) == K::DbGenerated);  // beyond i64
  CHECK(lit("1.5", F::Float) == "1.5");
  CHECK(lit("-2e10", F::Float) == "-2e10");
  CHECK(lit("'3.25'", F::Decimal) == "3.25");
  CHECK(kind("random()", F::Float) == K::DbGenerated);
  CHECK(lit("true", F::Boolean) == "true");
  CHECK(lit("FALSE", F::Boolean) == "false");
  CHECK(lit("1", F::Boolean) == "true");
  CHECK(lit("0", F::Boolean) == "false");
  CHECK(kind("2", F::Boolean) == K::DbGenerated);
  CHECK(kind("CURRENT_TIMESTAMP", F::DateTime) == K::Now);
  CHECK(kind("current_timestamp", F::DateTime) == K::Now);
  CHECK(kind("datetime('now')", F::DateTime) == K::Now);
  CHECK(kind("'2020-01-01'", F::DateTime) == K::DbGenerated);
  CHECK(sqlite_default_value("'2020-01-01'", F::DateTime)->expression == "'2020-01-01'");
  CHECK(kind("x'00'", F::Binary) == K::DbGenerated);
  CHECK(kind("lower(hex(randomblob(16)))", F::Unsupported) == K::DbGenerated);
  const auto json = sqlite_default_value("'{}'", F::Json);
  REQUIRE(json);
  CHECK(json->value.kind == sql::SqlValue::Kind::Json);
  // The JSON text without its SQL quotes ('' undoubled); an expression stays as written.
  CHECK(json->value.text == "{}");
  CHECK(sqlite_default_value("'{\"a\": \"it''s\"}'", F::Json)->value.text == "{\"a\": \"it's\"}");
  CHECK(sqlite_default_value("json('[]')", F::Json)->value.text == "json('[]')");
}

TEST_CASE("sqlite describer: live defaults and rowid aliases", "[dialect][sqlite][describe]") {
  TempDir dir;
  auto c = open_file(dir, "def.db");
  c->execute_script(R"(
    CREATE TABLE d (
      id integer PRIMARY KEY,
      s TEXT DEFAULT 'a''b',
      n INTEGER DEFAULT -3,
      f REAL DEFAULT 2.5,
      e TEXT DEFAULT (lower('X')),
      z TEXT DEFAULT NULL
    );
  )");
  const auto s = c->describe();
  const auto& id = col(s, "d", "id");
  CHECK(id.auto_increment);  // rowid alias without AUTOINCREMENT counts too (Prisma)
  CHECK(id.type.arity == sql::ColumnArity::Required);
  CHECK(col(s, "d", "s").default_value->value.text == "a'b");
  CHECK(col(s, "d", "n").default_value->value.text == "-3");
  CHECK(col(s, "d", "f").default_value->value.text == "2.5");
  CHECK_FALSE(col(s, "d", "z").default_value);
  // A String column keeps whatever SQLite reports, as a string (Prisma does the same).
  REQUIRE(col(s, "d", "e").default_value);
  CHECK(col(s, "d", "e").default_value->kind == sql::DefaultValue::Kind::Value);
}

TEST_CASE("sqlite describer: constraint names from CREATE TABLE", "[dialect][sqlite][describe]") {
  const auto named = sqlite_named_foreign_keys(
      "CREATE TABLE \"x\" (\n  \"a\" INTEGER NOT NULL CONSTRAINT a_fk REFERENCES main.\"y\" (\"id\"),\n"
      "  b TEXT CHECK (b <> ',' ), -- CONSTRAINT not_me FOREIGN KEY (b) REFERENCES z\n"
      "  CONSTRAINT \"x_pk\" PRIMARY KEY (a),\n"
      "  CONSTRAINT `x_b_fkey` FOREIGN KEY (`b`, c) REFERENCES [z] ([id], k) ON DELETE CASCADE\n)");
  REQUIRE(named.size() == 2);
  CHECK(named[0].name == "a_fk");
  CHECK(named[0].columns == std::vector<std::string>{"a"});
  CHECK(named[0].referenced_table == "y");
  CHECK(named[1].name == "x_b_fkey");
  CHECK(named[1].columns == std::vector<std::string>{"b", "c"});
  CHECK(named[1].referenced_table == "z");
}

// ---- the dialect --------------------------------------------------------------------------------

TEST_CASE("sqlite dialect: registry, connect and shadow database", "[dialect][sqlite]") {
  const Dialect* d = find_dialect("sqlite");
  REQUIRE(d != nullptr);
  CHECK(d->provider() == "sqlite");
  CHECK(find_dialect("cockroachdb") == nullptr);

  TempDir dir;
  auto conn = d->connect(dir.url("main.db") + "?connection_limit=1");
  conn->execute("CREATE TABLE a (x INTEGER)");
  CHECK(conn->describe().tables.size() == 1);

  auto shadow = d->create_shadow_database(dir.url("main.db"), std::nullopt);
  REQUIRE(shadow->connection);
  shadow->connection->execute_script("CREATE TABLE s (y INTEGER); CREATE INDEX s_y ON s (y);");
  CHECK(shadow->connection->describe().tables.size() == 1);
  CHECK(fs::directory_iterator(dir.path) != fs::directory_iterator());  // only main.db on disk

  // A configured shadow database is emptied first and may not be the main database.
  {
    auto pre = d->connect(dir.url("shadow.db"));
    pre->execute("CREATE TABLE leftover (x INTEGER)");
  }
  auto external = d->create_shadow_database(dir.url("main.db"), dir.url("shadow.db"));
  CHECK(external->connection->describe().tables.empty());
  CHECK_THROWS_AS(d->create_shadow_database(dir.url("main.db"), dir.url("./main.db")), DatabaseError);
}

// The describer's contract with the calculator and differ: a database migrated with Prisma's own
// script describes as exactly what the schema calculates, so diffing them yields no step.
TEST_CASE("sqlite describer: Prisma's migration describes as the calculated schema", "[dialect][sqlite][describe][integration]") {
  const fs::path shared(PRISMAPP_SHARED_DIR);
  // The enum column is stored as TEXT either way; a String field keeps this test independent of
  // whether the validator accepts enums on SQLite.
  std::string text = read_text(shared / "oracle/schemas/sqlite6.prisma");
  const auto enum_start = text.find("enum Role {");
  REQUIRE(enum_start != std::string::npos);
  text.erase(enum_start, text.find("}\n", enum_start) + 2 - enum_start);
  const auto role = text.find("Role      @default(USER)");
  REQUIRE(role != std::string::npos);
  text.replace(role, std::string("Role      @default(USER)").size(), "String    @default(\"USER\")");
  schema::SourceSet sources;
  sources.add("schema.prisma", text);
  const auto validated = schema::validate_schema(std::move(sources));
  INFO((validated.diagnostics.has_errors() ? validated.diagnostics.errors().front().message : std::string()));
  REQUIRE_FALSE(validated.diagnostics.has_errors());
  const auto& d = sqlite_dialect();
  const auto calculated = diff::calculate(validated, d.calculator_hooks());
  auto conn = d.connect_sqlite("file::memory:");
  conn->execute_script(read_text(shared / "oracle/artefacts/migration.sqlite.v6.sql"));
  const auto live = conn->describe();  // the migration keeps pointers to both schemas
  const auto migration = diff::diff_schemas(live, calculated.schema, d.differ_hooks(), calculated.prisma_level_defaults);
  CHECK(migration.steps.empty());
}

TEST_CASE("sqlite: plain scripts run in one transaction, others as written", "[dialect][sqlite]") {
  using prismapp::dialect::sqlite::can_run_in_one_transaction;
  CHECK(can_run_in_one_transaction("-- CreateTable\nCREATE TABLE \"A\" (\"id\" INTEGER NOT NULL);\n"
                                   "CREATE INDEX \"i\" ON \"A\"(\"id\");\n/* pragma inside a comment */"));
  CHECK(can_run_in_one_transaction("INSERT INTO \"A\" VALUES ('PRAGMA; BEGIN');"));
  CHECK_FALSE(can_run_in_one_transaction("PRAGMA foreign_keys=OFF;\nCREATE TABLE \"A\" (\"id\" INTEGER);"));
  CHECK_FALSE(can_run_in_one_transaction("CREATE TABLE a (x);\n  pragma defer_foreign_keys=ON;"));
  CHECK_FALSE(can_run_in_one_transaction("BEGIN;\nCREATE TABLE a (x);\nCOMMIT;"));
  CHECK_FALSE(can_run_in_one_transaction("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;"));
  CHECK_FALSE(can_run_in_one_transaction("SELECT 'unterminated"));
}
