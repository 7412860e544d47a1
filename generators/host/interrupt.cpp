#include "generators/host/interrupt.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>

namespace prismapp::generators::host {
namespace {

volatile std::sig_atomic_t g_signal = 0;
int g_pipe[2] = {-1, -1};
int g_depth = 0;
struct sigaction g_old_int, g_old_term, g_old_pipe;

extern "C" void on_signal(int sig) {
  if (g_signal == 0) g_signal = sig;
  if (g_pipe[1] >= 0) {
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_pipe[1], &c, 1);
  }
}

}  // namespace

InterruptGuard::InterruptGuard() {
  if (g_depth++ > 0) return;
  g_signal = 0;
  if (g_pipe[0] < 0 && ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) g_pipe[0] = g_pipe[1] = -1;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &sa, &g_old_int);
  ::sigaction(SIGTERM, &sa, &g_old_term);
  struct sigaction ign {};
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  ::sigaction(SIGPIPE, &ign, &g_old_pipe);
}

InterruptGuard::~InterruptGuard() {
  if (--g_depth > 0) return;
  ::sigaction(SIGINT, &g_old_int, nullptr);
  ::sigaction(SIGTERM, &g_old_term, nullptr);
  ::sigaction(SIGPIPE, &g_old_pipe, nullptr);
  char buf[64];
  if (g_pipe[0] >= 0)
    while (::read(g_pipe[0], buf, sizeof buf) > 0) {
    }
}

int interrupt_signal() { return g_signal; }
int interrupt_fd() { return g_pipe[0]; }

}  // namespace prismapp::generators::host
