#include "generators/host/schema_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace prismapp::generators::host {
namespace {
namespace fs = std::filesystem;
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
}  // namespace

SchemaWatcher::SchemaWatcher(fs::path schema, bool is_folder) : schema_(std::move(schema)), is_folder_(is_folder) {
  fd_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
  if (is_folder_) {
    add_dir(schema_);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(schema_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_directory(ec)) add_dir(it->path());
  } else {
    add_dir(schema_.parent_path());
  }
}

SchemaWatcher::~SchemaWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

void SchemaWatcher::add_dir(const fs::path& dir) {
  const int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) throw std::runtime_error("cannot watch " + dir.string() + ": " + std::strerror(errno));
  watches_.emplace_back(wd, dir);
}

bool SchemaWatcher::relevant(const fs::path& p) const {
  if (!is_folder_) return p.filename() == schema_.filename();
  return p.extension() == ".prisma";
}

std::optional<fs::path> SchemaWatcher::read_events() {
  std::optional<fs::path> first;
  alignas(inotify_event) char buf[16384];
  while (true) {
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      fs::path dir;
      for (const auto& [wd, d] : watches_)
        if (wd == ev->wd) dir = d;
      if (dir.empty() || ev->len == 0) continue;
      const fs::path path = dir / ev->name;
      if (is_folder_ && (ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
        try {
          add_dir(path);
        } catch (const std::exception&) {
        }
      }
      if (!first && relevant(path)) first = path;
    }
  }
  return first;
}

std::optional<fs::path> SchemaWatcher::wait(int wake_fd, std::chrono::milliseconds quiet) {
  std::optional<fs::path> changed;
  while (true) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd, POLLIN, 0}};
    const int timeout = changed ? static_cast<int>(quiet.count()) : -1;
    const int r = ::poll(fds, wake_fd >= 0 ? 2 : 1, timeout);
    if (r < 0 && errno != EINTR) throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    if (wake_fd >= 0 && (fds[1].revents & POLLIN)) return std::nullopt;
    if (r == 0 && changed) return changed;  // quiet period over
    if (r > 0 && (fds[0].revents & POLLIN)) {
      auto p = read_events();
      if (!changed) changed = p;
    }
  }
}

}  // namespace prismapp::generators::host
