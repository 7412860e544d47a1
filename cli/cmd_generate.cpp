// `prismapp generate`: runs the generators of the schema. The Python client generator
// (`prisma-client-py`) is built in (generators/python/); every other provider goes to
// ExternalGenerators (cmd_generate_external.hpp): npm generators over JSON-RPC, and the Prisma
// JavaScript clients through the project's Prisma CLI (prisma_js_client.hpp).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_error.hpp"
#include "cli/output_style.hpp"
#include "cli/cmd_generate_external.hpp"
#include "cli/commands.hpp"
#include "cli/generate_runner.hpp"
#include "cli/paths.hpp"
#include "cli/project.hpp"
#include "generators/host/interrupt.hpp"
#include "generators/python/python_generator.hpp"

namespace prismapp::cli {
namespace {

namespace fs = std::filesystem;
namespace py = generators::python;

struct GenerateOptions {
  std::optional<std::string> schema;
  std::vector<std::string> generators;  // --generator NAME (repeatable): only these run
  bool watch = false;                   // --watch: rerun on every schema change (cmd_generate_external.cpp)
  bool no_hints = false;                // --no-hints: accepted like Prisma (prismapp prints no hints)
};

// Where `output` is relative to: the folder of the file holding the generator block.
fs::path generator_base_dir(const Project& project, const schema::config::Generator& generator) {
  const auto& files = project.sources.files;
  if (generator.span.file < files.size())
    return absolute_normal(project.cwd / files[generator.span.file].path).parent_path();
  return project.location.is_folder ? project.location.path : project.location.path.parent_path();
}

// The default package location: `prisma/` at the project root, so `from prisma import Prisma`
// works from there. The root is the folder of prismapp.toml, else the folder above
// `prisma/schema.prisma` (or `prisma/schema/`), else the current directory.
fs::path default_output_dir(const Project& project) {
  if (project.config.file) return absolute_normal(project.config.file->parent_path()) / "prisma";
  const fs::path schema_parent =
      project.location.is_folder ? project.location.path.parent_path() : project.location.path.parent_path();
  if (project.location.is_folder) {
    if (project.location.path.parent_path().filename() == "prisma") return project.location.path.parent_path();
  } else if (schema_parent.filename() == "prisma") {
    return schema_parent;
  }
  return project.cwd / "prisma";
}

std::string display_dir(const fs::path& p, const fs::path& cwd) {
  std::string rel = display_path(p, cwd);
  if (rel == ".") return "./";
  if (rel.rfind("../", 0) == 0 || rel.front() == '/') return rel;
  return "./" + rel;
}

// The schema text copied into the package: the file itself, or every file of a folder schema.
std::string schema_copy(const schema::SourceSet& sources) {
  if (sources.files.size() == 1) return sources.files.front().text;
  std::string out;
  for (const auto& f : sources.files) out += "// ---- " + f.path + " ----\n" + f.text + "\n";
  return out;
}

const char* const kRecursiveTypeDepthWarning =
    "Some types are disabled by default due to being incompatible with Mypy, it is highly recommended\n"
    "to use Pyright instead and configure Prisma Python to use recursive types. To re-enable certain types:\n"
    "\n"
    "generator client {\n"
    "  provider             = \"prisma-client-py\"\n"
    "  recursive_type_depth = -1\n"
    "}\n"
    "\n"
    "If you need to use Mypy, you can also disable this message by explicitly setting the default value:\n"
    "\n"
    "generator client {\n"
    "  provider             = \"prisma-client-py\"\n"
    "  recursive_type_depth = 5\n"
    "}\n"
    "\n"
    "For more information see: https://prisma-client-py.readthedocs.io/en/stable/reference/limitations/#default-type-limitations\n";

void run_python_client(const Project& project, const schema::ValidationResult& result,
                       const schema::config::Generator& generator, const Output& output) {
  const auto started = std::chrono::steady_clock::now();
  const auto env = schema::config::process_env_lookup();
  py::RenderInput input;
  input.schema = &result;
  input.options = py::parse_generator_options(generator, env);
  input.schema_path = project.location.path;
  input.schema_dir = project.location.is_folder ? project.location.path : project.location.path.parent_path();
  input.schema_text = schema_copy(result.parsed.sources);

  fs::path out_dir;
  if (generator.output) {
    auto value = schema::config::resolve_env(*generator.output, env);
    if (!value)
      throw CliError(schema::config::environment_variable_not_found_message(*generator.output->from_env_var));
    out_dir = absolute_normal(generator_base_dir(project, generator) / *value);
  } else {
    out_dir = default_output_dir(project);
  }

  if (!input.options.recursive_type_depth_explicit) std::cerr << output.err.yellow(kRecursiveTypeDepthWarning);

  std::vector<py::GeneratedFile> files = py::runtime_files();
  for (auto& f : py::render_package(input)) files.push_back(std::move(f));

  py::WriteOptions write;
  write.output_dir = out_dir;
  for (const auto& f : result.parsed.sources.files) write.protected_paths.push_back(absolute_normal(project.cwd / f.path));
  write.protected_paths.push_back(project.location.path);
  py::write_package(files, write);

  // The partial type generator imports the package just written; its partial models then replace
  // the empty partials.py (upstream renders partials.py last for the same reason).
  if (auto spec = py::partial_type_generator_spec(input.options, project.cwd)) {
    input.partial_models = py::run_partial_type_generator(*spec, out_dir, project.cwd);
    if (!input.partial_models.empty()) {
      files = py::runtime_files();
      for (auto& f : py::render_package(input)) files.push_back(std::move(f));
      py::write_package(files, write);
    }
  }

  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << output.out.green("✔") << " Generated " << output.out.bold("Prisma Client Python") << " (v"
            << py::kClientVersion << ") to " << display_dir(out_dir, project.cwd) << " in "
            << format_elapsed(std::chrono::milliseconds(elapsed)) << "\n";
}

// One generator block: built-in providers run here; any other provider is an external generator.
void run_generator(const Project& project, const schema::ValidationResult& result,
                   const schema::config::Generator& generator, const Output& output, ExternalGenerators& external) {
  const auto env = schema::config::process_env_lookup();
  auto provider = schema::config::resolve_env(generator.provider, env);
  if (!provider)
    throw CliError(schema::config::environment_variable_not_found_message(*generator.provider.from_env_var));
  if (py::is_python_client_provider(*provider)) return run_python_client(project, result, generator, output);
  external.generate(generator);  // any other provider: an external Prisma generator
}

int run_generate(const GenerateOptions& opts, const Output& output) {
  Project project = load_project(opts.schema, output);
  const schema::ValidationResult result = schema::validate_schema(project.sources);

  if (auto warnings = warnings_report(result.diagnostics, output.err); !warnings.empty())
    std::cerr << warnings << "\n";
  if (result.diagnostics.has_errors())
    throw CliError(validation_error_report(result.diagnostics, result.parsed.sources, output.err.colour()));

  const auto& generators = result.configuration.generators;
  for (const auto& name : opts.generators) {
    bool found = false;
    for (const auto& g : generators) found = found || g.name == name;
    if (!found)
      throw CliError("The generator \"" + name + "\" specified via --generator does not exist in your Prisma schema");
  }
  if (generators.empty()) {
    std::cerr << output.err.yellow("warn") << " You don't have any generators defined in your schema, so nothing "
              << "will be generated. You can define them like this:\n\ngenerator client {\n  provider = "
              << "\"prisma-client-py\"\n}\n";
    return kExitOk;
  }
  std::cout << "\n";
  generate_all(project, result, opts.generators, output);
  return kExitOk;
}

}  // namespace

void generate_all(const Project& project, const schema::ValidationResult& result,
                  const std::vector<std::string>& selected, const Output& output) {
  ExternalGenerators external(project, result, selected, output);
  for (const auto& g : result.configuration.generators) {
    if (!selected.empty() && std::find(selected.begin(), selected.end(), g.name) == selected.end()) continue;
    try {
      run_generator(project, result, g, output, external);
    } catch (const py::GeneratorError& e) {
      throw CliError(std::string("Generator \"") + g.name + "\" failed:\n\n" + e.what());
    }
  }
  external.finish();
}

void generate_after_migration(const Project& project, const schema::ValidationResult& result, bool skip,
                              const Output& output) {
  if (skip || std::getenv("PRISMA_MIGRATE_SKIP_GENERATE")) return;
  std::cout << "\nRunning generate... " << output.out.dim("(Use --skip-generate to skip the generators)") << "\n"
            << std::flush;
  try {
    generate_all(project, result, {}, output);
  } catch (const CliError& e) {
    std::cout << e.what() << "\n";
  } catch (const generators::host::Interrupted&) {
    throw;
  } catch (const std::exception& e) {
    std::cout << e.what() << "\n";
  }
  std::cout << std::flush;
}

void register_generate(CLI::App& root, Commands& commands, const Output& output) {
  auto opts = std::make_shared<GenerateOptions>();
  CLI::App* sub = root.add_subcommand("generate", "Generate the clients of the generator blocks (built in: Prisma Client Python)");
  sub->add_option("--schema", opts->schema,
                  "Custom path to your Prisma schema (a .prisma file or a folder of .prisma files)");
  sub->add_option("--generator", opts->generators, "Generator to use (may be given several times)");
  sub->add_flag("--watch", opts->watch, "Watch the Prisma schema and rerun after a change");
  sub->add_flag("--no-hints", opts->no_hints, "Hides the hint messages but still outputs errors and warnings");
  commands.push_back(Command{sub, [opts, &output] {
    return run_generate_command(opts->watch, opts->schema, output, [opts, &output] { return run_generate(*opts, output); });
  }});
}

}  // namespace prismapp::cli
