#include "cli/env_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "cli/cli_error.hpp"
#include "cli/paths.hpp"

namespace prismapp::cli {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Position just after the end of the line containing `pos` (or text.size()).
std::size_t next_line(std::string_view text, std::size_t pos) {
  auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

// Tries to read `KEY=value` starting at `pos` (a line start). On success stores the entry and
// returns the position after the consumed text; returns npos when the line does not parse.
std::size_t parse_entry(std::string_view text, std::size_t pos, EnvEntry& out) {
  std::size_t i = pos;
  while (i < text.size() && is_space(text[i])) ++i;  // dotenv's `^\s*` also skips blank lines
  if (text.substr(i, 6) == "export" && i + 6 < text.size() && is_space(text[i + 6])) {
    std::size_t j = i + 6;
    while (j < text.size() && is_space(text[j])) ++j;
    // `export` followed by a key; if what follows is not a key, `export` itself may be the key.
    if (j < text.size() && is_key_char(text[j])) i = j;
  }
  const std::size_t key_start = i;
  while (i < text.size() && is_key_char(text[i])) ++i;
  if (i == key_start) return std::string_view::npos;
  out.key = std::string(text.substr(key_start, i - key_start));

  // Separator: `\s*=` or `:` followed by whitespace.
  std::size_t j = i;
  while (j < text.size() && is_space(text[j]) && text[j] != '\n') ++j;
  if (j < text.size() && text[j] == '=') {
    i = j + 1;
  } else if (i < text.size() && text[i] == ':' && i + 1 < text.size() && is_space(text[i + 1])) {
    i = i + 1;
  } else {
    return std::string_view::npos;
  }

  // Value start: skip blanks on this line.
  std::size_t v = i;
  while (v < text.size() && is_blank(text[v])) ++v;
  if (v < text.size() && (text[v] == '\'' || text[v] == '"' || text[v] == '`')) {
    const char q = text[v];
    std::size_t k = v + 1;
    bool closed = false;
    while (k < text.size()) {
      if (text[k] == '\\' && k + 1 < text.size() && text[k + 1] == q) {
        k += 2;
        continue;
      }
      if (text[k] == q) {
        closed = true;
        break;
      }
      ++k;
    }
    if (closed) {
      // After the closing quote only blanks and an optional comment may follow on the line.
      std::size_t after = k + 1;
      std::size_t t = after;
      while (t < text.size() && is_blank(text[t])) ++t;
      if (t >= text.size() || text[t] == '\n' || text[t] == '\r' || text[t] == '#') {
        std::string value(text.substr(v + 1, k - v - 1));
        if (q == '"') {
          std::string expanded;
          expanded.reserve(value.size());
          for (std::size_t n = 0; n < value.size(); ++n) {
            if (value[n] == '\\' && n + 1 < value.size() && (value[n + 1] == 'n' || value[n + 1] == 'r')) {
              expanded += value[n + 1] == 'n' ? '\n' : '\r';
              ++n;
            } else {
              expanded += value[n];
            }
          }
          value = std::move(expanded);
        }
        out.value = std::move(value);
        return next_line(text, t);
      }
    }
  }
  // Unquoted (or an unterminated / trailing-garbage quote): up to `#` or the end of the line.
  std::size_t end = v;
  while (end < text.size() && text[end] != '#' && text[end] != '\n' && text[end] != '\r') ++end;
  out.value = std::string(trim(text.substr(v, end - v)));
  return next_line(text, end);
}

std::string read_file_or_throw(const std::filesystem::path& path, const std::string& display) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw CliError("Could not read environment file `" + display + "`: " + std::strerror(errno));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw CliError("Could not read environment file `" + display + "`");
  return ss.str();
}

}  // namespace

std::vector<EnvEntry> parse_dotenv(std::string_view raw) {
  // dotenv normalises line endings first.
  std::string text;
  text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      text += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      text += raw[i];
    }
  }

  std::vector<EnvEntry> entries;
  std::map<std::string, std::size_t> index;
  std::size_t pos = 0;
  const std::string_view view(text);
  while (pos < view.size()) {
    EnvEntry entry;
    const std::size_t next = parse_entry(view, pos, entry);
    if (next == std::string_view::npos) {
      pos = next_line(view, pos);
      continue;
    }
    auto it = index.find(entry.key);
    if (it != index.end()) {
      entries[it->second].value = std::move(entry.value);
    } else {
      index.emplace(entry.key, entries.size());
      entries.push_back(std::move(entry));
    }
    pos = next > pos ? next : next_line(view, pos);
  }
  return entries;
}

void expand_dotenv(std::vector<EnvEntry>& entries, const EnvLookup& lookup_env) {
  std::map<std::string, std::string> parsed;
  for (const auto& e : entries) parsed[e.key] = e.value;

  std::function<std::string(const std::string&, int)> interpolate = [&](const std::string& value, int depth) {
    std::string out;
    out.reserve(value.size());
    std::size_t i = 0;
    while (i < value.size()) {
      if (value[i] == '$' && i + 1 < value.size() && value[i + 1] == '{') {
        std::size_t close = i + 2;
        while (close < value.size() &&
               ((value[close] >= 'a' && value[close] <= 'z') || (value[close] >= 'A' && value[close] <= 'Z') ||
                (value[close] >= '0' && value[close] <= '9') || value[close] == '_'))
          ++close;
        if (close < value.size() && value[close] == '}') {
          const bool escaped = !out.empty() && out.back() == '\\';
          const std::string name = value.substr(i + 2, close - i - 2);
          if (escaped) {
            out.pop_back();
            out += value.substr(i, close - i + 1);
          } else {
            std::string replacement;
            if (auto env = lookup_env(name)) {
              replacement = *env;
            } else if (auto it = parsed.find(name); it != parsed.end()) {
              replacement = it->second;
            }
            out += depth < 16 ? interpolate(replacement, depth + 1) : replacement;
          }
          i = close + 1;
          continue;
        }
      }
      out += value[i];
      ++i;
    }
    return out;
  };

  for (auto& e : entries) {
    // A variable that is already set in the environment wins over the file.
    std::string value = e.value;
    if (auto env = lookup_env(e.key)) value = *env;
    e.value = interpolate(value, 0);
  }
}

bool dotenv_defines(std::string_view text, std::string_view key) {
  for (const auto& e : parse_dotenv(text))
    if (e.key == key) return true;
  return false;
}

EnvLoadResult load_env_files(const std::filesystem::path& cwd,
                             const std::optional<std::filesystem::path>& schema_dir) {
  namespace fs = std::filesystem;
  EnvLoadResult result;
  std::vector<fs::path> candidates{cwd / ".env"};
  if (schema_dir) {
    const fs::path schema_env = *schema_dir / ".env";
    std::error_code ec;
    const bool same = fs::exists(candidates[0], ec) && fs::exists(schema_env, ec) &&
                      fs::equivalent(candidates[0], schema_env, ec);
    if (!same && absolute_normal(schema_env) != absolute_normal(candidates[0])) candidates.push_back(schema_env);
  }

  const EnvLookup lookup = [](const std::string& name) -> std::optional<std::string> {
    if (const char* v = std::getenv(name.c_str())) return std::string(v);
    return std::nullopt;
  };

  std::map<std::string, std::pair<std::string, std::string>> seen;  // key -> (value, file)
  for (const auto& path : candidates) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    LoadedEnvFile file;
    file.path = path;
    file.display_path = display_path(path, cwd);
    file.entries = parse_dotenv(read_file_or_throw(path, file.display_path));
    // Like dotenv.config(): set what is not already set, then expand (the environment wins).
    for (const auto& e : file.entries) {
      if (auto it = seen.find(e.key); it != seen.end() && it->second.first != e.value) {
        result.warnings.push_back("Conflict for env var " + e.key + " in " + it->second.second + " and " +
                                  file.display_path + ": the value from " + it->second.second + " is used");
      }
      seen.emplace(e.key, std::make_pair(e.value, file.display_path));
      ::setenv(e.key.c_str(), e.value.c_str(), 0);
    }
    expand_dotenv(file.entries, lookup);
    for (const auto& e : file.entries) ::setenv(e.key.c_str(), e.value.c_str(), 1);
    result.messages.push_back("Environment variables loaded from " + file.display_path);
    result.files.push_back(std::move(file));
  }
  return result;
}

}  // namespace prismapp::cli
