"""The query compiler's shared pieces: argument-name aliases, Prisma-shaped errors, and the base
class holding the schema, dialect and value codec with the small helpers (tables, columns,
parameters) every later stage uses.

The compiler is one class built in layers, each in its own module and each calling only itself
and the layers below it: compiler_base -> compiler_filters (where) -> compiler_reading (order,
find, include) -> compiler_writing (create, update, nested writes) -> compiler (the actions).
"""
from __future__ import annotations

from typing import Any, Dict, Generator, Mapping, Optional, Sequence

from ..errors import DataError, FieldNotFoundError, RecordNotFoundError, error_data
from .schema import FieldInfo, ModelInfo, SchemaInfo
from .sql import Frag, Result, Statement, dialect_for
from .values import PG_TYPES, ValueCodec

ALIASES = {
    'startsWith': 'startswith', 'endsWith': 'endswith', 'notIn': 'not_in', 'isNot': 'is_not',
    'hasEvery': 'has_every', 'hasSome': 'has_some', 'isEmpty': 'is_empty', 'orderBy': 'order_by',
    'connectOrCreate': 'connect_or_create',
}
SCALAR_OPS = {'equals', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'contains', 'startswith', 'endswith', 'not', 'mode', 'search'}
LIST_OPS = {'equals', 'has', 'has_every', 'has_some', 'is_empty'}
INCLUDE_ARGS = {'where', 'take', 'skip', 'order_by', 'cursor', 'distinct', 'include'}
NOT_FOUND = 'An operation failed because it depends on one or more records that were required but not found.'


def arg_key(k: str) -> str:
    return ALIASES.get(k, k)


def arg_keys(d: Mapping[str, Any]) -> Dict[str, Any]:
    return {arg_key(k): v for k, v in d.items()}


def data_error(message: str, code: str = 'P2009', meta: Optional[Dict[str, Any]] = None) -> DataError:
    return DataError(error_data(code, message, meta))


def unknown_arg(model: ModelInfo, key: str, where: str) -> FieldNotFoundError:
    return FieldNotFoundError(error_data(
        'P2009', f"Unknown argument `{key}` in {where} for model `{model.name}`.", {'kind': 'UnknownArgument', 'argument': key}))


def record_not_found(cause: str) -> RecordNotFoundError:
    return RecordNotFoundError(error_data('P2025', f'{NOT_FOUND} {cause}', {'cause': cause}))



Row = Dict[str, Any]
Plan = Generator[Statement, Result, Any]


class CompilerBase:
    def __init__(self, schema: SchemaInfo) -> None:
        self.schema = schema
        self.d = dialect_for(schema.provider)
        self.codec = ValueCodec(schema.provider, schema.enums)
        self._alias = 0

    # ------------------------------------------------------------------ helpers
    def model(self, name: str) -> ModelInfo:
        return self.schema.models[name]

    def alias(self) -> str:
        self._alias += 1
        return f't{self._alias}'

    def table(self, m: ModelInfo) -> str:
        return self.d.table(m.db_name, m.schema)

    def col(self, alias: Optional[str], f: FieldInfo) -> str:
        c = self.d.quote(f.db_name)
        return f'{self.d.quote(alias)}.{c}' if alias else c

    def select_list(self, m: ModelInfo, alias: str) -> str:
        return ', '.join(self.col(alias, f) for f in m.scalar_fields)

    def decode_row(self, m: ModelInfo, row: Sequence[Any]) -> Row:
        return {f.name: self.codec.decode(f, v) for f, v in zip(m.scalar_fields, row)}

    def field(self, m: ModelInfo, name: str, ctx: str) -> FieldInfo:
        f = m.fields.get(name)
        if f is None:
            raise unknown_arg(m, name, ctx)
        return f

    def param(self, f: FieldInfo, value: Any, element: bool = False) -> Frag:
        encoded = self.codec.encode(f, value, element=element)
        if f.is_list and not element and self.d.name == 'postgresql':
            return self.d.list_param(encoded, self._pg_elem_type(f))
        return Frag.param(encoded)

    def _pg_elem_type(self, f: FieldInfo) -> str:
        if f.kind == 'enum':
            enum = self.schema.enums.get(f.enum or f.type)
            return self.d.quote(enum.db_name if enum else f.type)
        return PG_TYPES.get(f.type, 'text')
