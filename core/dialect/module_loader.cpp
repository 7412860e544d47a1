// Loading the server dialect modules (see dialect_module.hpp for why they are modules).
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

#include "core/dialect/dialect.hpp"
#include "core/dialect/dialect_module.hpp"
#include "prismapp_module_abi.hpp"  // generated per build directory by CMake

namespace prismapp::dialect {
namespace {

std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Dialects by provider: the linked ones (tests) and those loaded so far. Modules are never
// unloaded: their Dialect objects live until the process ends.
std::map<std::string, const Dialect*, std::less<>>& known_dialects() {
  static std::map<std::string, const Dialect*, std::less<>> dialects;
  return dialects;
}

std::filesystem::path executable_directory() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

// Where modules are looked for, in order: $PRISMAPP_MODULE_DIR, <bin>/../lib/prismapp (installed
// layout), <bin>/lib/prismapp (the build tree).
std::vector<std::filesystem::path> module_directories() {
  std::vector<std::filesystem::path> dirs;
  if (const char* dir = std::getenv("PRISMAPP_MODULE_DIR"); dir && *dir) dirs.emplace_back(dir);
  if (const auto bin = executable_directory(); !bin.empty()) {
    dirs.push_back(bin.parent_path() / "lib" / "prismapp");
    dirs.push_back(bin / "lib" / "prismapp");
  }
  return dirs;
}

[[noreturn]] void module_error(const std::string& message) {
  throw DatabaseError("", message);
}

}  // namespace

void register_linked_dialect(const Dialect& dialect) {
  const std::lock_guard lock(registry_mutex());
  known_dialects()[std::string(dialect.provider())] = &dialect;
}

const Dialect* linked_or_loaded_dialect(std::string_view provider) {
  const std::lock_guard lock(registry_mutex());
  const auto& dialects = known_dialects();
  const auto it = dialects.find(provider);
  return it == dialects.end() ? nullptr : it->second;
}

const Dialect& load_dialect_module(const char* module_name) {
  const std::string file_name = std::string("lib") + module_name + ".so";
  std::string tried;
  for (const auto& dir : module_directories()) {
    const auto path = dir / file_name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      tried += "\n  " + path.string();
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) module_error("prismapp could not load its database module " + path.string() + ": " + dlerror());
    auto abi = reinterpret_cast<ModuleAbiFunction>(dlsym(handle, kModuleAbiSymbol));
    auto entry = reinterpret_cast<ModuleDialectFunction>(dlsym(handle, kModuleDialectSymbol));
    if (!abi || !entry) module_error("prismapp: " + path.string() + " is not a prismapp database module.");
    if (std::string_view(abi()) != kPrismappModuleAbi)
      module_error("prismapp: the database module " + path.string() +
                   " belongs to a different prismapp build; reinstall prismapp so that the binary and its "
                   "modules match.");
    const Dialect* dialect = entry();
    const std::lock_guard lock(registry_mutex());
    known_dialects()[std::string(dialect->provider())] = dialect;
    return *dialect;
  }
  module_error("prismapp could not find its database module " + file_name + "; looked in:" + tried +
               "\nReinstall prismapp (cmake --install puts the modules in <prefix>/lib/prismapp) or set "
               "PRISMAPP_MODULE_DIR.");
}

}  // namespace prismapp::dialect
