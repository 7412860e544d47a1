#include "core/introspect/datasource_extensions.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/introspect/names.hpp"

namespace prismapp::introspect {
namespace {

constexpr std::array<std::string_view, 4> kAllowList = {"citext", "postgis", "pg_crypto", "uuid-ossp"};

const schema::config::PostgresExtension* find_previous(const schema::config::Datasource& ds, const std::string& db_name) {
  if (!ds.extensions) return nullptr;
  for (const auto& e : ds.extensions->extensions)
    if (e.db_name.value_or(e.name) == db_name) return &e;
  return nullptr;
}

std::string render_extension(const sql::Extension& ext, const schema::config::PostgresExtension* previous) {
  std::vector<std::string> args;
  std::string name = ext.name;
  if (needs_sanitation(ext.name)) {
    name = sanitize(ext.name);
    args.push_back("map: " + quote(ext.name));
  }
  if (previous) {
    if (previous->version) args.push_back("version: " + quote(ext.version));
    if (previous->schema) args.push_back("schema: " + quote(ext.schema));
  } else {
    args.push_back("schema: " + quote(ext.schema));
  }
  if (args.empty()) return name;
  std::string out = name + "(";
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
  return out + ")";
}

// The byte range of the property `name` in `block` (from its first character to the end of its
// line, newline included), when written.
std::optional<std::pair<std::size_t, std::size_t>> property_range(const std::string& block,
                                                                   const schema::config::Datasource& ds,
                                                                   std::string_view name) {
  for (const auto& [key, span] : ds.property_spans) {
    if (key != name) continue;
    const std::size_t start = span.start - ds.span.start;
    std::size_t end = span.end - ds.span.start;
    while (end < block.size() && block[end] != '\n') ++end;
    if (end < block.size()) ++end;
    std::size_t line_start = start;
    while (line_start > 0 && (block[line_start - 1] == ' ' || block[line_start - 1] == '\t')) --line_start;
    return std::pair{line_start, end};
  }
  return std::nullopt;
}

}  // namespace

std::string with_introspected_extensions(const std::string& block, const schema::config::Datasource& datasource,
                                         const schema::ValidationResult& previous, const sql::SqlSchema& described) {
  using schema::config::PreviewFeature;
  if (!previous.configuration.preview_features().contains(PreviewFeature::PostgresqlExtensions)) return block;

  std::vector<std::string> rendered;
  for (const auto& ext : described.extensions) {  // pg_extension order: by name
    const auto* prev = find_previous(datasource, ext.name);
    if (!prev && std::find(kAllowList.begin(), kAllowList.end(), ext.name) == kAllowList.end()) continue;
    rendered.push_back(render_extension(ext, prev));
  }
  std::string property;
  if (!rendered.empty()) {
    property = "  extensions = [";
    for (std::size_t i = 0; i < rendered.size(); ++i) property += (i ? ", " : "") + rendered[i];
    property += "]\n";
  }

  // Prisma renders the datasource anew: `extensions` goes just before `schemas`, else last.
  std::string out = block;
  const auto existing = property_range(out, datasource, "extensions");
  const auto schemas = property_range(out, datasource, "schemas");
  if (existing && schemas && existing->second == schemas->first) {
    out.replace(existing->first, existing->second - existing->first, property);
    return out;
  }
  if (schemas && !property.empty()) {
    const bool shift = existing && existing->first < schemas->first;
    if (existing) out.erase(existing->first, existing->second - existing->first);
    const std::size_t at = shift ? schemas->first - (existing->second - existing->first) : schemas->first;
    out.insert(at, property);
    return out;
  }
  if (existing) {
    out.replace(existing->first, existing->second - existing->first, property);
    return out;
  }
  if (property.empty()) return out;
  const std::size_t close = out.rfind('}');
  if (close == std::string::npos) return out;
  std::size_t insert_at = close;
  while (insert_at > 0 && (out[insert_at - 1] == ' ' || out[insert_at - 1] == '\t')) --insert_at;
  if (insert_at > 0 && out[insert_at - 1] != '\n') property = "\n" + property;
  out.insert(insert_at, property);
  return out;
}

}  // namespace prismapp::introspect
