// Command registration: each command family adds its CLI11 subcommand(s) and a run function.
// main() parses, then runs the command whose subcommand was selected. Register leaf subcommands
// only (e.g. `migrate dev`, not `migrate`): the first parsed one in the list runs.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

#include "cli/output_style.hpp"

namespace prismapp::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the exit code; may throw CliError
};

using Commands = std::vector<Command>;

void register_init(CLI::App& root, Commands& commands, const Output& output);      // cmd_init.cpp
void register_validate(CLI::App& root, Commands& commands, const Output& output);  // cmd_validate_format.cpp
void register_format(CLI::App& root, Commands& commands, const Output& output);    // cmd_validate_format.cpp
void register_debug(CLI::App& root, Commands& commands, const Output& output);     // cmd_debug.cpp
void register_migrate(CLI::App& root, Commands& commands, const Output& output);   // cmd_migrate*.cpp
void register_db(CLI::App& root, Commands& commands, const Output& output);        // cmd_db.cpp
void register_db_pull(CLI::App& db, Commands& commands, const Output& output);     // cmd_db_pull.cpp
void register_generate(CLI::App& root, Commands& commands, const Output& output);  // cmd_generate.cpp

}  // namespace prismapp::cli
