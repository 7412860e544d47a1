// `_schema.py`: the plain-data description of the schema the runtime compiles queries from. The
// format is fixed by the contract with the runtime (python-client-contract.md); keep it in sync.
#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

using Json = nlohmann::ordered_json;

namespace {

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json field_entry(const Field& f) {
  Json out = Json::object();
  if (f.is_relation()) {
    out["kind"] = "relation";
    out["type"] = f.type;
    out["list"] = f.is_list;
    out["required"] = !f.is_optional && !f.is_list;
    out["relation_name"] = f.relation_name;
    out["fields"] = f.relation_fields;
    out["references"] = f.relation_references;
    out["back_field"] = optional_string(f.back_field);
    if (f.join_table) {
      Json jt = Json::object();
      jt["table"] = f.join_table->table;
      jt["schema"] = optional_string(f.join_table->schema);
      jt["self_column"] = f.join_table->self_column;
      jt["other_column"] = f.join_table->other_column;
      out["join_table"] = std::move(jt);
    } else {
      out["join_table"] = nullptr;
    }
    return out;
  }
  out["kind"] = f.kind == FieldKind::Enum ? "enum" : "scalar";
  out["type"] = f.type;
  out["db_name"] = f.db_name;
  out["list"] = f.is_list;
  out["required"] = !f.is_optional;
  out["default"] = f.default_value;
  out["updated_at"] = f.is_updated_at;
  if (f.native_type) {
    out["native_type"] = Json::array({f.native_type->first, f.native_type->second});
  } else {
    out["native_type"] = nullptr;
  }
  out["enum"] = f.kind == FieldKind::Enum ? Json(f.type) : Json(nullptr);
  return out;
}

}  // namespace

std::string render_schema_module(const SchemaView& view, const RenderInput& input) {
  PyWriter w;
  w.raw(module_header("_schema.py: the schema as plain data for the runtime (format: python-client-contract.md)"));
  w.line("from typing import Any, Dict, List, Optional");
  w.line();
  w.line("PROVIDER: str = " + py_str(view.datasource.provider));
  w.line(std::string("INTERFACE: str = ") + (input.options.interface == Interface::Sync ? "'sync'" : "'asyncio'"));
  Json ds = Json::object();
  ds["name"] = view.datasource.name;
  ds["url"] = optional_string(view.datasource.url);
  ds["url_env"] = optional_string(view.datasource.url_env);
  ds["schema_dir"] = input.schema_dir.generic_string();
  w.line("DATASOURCE: Dict[str, Optional[str]] = " + py_value(ds));
  w.line("SCHEMA_PATH: str = " + py_str(input.schema_path.generic_string()));
  w.line("PREVIEW_FEATURES: List[str] = " + py_value(Json(view.preview_features)));
  w.line("MODELS: Dict[str, Dict[str, Any]] = {");
  for (const auto& m : view.models) {
    Json compound = Json::object();
    for (const auto& k : m.compound_keys) compound[k.name] = k.fields;
    w.line("    " + py_str(m.name) + ": {");
    w.line("        'db_name': " + py_str(m.db_name) + ",");
    w.line("        'schema': " + py_value(optional_string(m.schema)) + ",");
    w.line("        'id': " + py_value(Json(m.id)) + ",");
    w.line("        'compound_keys': " + py_value(compound) + ",");
    w.line("        'unique': " + py_value(Json(m.unique)) + ",");
    w.line("        'fields': {");
    for (const auto& f : m.fields) w.line("            " + py_str(f.name) + ": " + py_value(field_entry(f)) + ",");
    w.line("        },");
    w.line("    },");
  }
  w.line("}");
  w.line("ENUMS: Dict[str, Dict[str, Any]] = {");
  for (const auto& e : view.enums) {
    Json values = Json::object();
    for (const auto& v : e.values) values[v.name] = v.db_name;
    Json entry = Json::object();
    entry["db_name"] = e.db_name;
    entry["schema"] = optional_string(e.schema);
    entry["values"] = std::move(values);
    w.line("    " + py_str(e.name) + ": " + py_value(entry) + ",");
  }
  w.line("}");
  return w.take();
}

}  // namespace prismapp::generators::python
