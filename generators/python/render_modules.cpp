// The small generated modules: enums.py, metadata.py, __init__.py, bases.py (partials.py: partial_types.cpp).
#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

std::string render_enums(const SchemaView& view) {
  PyWriter w;
  w.raw(module_header("enums.py: the schema's enums"));
  w.line("from ._compat import StrEnum");
  w.line();
  w.line("__all__ = (");
  for (const auto& e : view.enums) w.line("    " + py_str(e.name) + ",");
  w.line(")");
  w.line();
  for (const auto& e : view.enums) {
    w.line();
    w.line("class " + e.name + "(StrEnum):");
    w.indent();
    if (e.documentation) w.line("\"\"\"" + py_docstring(*e.documentation) + "\"\"\"");
    // Values are the enum *names*: the runtime maps them to their @map database values.
    for (const auto& v : e.values) w.line(v.name + " = " + py_str(v.name));
    if (e.values.empty()) w.line("pass");
    w.dedent();
    w.line();
  }
  return w.take();
}

std::string render_metadata(const SchemaView& view) {
  PyWriter w;
  w.raw(module_header("metadata.py: model names and relations"));
  w.line("from typing import Dict, Set");
  w.line();
  w.line("PRISMA_MODELS: Set[str] = {");
  for (const auto& m : view.models) w.line("    " + py_str(m.name) + ",");
  w.line("}");
  w.line();
  w.line("RELATIONAL_FIELD_MAPPINGS: Dict[str, Dict[str, str]] = {");
  for (const auto& m : view.models) {
    std::string line = "    " + py_str(m.name) + ": {";
    bool first = true;
    for (const Field* f : m.relation_fields()) {
      line += (first ? "" : ", ") + py_str(f->name) + ": " + py_str(f->type);
      first = false;
    }
    w.line(line + "},");
  }
  w.line("}");
  return w.take();
}

std::string render_init(const SchemaView& view) {
  (void)view;
  PyWriter w;
  w.raw(module_header("__init__.py: the package's public names"));
  w.line("import gc as _gc");
  w.line("from typing import TYPE_CHECKING, Any");
  w.line();
  // Importing the package creates thousands of classes and no garbage: the cyclic collector's
  // passes triggered by those allocations are pure cost (about a fifth of the import of a
  // 500-model package), so collection is paused during the import and restored afterwards.
  w.line("_gc_was_enabled = _gc.isenabled()");
  w.line("_gc.disable()");
  w.line("try:");
  w.line("    from . import errors as errors");
  w.line("    from . import enums as enums");
  w.line("    from . import bases as bases");
  w.line("    from . import models as models");
  w.line("    from . import partials as partials");
  w.line("    from . import metadata as metadata");
  w.line("    from .client import *");
  w.line("    from .fields import *");
  w.line("    from ._registry import register as register, get_client as get_client");
  w.line("    from .validator import validate as validate");
  w.line("    from ._metrics import Metrics as Metrics, Metric as Metric, MetricHistogram as MetricHistogram");
  w.line("finally:");
  w.line("    if _gc_was_enabled:");
  w.line("        _gc.enable()");
  w.line();
  // `types` is imported on first use (`prisma.types`, `from prisma import types`): building every
  // TypedDict of a large schema is the most expensive part of the package.
  w.line("if TYPE_CHECKING:");
  w.line("    from . import types as types");
  w.line();
  w.line();
  w.line("def __getattr__(name: str) -> Any:");
  w.line("    if name == 'types':");
  w.line("        import importlib");
  w.line();
  w.line("        return importlib.import_module('.types', __name__)");
  w.line("    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')");
  w.line();
  w.line("__version__ = " + py_str(kClientVersion));
  return w.take();
}

std::string render_bases(const SchemaView& view) {
  PyWriter w;
  w.raw(module_header("bases.py: the base class of every model (custom and partial models subclass these)"));
  w.line("from __future__ import annotations");
  w.line();
  w.line("from typing import TYPE_CHECKING, ClassVar, Optional, Type, TypeVar");
  w.line();
  w.line("from . import actions");
  w.line("from ._base_model import _PrismaModel");
  w.line("from ._registry import get_client");
  w.line();
  w.line("if TYPE_CHECKING:");
  w.line("    from .client import Prisma");
  w.line();
  w.line("__all__ = (");
  for (const auto& m : view.models) w.line("    " + py_str("Base" + m.name) + ",");
  w.line(")");
  w.line();
  w.line("_PrismaModelT = TypeVar('_PrismaModelT', bound=_PrismaModel)");
  w.line();
  for (const auto& m : view.models) {
    w.line();
    w.line("class Base" + m.name + "(_PrismaModel):");
    w.indent();
    w.line("__prisma_model__: ClassVar[str] = " + py_str(m.name));
    w.line();
    w.line("@classmethod");
    w.line("def prisma(cls: Type[_PrismaModelT], client: Optional['Prisma'] = None) -> 'actions." + m.name +
           "Actions[_PrismaModelT]':");
    w.line("    return actions." + m.name + "Actions[_PrismaModelT](client or get_client(), cls)");
    w.dedent();
    w.line();
  }
  return w.take();
}

}  // namespace prismapp::generators::python
