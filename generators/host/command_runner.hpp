// Runs one command to completion (`/bin/sh -c`, own process group), collecting what it writes on
// stdout and stderr, with a timeout and Ctrl-C handling like the generator host: used where a
// whole tool is run rather than spoken to over JSON-RPC (the Prisma CLI for its built-in clients).
#pragma once
#include <chrono>
#include <string>

#include "generators/host/child_process.hpp"

namespace prismapp::generators::host {

struct CommandOutcome {
  int status = 0;          // waitpid status (see describe_status)
  bool timed_out = false;  // killed after `timeout`
  std::string output;      // stdout and stderr, interleaved in arrival order
  bool succeeded() const;  // exited with code 0
};

// Throws Interrupted (after killing the process group) on SIGINT/SIGTERM, std::runtime_error when
// the shell cannot start. timeout 0 = wait forever.
CommandOutcome run_command(const SpawnOptions& options, std::chrono::milliseconds timeout);

}  // namespace prismapp::generators::host
