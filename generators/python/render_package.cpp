// Renders every per-schema module of the package (the runtime files are added by the caller).
#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

std::vector<GeneratedFile> render_package(const RenderInput& input) {
  if (input.schema == nullptr) throw GeneratorError("no schema to generate from");
  const SchemaView view = build_schema_view(*input.schema, input.options);
  std::vector<GeneratedFile> files;
  files.push_back({"__init__.py", render_init(view)});
  files.push_back({"_schema.py", render_schema_module(view, input)});
  files.push_back({"enums.py", render_enums(view)});
  files.push_back({"types.py", render_types(view, input.options)});
  files.push_back({"bases.py", render_bases(view)});
  files.push_back({"models.py", render_models(view)});
  files.push_back({"partials.py", render_partials(view, input.partial_models)});
  files.push_back({"actions.py", render_actions(view, input.options)});
  files.push_back({"client.py", render_client(view, input.options)});
  files.push_back({"metadata.py", render_metadata(view)});
  files.push_back({"schema.prisma", input.schema_text});
  return files;
}

}  // namespace prismapp::generators::python
