#include "cli/cmd_generate_external.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/cli_error.hpp"
#include "cli/output_style.hpp"
#include "cli/config_file.hpp"
#include "cli/paths.hpp"
#include "cli/prisma_js_client.hpp"
#include "cli/schema_discovery.hpp"
#include "core/schema/dmmf/dmmf.hpp"
#include "core/schema/format/reformatter.hpp"
#include "generators/host/generator_host.hpp"
#include "generators/host/interrupt.hpp"
#include "generators/host/request_json.hpp"
#include "generators/host/schema_watcher.hpp"
#include "generators/python/python_generator.hpp"

namespace prismapp::cli {
namespace {

namespace fs = std::filesystem;
namespace host = generators::host;
using ojson = nlohmann::ordered_json;

// Prisma's parseEnvValue error (it says "provider value" for every field it reads).
std::string env_missing_message(const std::string& var) {
  return "Attempted to load provider value using `env(" + var + ")` but it was not present. Please ensure that " +
         var + " is present in your Environment Variables";
}

std::string resolve_or_throw(const schema::config::StringFromEnv& v) {
  auto value = schema::config::resolve_env(v, schema::config::process_env_lookup());
  if (!value) throw CliError(env_missing_message(v.from_env_var.value_or("")));
  return *value;
}

// Prisma's `datamodel` is merge_schemas(schemaFiles): the files' texts joined with "\n", then
// the layout formatter (no semantic fixes) over the result, for a single file too.
std::string datamodel_text(const schema::SourceSet& sources) {
  std::string joined;
  for (std::size_t i = 0; i < sources.files.size(); ++i) joined += (i ? "\n" : "") + sources.files[i].text;
  return schema::format::reformat_file(joined, 2);
}

}  // namespace

struct ExternalGenerators::State {
  const Project* project = nullptr;
  const schema::ValidationResult* result = nullptr;
  const Output* output = nullptr;

  struct Entry {
    const schema::config::Generator* block = nullptr;
    std::string provider;         // resolved
    bool external = false;
    bool js_client = false;       // prisma-client(-js): delegated to the Prisma CLI (prisma_js_client.hpp)
    std::size_t host_index = 0;   // when external
    ojson config;                 // GeneratorConfig; output resolved once known
    std::optional<std::string> output_error;
  };
  std::vector<Entry> entries;     // every selected block, schema order (otherGenerators)
  std::unique_ptr<host::GeneratorHost> host;
  std::vector<fs::path> file_paths;
  std::string dmmf_json;
  std::string datamodel_json;     // the `datamodel` param, JSON-quoted (the same for every generator)
  ojson datasources;
  std::vector<std::string> errors;  // Prisma's entries ("<message>\n\n")

  fs::path file_of(const schema::config::Generator& g) const {
    return g.span.file < file_paths.size() ? file_paths[g.span.file] : project->location.path;
  }
};

ExternalGenerators::ExternalGenerators(const Project& project, const schema::ValidationResult& result,
                                       const std::vector<std::string>& selected, const Output& output)
    : state_(std::make_unique<State>()) {
  auto& st = *state_;
  st.project = &project, st.result = &result, st.output = &output;
  for (const auto& f : project.sources.files) st.file_paths.push_back(absolute_normal(project.cwd / f.path));

  std::vector<std::string> commands;
  std::vector<ojson> manifest_params;
  for (const auto& g : result.configuration.generators) {
    if (!selected.empty() && std::find(selected.begin(), selected.end(), g.name) == selected.end()) continue;
    State::Entry e;
    e.block = &g;
    e.provider = resolve_or_throw(g.provider);
    e.js_client = is_prisma_js_client_provider(e.provider);
    e.external = !generators::python::is_python_client_provider(e.provider) && !e.js_client;
    e.config = host::generator_config_json(g, st.file_of(g));
    if (g.output) {
      const fs::path base = st.file_of(g).parent_path();
      host::set_resolved_output(e.config, absolute_normal(base / resolve_or_throw(*g.output)).string(), true);
    }
    if (e.external) {
      e.host_index = commands.size();
      commands.push_back(e.provider);
      manifest_params.push_back(host::generator_config_json(g, st.file_of(g)));
    }
    st.entries.push_back(std::move(e));
  }
  if (commands.empty()) return;

  st.dmmf_json = schema::dmmf::full_dmmf_json(result);
  st.datamodel_json = ojson(datamodel_text(project.sources)).dump();
  st.datasources = host::datasources_json(result, st.file_paths);

  host::HostOptions options;
  const fs::path schema_dir = project.location.is_folder ? project.location.path : project.location.path.parent_path();
  options.env = host::generator_environment(host::node_bin_dirs(schema_dir));
  options.timeout = host::timeout_from_env();
  options.forward_stdout = &std::cout;
  std::cout.flush();
  st.host = std::make_unique<host::GeneratorHost>(commands, manifest_params, std::move(options));

  std::vector<std::string> providers;
  for (const auto& e : st.entries) providers.push_back(e.provider);
  for (auto& e : st.entries) {
    if (!e.external) continue;
    const auto& m = st.host->manifest(e.host_index);
    if (!m.ok) continue;
    const auto& manifest = m.result;
    if (!e.block->output) {
      if (manifest.is_object() && manifest.contains("defaultOutput") && manifest["defaultOutput"].is_string() &&
          !manifest["defaultOutput"].get<std::string>().empty()) {
        const fs::path out = host::resolve_default_output(manifest["defaultOutput"].get<std::string>(),
                                                          st.file_of(*e.block).parent_path(), project.cwd);
        host::set_resolved_output(e.config, out.string(), false);
      } else {
        e.output_error = "Can't resolve output dir for generator " + output.err.bold(e.block->name) +
                         " with provider " + output.err.bold(e.block->provider.value.value_or("undefined")) +
                         ".\nYou need to define `output` in the generator block in the schema file.";
      }
    }
    if (manifest.is_object() && manifest.contains("requiresGenerators") && manifest["requiresGenerators"].is_array()) {
      for (const auto& needed : manifest["requiresGenerators"]) {
        if (!needed.is_string()) continue;
        const auto name = needed.get<std::string>();
        if (std::find(providers.begin(), providers.end(), name) != providers.end()) continue;
        const std::string pretty = manifest.contains("prettyName") && manifest["prettyName"].is_string()
                                       ? manifest["prettyName"].get<std::string>()
                                       : "undefined";
        throw CliError("Generator \"" + pretty + "\" requires generator \"" + name +
                       "\", but it is missing in your schema.prisma.\nPlease add it to your schema.prisma:\n\n"
                       "generator gen {\n  provider = \"" + name + "\"\n}\n");
      }
    }
    if (manifest.is_object() && manifest.contains("requiresEngines") && manifest["requiresEngines"].is_array() &&
        !manifest["requiresEngines"].empty()) {
      std::cerr << output.err.yellow("warn") << " Generator \"" << e.block->name << "\" requires the Prisma engines "
                << manifest["requiresEngines"].dump()
                << "; prismapp does not download engines, so it receives binaryPaths: {}.\n";
    }
  }
}

ExternalGenerators::~ExternalGenerators() = default;

void ExternalGenerators::generate(const schema::config::Generator& generator) {
  auto& st = *state_;
  auto it = std::find_if(st.entries.begin(), st.entries.end(), [&](const auto& e) { return e.block == &generator; });
  if (it == st.entries.end()) return;
  auto& e = *it;
  if (e.js_client) {
    std::cout.flush();
    const auto outcome = run_prisma_js_client(*st.project, *st.result, generator, *st.output);
    if (outcome.ok) std::cout << outcome.text << std::flush;
    else st.errors.push_back(outcome.text + "\n\n");
    return;
  }
  if (!e.external || !st.host) return;
  const auto& m = st.host->manifest(e.host_index);
  if (m.ok && e.output_error) {
    st.host->stop(e.host_index);
    st.errors.push_back(*e.output_error + "\n\n");
    return;
  }

  // GeneratorOptions, in Prisma's key order; the DMMF text is spliced in as is.
  std::string params = "{\"datamodel\":" + st.datamodel_json;
  params += ",\"datasources\":" + st.datasources.dump();
  params += ",\"generator\":" + e.config.dump();
  params += ",\"dmmf\":" + st.dmmf_json;
  ojson others = ojson::array();
  for (const auto& o : st.entries)
    if (&o != &e) others.push_back(o.config);
  params += ",\"otherGenerators\":" + others.dump();
  params += ",\"schemaPath\":" + ojson(st.project->location.path.string()).dump();
  params += ",\"version\":" + ojson(host::kPrismaEnginesVersion).dump();
  params += ",\"allowNoModels\":true,\"binaryPaths\":{}}";

  const auto started = std::chrono::steady_clock::now();
  std::cout.flush();
  const auto outcome = st.host->generate(e.host_index, params);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (!outcome.ok) {
    st.errors.push_back(outcome.error + "\n\n");
    return;
  }
  const auto& manifest = m.result;
  std::string pretty = e.provider;
  if (manifest.is_object() && manifest.contains("prettyName") && manifest["prettyName"].is_string())
    pretty = manifest["prettyName"].get<std::string>();
  std::string version;
  if (manifest.is_object() && manifest.contains("version") && manifest["version"].is_string())
    version = manifest["version"].get<std::string>();
  std::string to;
  if (e.config["output"].is_object() && e.config["output"]["value"].is_string()) {
    const fs::path out(e.config["output"]["value"].get<std::string>());
    std::string rel = out.lexically_relative(st.project->cwd).generic_string();
    if (rel == ".") rel.clear();
    to = st.output->out.dim(" to ./" + rel);
  }
  std::cout << "✔ Generated " << st.output->out.bold(pretty) << (version.empty() ? "" : " (" + version + ")") << to
            << " in " << format_elapsed(std::chrono::milliseconds(ms)) << "\n\n";
  std::cout.flush();
}

void ExternalGenerators::finish() {
  auto& st = *state_;
  if (st.errors.empty()) return;
  std::string text = "\n";
  for (std::size_t i = 0; i < st.errors.size(); ++i) text += (i ? "\n" : "") + st.errors[i];
  if (!text.empty() && text.back() == '\n') text.pop_back();  // main adds the final newline
  st.errors.clear();
  throw CliError(text);
}

int run_generate_command(bool watch, const std::optional<std::string>& schema_flag, const Output& output,
                         const std::function<int()>& run_once) {
  if (!watch) {
    try {
      return run_once();
    } catch (const host::Interrupted&) {
      std::cerr << "\n";
      return 130;
    }
  }

  const fs::path cwd = fs::current_path();
  const SchemaLocation location = locate_schema(schema_flag, load_config(cwd), cwd);
  host::InterruptGuard guard;
  host::SchemaWatcher watcher(location.path, location.is_folder);
  const fs::path root = location.is_folder ? location.path : location.path.parent_path();
  auto once = [&] {
    try {
      run_once();
    } catch (const CliError& e) {
      std::cerr << output.err.red(output.err.bold("Error: ")) << e.what() << "\n";
    } catch (const host::Interrupted&) {
      throw;
    } catch (const std::exception& e) {
      std::cerr << output.err.red(output.err.bold("Error: ")) << e.what() << "\n";
    }
  };
  auto watching = [&] {
    std::cout << "\n" << output.out.green("Watching...") << " " << output.out.dim(root.string()) << "\n" << std::flush;
  };
  try {
    once();
    watching();
    while (auto changed = watcher.wait(host::interrupt_fd())) {
      if (host::interrupt_signal()) break;
      std::cout << "Change in " << display_path(*changed, cwd) << "\n\n" << output.out.green("Building...") << "\n\n"
                << std::flush;
      once();
      if (host::interrupt_signal()) break;
      watching();
    }
  } catch (const host::Interrupted&) {
  }
  return kExitOk;
}

}  // namespace prismapp::cli
