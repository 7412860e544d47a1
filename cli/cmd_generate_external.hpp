// `prismapp generate` for providers that are not built in: any Prisma generator, run as a child
// process through generators/host (the JSON-RPC protocol of Prisma 7), plus `generate --watch`.
// cmd_generate.cpp owns the command; it hands every non-Python generator block to
// ExternalGenerators and wraps its run function with run_generate_command.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/output_style.hpp"
#include "cli/project.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::cli {

class ExternalGenerators {
 public:
  // Starts every selected generator block whose provider is not the built-in Python client
  // (`selected` empty = all blocks) and reads their manifests, concurrently, like Prisma's
  // getGenerators. Throws CliError for an env() provider/output whose variable is unset and for a
  // manifest's requiresGenerators naming a provider the schema lacks (Prisma's messages).
  ExternalGenerators(const Project& project, const schema::ValidationResult& result,
                     const std::vector<std::string>& selected, const Output& output);
  ~ExternalGenerators();

  // Runs one external block (its `generate` request), prints Prisma's success line on stdout or
  // records its error; the other generators still run.
  void generate(const schema::config::Generator& generator);
  // After the last generator: throws CliError with every recorded error (exit 1), Prisma's layout.
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Runs `run_once` (the whole generate command). Without --watch: maps Ctrl-C during a generator
// run to exit code 130 after the generators were killed. With --watch: runs once, then reruns on
// every change of the schema file/folder (debounced), printing errors and going on; SIGINT or
// SIGTERM end the loop with exit code 0.
int run_generate_command(bool watch, const std::optional<std::string>& schema_flag, const Output& output,
                         const std::function<int()>& run_once);

}  // namespace prismapp::cli
