// Version strings (from the CMake project: PRISMAPP_VERSION, PRISMAPP_PRISMA_COMPAT_VERSION).
#pragma once
#include <string>

#ifndef PRISMAPP_VERSION
#define PRISMAPP_VERSION "0.0.0-dev"
#endif
#ifndef PRISMAPP_PRISMA_COMPAT_VERSION
#define PRISMAPP_PRISMA_COMPAT_VERSION "unknown"
#endif

namespace prismapp::cli {

// `prismapp --version`.
inline std::string version_text() {
  return std::string("prismapp ") + PRISMAPP_VERSION + "\nPrisma compat " + PRISMAPP_PRISMA_COMPAT_VERSION;
}

// The last line of error reports (Prisma prints `Prisma CLI Version : x.y.z` there).
inline std::string error_version_line() {
  return std::string("prismapp Version : ") + PRISMAPP_VERSION + " (Prisma compat " + PRISMAPP_PRISMA_COMPAT_VERSION +
         ")";
}

}  // namespace prismapp::cli
