// SIGINT/SIGTERM while generators run (or while `generate --watch` waits): the handler only
// records the signal and wakes a self-pipe, so the host can kill its generators' process groups,
// reap them and unwind normally (a generator in its own process group never sees the terminal's
// Ctrl-C, so killing it is our job).
#pragma once
#include <stdexcept>

namespace prismapp::generators::host {

// Thrown by code that noticed the interrupt after cleaning up its children.
class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(int signal) : std::runtime_error("interrupted"), signal_(signal) {}
  int signal() const { return signal_; }

 private:
  int signal_;
};

// Installs the handlers for its lifetime (nestable: the outermost guard restores the previous
// dispositions). SIGPIPE is ignored meanwhile: writing to a generator that died must be an EPIPE
// error we handle, not the end of prismapp.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// The signal received since the outermost guard was installed, or 0.
int interrupt_signal();
// A descriptor that becomes readable when a signal arrives (poll it next to the real work).
int interrupt_fd();

}  // namespace prismapp::generators::host
