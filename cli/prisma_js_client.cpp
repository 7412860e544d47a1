#include "cli/prisma_js_client.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/paths.hpp"
#include "generators/host/command_runner.hpp"
#include "generators/host/generator_host.hpp"

namespace prismapp::cli {
namespace {

namespace fs = std::filesystem;
namespace host = generators::host;

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::optional<fs::path> find_prisma_cli(const std::vector<fs::path>& bin_dirs) {
  std::error_code ec;
  for (const auto& d : bin_dirs)
    if (fs::exists(d / "prisma", ec)) return d / "prisma";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / "prisma";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// The major version of the `prisma` package the executable belongs to (its package.json above
// the resolved bin script), if it can be found.
std::optional<int> prisma_major_version(const fs::path& exe) {
  std::error_code ec;
  const fs::path real = fs::canonical(exe, ec);
  if (ec) return std::nullopt;
  for (fs::path d = real.parent_path(); d.has_parent_path() && d != d.parent_path(); d = d.parent_path()) {
    std::ifstream in(d / "package.json");
    if (!in) continue;
    const auto pkg = nlohmann::json::parse(in, nullptr, false);
    if (!pkg.is_object() || pkg.value("name", "") != "prisma") continue;
    const std::string version = pkg.value("version", "");
    if (version.empty() || !std::isdigit(static_cast<unsigned char>(version[0]))) return std::nullopt;
    return std::atoi(version.c_str());
  }
  return std::nullopt;
}

// Prisma 7 refuses connection URLs in the schema (they moved to prisma.config.ts) while prismapp
// reads them there, as Prisma 6 does. For a Prisma 7 CLI the delegated run gets a copy of the
// schema without the url/directUrl/shadowDatabaseUrl lines; generating a client needs no URL.
const char* const kUrlProperties[] = {"url", "directUrl", "shadowDatabaseUrl"};

std::string without_url_lines(std::string text, const schema::config::Configuration& config, schema::FileId file) {
  std::vector<schema::Span> spans;
  for (const auto& ds : config.datasources)
    for (const auto& [name, span] : ds.property_spans)
      if (span.file == file && std::find(std::begin(kUrlProperties), std::end(kUrlProperties), name) != std::end(kUrlProperties))
        spans.push_back(span);
  std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.start > b.start; });
  for (const auto& s : spans) {
    if (s.end > text.size()) continue;
    std::size_t begin = text.rfind('\n', s.start == 0 ? 0 : s.start - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    std::size_t end = text.find('\n', s.end);
    end = end == std::string::npos ? text.size() : end + 1;
    text.erase(begin, end - begin);
  }
  return text;
}

bool has_url_properties(const schema::config::Configuration& config) {
  for (const auto& ds : config.datasources)
    for (const auto& [name, span] : ds.property_spans)
      if (std::find(std::begin(kUrlProperties), std::end(kUrlProperties), name) != std::end(kUrlProperties)) return true;
  return false;
}

// The temporary schema handed to a Prisma 7 CLI; removed when the run ends. A single file is
// copied next to the original (relative `output` paths resolve the same); a folder is copied to
// a sibling folder, with the delegated generator's relative `output` made absolute.
class TemporarySchema {
 public:
  TemporarySchema(const Project& project, const schema::ValidationResult& result,
                  const schema::config::Generator& generator) {
    const auto& files = project.sources.files;
    const std::string tag = ".prismapp-" + std::to_string(::getpid());
    if (!project.location.is_folder) {
      path_ = project.location.path.parent_path() / (tag + "-" + project.location.path.filename().string());
      write(path_, without_url_lines(files.front().text, result.configuration, 0));
      return;
    }
    root_ = project.location.path.parent_path() / (tag + "-" + project.location.path.filename().string());
    path_ = root_;
    for (schema::FileId i = 0; i < files.size(); ++i) {
      const fs::path original = absolute_normal(project.cwd / files[i].path);
      std::string text = without_url_lines(files[i].text, result.configuration, i);
      if (generator.span.file == i) text = with_absolute_output(text, generator, original.parent_path());
      write(root_ / original.lexically_relative(project.location.path), text);
    }
  }
  ~TemporarySchema() {
    std::error_code ec;
    if (!root_.empty()) fs::remove_all(root_, ec);
    else fs::remove(path_, ec);
  }
  TemporarySchema(const TemporarySchema&) = delete;
  TemporarySchema& operator=(const TemporarySchema&) = delete;
  const fs::path& path() const { return path_; }

 private:
  static void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  static std::string with_absolute_output(std::string text, const schema::config::Generator& g, const fs::path& base) {
    if (!g.output || g.output->from_env_var || g.span.end > text.size()) return text;
    std::string block = text.substr(g.span.start, g.span.end - g.span.start);
    static const std::regex output_line(R"re((\n[ \t]*output[ \t]*=[ \t]*)"[^"\n]*")re");
    const std::string absolute = absolute_normal(base / *g.output->value).generic_string();
    block = std::regex_replace(block, output_line, "$1" + nlohmann::json(absolute).dump(),
                               std::regex_constants::format_first_only);
    return text.replace(g.span.start, g.span.end - g.span.start, block);
  }
  fs::path root_;
  fs::path path_;
};

std::string success_lines(const std::string& output) {
  std::stringstream in(output);
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line.find("Generated") != std::string::npos && line.find("\u2714") != std::string::npos) out += line + "\n\n";
  return out;
}

}  // namespace

bool is_prisma_js_client_provider(std::string_view provider) {
  return provider == "prisma-client-js" || provider == "prisma-client";
}

JsClientOutcome run_prisma_js_client(const Project& project, const schema::ValidationResult& result,
                                     const schema::config::Generator& generator, const Output& output) {
  const std::string provider = generator.provider.value.value_or("");
  const fs::path schema_dir = project.location.is_folder ? project.location.path : project.location.path.parent_path();
  const auto bin_dirs = host::node_bin_dirs(schema_dir);
  const auto exe = find_prisma_cli(bin_dirs);
  if (!exe) {
    return {false, "Generator " + output.err.bold(generator.name) + " uses " + output.err.bold(provider) +
                       ", the Prisma JavaScript client, which is built into the Prisma CLI: prismapp runs it "
                       "through the project's Prisma CLI and found none (no node_modules/.bin/prisma above " +
                       display_path(schema_dir, project.cwd) +
                       ", no `prisma` on PATH).\nInstall it with `npm install --save-dev prisma`, or run the other "
                       "generators with --generator."};
  }

  std::optional<TemporarySchema> copy;
  fs::path schema_arg = project.location.path;
  if (prisma_major_version(*exe).value_or(0) >= 7 && has_url_properties(result.configuration)) {
    copy.emplace(project, result, generator);
    schema_arg = copy->path();
  }

  host::SpawnOptions spawn;
  spawn.command = shell_quote(exe->string()) + " generate --no-hints --schema " + shell_quote(schema_arg.string()) +
                  " --generator " + shell_quote(generator.name);
  for (auto& kv : host::generator_environment(bin_dirs))
    if (kv.rfind("PRISMA_GENERATOR_INVOCATION=", 0) != 0) spawn.env.push_back(std::move(kv));
  spawn.env.push_back("PRISMA_HIDE_UPDATE_MESSAGE=1");
  const auto outcome = host::run_command(spawn, host::timeout_from_env());
  if (outcome.succeeded()) return {true, success_lines(outcome.output)};
  const std::string why = outcome.timed_out ? "did not finish within " + std::to_string(host::timeout_from_env().count()) +
                                                  " ms (PRISMAPP_GENERATOR_TIMEOUT_MS); its process group was killed"
                                            : "failed (" + host::describe_status(outcome.status) + ")";
  return {false, "Generator " + output.err.bold(generator.name) + " (" + provider + ", run by the Prisma CLI " +
                     display_path(*exe, project.cwd) + ") " + why + ":\n\n" + outcome.output};
}

}  // namespace prismapp::cli
