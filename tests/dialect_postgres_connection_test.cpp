// The PostgreSQL connection, URL parsing, error mapping and dialect services, against the real
// test server (tests/support/postgres_test_db.hpp).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/dialect/postgres/postgres_connection.hpp"
#include "core/dialect/postgres/postgres_dialect.hpp"
#include "core/dialect/postgres/postgres_errors.hpp"
#include "core/dialect/postgres/postgres_url.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp;
using namespace prismapp::dialect;
using namespace prismapp::dialect::postgres;
using prismapp::testing::catch_error;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string scalar(Connection& c, std::string_view sql, const std::vector<Value>& params = {}) {
  const auto rows = c.query(sql, params);
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].size() >= 1);
  REQUIRE(rows[0][0].has_value());
  return *rows[0][0];
}

}  // namespace

// ---- URLs -----------------------------------------------------------------------------------------

TEST_CASE("postgres url: parts, defaults and percent-decoding", "[postgres]") {
  const auto u = parse_postgres_url("postgresql://us%40er:p%3Aa%2Fss@db.example.com:6543/my%20db?schema=app&sslmode=disable");
  CHECK(u.user == "us@er");
  CHECK(u.password == std::optional<std::string>("p:a/ss"));
  CHECK(u.host == "db.example.com");
  CHECK(u.port == 6543);
  CHECK(u.database == "my db");
  CHECK(u.schema == "app");
  CHECK(u.sslmode == "disable");

  const auto d = parse_postgres_url("postgres://u@localhost");
  CHECK(d.port == 5432);
  CHECK(d.database == "postgres");
  CHECK(d.schema == "public");
  CHECK(d.sslmode == "prefer");
  CHECK(d.connect_timeout == std::optional<unsigned>(5));
  CHECK_FALSE(d.password.has_value());
}

TEST_CASE("postgres url: query parameters Prisma knows, unknown ones ignored", "[postgres]") {
  const auto u = parse_postgres_url(
      "postgresql://u:p@localhost/db?host=%2Fvar%2Frun%2Fpostgresql&connection_limit=3&connect_timeout=0&"
      "socket_timeout=7&application_name=my%20app&options=-c%20statement_timeout%3D5s&sslmode=verify-full&foo=bar&"
      "pgbouncer=true");
  CHECK(u.host == "/var/run/postgresql");
  CHECK(u.connection_limit == std::optional<unsigned>(3));
  CHECK_FALSE(u.connect_timeout.has_value());
  CHECK(u.socket_timeout == std::optional<unsigned>(7));
  CHECK(u.application_name == std::optional<std::string>("my app"));
  CHECK(u.options == std::optional<std::string>("-c statement_timeout=5s"));
  CHECK(u.sslmode == "prefer");  // unsupported modes fall back to prefer, like Prisma
  CHECK(u.pgbouncer);

  const auto sock = parse_postgres_url("postgresql:///dbname?host=/var/run/psql.sock");
  CHECK(sock.database == "dbname");
  CHECK(sock.host == "/var/run/psql.sock");

  const auto v6 = parse_postgres_url("postgresql://[2001:db8::ffff]:5433/x");
  CHECK(v6.host == "2001:db8::ffff");
  CHECK(v6.port == 5433);
}

TEST_CASE("postgres url: malformed URLs are P1013 with Prisma's text", "[postgres]") {
  for (const char* bad : {"postgresql://u:p@localhost:notaport/db", "postgresql://u:p@localhost/db?connection_limit=x",
                          "postgresql://u:p@localhost:99999/db", "postgresql://:5432/db"}) {
    INFO(bad);
    const auto e = catch_error([&] { parse_postgres_url(bad); });
    CHECK(e.code == "P1013");
    CHECK_THAT(std::string(e.what()), StartsWith("The provided database string is invalid. "));
    CHECK_THAT(std::string(e.what()), Contains("in database URL. Please refer to the documentation in "
                                                        "https://www.prisma.io/docs/reference/database-reference/connection-urls"));
  }
  const auto port = catch_error([] { parse_postgres_url("postgresql://u:secret@localhost:x/db"); });
  CHECK_THAT(std::string(port.what()), StartsWith("The provided database string is invalid. invalid port number in database URL."));
  CHECK_THAT(std::string(port.what()), !Contains("secret"));
}

TEST_CASE("postgres url: with_database and password masking", "[postgres]") {
  CHECK(with_database("postgresql://u:p@h:1/old?schema=s", "new db") == "postgresql://u:p@h:1/new%20db?schema=s");
  CHECK(with_database("postgres://h", "x") == "postgres://h/x");
  CHECK(mask_password("postgresql://u:secret@h:1/db") == "postgresql://u:****@h:1/db");
  CHECK(mask_password("postgresql://u@h/db") == "postgresql://u@h/db");
}

TEST_CASE("postgres dialect: accepts_url and url_info", "[postgres]") {
  const auto& d = postgres_dialect();
  CHECK(d.accepts_url("postgresql://x"));
  CHECK(d.accepts_url("postgres://x"));
  CHECK_FALSE(d.accepts_url("mysql://x"));
  CHECK_FALSE(d.accepts_url("file:./dev.db"));
  CHECK(find_dialect_for_url("postgres://u@h/db") == &d);

  const auto info = d.url_info("postgresql://u:secret@localhost:5432/mydb?schema=app");
  CHECK(info.database_kind == "PostgreSQL");
  CHECK(info.database == "mydb");
  CHECK(info.schema == std::optional<std::string>("app"));
  CHECK(info.location == "localhost:5432");
  CHECK(d.url_info("postgresql://u@myhost/db").location == "myhost");
  CHECK(d.url_info("postgresql://u@myhost/db").schema == std::optional<std::string>("public"));
  CHECK(d.url_info("postgresql://u@localhost/db?host=/var/run/postgresql").location == "unix:/var/run/postgresql");
}

// ---- placeholders -----------------------------------------------------------------------------------

TEST_CASE("postgres placeholders: ? becomes $n outside quotes and comments", "[postgres]") {
  CHECK(translate_placeholders("SELECT ?, ?") == "SELECT $1, $2");
  CHECK(translate_placeholders("SELECT '?', \"a?\", ? -- ?\n, ?") == "SELECT '?', \"a?\", $1 -- ?\n, $2");
  CHECK(translate_placeholders("SELECT 'it''s ?', E'\\' ?', ?") == "SELECT 'it''s ?', E'\\' ?', $1");
  CHECK(translate_placeholders("SELECT $$ ? $$, $tag$ ? $tag$, ? /* ? /* ? */ ? */") ==
        "SELECT $$ ? $$, $tag$ ? $tag$, $1 /* ? /* ? */ ? */");
}

// ---- the connection -------------------------------------------------------------------------------

TEST_CASE("postgres connection: query and execute with text values and NULLs", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_query");
  auto conn = db.connect();
  conn->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, flag BOOLEAN)");
  conn->execute("INSERT INTO t (id, name, flag) VALUES (?, ?, ?)", {"1", "one ? 'x'", "true"});
  conn->execute("INSERT INTO t (id, name, flag) VALUES (?, ?, ?)", {"2", std::nullopt, std::nullopt});
  const auto rows = conn->query("SELECT id, name, flag FROM t WHERE id >= ? ORDER BY id", {"1"});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == Row{"1", "one ? 'x'", "t"});
  CHECK(rows[1] == Row{"2", std::nullopt, std::nullopt});
  // Without parameters a "?" is left alone (jsonb's ? operator).
  CHECK(scalar(*conn, "SELECT '{\"a\":1}'::jsonb ? 'a'") == "t");
}

TEST_CASE("postgres connection: session is UTC with the URL's schema as search_path", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_session");
  db.connect()->execute_script("CREATE SCHEMA app");
  auto conn = PostgresConnection::open(db.url_with("schema=app"));
  CHECK(scalar(*conn, "SHOW TimeZone") == "UTC");
  CHECK(scalar(*conn, "SELECT current_schema()") == "app");
  conn->execute("CREATE TABLE in_app (id INTEGER)");
  CHECK(scalar(*conn, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'in_app'") == "app");
  CHECK(scalar(*conn, "SELECT '2024-01-02 03:04:05.678+00'::timestamptz::text") == "2024-01-02 03:04:05.678+00");
}

TEST_CASE("postgres connection: execute_script is one implicit transaction", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_script");
  auto conn = db.connect();
  conn->execute_script("CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);\nCREATE TABLE b (id INTEGER);");
  CHECK(scalar(*conn, "SELECT count(*) FROM a") == "1");

  // A failing statement undoes the whole script...
  const auto e = catch_error([&] { conn->execute_script("CREATE TABLE c (id INTEGER);\nINSERT INTO nope VALUES (1);"); });
  CHECK(e.database_code == "42P01");
  CHECK(std::string(e.what()) == "ERROR: relation \"nope\" does not exist");
  CHECK(scalar(*conn, "SELECT count(*) FROM pg_tables WHERE tablename = 'c'") == "0");
  // ...and the connection is usable afterwards (no transaction left open).
  CHECK(scalar(*conn, "SELECT 1") == "1");

  // A script with its own BEGIN/COMMIT runs as written: what it committed stays.
  CHECK_THROWS(conn->execute_script("BEGIN; CREATE TABLE d (id INTEGER); COMMIT; CREATE TABLE e (id INTEGER); SELECT 1/0;"));
  CHECK(scalar(*conn, "SELECT count(*) FROM pg_tables WHERE tablename = 'd'") == "1");
  CHECK(scalar(*conn, "SELECT count(*) FROM pg_tables WHERE tablename = 'e'") == "0");
}

TEST_CASE("postgres connection: script errors carry Prisma's P3018 rendering", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_errtext");
  auto conn = db.connect();
  const std::string script = "-- a comment\nCREATE TABLE a (id INTEGER);\nSYNTAX ERROR;\n";
  const auto e = catch_error([&] { conn->execute_script(script); });
  CHECK(e.code.empty());
  CHECK(e.database_code == "42601");
  const std::string expected_head =
      "ERROR: syntax error at or near \"SYNTAX\"\n\nPosition:\n"
      // Prisma numbers five lines back from the error line, so line "0" (empty) shows up too.
      "\x1b[1m  0\x1b[0m\n"
      "\x1b[1m  1\x1b[0m -- a comment\n"
      "\x1b[1m  2\x1b[0m CREATE TABLE a (id INTEGER);\n"
      "\x1b[1m  3\x1b[1;31m SYNTAX ERROR;\x1b[0m\n\n"
      "DbError { severity: \"ERROR\", parsed_severity: Some(Error), code: SqlState(E42601), message: \"syntax error at "
      "or near \\\"SYNTAX\\\"\", detail: None, hint: None, position: Some(Original(43)), where_: None, schema: None, "
      "table: None, column: None, datatype: None, constraint: None, file: Some(\"scan.l\"), line: Some(";
  CHECK_THAT(e.database_message, StartsWith(expected_head));
  CHECK_THAT(e.database_message, Contains("routine: Some(\"scanner_yyerror\") }"));

  // Detail and hint appear in the Display part.
  conn->execute_script("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id));");
  const auto fk = catch_error([&] { conn->execute_script("INSERT INTO c VALUES (5);"); });
  CHECK(fk.database_code == "23503");
  CHECK_THAT(fk.database_message, StartsWith("ERROR: insert or update on table \"c\" violates foreign key constraint "
                                             "\"c_p_fkey\"\nDETAIL: Key (p)=(5) is not present in table \"p\".\n\nDbError"));
}

TEST_CASE("postgres connection: reset drops and recreates the schema", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_reset");
  auto conn = db.connect();
  conn->execute_script(
      "CREATE TYPE mood AS ENUM ('a'); CREATE TABLE t (id SERIAL PRIMARY KEY, m mood); CREATE VIEW v AS SELECT 1 AS x;"
      "CREATE TABLE _prisma_migrations (id TEXT)");
  conn->reset();
  CHECK(scalar(*conn, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                      "n.nspname = 'public'") == "0");
  CHECK(scalar(*conn, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE "
                      "n.nspname = 'public'") == "0");
  CHECK(scalar(*conn, "SELECT count(*) FROM pg_namespace WHERE nspname = 'public'") == "1");
  conn->execute("CREATE TABLE again (id INTEGER)");  // the search_path still works
}

TEST_CASE("postgres connection: advisory lock excludes a second session, P1002 after 10 s", "[postgres][slow]") {
  auto db = testing::fresh_postgres_database("conn_lock");
  auto a = db.connect();
  auto b = db.connect();
  a->lock();
  CHECK(scalar(*b, "SELECT pg_try_advisory_lock(72707369)") == "f");
  const auto start = std::chrono::steady_clock::now();
  const auto e = catch_error([&] { b->lock(); });
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(e.code == "P1002");
  CHECK(std::string(e.what()) ==
        "The database server at `127.0.0.1`:`5432` was reached but timed out.\n\nPlease try again.\n\nPlease make sure "
        "your database server is running at `127.0.0.1`:`5432`.\n\nContext: Timed out trying to acquire a postgres "
        "advisory lock (SELECT pg_advisory_lock(72707369)). Elapsed: 10000ms. See "
        "https://pris.ly/d/migrate-advisory-locking for details.\n");
  CHECK(waited >= std::chrono::seconds(10));
  CHECK(waited < std::chrono::seconds(20));
  a->unlock();
  b->lock();  // free now
  b->unlock();
}

TEST_CASE("postgres connection: PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK skips locking", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_nolock");
  auto a = db.connect();
  auto b = db.connect();
  ::setenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK", "1", 1);
  a->lock();
  ::unsetenv("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK");
  CHECK(scalar(*b, "SELECT pg_try_advisory_lock(72707369)") == "t");
}

// ---- connection errors ------------------------------------------------------------------------------

TEST_CASE("postgres connection errors: Prisma's codes and texts, no password", "[postgres]") {
  const PostgresUrl admin = parse_postgres_url(testing::postgres_admin_url());

  PostgresUrl wrong = admin;
  wrong.password = "definitely-wrong-pw";
  const auto auth = catch_error([&] { PostgresConnection::open(wrong); });
  CHECK(auth.code == "P1000");
  CHECK(std::string(auth.what()) ==
        "Authentication failed against database server at `" + admin.host + "`, the provided database credentials for `" +
            admin.user + "` are not valid.\n\nPlease make sure to provide valid database credentials for the database "
            "server at `" + admin.host + "`.");
  CHECK_THAT(std::string(auth.what()), !Contains("definitely-wrong-pw"));

  const auto unreachable = catch_error([] { PostgresConnection::open("postgresql://u:secretpw@127.0.0.1:1/db"); });
  CHECK(unreachable.code == "P1001");
  CHECK(std::string(unreachable.what()) ==
        "Can't reach database server at `127.0.0.1`:`1`\n\nPlease make sure your database server is running at "
        "`127.0.0.1`:`1`.");

  PostgresUrl missing = admin;
  missing.database = "prismapp_test_does_not_exist_xyz";
  const auto nodb = catch_error([&] { PostgresConnection::open(missing); });
  CHECK(nodb.code == "P1003");
  CHECK(std::string(nodb.what()) == "Database `prismapp_test_does_not_exist_xyz` does not exist on the database server at `" +
                                        admin.host + ":" + std::to_string(admin.port) + "`.");
}

TEST_CASE("postgres connection errors: a role without CONNECT is P1010", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_denied");
  auto admin = PostgresConnection::open(testing::postgres_admin_url());
  const std::string role = "prismapp_test_role_" + db.name.substr(db.name.size() - 10);
  admin->execute_script("CREATE ROLE " + role + " LOGIN PASSWORD 'pw'; REVOKE CONNECT ON DATABASE " + db.name + " FROM PUBLIC;");
  PostgresUrl url = parse_postgres_url(db.url);
  url.user = role;
  url.password = "pw";
  const auto e = catch_error([&] { PostgresConnection::open(url); });
  db = testing::PostgresTestDatabase{};  // drop the database before the role
  admin->execute_script("DROP ROLE " + role);
  CHECK(e.code == "P1010");
  CHECK(std::string(e.what()) == "User `" + role + "` was denied access on the database `" + url.database + ".public`");
}

// ---- dialect services -------------------------------------------------------------------------------

TEST_CASE("postgres dialect: connect_creating creates a missing database and its schema", "[postgres]") {
  auto db = testing::fresh_postgres_database("dia_create");
  const std::string name = db.name + "_new";
  const std::string url = with_database(db.url, name) + "?schema=app";
  auto created = postgres_dialect().connect_creating(url, url);
  REQUIRE(created.connection);
  CHECK(created.created_message == std::optional<std::string>("PostgreSQL database " + name + " created at 127.0.0.1:5432"));
  CHECK(scalar(*created.connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'app'") == "1");
  created.connection.reset();
  // Again: it exists now, nothing to say.
  auto again = postgres_dialect().connect_creating(url, url);
  CHECK_FALSE(again.created_message.has_value());
  again.connection.reset();
  PostgresConnection::open(testing::postgres_admin_url())
      ->execute_script("DROP DATABASE " + quote_identifier(name) + " WITH (FORCE)");
}

TEST_CASE("postgres dialect: shadow database created on the server and dropped afterwards", "[postgres]") {
  auto db = testing::fresh_postgres_database("dia_shadow");
  auto admin = PostgresConnection::open(testing::postgres_admin_url());
  std::string shadow_name;
  {
    auto shadow = postgres_dialect().create_shadow_database(db.url, std::nullopt);
    shadow_name = scalar(*shadow->connection, "SELECT current_database()");
    CHECK_THAT(shadow_name, StartsWith("prisma_migrate_shadow_db_"));
    CHECK(shadow_name.size() == std::string("prisma_migrate_shadow_db_").size() + 36);
    shadow->connection->execute_script("CREATE TABLE x (id INTEGER)");
    CHECK(scalar(*admin, "SELECT count(*) FROM pg_database WHERE datname = ?", {shadow_name}) == "1");
    CHECK_THAT(shadow->url, !Contains(":postgres@"));
  }
  CHECK(scalar(*admin, "SELECT count(*) FROM pg_database WHERE datname = ?", {shadow_name}) == "0");
}

TEST_CASE("postgres dialect: a configured shadow database is reset, never the main one", "[postgres]") {
  auto db = testing::fresh_postgres_database("dia_shadow_main");
  auto shadow_db = testing::fresh_postgres_database("dia_shadow_cfg");
  shadow_db.connect()->execute_script("CREATE TABLE leftover (id INTEGER)");
  {
    auto shadow = postgres_dialect().create_shadow_database(db.url, shadow_db.url);
    CHECK(scalar(*shadow->connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0");
  }
  const auto same = catch_error([&] { postgres_dialect().create_shadow_database(db.url, db.url); });
  CHECK(std::string(same.what()) ==
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow "
        "database.");
}

TEST_CASE("postgres dialect: shadow database creation without CREATEDB fails", "[postgres]") {
  auto db = testing::fresh_postgres_database("dia_nocreatedb");
  auto admin = PostgresConnection::open(testing::postgres_admin_url());
  const std::string role = "prismapp_test_nocreatedb_" + db.name.substr(db.name.size() - 10);
  admin->execute_script("CREATE ROLE " + role + " LOGIN PASSWORD 'pw' NOCREATEDB");
  PostgresUrl url = parse_postgres_url(db.url);
  const std::string role_url = "postgresql://" + role + ":pw@" + url.host + ":" + std::to_string(url.port) + "/" + db.name;
  const auto e = catch_error([&] { postgres_dialect().create_shadow_database(role_url, std::nullopt); });
  db = testing::PostgresTestDatabase{};
  admin->execute_script("DROP ROLE " + role);
  CHECK(e.database_code == "42501");
  CHECK(std::string(e.what()) == "ERROR: permission denied to create database");
}

TEST_CASE("postgres dialect: migrations table DDL and timestamps round-trip", "[postgres]") {
  auto db = testing::fresh_postgres_database("dia_table");
  auto conn = db.connect();
  const auto& d = postgres_dialect();
  conn->execute_script(d.migrations_table_ddl());
  const Value ts = d.timestamp_parameter(1704164645678);  // 2024-01-02 03:04:05.678 UTC
  CHECK(ts == Value("2024-01-02 03:04:05.678+00"));
  conn->execute("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at) VALUES (?, ?, ?, ?, ?)",
                {"id1", "abc", "m1", ts, d.timestamp_parameter(0)});
  const auto rows = conn->query("SELECT started_at::text, finished_at::text, applied_steps_count FROM _prisma_migrations");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == Row{"2024-01-02 03:04:05.678+00", "1970-01-01 00:00:00+00", "0"});
}

TEST_CASE("postgres connection: socket_timeout cancels a slow query with P1008", "[postgres]") {
  auto db = testing::fresh_postgres_database("conn_timeout");
  auto conn = PostgresConnection::open(db.url_with("socket_timeout=1"));
  const auto start = std::chrono::steady_clock::now();
  const auto e = catch_error([&] { conn->query("SELECT pg_sleep(5)"); });
  CHECK(e.code == "P1008");
  CHECK_THAT(std::string(e.what()), StartsWith("Operations timed out after `1s`."));
  CHECK(e.database_code == "57014");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));
  CHECK(scalar(*conn, "SELECT 1") == "1");  // still usable
}
