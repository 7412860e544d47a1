#include "cli/config_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "cli/cli_error.hpp"

namespace prismapp::cli {
namespace {

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "a value";
  }
}

std::string expect_string(const toml::node& node, const std::string& key, const std::string& file) {
  if (const auto* s = node.as_string()) return s->get();
  throw CliError("Invalid " + file + ": `" + key + "` must be a string, found " + type_name(node) + " (line " +
                 std::to_string(node.source().begin.line) + ")");
}

}  // namespace

Config parse_config(std::string_view text, const std::string& display_path, const std::filesystem::path& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, display_path);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    throw CliError("Could not parse " + display_path + ": " + std::string(e.description()) + " (line " +
                   std::to_string(begin.line) + ", column " + std::to_string(begin.column) + ")");
  }

  Config config;
  for (auto&& [key, node] : root) {
    const std::string k(key.str());
    if (k == "schema") {
      config.schema = expect_string(node, "schema", display_path);
      if (config.schema->empty()) throw CliError("Invalid " + display_path + ": `schema` must not be empty");
      std::filesystem::path p(*config.schema);
      config.schema_path = p.is_absolute() ? p : base_dir / p;
    } else if (k == "migrations") {
      const auto* table = node.as_table();
      if (table == nullptr)
        throw CliError("Invalid " + display_path + ": `migrations` must be a table, found " + type_name(node));
      for (auto&& [mkey, mnode] : *table) {
        const std::string mk(mkey.str());
        if (mk == "seed") {
          config.migrations.seed = expect_string(mnode, "migrations.seed", display_path);
        } else {
          config.warnings.push_back(display_path + ": unknown key `migrations." + mk + "` (line " +
                                    std::to_string(mnode.source().begin.line) + ") is ignored");
        }
      }
    } else if (k == "db_pull") {
      const auto* table = node.as_table();
      if (table == nullptr)
        throw CliError("Invalid " + display_path + ": `db_pull` must be a table, found " + type_name(node));
      for (auto&& [pkey, pnode] : *table) {
        const std::string pk(pkey.str());
        if (pk == "ignore_tables") {
          const auto* array = pnode.as_array();
          if (array == nullptr)
            throw CliError("Invalid " + display_path + ": `db_pull.ignore_tables` must be an array of strings, found " +
                           type_name(pnode));
          for (auto&& item : *array)
            config.db_pull.ignore_tables.push_back(expect_string(item, "db_pull.ignore_tables", display_path));
        } else {
          config.warnings.push_back(display_path + ": unknown key `db_pull." + pk + "` (line " +
                                    std::to_string(pnode.source().begin.line) + ") is ignored");
        }
      }
    } else {
      config.warnings.push_back(display_path + ": unknown key `" + k + "` (line " +
                                std::to_string(node.source().begin.line) + ") is ignored");
    }
  }
  return config;
}

Config load_config(const std::filesystem::path& dir) {
  const auto path = dir / kConfigFileName;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Config{};
  if (!std::filesystem::is_regular_file(path, ec))
    throw CliError(std::string("Could not read ") + kConfigFileName + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError(std::string("Could not read ") + kConfigFileName + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  Config config = parse_config(ss.str(), kConfigFileName, dir);
  config.file = path;
  return config;
}

}  // namespace prismapp::cli
