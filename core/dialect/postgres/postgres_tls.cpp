#include "core/dialect/postgres/postgres_tls.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include "core/dialect/dialect.hpp"

namespace prismapp::dialect::postgres {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void tls_error(const std::string& what) {
  throw DatabaseError("P1011", "Error opening a TLS connection: " + what);
}

std::string openssl_reason() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown error";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return buf;
}

// The process's private folder for converted identities; removed at exit.
class PrivateDir {
 public:
  const fs::path& path() {
    std::call_once(once_, [this] {
      const char* tmp = std::getenv("TMPDIR");
      std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/prismapp-tls-XXXXXX";
      if (::mkdtemp(tmpl.data()) == nullptr) tls_error("could not create a private temporary folder");
      path_ = tmpl;
    });
    return path_;
  }
  ~PrivateDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }

 private:
  std::once_flag once_;
  fs::path path_;
};
PrivateDir g_private_dir;

struct FileCloser {
  void operator()(FILE* f) const { if (f) std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

// PEM files (certificate chain, unencrypted key) for a PKCS#12 identity, written once per file.
std::pair<std::string, std::string> pem_files_for(const std::string& identity, const std::string& password) {
  File in(std::fopen(identity.c_str(), "rb"));
  if (!in) tls_error("could not read the client identity `" + identity + "` (sslidentity): " + std::strerror(errno));
  std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(d2i_PKCS12_fp(in.get(), nullptr), &PKCS12_free);
  if (!p12) tls_error("the client identity `" + identity + "` is not a PKCS#12 file: " + openssl_reason());
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &chain) != 1 || key == nullptr || cert == nullptr) {
    EVP_PKEY_free(key);
    X509_free(cert);
    sk_X509_pop_free(chain, X509_free);
    tls_error("could not open the client identity `" + identity + "` (wrong sslpassword?): " + openssl_reason());
  }
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key_guard(key, &EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert_guard(cert, &X509_free);
  auto chain_free = [](STACK_OF(X509)* s) { sk_X509_pop_free(s, X509_free); };
  std::unique_ptr<STACK_OF(X509), decltype(chain_free)> chain_guard(chain, chain_free);

  static int counter = 0;
  const fs::path dir = g_private_dir.path();
  const std::string stem = (dir / ("identity-" + std::to_string(++counter))).string();
  const std::string cert_path = stem + ".crt", key_path = stem + ".key";
  {
    const mode_t old = ::umask(077);  // the key is written unencrypted: owner only
    File c(std::fopen(cert_path.c_str(), "wb"));
    File k(std::fopen(key_path.c_str(), "wb"));
    ::umask(old);
    if (!c || !k) tls_error("could not write the converted client identity");
    bool ok = PEM_write_X509(c.get(), cert) == 1 && PEM_write_PrivateKey(k.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    for (int i = 0; ok && chain && i < sk_X509_num(chain); ++i) ok = PEM_write_X509(c.get(), sk_X509_value(chain, i)) == 1;
    if (!ok) tls_error("could not convert the client identity `" + identity + "`: " + openssl_reason());
  }
  return {cert_path, key_path};
}

}  // namespace

void add_tls_parameters(const PostgresUrl& url, std::map<std::string, std::string>& libpq) {
  if (url.sslmode == "disable") return;
  if (url.ssl_accept_strict) {
    // Prisma's strict mode checks the chain and the host name: libpq's verify-full.
    libpq["sslmode"] = "verify-full";
    if (url.ssl_root_cert) {
      if (::access(url.ssl_root_cert->c_str(), R_OK) != 0)
        tls_error("could not read the CA certificate `" + *url.ssl_root_cert + "` (sslcert): " + std::strerror(errno));
      libpq["sslrootcert"] = *url.ssl_root_cert;
    } else if (::access("/etc/ssl/certs/ca-certificates.crt", R_OK) == 0) {
      libpq["sslrootcert"] = "/etc/ssl/certs/ca-certificates.crt";  // the system's trust store
    }
  }
  if (url.ssl_identity) {
    const auto [cert, key] = pem_files_for(*url.ssl_identity, url.ssl_password.value_or(""));
    libpq["sslcert"] = cert;
    libpq["sslkey"] = key;
  }
}

}  // namespace prismapp::dialect::postgres
