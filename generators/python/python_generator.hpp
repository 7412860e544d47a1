// The built-in Python client generator (`provider = "prisma-client-py"`): renders the generated
// modules of a Prisma Client Python 0.15 compatible package from a validated schema and writes
// them, together with the static runtime embedded in the binary, to the output directory.
//
// The split between what is generated here and what is static runtime is fixed by
// /work/helper-notes/python-client-contract.md (the `_schema.py` format in particular).
#pragma once
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/schema/config/configuration.hpp"
#include "core/schema/schema.hpp"

namespace prismapp::generators::python {

// Shown in the success line and written into generated headers.
inline constexpr const char* kClientVersion = "0.15.0-prismapp";

// A generator problem the user must fix (bad option, unsupported field type, clashing names...).
// The CLI prints the message and exits 1.
class GeneratorError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Interface { Asyncio, Sync };

// The generator block's options, checked.
struct GeneratorOptions {
  Interface interface = Interface::Asyncio;
  // -1: truly recursive types; otherwise >= 2 pseudo-recursive levels (upstream's semantics).
  int recursive_type_depth = 5;
  bool recursive_type_depth_explicit = false;  // upstream warns when the default is used
  bool enable_experimental_decimal = false;
  std::optional<std::string> partial_type_generator;  // as written (path or module)
};

// Reads `interface`, `recursive_type_depth`, `enable_experimental_decimal`,
// `partial_type_generator`, `engineType`/`engine_type`, `http` from the generator block.
// PRISMA_PY_CONFIG_<KEY> environment variables take priority (upstream behaviour).
// Throws GeneratorError on invalid values.
GeneratorOptions parse_generator_options(const schema::config::Generator& generator,
                                         const schema::config::EnvLookup& env);

// The providers this generator answers to.
bool is_python_client_provider(std::string_view provider);

struct GeneratedFile {
  std::string path;  // relative to the package root, '/'-separated
  std::string content;
};

// One partial model declared by the partial type generator (`<Model>.create_partial(...)`).
struct PartialField {
  std::string name;
  bool is_list = false;
  bool optional = false;
  std::string type;  // Python type expression, e.g. "str", "List['models.Post']", "'partials.UserOnlyName'"
  bool is_relational = false;
};
struct PartialModel {
  std::string name;        // the class name in partials.py
  std::string from_model;  // the schema model it selects from
  std::vector<PartialField> fields;
};

struct RenderInput {
  const schema::ValidationResult* schema = nullptr;  // must be valid (no errors)
  GeneratorOptions options;
  std::filesystem::path schema_path;  // absolute: the schema file (or folder)
  std::filesystem::path schema_dir;   // absolute: directory SQLite `file:` URLs are relative to
  std::string schema_text;            // the text copied to <package>/schema.prisma
  std::vector<PartialModel> partial_models;  // rendered into partials.py (from the partial type generator)
};

// Renders every per-schema module (not the runtime). Throws GeneratorError for schemas the client
// cannot represent (Decimal without enable_experimental_decimal, reserved field names, ...).
std::vector<GeneratedFile> render_package(const RenderInput& input);

// The static runtime files embedded at build time (generators/python/runtime/**).
const std::vector<GeneratedFile>& runtime_files();

// Name of the manifest listing every file a generation wrote (relative paths, one per line).
inline constexpr const char* kManifestName = ".prismapp-generated";

struct WriteOptions {
  std::filesystem::path output_dir;  // absolute
  // Files that must never be written or deleted (the schema file(s) the package is generated from).
  std::vector<std::filesystem::path> protected_paths;
};

struct WriteReport {
  std::size_t written = 0;
  std::size_t removed = 0;  // stale files of a previous generation
};

// Writes the files (creating directories), removes files listed in the previous manifest that are
// no longer generated, and writes the new manifest. Never touches anything else. Throws
// GeneratorError when the output would overwrite a protected path or is not a directory.
WriteReport write_package(const std::vector<GeneratedFile>& files, const WriteOptions& options);

// The partial type generator to run: the configured `partial_type_generator` (a file path relative
// to `cwd` or a dotted module name), else `prisma/partial_types.py` when that file exists (upstream's
// default); nullopt when there is none.
std::optional<std::string> partial_type_generator_spec(const GeneratorOptions& options, const std::filesystem::path& cwd);

// Runs the user's partial type generator with a Python interpreter (PRISMAPP_PYTHON, else `python3` /
// `python` on PATH, else /usr/bin/python3) and PRISMA_GENERATOR_INVOCATION set, after the package has
// been written to `package_dir` (the script imports it, e.g. `from prisma.models import User`), and
// returns the partial models its `create_partial()` calls declared. Throws GeneratorError (with the
// script's traceback) when the generator cannot be found or fails.
std::vector<PartialModel> run_partial_type_generator(const std::string& spec, const std::filesystem::path& package_dir,
                                                     const std::filesystem::path& cwd);

}  // namespace prismapp::generators::python
