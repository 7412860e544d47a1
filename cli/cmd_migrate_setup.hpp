// What the migrate/db commands share: load and validate the schema, resolve the datasource URL,
// build the migrate context, connect, print the datasource line, prompt, seed, and turn engine
// errors into CliErrors in Prisma's layout ("Error: P3009\n\n<message>").
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/output_style.hpp"
#include "cli/project.hpp"
#include "core/migrate/migrate_context.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::cli {

struct MigrateSetup {
  Project project;
  schema::ValidationResult validated;
  const schema::config::Datasource* datasource = nullptr;
  const dialect::Dialect* dialect = nullptr;
  std::unique_ptr<migrate::SchemaPlanner> planner;
  migrate::MigrateContext ctx;
  std::string written_url;    // the URL as configured (shown in messages; password masked when printed)
  dialect::Dialect::UrlInfo url_info;  // what messages say about the database
};

// Loads the project (prints the usual progress lines), validates (P1012 on errors), resolves the
// datasource URL (P1012 on env errors) and the shadow database URL.
std::unique_ptr<MigrateSetup> load_migrate_setup(const std::optional<std::string>& schema_flag, const Output& output);

// `Datasource "db": SQLite database "dev.db" at "file:./dev.db"` (stderr, with the other progress lines).
void print_datasource(const MigrateSetup& setup, const Output& output);
// `SQLite database "dev.db" at "file:./dev.db"`, `PostgreSQL database "db", schema "public" at
// "localhost:5432"` (reset prompts); db push --force-reset says `from` instead of `at`.
std::string database_description(const MigrateSetup& setup, const std::string& preposition = "at");

// Connects to the main database. With `created_line`, a missing database is created first and
// the line to print about it ("SQLite database dev.db created at file:./dev.db") is stored there.
std::unique_ptr<dialect::Connection> connect_main(const MigrateSetup& setup, std::optional<std::string>* created_line);

// Runs `body`, mapping MigrateError / DatabaseError to CliError.
int run_migrate_command(const std::function<int()>& body);

// Prompts only when stdin is a terminal and CI is unset (Prisma's canPrompt).
bool can_prompt();
bool confirm(const std::string& question);
std::string ask(const std::string& question);

// Prints "Applying migration `<name>`" as each migration starts (Prisma's engine log line).
void print_applying(const std::string& migration_name);

// migrations/\n  └─ <name>/\n    └─ migration.sql  for each name.
std::string migration_files_tree(const std::vector<std::string>& names);

// Runs the prismapp.toml seed command, if any (prints Prisma's lines). False when it failed.
bool run_seed(const Config& config, const Output& output);

void add_schema_flag(CLI::App* app, std::optional<std::string>& schema);

// Subcommand registration, one per file: `migrate dev` and `migrate reset` (cmd_migrate_dev.cpp),
// `migrate diff` (cmd_migrate_diff.cpp).
void register_migrate_dev(CLI::App& migrate, Commands& commands, const Output& output);
void register_migrate_reset(CLI::App& migrate, Commands& commands, const Output& output);
void register_migrate_diff(CLI::App& migrate, Commands& commands, const Output& output);

}  // namespace prismapp::cli
