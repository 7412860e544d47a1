// One generator process: `/bin/sh -c <command>` in its own process group, with pipes on stdin,
// stdout and stderr (all non-blocking on our side). Stopping kills the whole group and always
// reaps the shell, so no zombie and no stray grandchild outlives a run.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace prismapp::generators::host {

struct SpawnOptions {
  std::string command;                // run through /bin/sh -c
  std::vector<std::string> env;       // full environment, "KEY=value"
};

class ChildProcess {
 public:
  // Throws std::runtime_error when the shell cannot be started.
  explicit ChildProcess(const SpawnOptions& options);
  ~ChildProcess();  // stop()
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  int stdin_fd() const { return in_; }
  int stdout_fd() const { return out_; }
  int stderr_fd() const { return err_; }
  void close_stdin();
  void close_stdout();
  void close_stderr();

  // Non-blocking check; true once the shell has exited (and been reaped).
  bool poll_exit();
  bool exited() const { return status_.has_value(); }
  // waitpid status (valid once exited()).
  int status() const { return status_.value_or(0); }

  // SIGTERM to the group, up to `grace` for the shell to exit, then SIGKILL to the group; reaps.
  void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(2000));
  // SIGKILL to the group now; reaps.
  void kill_now();

 private:
  void signal_group(int sig);
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::optional<int> status_;
};

// "exit code 3" / "signal 9 (Killed)".
std::string describe_status(int status);

}  // namespace prismapp::generators::host
