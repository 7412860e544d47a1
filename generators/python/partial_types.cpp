// Partial types (upstream's `partial_type_generator`): after the package is written, the user's
// script runs in a Python interpreter, imports the generated models and calls
// `<Model>.create_partial(...)`; models.py collects those definitions (with upstream's checks) and a
// small driver hands them back as JSON, from which partials.py is rendered.
//
// Upstream executes the script inside the generator's own Python process; prismapp is native, so
// it starts the interpreter the user's environment resolves (`python3` on PATH: an activated venv).
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "generators/host/command_runner.hpp"
#include "generators/python/renderers.hpp"

extern char** environ;

namespace prismapp::generators::python {

namespace fs = std::filesystem;

namespace {

// Exit codes of the driver: 2 = the script raised, 3 = the generator was not found, 4 = the
// generated package could not be imported.
const char* const kDriver = R"py(
import importlib, importlib.util, json, os, sys, traceback

def fail(code, message):
    sys.stderr.write(message + '\n')
    sys.exit(code)

package_dir, package, value, result_path = sys.argv[1:5]
cwd = os.getcwd()
sys.path[:0] = [os.path.dirname(package_dir), cwd]
path = os.path.join(cwd, value)
spec = None
if os.path.isfile(path):
    spec = importlib.util.spec_from_file_location(package + '.partial_type_generator', path)
elif value.startswith('.'):
    fail(3, f'No file found at {value} and relative imports are not allowed.')
else:
    try:
        spec = importlib.util.find_spec(value)
    except (ImportError, ValueError):
        spec = None
if spec is None or spec.loader is None:
    fail(3, f'Could not find a python file or module at {value}')
try:
    models = importlib.import_module(package + '.models')
except BaseException:
    sys.stderr.write(f'The generated package `{package}` could not be imported:\n')
    traceback.print_exc()
    sys.exit(4)
module = importlib.util.module_from_spec(spec)
try:
    spec.loader.exec_module(module)
except BaseException:
    sys.stderr.write('An exception ocurred while running the partial type generator\n')
    traceback.print_exc()
    sys.exit(2)
with open(result_path, 'w', encoding='utf-8') as fh:
    json.dump(models._partial_models, fh)
)py";

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::optional<fs::path> on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) return candidate;
  }
  return std::nullopt;
}

std::string python_interpreter() {
  if (const char* v = std::getenv("PRISMAPP_PYTHON"); v && *v) return v;
  for (const char* name : {"python3", "python"})
    if (auto p = on_path(name)) return p->string();
  return "/usr/bin/python3";
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

std::vector<PartialModel> parse_partials(const std::string& text) {
  std::vector<PartialModel> out;
  const auto doc = nlohmann::json::parse(text);
  for (const auto& item : doc) {
    PartialModel m;
    m.name = item.at("name").get<std::string>();
    m.from_model = item.at("from_model").get<std::string>();
    if (!is_identifier(m.name))
      throw GeneratorError("Partial type name \"" + m.name + "\" is not a valid Python identifier.");
    for (const auto& f : item.at("fields")) {
      PartialField pf;
      pf.name = f.at("name").get<std::string>();
      pf.is_list = f.at("is_list").get<bool>();
      pf.optional = f.at("optional").get<bool>();
      pf.type = f.at("type").get<std::string>();
      pf.is_relational = f.at("is_relational").get<bool>();
      m.fields.push_back(std::move(pf));
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::optional<std::string> partial_type_generator_spec(const GeneratorOptions& options, const fs::path& cwd) {
  if (options.partial_type_generator && !options.partial_type_generator->empty())
    return options.partial_type_generator;
  if (fs::is_regular_file(cwd / "prisma" / "partial_types.py")) return std::string("prisma/partial_types.py");
  return std::nullopt;
}

std::vector<PartialModel> run_partial_type_generator(const std::string& spec, const fs::path& package_dir,
                                                     const fs::path& cwd) {
  (void)cwd;  // the child inherits our working directory, which is what paths are relative to
  char tmpl[] = "/tmp/prismapp-partials-XXXXXX";
  const int fd = ::mkstemp(tmpl);
  if (fd < 0) throw GeneratorError("Could not create a temporary file for the partial type generator.");
  ::close(fd);
  const std::string result_path = tmpl;

  const std::string python = python_interpreter();
  host::SpawnOptions spawn;
  spawn.command = shell_quote(python) + " -c " + shell_quote(kDriver) + " " + shell_quote(package_dir.string()) + " " +
                  shell_quote(package_dir.filename().string()) + " " + shell_quote(spec) + " " +
                  shell_quote(result_path);
  for (char** e = environ; e && *e; ++e) {
    const std::string kv = *e;
    if (kv.rfind("PRISMA_GENERATOR_INVOCATION=", 0) != 0) spawn.env.push_back(kv);
  }
  spawn.env.push_back("PRISMA_GENERATOR_INVOCATION=true");

  host::CommandOutcome outcome;
  try {
    outcome = host::run_command(spawn, std::chrono::minutes(10));
  } catch (const std::runtime_error& e) {
    fs::remove(result_path);
    throw GeneratorError("Could not start the Python interpreter " + python + " for the partial type generator: " +
                         e.what());
  }
  if (!outcome.succeeded()) {
    fs::remove(result_path);
    std::string output = outcome.output;
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
    if (outcome.timed_out) throw GeneratorError("The partial type generator " + spec + " timed out.\n" + output);
    const int code = WIFEXITED(outcome.status) ? WEXITSTATUS(outcome.status) : -1;
    if (code == 3) throw GeneratorError("Invalid `partial_type_generator`: " + output);
    if (code == 127)
      throw GeneratorError("Python interpreter not found (" + python +
                           "): the partial type generator needs Python; set PRISMAPP_PYTHON to the interpreter to use.\n" +
                           output);
    throw GeneratorError(output.empty() ? "The partial type generator " + spec + " failed (" +
                                              host::describe_status(outcome.status) + ")."
                                        : output);
  }
  std::ifstream in(result_path);
  std::stringstream buf;
  buf << in.rdbuf();
  fs::remove(result_path);
  try {
    return parse_partials(buf.str());
  } catch (const nlohmann::json::exception& e) {
    throw GeneratorError(std::string("The partial type generator produced unreadable output: ") + e.what());
  }
}

std::string render_partials(const SchemaView& view, const std::vector<PartialModel>& partials) {
  (void)view;
  PyWriter w;
  w.raw(module_header("partials.py: partial models (from partial_type_generator, when configured)"));
  if (partials.empty()) {
    w.line("from . import bases as bases");
    return w.take();
  }
  // Import only what the field types use: pyright (strict) reports unused imports.
  auto uses = [&](std::string_view needle) {
    for (const auto& p : partials)
      for (const auto& f : p.fields)
        if (f.type.find(needle) != std::string::npos) return true;
    return false;
  };
  bool any_optional = false, any_required_list = false;
  for (const auto& p : partials)
    for (const auto& f : p.fields) {
      any_optional = any_optional || f.optional;
      any_required_list = any_required_list || (f.is_list && !f.is_relational && !f.optional);
    }
  if (uses("datetime.")) w.line("import datetime");
  if (uses("decimal.")) w.line("import decimal");
  std::string typing;
  if (uses("Any")) typing += "Any";
  if (uses("List[")) typing += std::string(typing.empty() ? "" : ", ") + "List";
  if (any_optional) typing += std::string(typing.empty() ? "" : ", ") + "Optional";
  if (!typing.empty()) w.line("from typing import " + typing);
  w.line();
  std::string modules = "bases";
  for (const char* mod : {"enums", "fields", "models"})
    if (uses(std::string(mod) + ".")) modules += std::string(", ") + mod;
  w.line("from . import " + modules);
  w.line(std::string("from ._compat import model_rebuild") + (any_required_list ? ", field_validator" : ""));
  w.line();
  w.line("__all__ = (");
  for (const auto& p : partials) w.line("    " + py_str(p.name) + ",");
  w.line(")");
  w.line();
  for (const auto& p : partials) {
    w.line();
    w.line("class " + p.name + "(bases.Base" + p.from_model + "):");
    w.indent();
    w.line("\"\"\"" + py_docstring("A partial " + p.from_model + " model (" + p.name + ")") + "\"\"\"");
    w.line();
    std::vector<std::string> required_lists;
    for (const auto& f : p.fields) {
      if (f.optional) w.line(f.name + ": Optional[" + f.type + "] = None");
      else w.line(f.name + ": " + f.type);
      if (f.is_list && !f.is_relational && !f.optional) required_lists.push_back(py_str(f.name));
    }
    if (p.fields.empty()) w.line("pass");
    write_required_list_validator(w, required_lists);  // same validator as models.py
    w.dedent();
    w.line();
  }
  w.line();
  if (uses("partials.")) {
    w.line("# relation fields may refer to other partials as `partials.X`: import ourselves, then resolve them");
    w.line("from . import partials as partials");
    w.line();
  }
  for (const auto& p : partials) w.line("model_rebuild(" + p.name + ")");
  return w.take();
}

}  // namespace prismapp::generators::python
