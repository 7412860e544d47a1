#include "generators/host/command_runner.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "generators/host/interrupt.hpp"

namespace prismapp::generators::host {
namespace {

using Clock = std::chrono::steady_clock;

// Reads what is available; closes our end at EOF.
void drain(ChildProcess& proc, bool from_stderr, std::string& into) {
  char buf[8192];
  while (true) {
    const int fd = from_stderr ? proc.stderr_fd() : proc.stdout_fd();
    if (fd < 0) return;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      into.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n < 0 && errno == EINTR) continue;
    if (from_stderr) proc.close_stderr(); else proc.close_stdout();
    return;
  }
}

}  // namespace

bool CommandOutcome::succeeded() const { return !timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0; }

CommandOutcome run_command(const SpawnOptions& options, std::chrono::milliseconds timeout) {
  InterruptGuard guard;
  ChildProcess proc(options);
  proc.close_stdin();  // the tool gets EOF, never a terminal prompt
  CommandOutcome outcome;
  const auto deadline = Clock::now() + timeout;
  while (proc.stdout_fd() >= 0 || proc.stderr_fd() >= 0 || !proc.exited()) {
    std::vector<pollfd> fds;
    if (interrupt_fd() >= 0) fds.push_back({interrupt_fd(), POLLIN, 0});
    if (proc.stdout_fd() >= 0) fds.push_back({proc.stdout_fd(), POLLIN, 0});
    if (proc.stderr_fd() >= 0) fds.push_back({proc.stderr_fd(), POLLIN, 0});
    ::poll(fds.data(), fds.size(), 50);
    if (const int sig = interrupt_signal()) {
      proc.kill_now();
      throw Interrupted(sig);
    }
    drain(proc, false, outcome.output);
    drain(proc, true, outcome.output);
    // A grandchild that keeps the pipes open must not keep us here once the shell is gone.
    if (proc.poll_exit() || proc.exited()) {
      drain(proc, false, outcome.output);
      drain(proc, true, outcome.output);
      break;
    }
    if (timeout.count() > 0 && Clock::now() >= deadline) {
      proc.kill_now();
      outcome.timed_out = true;
      break;
    }
  }
  outcome.status = proc.status();
  return outcome;
}

}  // namespace prismapp::generators::host
