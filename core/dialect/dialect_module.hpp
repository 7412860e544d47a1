// The server dialects (PostgreSQL, MySQL) live in loadable modules next to the binary, so that
// commands which never talk to those servers (validate, format, generate, SQLite migrations) do not
// pay for loading libpq, mysql-connector-c++ and their ~30 shared libraries at every start.
// This header is the contract between the loader (module_loader.cpp) and each module.
#pragma once

namespace prismapp::dialect {

class Dialect;

// Every module exports these two C functions. The ABI string must equal the loading binary's:
// both are built from the same tree in one build, and a stale module is refused, not crashed on.
using ModuleAbiFunction = const char* (*)();
using ModuleDialectFunction = const Dialect* (*)();
inline constexpr const char* kModuleAbiSymbol = "prismapp_dialect_module_abi";
inline constexpr const char* kModuleDialectSymbol = "prismapp_dialect_module_dialect";

// Makes a dialect that is linked into this process (the test binary links them statically) win over
// loading its module. Not thread-safe against concurrent find_dialect: call it before any lookup.
void register_linked_dialect(const Dialect& dialect);

// Loads `lib<module_name>.so` (see module_loader.cpp for where it is looked for) and returns its
// dialect. Throws DatabaseError with a clear message when the module is missing or stale.
const Dialect& load_dialect_module(const char* module_name);

}  // namespace prismapp::dialect
