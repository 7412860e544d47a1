#include "generators/host/request_json.hpp"

#include <sys/utsname.h>

#include <algorithm>
#include <fstream>
#include <map>

namespace prismapp::generators::host {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

ojson from_env_json(const schema::config::StringFromEnv& v) {
  ojson o;
  o["fromEnvVar"] = v.from_env_var ? ojson(*v.from_env_var) : ojson(nullptr);
  o["value"] = v.value ? ojson(*v.value) : ojson(nullptr);
  return o;
}

ojson config_value_json(const schema::config::GeneratorConfigValue& v) {
  using K = schema::config::GeneratorConfigValue::Kind;
  if (v.kind == K::Array) {
    ojson arr = ojson::array();
    for (const auto& item : v.items) arr.push_back(config_value_json(item));
    return arr;
  }
  return v.text;  // an env("X") value is passed on as the variable name, like Prisma's get_config
}

std::string read_small(const char* path) {
  std::ifstream in(path);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return s;
}

bool exists(const char* p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

}  // namespace

std::string native_binary_target() {
  // Prisma's get-platform: distro family + libssl version (musl has its own family).
  const bool arm64 = [] {
    utsname u{};
    return ::uname(&u) == 0 && std::string(u.machine) == "aarch64";
  }();
  std::string ssl = "3.0.x";
  for (const char* dir : {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib", "/usr/lib", "/lib64", "/usr/lib64"}) {
    const std::string d(dir);
    if (exists((d + "/libssl.so.3").c_str())) {
      ssl = "3.0.x";
      break;
    }
    if (exists((d + "/libssl.so.1.1").c_str())) {
      ssl = "1.1.x";
      break;
    }
  }
  bool musl = false;
  for (const char* p : {"/lib/ld-musl-x86_64.so.1", "/lib/ld-musl-aarch64.so.1"}) musl = musl || exists(p);
  if (musl) return (arm64 ? "linux-musl-arm64-openssl-" : "linux-musl-openssl-") + ssl;
  if (arm64) return "linux-arm64-openssl-" + ssl;
  const std::string os = read_small("/etc/os-release");
  std::string family = "debian";
  auto has = [&](const char* word) { return os.find(word) != std::string::npos; };
  if (has("ID=arch") || has("ID_LIKE=arch")) family = "debian";  // Prisma maps Arch to debian too
  if (has("rhel") || has("fedora") || has("centos") || has("ID=\"amzn\"")) family = "rhel";
  return family + "-openssl-" + ssl;
}

ojson generator_config_json(const schema::config::Generator& g, const fs::path& source_file) {
  ojson o;
  o["name"] = g.name;
  o["provider"] = from_env_json(g.provider);
  o["output"] = g.output ? from_env_json(*g.output) : ojson(nullptr);
  // Prisma's config is a BTreeMap: keys sorted.
  std::map<std::string, const schema::config::GeneratorConfigValue*> sorted;
  for (const auto& [k, v] : g.config) sorted[k] = &v;
  ojson config = ojson::object();
  for (const auto& [k, v] : sorted) config[k] = config_value_json(*v);
  o["config"] = std::move(config);
  ojson targets = ojson::array();
  const std::string native = native_binary_target();
  auto add_native = [&] {
    targets.push_back(ojson{{"fromEnvVar", nullptr}, {"value", native}, {"native", true}});
  };
  if (g.binary_targets.empty()) add_native();
  for (const auto& t : g.binary_targets) {
    if (!t.from_env_var && t.value == "native") {
      add_native();
    } else {
      targets.push_back(from_env_json(t));
    }
  }
  o["binaryTargets"] = std::move(targets);
  ojson preview = ojson::array();
  if (g.preview_features)
    for (auto f : g.preview_features->to_vector()) preview.push_back(std::string(schema::config::preview_feature_name(f)));
  o["previewFeatures"] = std::move(preview);
  o["sourceFilePath"] = source_file.string();
  return o;
}

void set_resolved_output(ojson& config, const std::string& absolute_output, bool is_custom) {
  config["output"] = ojson{{"value", absolute_output}, {"fromEnvVar", nullptr}};
  if (is_custom) config["isCustomOutput"] = true;
}

ojson datasources_json(const schema::ValidationResult& result, const std::vector<fs::path>& file_paths) {
  ojson arr = ojson::array();
  for (const auto& ds : result.configuration.datasources) {
    ojson o;
    o["name"] = ds.name;
    o["provider"] = ds.provider;
    o["activeProvider"] = ds.active_provider;
    ojson schemas = ojson::array();
    for (const auto& [name, span] : ds.schemas) schemas.push_back(name);
    o["schemas"] = std::move(schemas);
    o["sourceFilePath"] = ds.span.file < file_paths.size() ? file_paths[ds.span.file].string() : std::string();
    arr.push_back(std::move(o));
  }
  return arr;
}

std::string request_line(const char* method, const std::string& params_json, long long id) {
  std::string line;
  line.reserve(params_json.size() + 80);
  line += R"({"jsonrpc":"2.0","method":")";
  line += method;
  line += R"(","params":)";
  line += params_json;
  line += R"(,"id":)";
  line += std::to_string(id);
  line += "}\n";
  return line;
}

}  // namespace prismapp::generators::host
