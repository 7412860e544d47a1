// Failures of the migration engine, carrying Prisma's error code (P3005, P3009, P3018, ...) so the
// CLI can print "Error: <code>\n\n<message>" and pick the exit code. Core code throws these and
// never prints or exits.
#pragma once
#include <stdexcept>
#include <string>

namespace prismapp::migrate {

struct MigrateError : std::runtime_error {
  std::string code;  // "P3009", or "" for errors Prisma reports without a code
  MigrateError(std::string code_, const std::string& message) : std::runtime_error(message), code(std::move(code_)) {}
};

}  // namespace prismapp::migrate
