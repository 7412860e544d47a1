"""Parts of the base client shared by the sync and async interfaces (no I/O here)."""
from __future__ import annotations

import functools
import os
import time
import warnings
from datetime import timedelta
from types import ModuleType
from typing import Any, Callable, Dict, List, Mapping, Optional, Set, Tuple, Union, cast

from .. import _compat
from ..errors import FieldNotFoundError, InvalidModelError, TransactionExpiredError, error_data
from .compiler import Compiler, Plan, Row
from .dotenv import load_env
from .fastpath import FastPaths, dict_constructor
from .schema import ModelInfo, SchemaInfo
from .urls import ConnInfo, parse_url
from .values import raw_result_value

READ_METHODS = {'find_many', 'find_first', 'find_first_or_raise', 'find_unique', 'find_unique_or_raise', 'count', 'group_by'}
MODEL_RESULTS = {'find_first', 'find_first_or_raise', 'find_unique', 'find_unique_or_raise', 'create', 'update', 'delete', 'upsert'}


def to_seconds(value: Union[int, float, timedelta, None], default: float, what: str, int_is_ms: bool = False) -> float:
    if value is None:
        return default
    if isinstance(value, timedelta):
        return value.total_seconds()
    warnings.warn(f'Passing an int as `{what}` is deprecated; use a datetime.timedelta instead', DeprecationWarning, stacklevel=3)
    return float(value) / 1000.0 if int_is_ms else float(value)


class TxState:
    def __init__(self, conn: Any, timeout: float) -> None:
        self.conn = conn
        self.started = time.monotonic()
        self.timeout = timeout
        self.closed = False
        self.id = f'{id(self):x}'

    def expired(self) -> bool:
        return time.monotonic() - self.started > self.timeout

    def check(self) -> None:
        if self.closed:
            raise TransactionExpiredError('Transaction already closed: A query cannot be executed on a closed transaction.')
        if self.expired():
            raise self.expired_error()

    def expired_error(self) -> TransactionExpiredError:
        elapsed = int((time.monotonic() - self.started) * 1000)
        return TransactionExpiredError(
            'Transaction already closed: A query cannot be executed on an expired transaction. '
            f'The timeout for this transaction was {int(self.timeout * 1000)} ms, however {elapsed} ms passed since the '
            'start of the transaction. Consider increasing the interactive transaction timeout or doing less work in the transaction.')


class Core:
    """Schema, URL, compiler and model (de)serialisation for one client."""

    def __init__(self, schema_module: ModuleType, *, use_dotenv: bool, log_queries: bool,
                 datasource: Optional[Mapping[str, Any]], connect_timeout: Union[int, timedelta]) -> None:
        self.schema = SchemaInfo(schema_module)
        self._declared: Dict[Any, Dict[str, Optional[str]]] = {}
        self._plans: Dict[Any, Tuple[Optional[Set[str]], Optional[Set[str]]]] = {}
        self._related: Dict[Any, Dict[str, Any]] = {}
        self._constructors: Dict[Any, Callable[[Dict[str, Any]], Any]] = {}
        self.fast = FastPaths(self.schema, self._parse_plan)
        self.log_queries = log_queries
        self.datasource_override = dict(datasource) if datasource else None
        self.connect_timeout = to_seconds(connect_timeout, 10.0, 'connect_timeout')
        if use_dotenv:
            base = os.path.dirname(self.schema.schema_path) if self.schema.schema_path else ''
            load_env(['.env', os.path.join('prisma', '.env')] + ([os.path.join(base, '.env')] if base else []))

    def conn_info(self, timeout: Optional[float] = None) -> ConnInfo:
        ds = self.schema.datasource
        url: Optional[str] = None
        if self.datasource_override:
            url = cast(Optional[str], self.datasource_override.get('url'))
            env = cast(Optional[str], self.datasource_override.get('env'))
            if url is None and env:
                url = os.environ.get(env)
        if url is None:
            url = cast(Optional[str], ds.get('url'))
            env = cast(Optional[str], ds.get('url_env'))
            if not url and env:
                url = os.environ.get(env)
                if url is None:
                    from ..engine.errors import EngineConnectionError

                    raise EngineConnectionError(
                        f'error: Environment variable not found: {env}.\n  -->  schema.prisma\n'
                        f'Validation Error Count: 1')
        if not url:
            from ..engine.errors import EngineConnectionError

            raise EngineConnectionError('The datasource URL is empty')
        return parse_url(self.schema.provider, url, str(ds.get('schema_dir') or os.getcwd()))

    def compiler(self) -> Compiler:
        return Compiler(self.schema)

    # ---------------------------------------------------------------- models
    def model_name(self, model: Any) -> str:
        name = getattr(model, '__prisma_model__', None)
        if not isinstance(name, str):
            raise InvalidModelError(model)
        return name

    def declared(self, model: Any) -> Dict[str, Optional[str]]:
        cached = self._declared.get(model)
        if cached is None:
            try:
                cached = dict(_compat.model_fields(model))
            except Exception:
                cached = {}
            self._declared[model] = cached
        return cached

    def _parse_plan(self, model: Any) -> Tuple[Optional[Set[str]], Optional[Set[str]]]:
        """(declared field names or None for all, field names that need pydantic's conversion — None when the
        class must always be validated). Rows from the decoder already hold the final Python types for every
        other field, so those instances are constructed without validation (the hot path of every query)."""
        plan = self._plans.get(model)
        if plan is None:
            declared = self.declared(model)
            names: Optional[Set[str]] = set(declared) if declared else None
            special: Optional[Set[str]] = None
            info = self.schema.models.get(getattr(model, '__prisma_model__', ''))
            if info is not None and declared and not any(declared.values()) and not _compat.has_validators(model) \
                    and not self._requires_nullable(model, info):
                # Json (text parsed by pydantic.Json), Bytes (Base64) and relations (nested models) need pydantic.
                special = {f.name for f in info.fields.values() if f.is_relation or f.type in ('Json', 'Bytes')}
            plan = (names, special)
            self._plans[model] = plan
        return plan

    @staticmethod
    def _requires_nullable(model: Any, info: ModelInfo) -> bool:
        """Whether the class requires a value for a column the database may leave NULL (a partial type made
        with `required=[...]`): such rows must be validated so that a NULL raises instead of passing through."""
        try:
            required = _compat.required_fields(model)
        except Exception:
            return True
        for name in required:
            f = info.fields.get(name)
            if f is not None and f.is_scalar and not f.required and not f.is_list:
                return True
        return False

    def check_model(self, model: Any, info: ModelInfo) -> Callable[[str], bool]:
        declared = self.declared(model)
        for name in declared:
            if name not in info.fields:
                raise FieldNotFoundError(error_data(
                    'P2009', f"Field '{name}' not found in enclosing type '{info.name}'",
                    {'kind': 'UnknownSelectionField', 'field': name}))
        names: Set[str] = set(declared)
        return lambda rel: rel in names

    def parse(self, model: Any, row: Optional[Row]) -> Any:
        if row is None:
            return None
        names, special = self._parse_plan(model)
        data = {k: v for k, v in row.items() if k in names} if names is not None else dict(row)
        if special is not None:
            hot = [k for k in special if data.get(k) is not None]
            if not hot:
                return self._constructor(model)(data)
            # Included relations hold decoded rows too: build the related instances the same way (each
            # class decides for itself whether it needs validation) instead of validating the whole tree.
            related = self._related_classes(model)
            if all(related.get(k) is not None for k in hot):
                for k in hot:
                    cls, value = related[k], data[k]
                    if isinstance(value, list):
                        data[k] = [self.parse(cls, child) for child in cast(List[Row], value)]
                    else:
                        data[k] = self.parse(cls, cast(Row, value))
                return self._constructor(model)(data)
        return _compat.model_parse(model, data)

    def _constructor(self, model: Any) -> Callable[[Dict[str, Any]], Any]:
        make = self._constructors.get(model)
        if make is None:
            try:
                make = dict_constructor(model)
            except Exception:
                make = functools.partial(_compat.model_construct, model)
            self._constructors[model] = make
        return make

    def _related_classes(self, model: Any) -> Dict[str, Any]:
        """Relation field name -> the pydantic class of its declared type, for fields whose class is known."""
        cached = self._related.get(model)
        if cached is None:
            cached = {}
            info = self.schema.models.get(getattr(model, '__prisma_model__', ''))
            if info is not None:
                for f in info.fields.values():
                    if f.is_relation and f.name in self.declared(model):
                        cached[f.name] = _compat.relation_class(model, f.name)
            self._related[model] = cached
        return cached

    def plan(self, method: str, model: Any, arguments: Mapping[str, Any]) -> Tuple[Plan, Callable[[Any], Any]]:
        name = self.model_name(model)
        info = self.schema.models[name]
        allowed = self.check_model(model, info)
        if method == 'group_by':
            for needs in ('take', 'skip'):
                if arguments.get(needs) is not None and arguments.get('order') is None:
                    raise TypeError(f"Missing argument: 'order' which is required when '{needs}' is present")
        plan = self.compiler().run_action(method, name, arguments, getattr(model, '__name__', name), allowed)

        def finish(value: Any) -> Any:
            if method == 'find_many':
                return [self.parse(model, r) for r in cast(List[Row], value)]
            if method in MODEL_RESULTS:
                return self.parse(model, cast(Optional[Row], value))
            return value

        return plan, finish

    def raw_rows(self, columns: List[str], rows: List[Any], model: Any) -> List[Any]:
        provider = self.schema.provider
        if model is None:
            return [{c: raw_result_value(v, provider) for c, v in zip(columns, r)} for r in rows]
        info = self.schema.models[self.model_name(model)]
        by_db = {f.db_name: f for f in info.scalar_fields}
        codec = self.compiler().codec
        out: List[Any] = []
        for r in rows:
            data: Dict[str, Any] = {}
            for c, v in zip(columns, r):
                f = by_db.get(c) or info.fields.get(c)
                data[f.name if f else c] = codec.decode(f, v) if f is not None and f.is_scalar else v
            out.append(self.parse(model, data))
        return out
