// The Prisma JavaScript clients (`prisma-client-js`, `prisma-client`) are not standalone generators:
// they are built into the Prisma CLI, which runs them in-process. prismapp cannot reproduce them, so
// it delegates those blocks to the project's own Prisma CLI (`node_modules/.bin/prisma` of the
// schema's folder or a parent, else `prisma` on PATH): `prisma generate --schema S --generator NAME`.
// Projects that switch to prismapp keep their TypeScript client, and generators that read the
// client's output (prisma-zod-generator looks for its files) see it, in schema order, as with Prisma.
#pragma once
#include <string>
#include <string_view>

#include "cli/output_style.hpp"
#include "cli/project.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::cli {

bool is_prisma_js_client_provider(std::string_view provider);

struct JsClientOutcome {
  bool ok = false;
  std::string text;  // ok: the CLI's "✔ Generated ..." lines; failed: the whole error message
};

// Never throws for the delegated run's failures (they are returned, so other generators still
// run); throws generators::host::Interrupted on Ctrl-C.
JsClientOutcome run_prisma_js_client(const Project& project, const schema::ValidationResult& result,
                                     const schema::config::Generator& generator, const Output& output);

}  // namespace prismapp::cli
