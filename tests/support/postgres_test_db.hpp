// Fresh PostgreSQL databases for tests: each test gets its own uniquely named database
// (prismapp_test_<tag>_<random>), dropped WITH (FORCE) when the object dies, so tests can run in
// parallel. The server comes from PRISMAPP_TEST_POSTGRES_URL (default: the local PostgreSQL of
// scripts/start-test-dbs.sh); an unreachable server fails the test, it never skips it.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/dialect/postgres/postgres_connection.hpp"
#include "core/dialect/postgres/postgres_url.hpp"

namespace prismapp::testing {

// A superuser URL of the test server (its database is the maintenance database).
inline std::string postgres_admin_url() {
  const char* env = std::getenv("PRISMAPP_TEST_POSTGRES_URL");
  return env != nullptr && *env != '\0' ? std::string(env)
                                        : std::string("postgresql://postgres:postgres@127.0.0.1:5432/postgres");
}

struct PostgresTestDatabase {
  std::string name;
  std::string url;  // the admin URL with this database (its parameters kept)

  PostgresTestDatabase() = default;
  PostgresTestDatabase(std::string name_, std::string url_) : name(std::move(name_)), url(std::move(url_)) {}
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase(PostgresTestDatabase&& other) noexcept
      : name(std::exchange(other.name, std::string{})), url(std::exchange(other.url, std::string{})) {}
  PostgresTestDatabase& operator=(PostgresTestDatabase&& other) noexcept {
    if (this != &other) {
      drop();
      name = std::exchange(other.name, std::string{});
      url = std::exchange(other.url, std::string{});
    }
    return *this;
  }
  ~PostgresTestDatabase() { drop(); }

  // A connection to the database itself (search_path = the URL's schema, "public").
  std::unique_ptr<dialect::postgres::PostgresConnection> connect() const {
    return dialect::postgres::PostgresConnection::open(url);
  }
  // The URL with extra query parameters appended ("schema=other&connection_limit=1").
  std::string url_with(std::string_view params) const {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + std::string(params);
  }

 private:
  void drop() noexcept {
    if (name.empty()) return;
    try {
      dialect::postgres::PostgresConnection::open(postgres_admin_url())
          ->execute_script("DROP DATABASE IF EXISTS " + dialect::postgres::quote_identifier(name) + " WITH (FORCE)");
    } catch (...) {
      // A database left behind is named prismapp_test_*: harmless, and visible for cleanup.
    }
    name.clear();
  }
};

// Creates a fresh, empty database named prismapp_test_<tag>_<random>. `tag`: lower-case letters,
// digits and underscores.
inline PostgresTestDatabase fresh_postgres_database(std::string_view tag) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::mt19937_64 gen((static_cast<std::uint64_t>(device()) << 32) ^ device());
  std::string suffix;
  for (int i = 0; i < 10; ++i) suffix.push_back(kHex[gen() % 16]);
  std::string name = "prismapp_test_" + std::string(tag) + "_" + suffix;
  const std::string admin_url = postgres_admin_url();
  dialect::postgres::PostgresConnection::open(admin_url)->execute_script("CREATE DATABASE " +
                                                                          dialect::postgres::quote_identifier(name));
  std::string url = dialect::postgres::with_database(admin_url, name);
  return PostgresTestDatabase(std::move(name), std::move(url));
}

// The one value `sql` returns (one row; NULL reads "NULL"), on a fresh connection to `db`.
inline std::string scalar(const PostgresTestDatabase& db, const std::string& sql,
                          const std::vector<dialect::Value>& params = {}) {
  const auto rows = db.connect()->query(sql, params);
  REQUIRE(rows.size() == 1);
  return rows[0][0].value_or("NULL");
}

// The DatabaseError `f` throws; the test fails when it throws none.
template <typename F>
dialect::DatabaseError catch_error(F&& f) {
  try {
    f();
  } catch (const dialect::DatabaseError& e) {
    return e;
  }
  FAIL("expected a DatabaseError");
  return dialect::DatabaseError("", "");
}

}  // namespace prismapp::testing
