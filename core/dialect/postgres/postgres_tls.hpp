// Prisma's PostgreSQL TLS parameters mapped onto libpq's. Prisma's driver takes the CA as
// `sslcert` and the client identity as a PKCS#12 file (`sslidentity` + `sslpassword`); libpq wants
// `sslrootcert` and PEM `sslcert`/`sslkey`. The PKCS#12 file is converted with OpenSSL into PEM
// files in a private temporary folder (mode 0700, removed when the process ends).
#pragma once
#include <map>
#include <string>

#include "core/dialect/postgres/postgres_url.hpp"

namespace prismapp::dialect::postgres {

// Adds sslmode/sslrootcert/sslcert/sslkey to `libpq` for `url` (sslmode=disable: nothing).
// Throws DatabaseError P1011 when a certificate or identity file cannot be read.
void add_tls_parameters(const PostgresUrl& url, std::map<std::string, std::string>& libpq);

}  // namespace prismapp::dialect::postgres
