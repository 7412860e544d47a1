// prismapp: parse the command line, run one command, map failures to exit codes. Everything else
// lives in the cmd_*.cpp files and the helpers beside them.
#include <CLI/CLI.hpp>
#include <iostream>
#include <new>

#include "cli/cli_error.hpp"
#include "cli/commands.hpp"
#include "cli/output_style.hpp"
#include "cli/version.hpp"

namespace {

using namespace prismapp::cli;

void print_error(const Output& output, const std::string& message) {
  std::cerr << output.err.red(output.err.bold("Error: ")) << message << "\n";
}

int run(int argc, char** argv) {
  const Output output{Style(colour_for_fd(1)), Style(colour_for_fd(2))};

  CLI::App app{"prismapp: a native reimplementation of the Prisma CLI (schema, migrations, Python client)",
               "prismapp"};
  app.set_version_flag("-v,--version", version_text(), "Print the prismapp and Prisma compat versions");
  app.require_subcommand(0, 1);

  Commands commands;
  register_init(app, commands, output);
  register_validate(app, commands, output);
  register_format(app, commands, output);
  register_migrate(app, commands, output);
  register_db(app, commands, output);
  register_generate(app, commands, output);
  register_debug(app, commands, output);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Prisma exits 1 on unknown or malformed flags; CLI11's own codes are not part of our contract.
    print_error(output, std::string(e.what()) + "\nRun with --help for more information.");
    return kExitError;
  }

  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  std::cout << app.help();
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const CliError& e) {
    print_error(Output{Style(colour_for_fd(1)), Style(colour_for_fd(2))}, e.what());
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    std::cerr << "Error: out of memory\n";
    return kExitError;
  } catch (const std::exception& e) {
    std::cerr << "Error: internal error: " << e.what() << "\n";
    return kExitError;
  } catch (...) {
    std::cerr << "Error: internal error\n";
    return kExitError;
  }
}
