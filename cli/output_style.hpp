// Terminal styling: whether a stream gets ANSI colour, and kleur-compatible helpers (the same
// escape codes Prisma's CLI emits through kleur).
#pragma once
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace prismapp::cli {

// The inputs of the colour decision, separated from the process so tests can cover them.
struct ColourInputs {
  bool is_terminal = false;
  const char* no_color = nullptr;        // value of NO_COLOR, or nullptr when unset
  const char* clicolor_force = nullptr;  // value of CLICOLOR_FORCE, or nullptr when unset
};

// CLICOLOR_FORCE (set and not "0") forces colour; otherwise NO_COLOR (set and non-empty) disables
// it; otherwise colour iff the stream is a terminal.
bool decide_colour(const ColourInputs& in);

// The decision for an actual stream (fileno 1 or 2) of this process.
bool colour_for_fd(int fd);

class Style {
 public:
  explicit Style(bool colour = false) : colour_(colour) {}
  bool colour() const { return colour_; }

  std::string bold(std::string_view s) const { return wrap("1", "22", s); }
  std::string dim(std::string_view s) const { return wrap("2", "22", s); }
  std::string underline(std::string_view s) const { return wrap("4", "24", s); }
  std::string red(std::string_view s) const { return wrap("31", "39", s); }
  std::string green(std::string_view s) const { return wrap("32", "39", s); }
  std::string yellow(std::string_view s) const { return wrap("33", "39", s); }

 private:
  std::string wrap(std::string_view open, std::string_view close, std::string_view s) const;
  bool colour_;
};

// Prisma's formatms for "... in 123ms" / "... in 1.50s" lines: milliseconds below a second,
// otherwise seconds with two decimals.
std::string format_elapsed(std::chrono::steady_clock::duration elapsed);

// What every command gets: one style per output stream.
struct Output {
  Style out;  // stdout
  Style err;  // stderr
};

}  // namespace prismapp::cli
