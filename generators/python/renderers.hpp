// The per-module renderers of the Python client (one file each) and the type-name helpers they
// share. Each returns the full text of one generated module.
#pragma once
#include <string>

#include "generators/python/py_text.hpp"
#include "generators/python/python_generator.hpp"
#include "generators/python/schema_view.hpp"

namespace prismapp::generators::python {

std::string render_schema_module(const SchemaView& view, const RenderInput& input);  // _schema.py
std::string render_types(const SchemaView& view, const GeneratorOptions& options);      // types.py
std::string render_enums(const SchemaView& view);                                       // enums.py
std::string render_models(const SchemaView& view);                                      // models.py
std::string render_bases(const SchemaView& view);                                       // bases.py
std::string render_actions(const SchemaView& view, const GeneratorOptions& options);    // actions.py
std::string render_client(const SchemaView& view, const GeneratorOptions& options);     // client.py
std::string render_metadata(const SchemaView& view);                                    // metadata.py
std::string render_init(const SchemaView& view);                                        // __init__.py
std::string render_partials(const SchemaView& view, const std::vector<PartialModel>& partials);  // partials.py

// The Python type of a scalar/enum/relation field's values, without list/Optional wrapping:
// 'str', 'int', 'datetime.datetime', "'fields.Json'", "'enums.Role'", "'models.Post'", ...
std::string python_base_type(const Field& field);
// With List[...] for list fields.
std::string python_type(const Field& field);

}  // namespace prismapp::generators::python
