#include "cli/output_style.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace prismapp::cli {

bool decide_colour(const ColourInputs& in) {
  if (in.clicolor_force != nullptr && std::strcmp(in.clicolor_force, "0") != 0) return true;
  if (in.no_color != nullptr && in.no_color[0] != '\0') return false;
  return in.is_terminal;
}

bool colour_for_fd(int fd) {
  ColourInputs in;
  in.is_terminal = ::isatty(fd) == 1;
  in.no_color = std::getenv("NO_COLOR");
  in.clicolor_force = std::getenv("CLICOLOR_FORCE");
  return decide_colour(in);
}

std::string Style::wrap(std::string_view open, std::string_view close, std::string_view s) const {
  if (!colour_) return std::string(s);
  std::string out;
  out.reserve(s.size() + 10);
  out += "\x1b[";
  out += open;
  out += 'm';
  out += s;
  out += "\x1b[";
  out += close;
  out += 'm';
  return out;
}

std::string format_elapsed(std::chrono::steady_clock::duration elapsed) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  if (ms < 1000) return std::to_string(ms) + "ms";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2fs", static_cast<double>(ms) / 1000.0);
  return buf;
}

}  // namespace prismapp::cli
