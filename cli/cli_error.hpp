// Errors the CLI reports to the user: a message plus the process exit code. Commands throw
// CliError (or return an exit code); only main() turns them into output and an exit status.
#pragma once
#include <stdexcept>
#include <string>

namespace prismapp::cli {

// Exit codes (documented in docs/cli-reference.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;  // any failure: bad input, validation error, unformatted files

class CliError : public std::runtime_error {
 public:
  explicit CliError(std::string message, int exit_code = kExitError)
      : std::runtime_error(std::move(message)), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace prismapp::cli
