// models.py: one pydantic model per schema model (class <M>(bases.Base<M>)), create_partial(),
// and the model_rebuild() calls that resolve the forward references between models.
#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

namespace {

// Runtime support shared by every model's create_partial(): upstream's checks and messages.
// Partial definitions are collected in `_partial_models`; the generator's partial-type step reads
// them after running the user's partial_type_generator with PRISMA_GENERATOR_INVOCATION set.
const char* const kPartialSupport = R"py(
# (name, is_list, optional, python type, is_relational) of every field, in schema order
_FieldMeta = Tuple[str, bool, bool, str, bool]
_created_partial_types: Set[str] = set()
_partial_models: List[Dict[str, Any]] = []


def _create_partial(
    model: str,
    meta: Tuple[_FieldMeta, ...],
    name: str,
    include: Optional[Iterable[str]],
    exclude: Optional[Iterable[str]],
    required: Optional[Iterable[str]],
    optional: Optional[Iterable[str]],
    relations: Optional[Mapping[Any, str]],
    exclude_relational_fields: bool,
) -> None:
    if not os.environ.get('PRISMA_GENERATOR_INVOCATION'):
        raise RuntimeError('Attempted to create a partial type outside of client generation.')

    if name in _created_partial_types:
        raise ValueError(f'Partial type "{name}" has already been created.')

    if include is not None:
        if exclude is not None:
            raise TypeError('Exclude and include are mutually exclusive.')
        if exclude_relational_fields is True:
            raise TypeError('Include and exclude_relational_fields=True are mutually exclusive.')

    required = list(required) if required is not None else None
    optional = list(optional) if optional is not None else None
    if required and optional:
        shared = set(required) & set(optional)
        if shared:
            raise ValueError(f'Cannot make the same field(s) required and optional {shared}')

    if exclude_relational_fields and relations:
        raise ValueError('exclude_relational_fields and relations are mutually exclusive')

    all_fields: Dict[str, Dict[str, Any]] = {
        entry[0]: {'name': entry[0], 'is_list': entry[1], 'optional': entry[2], 'type': entry[3], 'is_relational': entry[4]}
        for entry in meta
    }
    relational = {entry[0] for entry in meta if entry[4]}
    fields: Dict[str, Dict[str, Any]] = {}
    try:
        if include is not None:
            for field in include:
                fields[field] = dict(all_fields[field])
        elif exclude is not None:
            excluded = list(exclude)
            for field in excluded:
                if field not in all_fields:
                    raise KeyError(field)
            fields = {key: dict(data) for key, data in all_fields.items() if key not in excluded}
        else:
            fields = {key: dict(data) for key, data in all_fields.items()}

        for field in required or []:
            fields[field]['optional'] = False
        for field in optional or []:
            fields[field]['optional'] = True

        if exclude_relational_fields:
            fields = {key: data for key, data in fields.items() if key not in relational}

        if relations:
            if not relational:
                raise ValueError(f'Model: "{model}" has no relational fields.')
            for field, type_ in relations.items():
                if field not in relational:
                    raise errors.UnknownRelationalFieldError(model, field)
                if type_ not in _created_partial_types:
                    raise ValueError(
                        f'Unknown partial type: "{type_}". '
                        f'Did you remember to generate the {type_} type before this one?'
                    )
                info = fields[field]
                info['type'] = f"List['partials.{type_}']" if info['is_list'] else f"'partials.{type_}'"
    except KeyError as exc:
        raise ValueError(f'{exc.args[0]} is not a valid {model} / {name} field.') from None

    _partial_models.append({'name': name, 'from_model': model, 'fields': list(fields.values())})
    _created_partial_types.add(name)
)py";

}  // namespace

std::string render_models(const SchemaView& view) {
  PyWriter w;
  w.reserve(view.models.size() * 4000);
  // No `from __future__ import annotations` here: pydantic v1 would then evaluate every field's
  // annotation from a string (a compile() per field), which doubles the import time of large schemas.
  w.raw(module_header("models.py: the pydantic models returned by queries"));
  w.line("import os");
  w.line("import datetime");
  w.line("import decimal");
  w.line("from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple");
  w.line();
  w.line("from . import bases, enums, errors, fields");
  w.line("from ._compat import model_rebuild, field_validator");
  w.line();
  w.line("if TYPE_CHECKING:");
  w.line("    from . import types");
  w.line();
  w.line("__all__ = (");
  for (const auto& m : view.models) w.line("    " + py_str(m.name) + ",");
  w.line(")");
  w.raw(kPartialSupport);
  w.line();
  for (const auto& m : view.models) {
    const auto fields = m.client_fields();
    w.line();
    w.line("class " + m.name + "(bases.Base" + m.name + "):");
    w.indent();
    w.line("\"\"\"" + py_docstring(m.documentation ? *m.documentation : "Represents a " + m.name + " record") + "\"\"\"");
    w.line();
    std::vector<std::string> required_lists;
    for (const Field* f : fields) {
      if (!f->is_optional && !f->is_relation())
        w.line(f->name + ": " + python_type(*f));
      else
        w.line(f->name + ": Optional[" + python_type(*f) + "] = None");
      if (f->documentation) w.line("\"\"\"" + py_docstring(*f->documentation) + "\"\"\"");
      if (f->is_list && !f->is_relation()) required_lists.push_back(py_str(f->name));
    }
    write_required_list_validator(w, required_lists);
    w.line();
    w.line("@staticmethod");
    w.line("def create_partial(");
    w.line("    name: str,");
    w.line("    include: Optional[Iterable['types." + m.name + "Keys']] = None,");
    w.line("    exclude: Optional[Iterable['types." + m.name + "Keys']] = None,");
    w.line("    required: Optional[Iterable['types." + m.name + "Keys']] = None,");
    w.line("    optional: Optional[Iterable['types." + m.name + "Keys']] = None,");
    w.line("    relations: Optional[Mapping['types." + m.name + "RelationalFieldKeys', str]] = None,");
    w.line("    exclude_relational_fields: bool = False,");
    w.line(") -> None:");
    w.line("    _create_partial(" + py_str(m.name) + ", _" + m.name +
           "_fields, name, include, exclude, required, optional, relations, exclude_relational_fields)");
    w.dedent();
    w.line();
    std::string meta = "_" + m.name + "_fields: Tuple[_FieldMeta, ...] = (";
    for (const Field* f : fields) {
      const bool optional = f->is_optional || f->is_relation();
      meta += "(" + py_str(f->name) + ", " + (f->is_list ? "True" : "False") + ", " + (optional ? "True" : "False") +
              ", " + py_str(python_type(*f)) + ", " + (f->is_relation() ? "True" : "False") + "), ";
    }
    w.line(meta + ")");
    w.line();
  }
  w.line();
  w.line("# relation annotations refer to `models.X`: import ourselves, then resolve them");
  w.line("from . import models");
  w.line();
  for (const auto& m : view.models) w.line("model_rebuild(" + m.name + ")");
  return w.take();
}

}  // namespace prismapp::generators::python
