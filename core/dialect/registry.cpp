// find_dialect: the one place that knows which dialects exist. Add a line per new database.
// SQLite is linked into the binary; the server dialects are loadable modules, loaded the first time
// a command needs them (see dialect_module.hpp).
#include <array>
#include <mutex>

#include "core/dialect/dialect.hpp"
#include "core/dialect/dialect_module.hpp"
#include "core/dialect/sqlite/sqlite_dialect.hpp"

namespace prismapp::dialect {

const Dialect* linked_or_loaded_dialect(std::string_view provider);  // module_loader.cpp

namespace {

struct ServerDialect {
  std::string_view provider;
  const char* module_name;                  // lib<module_name>.so
  std::array<std::string_view, 2> schemes;  // URL prefixes it accepts (Prisma's); empty = none
};

constexpr std::array kServerDialects = {
    ServerDialect{"postgresql", "prismapp_postgres", {"postgresql://", "postgres://"}},
    ServerDialect{"mysql", "prismapp_mysql", {"mysql://", {}}},
};

const Dialect& server_dialect(const ServerDialect& server) {
  if (const Dialect* d = linked_or_loaded_dialect(server.provider)) return *d;
  // Serialise loading so that concurrent first uses load a module once.
  static std::mutex loading;
  const std::lock_guard lock(loading);
  if (const Dialect* d = linked_or_loaded_dialect(server.provider)) return *d;
  return load_dialect_module(server.module_name);
}

}  // namespace

const Dialect* find_dialect(std::string_view provider) {
  if (provider == sqlite::sqlite_dialect().provider()) return &sqlite::sqlite_dialect();
  for (const ServerDialect& server : kServerDialects)
    if (server.provider == provider) return &server_dialect(server);
  return nullptr;
}

const Dialect* find_dialect_for_url(std::string_view url) {
  if (sqlite::sqlite_dialect().accepts_url(url)) return &sqlite::sqlite_dialect();
  for (const ServerDialect& server : kServerDialects)
    for (std::string_view scheme : server.schemes)
      if (!scheme.empty() && url.starts_with(scheme)) {
        const Dialect& d = server_dialect(server);
        return d.accepts_url(url) ? &d : nullptr;
      }
  return nullptr;
}

}  // namespace prismapp::dialect
