// Prisma's TLS parameters on PostgreSQL (postgres_tls.cpp) against the test server, which
// scripts/start-test-dbs.sh sets up with its own CA, a certificate for 127.0.0.1 and a client
// identity for the role prismapp_tls_client (admitted by certificate only).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "core/dialect/postgres/postgres_connection.hpp"
#include "core/dialect/postgres/postgres_url.hpp"
#include "tests/cli_support.hpp"
#include "tests/support/postgres_test_db.hpp"

using namespace prismapp;
using namespace prismapp::dialect;
using namespace prismapp::dialect::postgres;
using prismapp::testing::catch_error;
namespace fs = std::filesystem;

namespace {

fs::path tls_dir() {
  const char* env = std::getenv("PRISMAPP_TEST_POSTGRES_TLS_DIR");
  return env && *env ? fs::path(env) : fs::path("/var/lib/postgresql/prismapp-tls");
}

// The admin URL with extra query parameters.
std::string admin_with(const std::string& params) {
  const std::string base = testing::postgres_admin_url();
  return base + (base.find('?') == std::string::npos ? "?" : "&") + params;
}

std::string ssl_in_use(const std::string& url) {
  auto conn = PostgresConnection::open(url);
  const auto rows = conn->query("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
  REQUIRE(rows.size() == 1);
  return rows[0][0].value_or("");
}

}  // namespace

TEST_CASE("postgres TLS: sslmode require / disable", "[postgres][tls]") {
  REQUIRE(fs::exists(tls_dir() / "ca.crt"));  // scripts/start-test-dbs.sh ran
  CHECK(ssl_in_use(admin_with("sslmode=require")) == "true");
  CHECK(ssl_in_use(admin_with("sslmode=disable")) == "false");
  // The default (accept_invalid_certs) does not check the certificate: any CA file is fine.
  CHECK(ssl_in_use(admin_with("sslmode=require&sslcert=/nonexistent/ca.crt")) == "true");
}

TEST_CASE("postgres TLS: sslaccept=strict verifies the chain against sslcert", "[postgres][tls]") {
  CHECK(ssl_in_use(admin_with("sslmode=require&sslaccept=strict&sslcert=" + (tls_dir() / "ca.crt").string())) == "true");

  // Another CA: the server's certificate does not chain to it.
  testing::TempDir dir;
  REQUIRE(std::system(("openssl req -x509 -new -nodes -newkey rsa:2048 -days 1 -subj '/CN=other CA' -keyout '" +
                       (dir / "other.key").string() + "' -out '" + (dir / "other.crt").string() + "' >/dev/null 2>&1")
                          .c_str()) == 0);
  auto e = catch_error([&] { PostgresConnection::open(admin_with("sslmode=require&sslaccept=strict&sslcert=" + (dir / "other.crt").string())); });
  CHECK(e.code == "P1011");
  CHECK(std::string(e.what()).rfind("Error opening a TLS connection: ", 0) == 0);
  CHECK(std::string(e.what()).find("certificate verify failed") != std::string::npos);
  CHECK(std::string(e.what()).find("postgres:postgres@") == std::string::npos);

  auto missing = catch_error([&] { PostgresConnection::open(admin_with("sslaccept=strict&sslcert=/nonexistent/ca.crt")); });
  CHECK(missing.code == "P1011");
  CHECK(std::string(missing.what()).find("could not read the CA certificate `/nonexistent/ca.crt` (sslcert)") != std::string::npos);
  // A value Prisma does not know is a malformed URL.
  CHECK(catch_error([&] { parse_postgres_url(admin_with("sslaccept=maybe")); }).code == "P1013");
}

TEST_CASE("postgres TLS: a PKCS#12 client identity (sslidentity, sslpassword)", "[postgres][tls]") {
  const std::string p12 = (tls_dir() / "client.p12").string();
  const std::string url = "postgresql://prismapp_tls_client@127.0.0.1:5432/postgres?sslmode=require&sslaccept=strict&sslcert=" +
                          (tls_dir() / "ca.crt").string() + "&sslidentity=" + p12;
  {
    auto conn = PostgresConnection::open(url + "&sslpassword=prismapp");
    const auto rows = conn->query("SELECT current_user");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == std::optional<std::string>("prismapp_tls_client"));
  }
  auto wrong = catch_error([&] { PostgresConnection::open(url + "&sslpassword=nope"); });
  CHECK(wrong.code == "P1011");
  CHECK(std::string(wrong.what()).find("could not open the client identity `" + p12 + "` (wrong sslpassword?)") != std::string::npos);

  auto not_p12 = catch_error([&] { PostgresConnection::open(url + "x&sslpassword=prismapp"); });
  CHECK(not_p12.code == "P1011");
  CHECK(std::string(not_p12.what()).find("could not read the client identity `" + p12 + "x` (sslidentity)") != std::string::npos);

  auto ca_as_identity = catch_error([&] {
    PostgresConnection::open(url.substr(0, url.find("&sslidentity=")) + "&sslidentity=" + (tls_dir() / "ca.crt").string());
  });
  CHECK(ca_as_identity.code == "P1011");
  CHECK(std::string(ca_as_identity.what()).find("is not a PKCS#12 file") != std::string::npos);

  // Without the identity the certificate-only role is refused.
  auto no_identity = catch_error([&] { PostgresConnection::open(url.substr(0, url.find("&sslidentity="))); });
  CHECK_FALSE(no_identity.code.empty());
}
