// Running the schema's generators from other commands: `migrate dev`, `migrate reset` and
// `db push` end with Prisma 6's tryToRunGenerate unless --skip-generate or
// PRISMA_MIGRATE_SKIP_GENERATE is given (cmd_generate.cpp).
#pragma once
#include <string>
#include <vector>

#include "cli/output_style.hpp"
#include "cli/project.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::cli {

// Every generator block (or those named in `selected`) of a validated schema, in schema order.
// Throws CliError listing the failures after all have run.
void generate_all(const Project& project, const schema::ValidationResult& result,
                  const std::vector<std::string>& selected, const Output& output);

// Prisma's tryToRunGenerate: prints `Running generate... (Use --skip-generate to skip the
// generators)`, runs every generator and prints each one's success line or error on stdout. A
// failing generator does not fail the command (as with Prisma). Does nothing when `skip` is true
// or PRISMA_MIGRATE_SKIP_GENERATE is set.
void generate_after_migration(const Project& project, const schema::ValidationResult& result, bool skip,
                              const Output& output);

}  // namespace prismapp::cli
