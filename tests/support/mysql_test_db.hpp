// Fresh MySQL/MariaDB databases for tests: each test gets its own uniquely named database
// (prismapp_test_<tag>_<random>), dropped when the object dies, so tests can run in parallel.
// The server comes from PRISMAPP_TEST_MYSQL_URL (default: the local MariaDB of
// scripts/start-test-dbs.sh); an unreachable server fails the test, it never skips it.
#pragma once
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include <catch2/catch.hpp>

#include "core/dialect/dialect.hpp"
#include "core/dialect/mysql/mysql_connection.hpp"
#include "core/dialect/mysql/mysql_script.hpp"
#include "core/dialect/mysql/mysql_url.hpp"
#include "core/diff/calculator.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::testing {

// A server-level URL (no database, or whatever the variable names) with full privileges.
inline std::string mysql_admin_url() {
  const char* env = std::getenv("PRISMAPP_TEST_MYSQL_URL");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string("mysql://prisma:prisma@127.0.0.1:3306/");
}

struct MysqlTestDatabase {
  std::string name;
  std::string url;  // mysql://.../<name>, parameters of the admin URL kept

  MysqlTestDatabase() = default;
  MysqlTestDatabase(std::string name_, std::string url_) : name(std::move(name_)), url(std::move(url_)) {}
  MysqlTestDatabase(const MysqlTestDatabase&) = delete;
  MysqlTestDatabase& operator=(const MysqlTestDatabase&) = delete;
  MysqlTestDatabase(MysqlTestDatabase&& other) noexcept
      : name(std::exchange(other.name, std::string{})), url(std::exchange(other.url, std::string{})) {}
  MysqlTestDatabase& operator=(MysqlTestDatabase&& other) noexcept {
    if (this != &other) {
      drop();
      name = std::exchange(other.name, std::string{});
      url = std::exchange(other.url, std::string{});
    }
    return *this;
  }
  ~MysqlTestDatabase() { drop(); }

  // A connection to the database itself.
  std::unique_ptr<dialect::mysql::MysqlConnection> connect() const { return dialect::mysql::MysqlConnection::open(url); }

 private:
  void drop() noexcept {
    if (name.empty()) return;
    try {
      dialect::mysql::MysqlUrl admin = dialect::mysql::parse_mysql_url(mysql_admin_url());
      admin.database.clear();
      dialect::mysql::MysqlConnection::open(admin)->execute("DROP DATABASE IF EXISTS " +
                                                            dialect::mysql::quote_mysql_identifier(name));
    } catch (...) {
      // A database left behind is named prismapp_test_*: harmless, and visible for cleanup.
    }
    name.clear();
  }
};

// Creates a fresh, empty database named prismapp_test_<tag>_<random> (utf8mb4, like Prisma
// creates databases). `tag`: letters, digits and underscores.
inline MysqlTestDatabase fresh_mysql_database(std::string_view tag) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::mt19937_64 gen((static_cast<std::uint64_t>(device()) << 32) ^ device());
  std::string suffix;
  for (int i = 0; i < 10; ++i) suffix.push_back(kHex[gen() % 16]);
  std::string name = "prismapp_test_" + std::string(tag) + "_" + suffix;
  const std::string admin_url = mysql_admin_url();
  dialect::mysql::MysqlUrl admin = dialect::mysql::parse_mysql_url(admin_url);
  admin.database.clear();
  dialect::mysql::MysqlConnection::open(admin)->execute("CREATE DATABASE " + dialect::mysql::quote_mysql_identifier(name) +
                                                        " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  std::string url = dialect::mysql::mysql_url_with_database(admin_url, name);
  return MysqlTestDatabase(std::move(name), std::move(url));
}

// The MySQL dialect of the test binary.
inline const dialect::Dialect& mysql_dialect() {
  const dialect::Dialect* d = dialect::find_dialect("mysql");
  REQUIRE(d != nullptr);
  return *d;
}

// `models` below a MySQL datasource, validated (a schema error fails the test) and calculated.
inline diff::CalculatedSchema calculate_mysql(const std::string& models) {
  schema::SourceSet sources;
  sources.add("schema.prisma",
              "datasource db {\n  provider = \"mysql\"\n  url      = \"mysql://u:p@localhost:3306/db\"\n}\n\n" + models);
  const auto validated = schema::validate_schema(std::move(sources));
  if (validated.diagnostics.has_errors()) FAIL(validated.diagnostics.errors().front().message);
  return diff::calculate(validated, mysql_dialect().calculator_hooks());
}

}  // namespace prismapp::testing
