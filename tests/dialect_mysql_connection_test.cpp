// Tests for the MySQL dialect's connection side (core/dialect/mysql): URL parsing, script
// splitting, parameter binding, the connection against the local MariaDB (values, NULLs, time
// zone, scripts failing part-way, errors with Prisma's codes, locking, reset) and the dialect
// (database creation, shadow databases, the _prisma_migrations table).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <string>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_connection.hpp"
#include "core/dialect/mysql/mysql_dialect.hpp"
#include "core/dialect/mysql/mysql_script.hpp"
#include "core/dialect/mysql/mysql_url.hpp"
#include "tests/support/mysql_test_db.hpp"

using namespace prismapp;
using dialect::mysql::MysqlConnection;
using dialect::mysql::MysqlError;
using dialect::mysql::parse_mysql_url;
using dialect::mysql::split_mysql_statements;

namespace {

std::string db_code_of(const std::function<void()>& f, std::string* what = nullptr) {
  try {
    f();
  } catch (const dialect::DatabaseError& e) {
    if (what != nullptr) *what = e.what();
    return e.code;
  }
  return "<no error>";
}

// The admin URL with other credentials.
std::string admin_url_as(const std::string& user, const std::string& password, const std::string& database = "") {
  dialect::mysql::MysqlUrl admin = parse_mysql_url(testing::mysql_admin_url());
  return "mysql://" + user + ":" + password + "@" + admin.host + ":" + std::to_string(admin.port) + "/" + database;
}

}  // namespace

TEST_CASE("mysql urls are parsed like quaint's MysqlUrl", "[mysql][url]") {
  const auto url = parse_mysql_url("mysql://us%40er:p%3Ass%2Fword@db.example.com:3307/my%20db?connection_limit=3&connect_timeout=0&socket_timeout=7&unknown=1&sslmode=require");
  CHECK(url.user == "us@er");
  CHECK(url.password == std::optional<std::string>("p:ss/word"));
  CHECK(url.host == "db.example.com");
  CHECK(url.port == 3307);
  CHECK(url.database == "my db");
  CHECK(url.connection_limit == std::optional<unsigned>(3));
  CHECK_FALSE(url.connect_timeout_seconds.has_value());
  CHECK(url.socket_timeout_seconds == std::optional<unsigned>(7));
  CHECK_FALSE(url.use_ssl);
  CHECK(url.location() == "db.example.com:3307");

  const auto defaults = parse_mysql_url("mysql://root@localhost/app");
  CHECK(defaults.port == 3306);
  CHECK(defaults.connect_timeout_seconds == std::optional<unsigned>(5));
  CHECK_FALSE(defaults.password.has_value());

  const auto socket = parse_mysql_url("mysql://root@localhost/dbname?socket=(/tmp/mysql.sock)");
  CHECK(socket.socket == std::optional<std::string>("/tmp/mysql.sock"));

  const auto ipv6 = parse_mysql_url("mysql://[2001:db8:1234::ffff]:5432/testdb");
  CHECK(ipv6.host == "2001:db8:1234::ffff");
  CHECK(ipv6.port == 5432);

  const auto ssl = parse_mysql_url("mysql://a:b@h/d?sslaccept=strict&sslcert=/ca.pem");
  CHECK(ssl.use_ssl);
  CHECK_FALSE(ssl.ssl_accept_invalid_certs);
  CHECK(ssl.ssl_root_cert == std::optional<std::string>("/ca.pem"));
}

TEST_CASE("malformed mysql urls are P1013 and never show the password", "[mysql][url]") {
  for (const char* bad : {"mysql://user:hunter2@host:notaport/db", "mysql://user:hunter2@host/db?connection_limit=x",
                          "mysql://user:hunter2@host/db?connect_timeout=-1", "postgresql://user:hunter2@host/db",
                          "mysql://user:hunter2@host:99999/db"}) {
    INFO(bad);
    std::string what;
    CHECK(db_code_of([&] { parse_mysql_url(bad); }, &what) == "P1013");
    CHECK(what.find("hunter2") == std::string::npos);
    CHECK(what.starts_with("The provided database string is invalid."));
  }
}

TEST_CASE("mysql url with another database keeps credentials and parameters", "[mysql][url]") {
  CHECK(dialect::mysql::mysql_url_with_database("mysql://u:p@h:1/main?connect_timeout=3", "shadow_1") ==
        "mysql://u:p@h:1/shadow_1?connect_timeout=3");
  CHECK(dialect::mysql::mysql_url_with_database("mysql://u:p@h:1/", "x y") == "mysql://u:p@h:1/x%20y");
  CHECK(dialect::mysql::mysql_url_with_database("mysql://u:p@h:1", "db") == "mysql://u:p@h:1/db");
}

TEST_CASE("mysql scripts split on semicolons outside quotes, identifiers and comments", "[mysql][script]") {
  const auto parts = split_mysql_statements(
      "-- leading comment\n"
      "CREATE TABLE `a;b` (`x` VARCHAR(10) DEFAULT 'it''s; \\' here');\n"
      "INSERT INTO t VALUES (\"semi;colon\") # trailing ; comment\n;\n"
      "/* block ; comment */\n"
      ";;\n"
      "SELECT 1 -- done; really\n");
  REQUIRE(parts.size() == 3);
  CHECK(parts[0].starts_with("-- leading comment\nCREATE TABLE `a;b`"));
  CHECK(parts[0].ends_with("'it''s; \\' here')"));
  CHECK(parts[1] == "INSERT INTO t VALUES (\"semi;colon\") # trailing ; comment");
  // The comment-only piece between the `;`s is no statement.
  CHECK(parts[2] == "SELECT 1 -- done; really");
  CHECK(split_mysql_statements("-- nothing here\n/* at all */\n").empty());
  // `--` without a following space is not a comment in MySQL: 1--1 is arithmetic.
  CHECK(split_mysql_statements("SELECT 1--1; SELECT 2").size() == 2);
  // Executable comments are statements.
  CHECK(split_mysql_statements("/*!40101 SET NAMES utf8mb4 */;\n/* plain */;\n").size() == 1);
  // Stored program bodies stay one statement.
  const auto routines = split_mysql_statements(
      "CREATE PROCEDURE p() BEGIN DECLARE x INT; IF x THEN SET x = 1; END IF; "
      "SELECT CASE WHEN x THEN 1 ELSE 2 END; END;\nSELECT 3;");
  REQUIRE(routines.size() == 2);
  CHECK(routines[1] == "SELECT 3");
}

TEST_CASE("mysql parameters become hex literals outside quotes", "[mysql][script]") {
  using dialect::mysql::bind_mysql_parameters;
  CHECK(bind_mysql_parameters("SELECT ?, '?', `?`, ? -- ?\n", {std::string("a'b"), std::nullopt}) ==
        "SELECT _utf8mb4 X'612762', '?', `?`, NULL -- ?\n");
  CHECK(bind_mysql_parameters("SELECT ?", {std::string()}) == "SELECT _utf8mb4''");
  CHECK(db_code_of([] { bind_mysql_parameters("SELECT ?, ?", {std::string("x")}); }) == "");
  std::string what;
  db_code_of([] { bind_mysql_parameters("SELECT ?", {std::string("x"), std::string("y")}); }, &what);
  CHECK(what.find("Expected: `1`, actual: `2`") != std::string::npos);
}

TEST_CASE("mysql connection runs statements with parameters and returns text values", "[mysql][connection]") {
  auto db = testing::fresh_mysql_database("conn");
  auto conn = MysqlConnection::open(db.url);
  conn->execute_script(
      "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(50) NULL, at DATETIME(3) NULL, b BLOB NULL) "
      "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
  conn->execute("INSERT INTO t (id, name, at) VALUES (?, ?, ?)",
                {std::string("1"), std::string("Zoë 'quoted' \\ back?"), std::string("2024-01-31 12:34:56.789")});
  conn->execute("INSERT INTO t (id, name, at) VALUES (?, ?, ?)", {std::string("2"), std::nullopt, std::nullopt});
  const auto rows = conn->query("SELECT id, name, at FROM t WHERE id >= ? ORDER BY id", {std::string("1")});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == std::optional<std::string>("1"));
  CHECK(rows[0][1] == std::optional<std::string>("Zoë 'quoted' \\ back?"));
  CHECK(rows[0][2] == std::optional<std::string>("2024-01-31 12:34:56.789"));
  CHECK_FALSE(rows[1][1].has_value());
  CHECK_FALSE(rows[1][2].has_value());
  // Matching a utf8mb4_unicode_ci column with a bound value works (no collation clash).
  CHECK(conn->query("SELECT id FROM t WHERE name = ?", {std::string("zoë 'QUOTED' \\ back?")}).size() == 1);
  // The session is in UTC.
  CHECK(conn->query("SELECT @@session.time_zone")[0][0] == std::optional<std::string>("+00:00"));
  CHECK(conn->database() == db.name);
  CHECK(conn->is_mariadb());
}

TEST_CASE("a mysql script failing part-way says which statement failed", "[mysql][connection]") {
  auto db = testing::fresh_mysql_database("script");
  auto conn = MysqlConnection::open(db.url);
  try {
    conn->execute_script("CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE c (id INT);\n");
    FAIL("expected an error");
  } catch (const MysqlError& e) {
    CHECK(e.database_code == "1050");
    CHECK(e.error_number == 1050);
    CHECK(e.failed_statement == std::optional<std::size_t>(2));
    CHECK(e.statement_count == 3);
    CHECK(e.server_message == "Table 'a' already exists");
    CHECK(std::string(e.what()) == "Table 'a' already exists");
    CHECK(e.database_message == "Table 'a' already exists\n\nPlease check the query number 2 from the migration file.");
  }
  // Statement 1 stayed applied (MySQL DDL is not transactional), statement 3 never ran.
  const auto tables = conn->query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1",
                                  {db.name});
  REQUIRE(tables.size() == 1);
  CHECK(tables[0][0] == std::optional<std::string>("a"));

  std::string what;
  CHECK(db_code_of([&] { conn->execute("SELEC 1"); }, &what) == "");
  CHECK(what.find("You have an error in your SQL syntax") != std::string::npos);
  CHECK(db_code_of([&] { conn->query("SELECT * FROM missing_table"); }, &what) == "P1014");
  CHECK(what == "The underlying table for model `missing_table` does not exist.");
}

TEST_CASE("mysql connection errors carry Prisma's codes and hide passwords", "[mysql][connection][errors]") {
  std::string what;
  CHECK(db_code_of([&] { MysqlConnection::open(admin_url_as("prisma", "wrong-secret-pw")); }, &what) == "P1000");
  CHECK(what.find("the provided database credentials for `prisma` are not valid") != std::string::npos);
  CHECK(what.find("wrong-secret-pw") == std::string::npos);

  CHECK(db_code_of([&] { MysqlConnection::open("mysql://prisma:secret-pw@127.0.0.1:1/db"); }, &what) == "P1001");
  CHECK(what == "Can't reach database server at `127.0.0.1`:`1`\n\nPlease make sure your database server is running at `127.0.0.1`:`1`.");

  const auto admin = parse_mysql_url(testing::mysql_admin_url());
  CHECK(db_code_of([&] { MysqlConnection::open(admin_url_as("prisma", "prisma", "prismapp_test_does_not_exist")); }, &what) ==
        "P1003");
  CHECK(what == "Database `prismapp_test_does_not_exist` does not exist on the database server at `" + admin.host + ":" +
                    std::to_string(admin.port) + "`.");
}

TEST_CASE("mysql socket_timeout ends a query that takes too long with P1008", "[mysql][connection][errors]") {
  auto db = testing::fresh_mysql_database("timeout");
  auto conn = MysqlConnection::open(db.url + "?socket_timeout=1");
  std::string what;
  CHECK(db_code_of([&] { conn->query("SELECT SLEEP(3)"); }, &what) == "P1008");
  CHECK(what.starts_with("Operations timed out after `1s`."));
}

TEST_CASE("mysql advisory lock and reset", "[mysql][connection]") {
  auto db = testing::fresh_mysql_database("lock");
  auto first = MysqlConnection::open(db.url);
  auto second = MysqlConnection::open(db.url);
  first->lock();
  CHECK(second->query("SELECT IS_USED_LOCK('prisma_migrate') IS NOT NULL")[0][0] == std::optional<std::string>("1"));
  first->unlock();
  second->lock();
  second->unlock();

  first->execute_script("CREATE TABLE x (id INT); CREATE VIEW v AS SELECT id FROM x;");
  first->reset();
  CHECK(first->query("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", {db.name})[0][0] ==
        std::optional<std::string>("0"));
  // Still connected to (the new) database.
  first->execute("CREATE TABLE y (id INT)");

  // The best-effort reset (users who may not drop the database): tables with foreign keys
  // between them, views and routines all go.
  first->execute_script(
      "CREATE TABLE parent (id INT PRIMARY KEY);\n"
      "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent(id));\n"
      "CREATE VIEW pv AS SELECT id FROM parent;\n"
      "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;\n"
      "CREATE PROCEDURE noop() BEGIN DECLARE x INT; SET x = 1; END;\n");
  first->drop_all_objects();
  CHECK(first->query("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", {db.name})[0][0] ==
        std::optional<std::string>("0"));
  CHECK(first->query("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", {db.name})[0][0] ==
        std::optional<std::string>("0"));
}

TEST_CASE("mysql dialect: urls, creating databases, shadow databases, migrations table", "[mysql][dialect]") {
  const auto& d = dialect::mysql::mysql_dialect();
  CHECK(dialect::find_dialect("mysql") == &d);
  CHECK(dialect::find_dialect_for_url("mysql://u:p@h/db") == &d);
  const auto info = d.url_info("mysql://u:secret@db.host:3307/shop");
  CHECK(info.database_kind == "MySQL");
  CHECK(info.database == "shop");
  CHECK(info.location == "db.host:3307");
  CHECK(d.timestamp_parameter(1706704496789) == std::optional<std::string>("2024-01-31 12:34:56.789"));
  CHECK(db_code_of([&] { d.connect(admin_url_as("prisma", "prisma", "mysql")); }) == "P3004");

  // connect_creating creates a missing database with Prisma's charset and says so.
  const auto admin = parse_mysql_url(testing::mysql_admin_url());
  auto holder = testing::fresh_mysql_database("create");
  const std::string name = holder.name + "_new";
  const std::string url = dialect::mysql::mysql_url_with_database(testing::mysql_admin_url(), name);
  testing::MysqlTestDatabase created(name, url);  // dropped at the end
  auto connected = d.connect_creating(url, url);
  REQUIRE(connected.created_message.has_value());
  CHECK(*connected.created_message == "MySQL database " + name + " created at " + admin.host + ":" + std::to_string(admin.port));
  CHECK(connected.connection->query("SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
                                    {name})[0][0] == std::optional<std::string>("utf8mb4_unicode_ci"));
  CHECK_FALSE(d.connect_creating(url, url).created_message.has_value());

  // The migrations table as Prisma creates it.
  connected.connection->execute_script(d.migrations_table_ddl());
  connected.connection->execute("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)",
                                {std::string("id1"), std::string("c"), std::string("m"), d.timestamp_parameter(1000)});
  CHECK(connected.connection->query("SELECT started_at, applied_steps_count FROM _prisma_migrations")[0] ==
        dialect::Row{std::string("1970-01-01 00:00:01.000"), std::string("0")});

  // A temporary shadow database on the main server, gone once the object dies.
  std::string shadow_name;
  {
    auto shadow = d.create_shadow_database(holder.url, std::nullopt);
    shadow->connection->execute("CREATE TABLE s (id INT)");
    const auto rows = shadow->connection->query("SELECT DATABASE()");
    shadow_name = *rows[0][0];
    CHECK(shadow_name.starts_with("prisma_migrate_shadow_db_"));
    CHECK(shadow_name.size() == std::string("prisma_migrate_shadow_db_").size() + 36);
  }
  auto check = MysqlConnection::open(testing::mysql_admin_url());
  CHECK(check->query("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", {shadow_name})[0][0] ==
        std::optional<std::string>("0"));

  // A configured shadow database is emptied first, and must not be the main database.
  auto configured = testing::fresh_mysql_database("shadowcfg");
  MysqlConnection::open(configured.url)->execute("CREATE TABLE leftover (id INT)");
  {
    auto shadow = d.create_shadow_database(holder.url, configured.url);
    CHECK(shadow->connection->query("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                                    {configured.name})[0][0] == std::optional<std::string>("0"));
  }
  std::string what;
  db_code_of([&] { d.create_shadow_database(holder.url, holder.url); }, &what);
  CHECK(what == "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
}

TEST_CASE("mysql connects through a unix socket and insists on TLS when an ssl parameter is given",
          "[mysql][connection]") {
  auto db = testing::fresh_mysql_database("socket");
  auto conn = db.connect();
  const auto socket = conn->query("SELECT @@socket")[0][0].value_or("");
  const auto admin = parse_mysql_url(testing::mysql_admin_url());
  // Only meaningful when the test server runs on this machine (it does for scripts/start-test-dbs.sh).
  if (admin.host == "127.0.0.1" || admin.host == "localhost") {
    REQUIRE_FALSE(socket.empty());
    const std::string url = "mysql://" + admin.user + ":" + admin.password.value_or("") + "@localhost/" + db.name +
                            "?socket=(" + socket + ")&connection_limit=1";
    auto via_socket = MysqlConnection::open(url);
    CHECK(via_socket->query("SELECT DATABASE()")[0][0] == std::optional<std::string>(db.name));
  }
  const bool server_has_tls = !conn->query("SHOW SESSION STATUS LIKE 'Ssl_cipher'")[0][1].value_or("").empty() ||
                              conn->query("SELECT @@have_ssl")[0][0] == std::optional<std::string>("YES");
  if (!server_has_tls) {
    for (const char* params : {"?sslaccept=strict", "?sslaccept=accept_invalid_certs", "?sslcert=/nonexistent-ca.pem"}) {
      INFO(params);
      std::string what;
      CHECK(db_code_of([&] { MysqlConnection::open(db.url + params); }, &what) == "P1011");
      CHECK(what.starts_with("Error opening a TLS connection: "));
    }
  }
}
