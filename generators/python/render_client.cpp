// actions.py (one <M>Actions class per model: every query method is one runtime call) and
// client.py (the Prisma class, Batch and <M>BatchActions).
#include "generators/python/renderers.hpp"

namespace prismapp::generators::python {

namespace {

struct Param {
  std::string name;
  std::string type;
  std::string default_value;  // "" = required
  bool keyword_only = false;  // rendered after a bare `*`
};

struct Method {
  std::string name;         // Python method name == runtime method name
  std::vector<Param> params;
  std::string return_type;  // actions only (batch methods return None)
  bool batchable = false;
};

std::vector<Method> model_methods(const Model& m, bool recursive) {
  const std::string t = "types." + m.name;
  auto p = [](std::string n, std::string ty, std::string d = "", bool kw = false) {
    return Param{std::move(n), std::move(ty), std::move(d), kw};
  };
  const Param inc = p("include", "Optional[" + t + "Include]", "None");
  const Param where_unique = p("where", t + "WhereUniqueInput");
  const Param take = p("take", "Optional[int]", "None");
  const Param skip = p("skip", "Optional[int]", "None");
  const Param where = p("where", "Optional[" + t + "WhereInput]", "None");
  const Param cursor = p("cursor", "Optional[" + t + "WhereUniqueInput]", "None");
  const Param order = p("order", "Optional[Union[" + t + "OrderByInput, List[" + t + "OrderByInput]]]", "None");
  const Param distinct = p("distinct", "Optional[List[" + t + "ScalarFieldKeys]]", "None");
  const std::string M = "_PrismaModelT";
  const std::string keys = recursive ? t + "ScalarFieldKeysT" : t + "ScalarFieldKeys";
  return {
      {"create", {p("data", t + "CreateInput"), inc}, M, true},
      {"create_many",
       {p("data", "List[" + t + "CreateWithoutRelationsInput]"), p("skip_duplicates", "Optional[bool]", "None", true)},
       "int",
       true},
      {"delete", {where_unique, inc}, "Optional[" + M + "]", true},
      {"find_unique", {where_unique, inc}, "Optional[" + M + "]"},
      {"find_unique_or_raise", {where_unique, inc}, M},
      {"find_many", {take, skip, where, cursor, inc, order, distinct}, "List[" + M + "]"},
      {"find_first", {skip, where, cursor, inc, order, distinct}, "Optional[" + M + "]"},
      {"find_first_or_raise", {skip, where, cursor, inc, order, distinct}, M},
      {"update", {p("data", t + "UpdateInput"), where_unique, inc}, "Optional[" + M + "]", true},
      {"upsert", {where_unique, p("data", t + "UpsertInput"), inc}, M, true},
      {"update_many", {p("data", t + "UpdateManyMutationInput"), p("where", t + "WhereInput")}, "int", true},
      {"delete_many", {where}, "int", true},
      {"group_by",
       {p("by", "List['" + keys + "']"), p("where", "Optional[" + t + "WhereInput]", "None", true),
        p("take", "Optional[int]", "None", true), p("skip", "Optional[int]", "None", true),
        p("avg", "Optional[" + t + "AvgAggregateInput]", "None", true),
        p("sum", "Optional[" + t + "SumAggregateInput]", "None", true),
        p("min", "Optional[" + t + "MinAggregateInput]", "None", true),
        p("max", "Optional[" + t + "MaxAggregateInput]", "None", true),
        p("having", "Optional[" + t + "ScalarWhereWithAggregatesInput]", "None", true),
        p("count", "Optional[Union[bool, " + t + "CountAggregateInput]]", "None", true),
        p("order", "Optional[Union[Mapping['" + keys + "', SortOrder], List[Mapping['" + keys + "', SortOrder]]]]",
          "None", true)},
       "List[" + t + "GroupByOutput]"},
  };
}

std::string signature(const std::vector<Param>& params) {
  std::string out = "self";
  bool star = false;
  for (const auto& prm : params) {
    if (prm.keyword_only && !star) {
      out += ", *";
      star = true;
    }
    out += ", " + prm.name + ": " + prm.type;
    if (!prm.default_value.empty()) out += " = " + prm.default_value;
  }
  return out;
}

std::string arguments_dict(const std::vector<Param>& params) {
  std::string out = "{";
  bool first = true;
  for (const auto& prm : params) {
    out += (first ? "" : ", ") + py_str(prm.name) + ": " + prm.name;
    first = false;
  }
  return out + "}";
}

}  // namespace

std::string render_actions(const SchemaView& view, const GeneratorOptions& options) {
  const bool async = options.interface == Interface::Asyncio;
  const std::string def = async ? "async def " : "def ";
  const std::string await = async ? "await " : "";
  const bool recursive = options.recursive_type_depth < 0;
  PyWriter w;
  w.reserve(view.models.size() * 12000);
  w.raw(module_header("actions.py: the query methods of every model"));
  // Annotations stay unevaluated and `types` is imported for type checkers only: building the
  // TypedDicts of a large schema costs seconds, and `import prisma` must not pay for them.
  w.line("from __future__ import annotations");
  w.line();
  w.line("from typing import TYPE_CHECKING, Any, Generic, List, LiteralString, Mapping, Optional, Type, TypeVar, Union, cast, overload");
  w.line();
  w.line("from ._types import SortOrder");
  w.line("from ._base_model import _PrismaModel");
  w.line();
  w.line("if TYPE_CHECKING:");
  w.line("    from . import types");
  w.line("    from .client import Prisma");
  w.line();
  w.line("__all__ = (");
  for (const auto& m : view.models) w.line("    " + py_str(m.name + "Actions") + ",");
  w.line(")");
  w.line();
  w.line("_PrismaModelT = TypeVar('_PrismaModelT', bound=_PrismaModel)");
  w.line();
  for (const auto& m : view.models) {
    const std::string t = "types." + m.name;
    w.line();
    w.line("class " + m.name + "Actions(Generic[_PrismaModelT]):");
    w.indent();
    w.line("__slots__ = ('_client', '_model')");
    w.line();
    w.line("def __init__(self, client: 'Prisma', model: Type[_PrismaModelT]) -> None:");
    w.line("    self._client = client");
    w.line("    self._model = model");
    w.line();
    for (const char* raw : {"query_raw", "query_first"}) {
      const std::string ret = std::string(raw) == "query_raw" ? "List[_PrismaModelT]" : "Optional[_PrismaModelT]";
      w.line(def + raw + "(self, query: LiteralString, *args: Any) -> " + ret + ":");
      w.line("    return cast('" + ret + "', " + await + "self._client._execute(method=" + py_str(raw) +
             ", model=self._model, arguments={'query': query, 'args': args}))");
      w.line();
    }
    for (const auto& method : model_methods(m, recursive)) {
      if (method.name == "group_by") {
        w.line(def + "group_by(");
        w.line("    " + signature(method.params) + ",");
        w.line(") -> " + method.return_type + ":");
        w.indent();
        w.line("if order is None:");
        w.line("    if take is not None:");
        w.line("        raise TypeError('Missing argument: \\'order\\' which is required when \\'take\\' is present')");
        w.line("    if skip is not None:");
        w.line("        raise TypeError('Missing argument: \\'order\\' which is required when \\'skip\\' is present')");
        w.line("return cast('" + method.return_type + "', " + await +
               "self._client._execute(method='group_by', model=self._model, arguments=" +
               arguments_dict(method.params) + "))");
        w.dedent();
        w.line();
        continue;
      }
      w.line(def + method.name + "(" + signature(method.params) + ") -> " + method.return_type + ":");
      if (method.name == "find_unique" || method.name == "find_unique_or_raise") {
        // The most frequent query has its own entry into the runtime (no arguments dict, no generic dispatch).
        w.line("    return cast('" + method.return_type + "', " + await + "self._client._find_unique(" +
               py_str(method.name) + ", self._model, where, include))");
        w.line();
        continue;
      }
      // cast(): the runtime's _execute returns Any; mypy --strict rejects returning Any.
      w.line("    return cast('" + method.return_type + "', " + await + "self._client._execute(method=" +
             py_str(method.name) + ", model=self._model, arguments=" + arguments_dict(method.params) + "))");
      w.line();
    }
    // count(): int, or the per-field counts when `select` is given.
    const std::string rest = "take: Optional[int] = None, skip: Optional[int] = None, cursor: Optional[" + t +
                             "WhereUniqueInput] = None, where: Optional[" + t + "WhereInput] = None";
    w.line("@overload");
    w.line(def + "count(self, select: None = None, " + rest + ") -> int: ...");
    w.line();
    w.line("@overload");
    w.line(def + "count(self, select: " + t + "CountAggregateInput, " + rest + ") -> " + t + "CountAggregateOutput: ...");
    w.line();
    w.line(def + "count(self, select: Optional[" + t + "CountAggregateInput] = None, " + rest + ") -> Union[int, " + t +
           "CountAggregateOutput]:");
    w.line("    return cast('Union[int, " + t + "CountAggregateOutput]', " + await +
           "self._client._execute(method='count', model=self._model, arguments={'select': select, 'take': take, "
           "'skip': skip, 'cursor': cursor, 'where': where}))");
    w.dedent();
    w.line();
  }
  return w.take();
}

std::string render_client(const SchemaView& view, const GeneratorOptions& options) {
  const bool async = options.interface == Interface::Asyncio;
  PyWriter w;
  w.reserve(view.models.size() * 4000);
  w.raw(module_header("client.py: the Prisma client class"));
  w.line("from __future__ import annotations");
  w.line();
  w.line("from datetime import timedelta");
  w.line("from pathlib import Path");
  w.line("from typing import TYPE_CHECKING, Any, Dict, List, Literal, Mapping, Optional, Union, overload");
  w.line();
  w.line("from . import _schema, actions, models");
  w.line("from ._types import SortOrder, MetricsFormat");
  w.line("from ._metrics import Metrics");
  w.line("from ._compat import model_parse");
  w.line("from ._runtime import metrics as _query_metrics");
  w.line("from ._types import DatasourceOverride as DatasourceOverride, HttpConfig as HttpConfig");
  w.line("from ._registry import register as register, get_client as get_client, RegisteredClient as RegisteredClient");
  w.line("from ._runtime.dotenv import parse_dotenv as _parse_dotenv");
  if (async) {
    w.line("from ._runtime.client import AsyncBasePrisma as _BasePrisma");
    w.line("from ._runtime.batch import AsyncBatcher as _Batcher");
    w.line("from ._runtime.transactions import AsyncTransactionManager as _TransactionManager");
  } else {
    w.line("from ._runtime.client import SyncBasePrisma as _BasePrisma");
    w.line("from ._runtime.batch import Batcher as _Batcher");
    w.line("from ._runtime.transactions import TransactionManager as _TransactionManager");
  }
  w.line();
  w.line("if TYPE_CHECKING:");
  w.line("    from . import types");
  w.line();
  w.line("__all__ = (");
  for (const char* n : {"ENGINE_TYPE", "SCHEMA_PATH", "BINARY_PATHS", "Batch", "Prisma", "Client", "load_env",
                        "register", "get_client", "TransactionManager"})
    w.line("    " + py_str(n) + ",");
  w.line(")");
  w.line();
  w.line("SCHEMA_PATH = Path(_schema.SCHEMA_PATH)");
  w.line("PACKAGED_SCHEMA_PATH = Path(__file__).parent.joinpath('schema.prisma')");
  w.line("# No query engine binary: queries are compiled to SQL in Python (see _runtime/).");
  w.line("ENGINE_TYPE: str = 'prismapp'");
  w.line("BINARY_PATHS: Dict[str, Any] = {}");
  w.line("_DEFAULT_CONNECT_TIMEOUT = timedelta(seconds=10)");
  w.line();
  w.line();
  // Upstream's load_env(): python-dotenv's load_dotenv on `.env` then `prisma/.env` (relative to
  // the working directory); only `encoding` of load_dotenv's other arguments changes anything here.
  w.line("def load_env(*, override: bool = False, **kwargs: Any) -> None:");
  w.line("    \"\"\"Load environment variables from the `.env` and `prisma/.env` files of the working directory.");
  w.line();
  w.line("    Variables already set are kept unless `override` is true.");
  w.line("    \"\"\"");
  w.line("    import os");
  w.line();
  w.line("    encoding = str(kwargs.get('encoding') or 'utf-8')");
  w.line("    for name in ('.env', os.path.join('prisma', '.env')):");
  w.line("        path = Path(name)");
  w.line("        if not path.is_file():");
  w.line("            continue");
  w.line("        for key, value in _parse_dotenv(path.read_text(encoding=encoding)).items():");
  w.line("            if override or key not in os.environ:");
  w.line("                os.environ[key] = value");
  w.line();
  w.line();
  w.line("class Prisma(_BasePrisma):");
  w.indent();
  for (const auto& m : view.models) w.line(m.instance_name + ": 'actions." + m.name + "Actions[models." + m.name + "]'");
  w.line();
  w.line("def __init__(");
  w.line("    self,");
  w.line("    *,");
  w.line("    use_dotenv: bool = True,");
  w.line("    log_queries: bool = False,");
  w.line("    auto_register: bool = False,");
  w.line("    datasource: Optional[DatasourceOverride] = None,");
  w.line("    connect_timeout: Union[int, timedelta] = _DEFAULT_CONNECT_TIMEOUT,");
  w.line("    http: Optional[HttpConfig] = None,");
  w.line(") -> None:");
  w.indent();
  w.line("super().__init__(");
  w.line("    _schema,");
  w.line("    use_dotenv=use_dotenv,");
  w.line("    log_queries=log_queries,");
  w.line("    auto_register=auto_register,");
  w.line("    datasource=datasource,");
  w.line("    connect_timeout=connect_timeout,");
  w.line("    http=http,");
  w.line(")");
  for (const auto& m : view.models)
    w.line("self." + m.instance_name + " = actions." + m.name + "Actions[models." + m.name + "](self, models." + m.name +
           ")");
  w.dedent();
  w.line();
  w.line("def batch_(self) -> 'Batch':");
  w.line("    \"\"\"Returns a context manager for grouping write queries into a single transaction.\"\"\"");
  w.line("    return Batch(client=self)");
  w.line();
  {
    // get_metrics(): counters the runtime keeps (runtime/_runtime/metrics.py), in upstream's shapes.
    const std::string def = async ? "async def " : "def ";
    const std::string labels = "global_labels: Optional[Dict[str, str]] = None";
    w.line("@overload");
    w.line(def + "get_metrics(self, format: Literal['json'] = 'json', *, " + labels + ") -> Metrics: ...");
    w.line();
    w.line("@overload");
    w.line(def + "get_metrics(self, format: Literal['prometheus'], *, " + labels + ") -> str: ...");
    w.line();
    w.line(def + "get_metrics(self, format: MetricsFormat = 'json', *, " + labels + ") -> Union[str, Metrics]:");
    w.line("    \"\"\"Query metrics: client queries (actions), datasource queries (SQL statements) with their");
    w.line("    durations, and this client's connection pool. The query counters are per process.\"\"\"");
    w.line(std::string("    pool: Any = self._shared.") + (async ? "async_pool" : "sync_pool"));
    w.line("    data = _query_metrics.snapshot(pool, global_labels)");
    w.line("    if format == 'prometheus':");
    w.line("        return _query_metrics.prometheus(data)");
    w.line("    return model_parse(Metrics, data)");
  }
  w.dedent();
  w.line();
  w.line();
  w.line("Client = Prisma");
  w.line("TransactionManager = _TransactionManager['Prisma']");
  w.line();
  w.line();
  w.line("class Batch(_Batcher):");
  w.indent();
  for (const auto& m : view.models) w.line(m.instance_name + ": '" + m.name + "BatchActions'");
  w.line();
  w.line("def __init__(self, client: Prisma) -> None:");
  w.line("    super().__init__(client)");
  for (const auto& m : view.models) w.line("    self." + m.instance_name + " = " + m.name + "BatchActions(self)");
  // execute_raw(query, *args) is inherited from the runtime's batcher.
  w.dedent();
  w.line();
  const bool recursive = options.recursive_type_depth < 0;
  for (const auto& m : view.models) {
    w.line();
    w.line("class " + m.name + "BatchActions:");
    w.indent();
    w.line("def __init__(self, batcher: Batch) -> None:");
    w.line("    self._batcher = batcher");
    w.line();
    for (const auto& method : model_methods(m, recursive)) {
      if (!method.batchable) continue;
      w.line("def " + method.name + "(" + signature(method.params) + ") -> None:");
      w.line("    self._batcher._add(method=" + py_str(method.name) + ", model=models." + m.name +
             ", arguments=" + arguments_dict(method.params) + ")");
      w.line();
    }
    w.dedent();
  }
  return w.take();
}

}  // namespace prismapp::generators::python
