// Writing the package: every file is written in place, files of the previous generation that are
// no longer produced are removed, and nothing else in the output directory is ever touched (the
// default output `prisma/` also holds schema.prisma and migrations/).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "generators/python/python_generator.hpp"

namespace prismapp::generators::python {

namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : out;
}

bool same_path(const fs::path& a, const fs::path& b) { return normal(a) == normal(b); }

// A relative path from a manifest must stay inside the output directory.
bool safe_relative(const std::string& rel) {
  if (rel.empty() || rel.front() == '/') return false;
  for (const auto& part : fs::path(rel)) {
    if (part == "..") return false;
  }
  return true;
}

void write_text(const fs::path& path, const std::string& text) {
  // Skip identical files: keeps mtimes (and Python's bytecode caches) stable across re-generations.
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream existing;
      existing << in.rdbuf();
      if (existing.str() == text) return;
    }
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw GeneratorError("Could not write `" + path.string() + "`: " + std::strerror(errno));
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw GeneratorError("Could not write `" + path.string() + "`: " + std::strerror(errno));
}

std::vector<std::string> read_manifest(const fs::path& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    out.push_back(line);
  }
  return out;
}

}  // namespace

WriteReport write_package(const std::vector<GeneratedFile>& files, const WriteOptions& options) {
  const fs::path& root = options.output_dir;
  std::error_code ec;
  for (const auto& p : options.protected_paths) {
    if (same_path(p, root))
      throw GeneratorError("The output directory `" + root.string() + "` is the schema file itself; choose another `output` in the generator block.");
    for (const auto& f : files)
      if (f.path != "schema.prisma" && same_path(root / f.path, p))
        throw GeneratorError("Generating into `" + root.string() + "` would overwrite the schema file `" +
                             p.string() + "`; choose another `output` in the generator block.");
  }

  if (fs::exists(root, ec) && !fs::is_directory(root, ec))
    throw GeneratorError("The output path `" + root.string() + "` exists and is not a directory.");

  fs::create_directories(root, ec);
  if (ec) throw GeneratorError("Could not create `" + root.string() + "`: " + ec.message());

  const fs::path manifest = root / kManifestName;
  const std::vector<std::string> previous = read_manifest(manifest);

  WriteReport report;
  std::set<std::string> current;
  for (const auto& f : files) {
    const fs::path target = root / f.path;
    // The package's copy of the schema never replaces a schema.prisma it did not write itself
    // (in the default output `prisma/` that file IS the user's schema).
    if (f.path == "schema.prisma") {
      bool is_protected = false;
      for (const auto& p : options.protected_paths) is_protected = is_protected || same_path(p, target);
      const bool ours = std::find(previous.begin(), previous.end(), f.path) != previous.end();
      if (is_protected || (fs::exists(target, ec) && !ours)) continue;
    }
    fs::create_directories(target.parent_path(), ec);
    if (ec) throw GeneratorError("Could not create `" + target.parent_path().string() + "`: " + ec.message());
    write_text(target, f.content);
    current.insert(f.path);
    ++report.written;
  }

  // Stale files: listed by the previous generation, not produced now. Never a protected path.
  for (const auto& rel : previous) {
    if (current.count(rel) || !safe_relative(rel)) continue;
    const fs::path target = root / rel;
    bool is_protected = false;
    for (const auto& p : options.protected_paths) is_protected = is_protected || same_path(p, target);
    if (is_protected || !fs::is_regular_file(target, ec)) continue;
    if (fs::remove(target, ec)) ++report.removed;
    // Drop directories the runtime no longer uses, but only when they became empty.
    for (fs::path dir = target.parent_path(); dir != root && normal(dir) != normal(root); dir = dir.parent_path()) {
      if (!fs::is_empty(dir, ec) || ec) break;
      fs::remove(dir, ec);
    }
  }

  std::string text = "# Files written by `prismapp generate`; a re-generation removes only stale files listed here.\n";
  for (const auto& rel : current) text += rel + "\n";
  write_text(manifest, text);
  return report;
}

}  // namespace prismapp::generators::python
