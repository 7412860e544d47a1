#include "tests/cli_support.hpp"

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace prismapp::testing {
namespace fs = std::filesystem;

const char* const kValidSchema =
    "generator client {\n"
    "  provider = \"prisma-client-py\"\n"
    "}\n"
    "\n"
    "datasource db {\n"
    "  provider = \"sqlite\"\n"
    "  url      = env(\"DATABASE_URL\")\n"
    "}\n"
    "\n"
    "model User {\n"
    "  id    Int     @id @default(autoincrement())\n"
    "  email String  @unique\n"
    "  name  String?\n"
    "}\n";

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "prismapp-cli-test-XXXXXX").string();
  if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed so cleanup works.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

std::string slurp_fd(int fd) {
  std::string data;
  char buf[8192];
  ::lseek(fd, 0, SEEK_SET);
  while (true) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  return data;
}

int temp_fd() {
  char templ[] = "/tmp/prismapp-cli-out-XXXXXX";
  const int fd = ::mkstemp(templ);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  ::unlink(templ);
  return fd;
}

}  // namespace

RunResult run_prismapp(const fs::path& cwd, const std::vector<std::string>& args, const RunOptions& options) {
  // Environment: the current one minus colour variables, plus the requested changes.
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string kv(*e);
    const auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const char* name : {"NO_COLOR", "CLICOLOR_FORCE", "DATABASE_URL", "SHADOW_DATABASE_URL"}) env.erase(name);
  for (const auto& [k, v] : options.env) {
    if (v)
      env[k] = *v;
    else
      env.erase(k);
  }
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings{options.binary ? options.binary->string() : std::string(PRISMAPP_BINARY)};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  const int out_fd = temp_fd();
  const int err_fd = temp_fd();
  int pty_master = -1;
  int pty_slave = -1;
  const bool use_pty = options.stdout_tty || options.stdin_text.has_value();
  if (use_pty && ::openpty(&pty_master, &pty_slave, nullptr, nullptr, nullptr) != 0)
    throw std::runtime_error("openpty failed");

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    if (options.stdin_text) {
      ::dup2(pty_slave, 0);
    } else {
      const int devnull = ::open("/dev/null", O_RDONLY);
      ::dup2(devnull, 0);
    }
    ::dup2(options.stdout_tty ? pty_slave : out_fd, 1);
    ::dup2(err_fd, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  if (pty_slave >= 0) ::close(pty_slave);
  if (options.stdin_text) {
    // The terminal's line discipline queues the typed text until the child reads it.
    std::size_t written = 0;
    while (written < options.stdin_text->size()) {
      const ssize_t n = ::write(pty_master, options.stdin_text->data() + written, options.stdin_text->size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
  }

  RunResult result;
  std::string pty_output;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  while (true) {
    if (pty_master >= 0) {
      // Drain the terminal so the child never blocks on a full pty buffer.
      char buf[4096];
      const int flags = ::fcntl(pty_master, F_GETFL);
      ::fcntl(pty_master, F_SETFL, flags | O_NONBLOCK);
      ssize_t n;
      while ((n = ::read(pty_master, buf, sizeof buf)) > 0) pty_output.append(buf, static_cast<std::size_t>(n));
    }
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (pty_master >= 0) {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(pty_master, buf, sizeof buf)) > 0) pty_output.append(buf, static_cast<std::size_t>(n));
    ::close(pty_master);
  }

  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.exit_code = 128 + WTERMSIG(status);
  }
  result.out = options.stdout_tty ? pty_output : slurp_fd(out_fd);
  result.err = slurp_fd(err_fd);
  ::close(out_fd);
  ::close(err_fd);
  return result;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::vector<std::string> migration_names(const TempDir& dir) {
  std::vector<std::string> names;
  if (!fs::exists(dir / "prisma/migrations")) return names;
  for (const auto& e : fs::directory_iterator(dir / "prisma/migrations"))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void next_second() { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); }

RunOptions with_url(const std::string& url) {
  RunOptions options;
  options.env["DATABASE_URL"] = url;
  return options;
}

std::string random_suffix() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(kHex[device() % 16]);
  return out;
}

}  // namespace prismapp::testing
