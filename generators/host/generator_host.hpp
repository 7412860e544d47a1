// Runs external Prisma generators the way Prisma 7's GeneratorProcess does: each provider string
// is started through `/bin/sh -c`, requests are newline-delimited JSON-RPC 2.0 on the generator's
// stdin, responses come back one JSON object per line on its STDERR (any other stderr line is the
// generator's log: kept and shown only if the generator fails, like Prisma). Message ids come from
// one counter for the whole process (Prisma's module-level counter, which keeps counting across
// `--watch` rebuilds).
//
// Lifecycle (packages/internals getGenerators + cli Generate.ts): all generators are spawned and
// asked for their manifest concurrently; then `generate` is sent to one generator at a time, in
// schema order, and each generator is stopped (SIGTERM to its group, SIGKILL after 2 s) right
// after its answer. Unlike Prisma, a generator that fails to start or to answer getManifest does
// not stop the others: its error is reported at its turn.
//
// Beyond Prisma: a per-request timeout (PRISMAPP_GENERATOR_TIMEOUT_MS), an error for a generator
// that answers on stdout (Prisma hangs), for one that exits 0 or dies by a signal before
// answering (Prisma hangs), SIGINT/SIGTERM kill every generator's process group (Interrupted).
#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace prismapp::generators::host {

struct HostOptions {
  std::vector<std::string> env;                   // the generators' environment ("KEY=value")
  std::chrono::milliseconds timeout{600000};      // per request; 0 = wait forever
  std::ostream* forward_stdout = nullptr;         // where the generators' stdout goes (null: dropped)
};

// Environment for generators: this process's environment with PATH prefixed by `bin_dirs` and
// PRISMA_GENERATOR_INVOCATION=true.
std::vector<std::string> generator_environment(const std::vector<std::filesystem::path>& bin_dirs);

// `node_modules/.bin` of `dir` and of each of its parents that has one, nearest first.
std::vector<std::filesystem::path> node_bin_dirs(const std::filesystem::path& dir);

// PRISMAPP_GENERATOR_TIMEOUT_MS (milliseconds, 0 = none), default 10 minutes.
std::chrono::milliseconds timeout_from_env();

// Prisma's resolveOutput for a manifest's defaultOutput: "./" stripped; paths under
// node_modules resolve against the project root Prisma guesses from `base_dir` and the cwd.
std::filesystem::path resolve_default_output(const std::string& default_output, const std::filesystem::path& base_dir,
                                             const std::filesystem::path& cwd);

struct Outcome {
  bool ok = false;
  nlohmann::json result;   // the JSON-RPC result when ok
  std::string error;       // the message to show otherwise
};

class GeneratorHost {
 public:
  // Spawns every command and sends getManifest(config[i]) to each; returns when all answered,
  // failed or timed out. Throws Interrupted (after killing and reaping everything) on SIGINT/SIGTERM.
  GeneratorHost(const std::vector<std::string>& commands, const std::vector<nlohmann::ordered_json>& configs,
                HostOptions options);
  ~GeneratorHost();  // stops and reaps whatever still runs
  GeneratorHost(const GeneratorHost&) = delete;
  GeneratorHost& operator=(const GeneratorHost&) = delete;

  std::size_t size() const;
  // getManifest's outcome (result = the manifest object, or null when the generator sent none).
  const Outcome& manifest(std::size_t i) const;
  // Sends generate(params) to generator i, waits for the answer, then stops the generator.
  // When its getManifest failed, returns that failure again (without a request).
  Outcome generate(std::size_t i, const std::string& params_json);
  // Stops generator i without generating (its turn was skipped).
  void stop(std::size_t i);

  // Ids handed out so far in this process (tests).
  static long long last_message_id();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace prismapp::generators::host
