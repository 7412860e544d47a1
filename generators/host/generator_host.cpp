#include "generators/host/generator_host.hpp"

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "generators/host/child_process.hpp"
#include "generators/host/interrupt.hpp"
#include "generators/host/request_json.hpp"

extern char** environ;

namespace prismapp::generators::host {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::atomic<long long> g_message_id{0};

// Invalid UTF-8 (a generator's garbage output, say) is replaced rather than thrown on.
std::string json_quoted(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::vector<std::string> generator_environment(const std::vector<fs::path>& bin_dirs) {
  std::vector<std::string> env;
  std::string path;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    if (kv.rfind("PATH=", 0) == 0) {
      path = std::string(kv.substr(5));
      continue;
    }
    if (kv.rfind("PRISMA_GENERATOR_INVOCATION=", 0) == 0) continue;
    env.emplace_back(kv);
  }
  std::string prefix;
  for (const auto& d : bin_dirs) prefix += d.string() + ":";
  if (path.empty()) path = "/usr/local/bin:/usr/bin:/bin";
  env.push_back("PATH=" + prefix + path);
  env.push_back("PRISMA_GENERATOR_INVOCATION=true");
  return env;
}

std::vector<fs::path> node_bin_dirs(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::path d = dir;
  while (true) {
    const fs::path bin = d / "node_modules" / ".bin";
    if (fs::is_directory(bin, ec)) out.push_back(bin);
    if (!d.has_parent_path() || d.parent_path() == d) break;
    d = d.parent_path();
  }
  return out;
}

std::chrono::milliseconds timeout_from_env() {
  if (const char* v = std::getenv("PRISMAPP_GENERATOR_TIMEOUT_MS"); v && *v) {
    char* end = nullptr;
    const long long ms = std::strtoll(v, &end, 10);
    if (end && *end == '\0' && ms >= 0) return std::chrono::milliseconds(ms);
  }
  return std::chrono::milliseconds(600000);
}

fs::path resolve_default_output(const std::string& default_output, const fs::path& base_dir, const fs::path& cwd) {
  std::string rel = default_output.rfind("./", 0) == 0 ? default_output.substr(2) : default_output;
  if (rel.rfind("node_modules", 0) != 0) return (base_dir / rel).lexically_normal();
  // Prisma's guess of the project root (resolveOutput.ts).
  std::error_code ec;
  auto has = [&](const fs::path& p) { return fs::exists(p, ec); };
  fs::path root = base_dir;
  if (has(cwd / "prisma/schema.prisma") ||
      (base_dir.lexically_relative(cwd) == "prisma" && has(cwd / "package.json")))
    root = cwd;
  else if (has(base_dir / "node_modules"))
    root = base_dir;
  else if (has(base_dir / "../node_modules"))
    root = base_dir.parent_path();
  else if (has(base_dir / "package.json"))
    root = base_dir;
  else if (has(base_dir / "../package.json"))
    root = base_dir.parent_path();
  return (root / rel).lexically_normal();
}

struct GeneratorHost::Impl {
  struct Slot {
    std::string command;
    std::unique_ptr<ChildProcess> proc;
    std::string out_partial, err_partial;
    std::string to_write;
    std::size_t written = 0;
    std::string logs;  // non-JSON stderr lines
    long long pending_id = 0;
    std::string pending_method;
    Clock::time_point deadline{};
    std::optional<Outcome> answer;
    std::optional<std::string> dead;  // why a later request fails at once (exited while idle)
    Outcome manifest;
    bool stopped = false;
  };

  HostOptions options;
  std::vector<Slot> slots;

  bool pending(const Slot& s) const { return s.pending_id != 0 && !s.answer; }

  void fail(Slot& s, std::string message) {
    if (pending(s)) s.answer = Outcome{false, nullptr, std::move(message)};
  }

  void send(Slot& s, const char* method, const std::string& params) {
    s.answer.reset();
    s.pending_id = ++g_message_id;
    s.pending_method = method;
    s.deadline = Clock::now() + options.timeout;
    if (s.dead) {
      s.answer = Outcome{false, nullptr, *s.dead};
      return;
    }
    if (!s.proc || s.proc->stdin_fd() < 0) {
      s.answer = Outcome{false, nullptr, "Cannot send data to the generator process, process already exited"};
      return;
    }
    s.to_write = request_line(method, params, s.pending_id);
    s.written = 0;
  }

  void on_stderr_line(Slot& s, std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto data = nlohmann::json::parse(line, nullptr, false);
    if (data.is_discarded()) {
      s.logs += line + "\n";
      return;
    }
    if (!data.is_object()) return;
    auto truthy = [](const nlohmann::json& v) {
      return !(v.is_null() || (v.is_boolean() && !v.get<bool>()) || (v.is_number() && v.get<double>() == 0) ||
               (v.is_string() && v.get<std::string>().empty()));
    };
    if (!data.contains("jsonrpc") || !truthy(data["jsonrpc"]) || !data.contains("id") || !truthy(data["id"])) return;
    const auto& id = data["id"];
    if (!id.is_number_integer()) {
      fail(s, "Generator " + json_quoted(s.command) + " sent a response whose id is not a number (message.id has to be a "
              "number. Found value " + id.dump() + ")");
      return;
    }
    if (!pending(s) || id.get<long long>() != s.pending_id) return;
    if (data.contains("error")) {
      const auto& err = data["error"];
      std::string message;
      if (err.is_object() && err.contains("message") && err["message"].is_string())
        message = err["message"].get<std::string>();
      else
        message = err.dump();
      s.answer = Outcome{false, nullptr, message};
    } else {
      s.answer = Outcome{true, data.contains("result") ? data["result"] : nlohmann::json(nullptr), {}};
    }
  }

  void on_stdout_line(Slot& s, std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!pending(s)) return;
    auto data = nlohmann::json::parse(line, nullptr, false);
    if (data.is_object() && data.contains("jsonrpc") && data.contains("id") && data["id"].is_number_integer() &&
        data["id"].get<long long>() == s.pending_id) {
      fail(s, "Generator " + json_quoted(s.command) + " answered \"" + s.pending_method +
                  "\" on stdout. Prisma generators must write their JSON-RPC responses to stderr (stdout is "
                  "for their own output).");
      s.proc->stop(std::chrono::milliseconds(200));
      s.dead = "Generator " + json_quoted(s.command) + " was stopped after answering on stdout.";
    }
  }

  // Reads what is available; returns false at EOF.
  bool drain(Slot& s, bool err) {
    const int fd = err ? s.proc->stderr_fd() : s.proc->stdout_fd();
    if (fd < 0) return false;
    char buf[65536];
    while (true) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n > 0) {
        std::string& partial = err ? s.err_partial : s.out_partial;
        if (!err && options.forward_stdout) {
          options.forward_stdout->write(buf, n);
          options.forward_stdout->flush();
        }
        partial.append(buf, static_cast<std::size_t>(n));
        std::size_t pos;
        while ((pos = partial.find('\n')) != std::string::npos) {
          std::string line = partial.substr(0, pos);
          partial.erase(0, pos + 1);
          err ? on_stderr_line(s, std::move(line)) : on_stdout_line(s, std::move(line));
          if (!s.proc) return false;
        }
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
      // EOF (or an error): the last line may lack its newline (readline still emits it).
      std::string& partial = err ? s.err_partial : s.out_partial;
      if (!partial.empty()) {
        std::string line = std::move(partial);
        partial.clear();
        err ? on_stderr_line(s, std::move(line)) : on_stdout_line(s, std::move(line));
      }
      err ? s.proc->close_stderr() : s.proc->close_stdout();
      return false;
    }
  }

  void flush_write(Slot& s) {
    const int fd = s.proc ? s.proc->stdin_fd() : -1;
    if (fd < 0 || s.written >= s.to_write.size()) return;
    while (s.written < s.to_write.size()) {
      const ssize_t n = ::write(fd, s.to_write.data() + s.written, s.to_write.size() - s.written);
      if (n > 0) {
        s.written += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      // EPIPE: the generator is gone; its exit status tells the story (Prisma ignores EPIPE too).
      s.proc->close_stdin();
      return;
    }
    s.to_write.clear();
    s.written = 0;
  }

  void on_exit(Slot& s) {
    // Whatever it wrote before dying is still in the pipes.
    if (s.proc->stderr_fd() >= 0) drain(s, true);
    if (s.proc->stdout_fd() >= 0) drain(s, false);
    const int st = s.proc->status();
    std::string message;
    if (WIFEXITED(st) && WEXITSTATUS(st) != 0) {
      message = "Generator " + json_quoted(s.command) + " failed:\n\n" + s.logs;  // Prisma's text
    } else {
      message = "Generator " + json_quoted(s.command) + " exited (" + describe_status(st) + ") before answering \"" +
                (pending(s) ? s.pending_method : std::string("generate")) + "\"" + (s.logs.empty() ? "." : ":\n\n" + s.logs);
    }
    fail(s, message);
    if (!s.dead) s.dead = message;
    s.proc->close_stdin();
    s.proc->close_stdout();
    s.proc->close_stderr();
  }

  void kill_all() {
    for (auto& s : slots)
      if (s.proc) s.proc->kill_now();
  }

  // Runs the event loop until every slot in `waiting` has its answer.
  void wait(const std::vector<std::size_t>& waiting) {
    while (true) {
      bool all = true;
      for (auto i : waiting) all = all && !pending(slots[i]);
      if (all) return;

      std::vector<pollfd> fds;
      std::vector<std::pair<std::size_t, int>> owners;  // slot, 0 stdin / 1 stdout / 2 stderr
      if (interrupt_fd() >= 0) {
        fds.push_back({interrupt_fd(), POLLIN, 0});
        owners.push_back({SIZE_MAX, -1});
      }
      Clock::time_point earliest = Clock::now() + std::chrono::milliseconds(50);
      for (std::size_t i = 0; i < slots.size(); ++i) {
        auto& s = slots[i];
        if (!s.proc || s.proc->exited()) continue;
        if (s.proc->stdout_fd() >= 0) fds.push_back({s.proc->stdout_fd(), POLLIN, 0}), owners.push_back({i, 1});
        if (s.proc->stderr_fd() >= 0) fds.push_back({s.proc->stderr_fd(), POLLIN, 0}), owners.push_back({i, 2});
        if (s.proc->stdin_fd() >= 0 && s.written < s.to_write.size())
          fds.push_back({s.proc->stdin_fd(), POLLOUT, 0}), owners.push_back({i, 0});
        if (pending(s) && options.timeout.count() > 0 && s.deadline < earliest) earliest = s.deadline;
      }
      const auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(earliest - Clock::now()).count();
      ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(0, wait_ms)));

      if (const int sig = interrupt_signal()) {
        kill_all();
        throw Interrupted(sig);
      }
      for (std::size_t k = 0; k < fds.size(); ++k) {
        if (fds[k].revents == 0 || owners[k].first == SIZE_MAX) continue;
        auto& s = slots[owners[k].first];
        if (!s.proc || s.proc->exited()) continue;
        if (owners[k].second == 0) {
          flush_write(s);
        } else {
          drain(s, owners[k].second == 2);
        }
      }
      const auto now = Clock::now();
      for (auto& s : slots) {
        if (!s.proc || s.stopped) continue;
        if (!s.proc->exited() && s.proc->poll_exit()) on_exit(s);
        if (pending(s) && options.timeout.count() > 0 && now >= s.deadline) {
          s.proc->kill_now();
          const std::string message = "Generator " + json_quoted(s.command) + " did not answer \"" + s.pending_method +
                                      "\" within " + std::to_string(options.timeout.count()) +
                                      " ms (PRISMAPP_GENERATOR_TIMEOUT_MS); its process group was killed." +
                                      (s.logs.empty() ? "" : "\n\n" + s.logs);
          fail(s, message);
          s.dead = message;
        }
      }
    }
  }
};

GeneratorHost::GeneratorHost(const std::vector<std::string>& commands, const std::vector<nlohmann::ordered_json>& configs,
                             HostOptions options)
    : impl_(std::make_unique<Impl>()) {
  InterruptGuard guard;
  impl_->options = std::move(options);
  impl_->slots.resize(commands.size());
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    auto& s = impl_->slots[i];
    s.command = commands[i];
    try {
      s.proc = std::make_unique<ChildProcess>(SpawnOptions{commands[i], impl_->options.env});
    } catch (const std::exception& e) {
      s.dead = "Generator " + json_quoted(commands[i]) + " could not be started: " + e.what();
    }
  }
  for (std::size_t i = 0; i < commands.size(); ++i) {
    impl_->send(impl_->slots[i], "getManifest", configs[i].dump());
    impl_->flush_write(impl_->slots[i]);
    all.push_back(i);
  }
  impl_->wait(all);
  for (auto& s : impl_->slots) {
    s.manifest = *s.answer;
    if (s.manifest.ok) {
      // Prisma: `result.manifest ?? null`.
      const auto& r = s.manifest.result;
      s.manifest.result = r.is_object() && r.contains("manifest") ? r["manifest"] : nlohmann::json(nullptr);
    }
    s.pending_id = 0;
    s.answer.reset();
  }
}

GeneratorHost::~GeneratorHost() {
  for (auto& s : impl_->slots)
    if (s.proc) s.proc->stop();
}

std::size_t GeneratorHost::size() const { return impl_->slots.size(); }

const Outcome& GeneratorHost::manifest(std::size_t i) const { return impl_->slots.at(i).manifest; }

Outcome GeneratorHost::generate(std::size_t i, const std::string& params_json) {
  InterruptGuard guard;
  auto& s = impl_->slots.at(i);
  if (!s.manifest.ok) {
    stop(i);
    return s.manifest;
  }
  impl_->send(s, "generate", params_json);
  impl_->flush_write(s);
  impl_->wait({i});
  Outcome out = *s.answer;
  s.pending_id = 0;
  s.answer.reset();
  stop(i);
  return out;
}

void GeneratorHost::stop(std::size_t i) {
  auto& s = impl_->slots.at(i);
  if (s.proc && !s.stopped) {
    s.proc->stop();
    // The last log lines of a generator that is being stopped are dropped, like Prisma.
    s.stopped = true;
  }
}

long long GeneratorHost::last_message_id() { return g_message_id.load(); }

}  // namespace prismapp::generators::host
