"""SQL fragments with bound parameters, and the per-database differences (quoting, paging, ...).

Fragments mark every parameter with PARAM; drivers turn the marks into their own placeholder style
(`?`, `%s`, `$n`). Identifiers are always quoted and values are always bound, never inlined.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, List, Optional, Sequence

PARAM = '\x00'


class Frag:
    __slots__ = ('text', 'params')

    def __init__(self, text: str = '', params: Optional[Sequence[Any]] = None) -> None:
        self.text = text
        self.params: List[Any] = list(params or [])

    @staticmethod
    def param(value: Any) -> 'Frag':
        return Frag(PARAM, [value])

    def __add__(self, other: 'Frag | str') -> 'Frag':
        if isinstance(other, str):
            return Frag(self.text + other, self.params)
        return Frag(self.text + other.text, self.params + other.params)

    def __radd__(self, other: str) -> 'Frag':
        return Frag(other + self.text, self.params)

    @staticmethod
    def join(sep: str, frags: Iterable['Frag']) -> 'Frag':
        out = Frag()
        first = True
        for f in frags:
            if not first:
                out = out + sep
            out = out + f
            first = False
        return out

    def paren(self) -> 'Frag':
        return '(' + self + ')'


TRUE = Frag('1=1')
FALSE = Frag('1=0')


@dataclass
class Statement:
    sql: str
    params: List[Any] = field(default_factory=lambda: [])
    returns_rows: bool = True

    @staticmethod
    def of(frag: Frag, returns_rows: bool = True) -> 'Statement':
        return Statement(frag.text, list(frag.params), returns_rows)


@dataclass
class Result:
    columns: List[str]
    rows: List[Sequence[Any]]
    rowcount: int = -1
    lastrowid: Optional[int] = None


class Dialect:
    name = 'sqlite'
    quote_char = '"'
    insert_returning = False
    supports_insensitive = False
    like_escape = " ESCAPE '\\'"

    def quote(self, ident: str) -> str:
        q = self.quote_char
        return q + ident.replace(q, q + q) + q

    def table(self, name: str, schema: Optional[str] = None) -> str:
        if schema:
            return self.quote(schema) + '.' + self.quote(name)
        return self.quote(name)

    def limit(self, take: Optional[int], skip: Optional[int]) -> Frag:
        if take is None and not skip:
            return Frag()
        if take is None:
            return Frag(' LIMIT -1 OFFSET ') + Frag.param(skip or 0)
        return Frag(' LIMIT ') + Frag.param(take) + ' OFFSET ' + Frag.param(skip or 0)

    def limit_params(self, take: Optional[int], skip: Optional[int]) -> List[Any]:
        """The parameters `limit(take, skip)` binds, in order, without building the fragment (fastpath.py)."""
        if take is None:
            return [skip] if skip else []
        return [take, skip or 0]

    def insert_default_values(self, table: str) -> str:
        return f'INSERT INTO {table} DEFAULT VALUES'

    def insert_ignore_prefix(self) -> str:
        return 'INSERT INTO'

    def insert_ignore_suffix(self) -> str:
        return ''

    def int_divide(self, col: str, param: Frag) -> Frag:
        return col + ' / ' + param

    def list_param(self, value: Any, elem_sql_type: str) -> Frag:
        return Frag.param(value)

    def json_equals(self, col: str, value: Frag) -> Frag:
        return col + ' = ' + value


class SqliteDialect(Dialect):
    name = 'sqlite'


class PostgresDialect(Dialect):
    name = 'postgresql'
    insert_returning = True
    supports_insensitive = True
    like_escape = ''

    def limit(self, take: Optional[int], skip: Optional[int]) -> Frag:
        out = Frag()
        if take is not None:
            out = out + ' LIMIT ' + Frag.param(take)
        if skip:
            out = out + ' OFFSET ' + Frag.param(skip)
        return out

    def limit_params(self, take: Optional[int], skip: Optional[int]) -> List[Any]:
        out: List[Any] = [] if take is None else [take]
        if skip:
            out.append(skip)
        return out

    def insert_ignore_suffix(self) -> str:
        return ' ON CONFLICT DO NOTHING'

    def list_param(self, value: Any, elem_sql_type: str) -> Frag:
        return Frag.param(value) + f'::{elem_sql_type}[]'

    def json_equals(self, col: str, value: Frag) -> Frag:
        return col + ' = ' + value + '::jsonb'


class MysqlDialect(Dialect):
    name = 'mysql'
    quote_char = '`'
    like_escape = ''

    def limit(self, take: Optional[int], skip: Optional[int]) -> Frag:
        if take is None and not skip:
            return Frag()
        if take is None:
            return Frag(' LIMIT 18446744073709551615 OFFSET ') + Frag.param(skip or 0)
        return Frag(' LIMIT ') + Frag.param(take) + ' OFFSET ' + Frag.param(skip or 0)

    def insert_default_values(self, table: str) -> str:
        return f'INSERT INTO {table} () VALUES ()'

    def insert_ignore_prefix(self) -> str:
        return 'INSERT IGNORE INTO'

    def int_divide(self, col: str, param: Frag) -> Frag:
        return col + ' DIV ' + param

    def json_equals(self, col: str, value: Frag) -> Frag:
        # JSON documents compare structurally only through JSON functions on MySQL/MariaDB.
        return '(JSON_CONTAINS(' + col + ', ' + value + ') AND JSON_CONTAINS(' + value + ', ' + col + '))'


def dialect_for(provider: str) -> Dialect:
    if provider == 'postgresql':
        return PostgresDialect()
    if provider == 'mysql':
        return MysqlDialect()
    return SqliteDialect()
