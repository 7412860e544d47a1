"""Turns Prisma Client Python arguments into SQL.

Every action is a *plan*: a generator that yields `Statement`s and receives each `Result`. The same plan
runs on the sync drivers and on the async drivers (see executor.py), so query logic exists once.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Generator, List, Mapping, Optional, Sequence, Tuple, cast

from ..errors import (
    DataError,
    FieldNotFoundError,
    InputError,
    RecordNotFoundError,
    UnknownRelationalFieldError,
    UnsupportedDatabaseError,
    error_data,
)
from ..fields import Json
from .defaults import MISSING, client_default, now_utc
from .schema import FieldInfo, ModelInfo, RelationLink, SchemaInfo
from .sql import FALSE, TRUE, Frag, Result, Statement, dialect_for
from .values import PG_TYPES, ValueCodec

Row = Dict[str, Any]
Plan = Generator[Statement, Result, Any]

ALIASES = {
    'startsWith': 'startswith', 'endsWith': 'endswith', 'notIn': 'not_in', 'isNot': 'is_not',
    'hasEvery': 'has_every', 'hasSome': 'has_some', 'isEmpty': 'is_empty', 'orderBy': 'order_by',
    'connectOrCreate': 'connect_or_create',
}
SCALAR_OPS = {'equals', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'contains', 'startswith', 'endswith', 'not', 'mode', 'search'}
LIST_OPS = {'equals', 'has', 'has_every', 'has_some', 'is_empty'}
INCLUDE_ARGS = {'where', 'take', 'skip', 'order_by', 'cursor', 'distinct', 'include'}
NOT_FOUND = 'An operation failed because it depends on one or more records that were required but not found.'


def _key(k: str) -> str:
    return ALIASES.get(k, k)


def _norm(d: Mapping[str, Any]) -> Dict[str, Any]:
    return {_key(k): v for k, v in d.items()}


def data_error(message: str, code: str = 'P2009', meta: Optional[Dict[str, Any]] = None) -> DataError:
    return DataError(error_data(code, message, meta))


def unknown_arg(model: ModelInfo, key: str, where: str) -> FieldNotFoundError:
    return FieldNotFoundError(error_data(
        'P2009', f"Unknown argument `{key}` in {where} for model `{model.name}`.", {'kind': 'UnknownArgument', 'argument': key}))


def record_not_found(cause: str) -> RecordNotFoundError:
    return RecordNotFoundError(error_data('P2025', f'{NOT_FOUND} {cause}', {'cause': cause}))


class Compiler:
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

    # ------------------------------------------------------------------ where
    def where(self, m: ModelInfo, alias: str, where: Optional[Mapping[str, Any]]) -> Frag:
        if not where:
            return TRUE
        if not isinstance(where, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise data_error(f'Invalid `where` argument for model `{m.name}`: expected an object')
        parts: List[Frag] = []
        for key, value in where.items():
            if key in ('AND', 'OR', 'NOT'):
                items: List[Mapping[str, Any]] = list(value) if isinstance(value, (list, tuple)) else [value]  # pyright: ignore
                subs = [self.where(m, alias, i).paren() for i in items]
                if key == 'AND':
                    parts.append(Frag.join(' AND ', subs) if subs else TRUE)
                elif key == 'OR':
                    parts.append(Frag.join(' OR ', subs).paren() if subs else FALSE)
                else:
                    parts.append(('NOT (' + Frag.join(' AND ', subs) + ')') if subs else TRUE)
                continue
            if key in m.compound_keys and isinstance(value, Mapping):
                vals = cast(Mapping[str, Any], value)
                for fname in m.compound_keys[key]:
                    if fname not in vals:
                        raise data_error(f'Argument `{fname}` is missing in compound unique key `{key}`.', 'P2012')
                    parts.append(self.scalar_filter(m.fields[fname], self.col(alias, m.fields[fname]), vals[fname]))
                continue
            f = self.field(m, key, '`where`')
            if f.is_relation:
                parts.append(self.relation_filter(m, alias, f, value))
            else:
                parts.append(self.scalar_filter(f, self.col(alias, f), value))
        if not parts:
            return TRUE
        return Frag.join(' AND ', [p.paren() for p in parts])

    def scalar_filter(self, f: FieldInfo, col: str, value: Any) -> Frag:
        if value is None:
            return Frag(f'{col} IS NULL')
        if isinstance(value, Mapping) and not isinstance(value, Json):
            ops = _norm(cast(Mapping[str, Any], value))
            if f.is_list:
                return self.list_filter(f, col, ops)
            if f.type == 'Json' and not set(ops) <= {'equals', 'not'}:
                return self.eq(f, col, value)
            unknown = set(ops) - SCALAR_OPS
            if unknown:
                raise FieldNotFoundError(error_data(
                    'P2009', f'Unknown argument `{sorted(unknown)[0]}` in filter on field `{f.name}`.',
                    {'kind': 'UnknownInputField', 'argument': sorted(unknown)[0]}))
            insensitive = ops.get('mode') == 'insensitive'
            if insensitive and not self.d.supports_insensitive:
                raise data_error(f'Argument `mode` is not supported on {self.d.name} for field `{f.name}`.')
            parts: List[Frag] = []
            for op, v in ops.items():
                if op in ('mode', 'search'):
                    continue
                parts.append(self.op(f, col, op, v, insensitive))
            return Frag.join(' AND ', [p.paren() for p in parts]) if parts else TRUE
        if f.is_list:
            return self.list_filter(f, col, {'equals': value})
        return self.eq(f, col, value)

    def _ci(self, col: str, insensitive: bool) -> str:
        return f'LOWER({col})' if insensitive else col

    def _cp(self, p: Frag, insensitive: bool) -> Frag:
        return ('LOWER(' + p + ')') if insensitive else p

    def eq(self, f: FieldInfo, col: str, value: Any, insensitive: bool = False) -> Frag:
        if value is None:
            return Frag(f'{col} IS NULL')
        if f.type == 'Json':
            return self.d.json_equals(col, self.param(f, value))
        return self._ci(col, insensitive) + ' = ' + self._cp(self.param(f, value), insensitive)

    def op(self, f: FieldInfo, col: str, op: str, v: Any, insensitive: bool) -> Frag:
        c = self._ci(col, insensitive)
        if op == 'equals':
            return self.eq(f, col, v, insensitive)
        if op == 'not':
            if v is None:
                return Frag(f'{col} IS NOT NULL')
            inner = self.scalar_filter(f, col, v) if isinstance(v, Mapping) and not isinstance(v, Json) else self.eq(f, col, v, insensitive)
            # Prisma's `not` excludes NULLs too (SQL three-valued logic).
            return 'NOT (' + inner + ')'
        if op in ('in', 'not_in'):
            if v is None:
                return TRUE if op == 'not_in' else FALSE
            items = list(cast(Sequence[Any], v))
            if not items:
                return FALSE if op == 'in' else TRUE
            lst = Frag.join(', ', [self._cp(self.param(f, i, element=True), insensitive) for i in items])
            return c + (' IN (' if op == 'in' else ' NOT IN (') + lst + ')'
        if op in ('lt', 'lte', 'gt', 'gte'):
            sym = {'lt': '<', 'lte': '<=', 'gt': '>', 'gte': '>='}[op]
            return c + f' {sym} ' + self._cp(self.param(f, v), insensitive)
        if op in ('contains', 'startswith', 'endswith'):
            if not isinstance(v, str):
                raise data_error(f'Invalid value for `{op}` on field `{f.name}`: expected a string')
            esc = v.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')
            pattern = {'contains': f'%{esc}%', 'startswith': f'{esc}%', 'endswith': f'%{esc}'}[op]
            if insensitive:
                return Frag(f'{col} ILIKE ') + Frag.param(pattern)
            return Frag(f'{col} LIKE ') + Frag.param(pattern) + self.d.like_escape
        raise unknown_arg(self.model_of_field(f), op, 'filter')

    def model_of_field(self, f: FieldInfo) -> ModelInfo:
        for m in self.schema.models.values():
            if m.fields.get(f.name) is f:
                return m
        return next(iter(self.schema.models.values()))

    def list_filter(self, f: FieldInfo, col: str, ops: Mapping[str, Any]) -> Frag:
        if self.d.name != 'postgresql':
            raise data_error(f'Scalar list filters are not supported on {self.d.name}')
        parts: List[Frag] = []
        for op, v in ops.items():
            if op == 'equals':
                parts.append(Frag(f'{col} IS NULL') if v is None else (col + ' = ' + self.param(f, v)))
            elif op == 'has':
                parts.append(self.param(f, v, element=True) + f' = ANY({col})')
            elif op == 'has_every':
                parts.append(col + ' @> ' + self.param(f, v))
            elif op == 'has_some':
                parts.append(col + ' && ' + self.param(f, v))
            elif op == 'is_empty':
                parts.append(Frag(f'COALESCE(cardinality({col}), 0) {"=" if v else ">"} 0'))
            else:
                raise data_error(f'Unknown argument `{op}` in list filter on field `{f.name}`.')
        return Frag.join(' AND ', [p.paren() for p in parts]) if parts else TRUE

    def link_cond(self, link: RelationLink, parent_alias: str, m: ModelInfo, child_alias: str) -> Frag:
        conds = [f'{self.col(child_alias, link.related.fields[r])} = {self.col(parent_alias, m.fields[l])}'
                 for l, r in zip(link.local, link.remote)]
        return Frag(' AND '.join(conds))

    def exists(self, m: ModelInfo, alias: str, f: FieldInfo, where: Optional[Mapping[str, Any]], negate_inner: bool) -> Frag:
        link = self.schema.link(m, f)
        r = link.related
        ca = self.alias()
        cond = self.where(r, ca, where)
        if negate_inner:
            cond = 'NOT (' + cond + ')'
        if link.kind == 'join_table':
            ja = self.alias()
            jt = self.d.table(link.table or '', link.table_schema)
            rid = r.fields[r.id[0]]
            mid = m.fields[m.id[0]]
            sql = (f'EXISTS (SELECT 1 FROM {jt} AS {self.d.quote(ja)} INNER JOIN {self.table(r)} AS {self.d.quote(ca)} '
                   f'ON {self.col(ca, rid)} = {self.d.quote(ja)}.{self.d.quote(link.other_column)} '
                   f'WHERE {self.d.quote(ja)}.{self.d.quote(link.self_column)} = {self.col(alias, mid)} AND ')
            return sql + cond.paren() + ')'
        return (f'EXISTS (SELECT 1 FROM {self.table(r)} AS {self.d.quote(ca)} WHERE ' + self.link_cond(link, alias, m, ca)
                + ' AND ' + cond.paren() + ')')

    def relation_filter(self, m: ModelInfo, alias: str, f: FieldInfo, value: Any) -> Frag:
        if f.is_list:
            if not isinstance(value, Mapping):
                raise data_error(f'Invalid filter on relation `{f.name}`: expected some/every/none')
            ops = _norm(cast(Mapping[str, Any], value))
            parts: List[Frag] = []
            for op, v in ops.items():
                if op == 'some':
                    parts.append(self.exists(m, alias, f, v, False))
                elif op == 'none':
                    parts.append('NOT ' + self.exists(m, alias, f, v, False))
                elif op == 'every':
                    parts.append('NOT ' + self.exists(m, alias, f, v, True))
                else:
                    raise unknown_arg(m, op, f'relation filter `{f.name}`')
            return Frag.join(' AND ', parts) if parts else TRUE
        if value is None:
            return 'NOT ' + self.exists(m, alias, f, None, False)
        ops = _norm(cast(Mapping[str, Any], value))
        if not (set(ops) <= {'is', 'is_not'}):
            ops = {'is': ops}
        parts = []
        for op, v in ops.items():
            if op == 'is':
                parts.append(('NOT ' + self.exists(m, alias, f, None, False)) if v is None else self.exists(m, alias, f, v, False))
            else:
                parts.append(self.exists(m, alias, f, None, False) if v is None else ('NOT ' + self.exists(m, alias, f, v, False)))
        return Frag.join(' AND ', parts) if parts else TRUE

    # ------------------------------------------------------------------ unique
    def unique_criteria(self, m: ModelInfo, where: Any, arg: str = 'where') -> Dict[str, Any]:
        """Validate a WhereUniqueInput and return {field: value} for the one unique criterion it names."""
        if not isinstance(where, Mapping) or not where:
            raise data_error(f'Argument `{arg}` of type {m.name}WhereUniqueInput needs exactly one argument, but you provided none.', 'P2009')
        w = cast(Mapping[str, Any], where)
        keys = list(w.keys())
        if len(keys) > 1:
            raise data_error(f'Argument `{arg}` of type {m.name}WhereUniqueInput needs exactly one argument, but you provided {" and ".join(keys)}. Please choose one.', 'P2009')
        key = keys[0]
        if key in m.compound_keys:
            vals = w[key]
            if not isinstance(vals, Mapping):
                raise data_error(f'Invalid value for compound unique key `{key}`')
            out: Dict[str, Any] = {}
            for fname in m.compound_keys[key]:
                if fname not in vals:
                    raise data_error(f'Argument `{fname}` is missing in compound unique key `{key}`.', 'P2012')
                out[fname] = cast(Mapping[str, Any], vals)[fname]
            return out
        if [key] not in m.unique and [key] != m.id:
            if key not in m.fields:
                raise unknown_arg(m, key, f'`{arg}`')
            raise data_error(f'Argument `{arg}` of type {m.name}WhereUniqueInput: field `{key}` is not unique.', 'P2009')
        v = w[key]
        if isinstance(v, Mapping) and 'equals' in v:
            v = cast(Mapping[str, Any], v)['equals']
        return {key: v}

    def eq_where(self, m: ModelInfo, alias: Optional[str], values: Mapping[str, Any]) -> Frag:
        parts = [self.eq(m.fields[k], self.col(alias, m.fields[k]), v) for k, v in values.items()]
        return Frag.join(' AND ', parts) if parts else TRUE

    # ------------------------------------------------------------------ ordering
    def order_items(self, m: ModelInfo, order: Any) -> List[Tuple[FieldInfo, bool]]:
        if order is None:
            return []
        items: List[Any] = list(order) if isinstance(order, (list, tuple)) else [order]  # pyright: ignore
        out: List[Tuple[FieldInfo, bool]] = []
        for item in items:
            if not isinstance(item, Mapping) or len(item) != 1:  # pyright: ignore
                n = len(item) if isinstance(item, Mapping) else 0  # pyright: ignore
                raise data_error(f'Invalid `order` argument: Expected exactly one field to be present, got {n}.', 'P2009')
            (key, direction), = cast(Mapping[str, Any], item).items()
            f = self.field(m, key, '`order`')
            if isinstance(direction, Mapping):
                direction = cast(Mapping[str, Any], direction).get('sort', 'asc')
            if direction not in ('asc', 'desc'):
                raise data_error(f"Invalid value for `order` on `{key}`: expected 'asc' or 'desc', got {direction!r}")
            if f.is_relation:
                raise data_error(f'Ordering by relation field `{key}` is not supported')
            out.append((f, direction == 'desc'))
        return out

    def order_sql(self, m: ModelInfo, alias: str, items: List[Tuple[FieldInfo, bool]], reverse: bool) -> str:
        seen = {f.name for f, _ in items}
        full = list(items) + [(m.fields[k], False) for k in m.key_fields if k not in seen]
        parts: List[str] = []
        for f, desc in full:
            d = desc != reverse
            c = self.col(alias, f)
            if self.d.name == 'postgresql':
                # Prisma orders NULLs like MySQL/SQLite: first when ascending.
                parts.append(f'{c} {"DESC NULLS LAST" if d else "ASC NULLS FIRST"}')
            else:
                parts.append(f'{c} {"DESC" if d else "ASC"}')
        return ' ORDER BY ' + ', '.join(parts)

    # ------------------------------------------------------------------ reading
    def find_rows(self, m: ModelInfo, args: Mapping[str, Any], extra: Optional[Frag] = None,
                  alias: Optional[str] = None) -> Plan:
        """SELECT rows of `m` for find/count arguments (where, order, cursor, take, skip, distinct)."""
        a = alias or self.alias()
        where = self.where(m, a, args.get('where'))
        if extra is not None:
            where = where.paren() + ' AND ' + extra.paren()
        take = args.get('take')
        skip = args.get('skip') or 0
        if take is not None and (isinstance(take, bool) or not isinstance(take, int)):
            raise data_error('Invalid `take` argument: expected an integer')
        if not isinstance(skip, int) or skip < 0:
            raise data_error('Invalid `skip` argument: expected a non-negative integer')
        order = self.order_items(m, args.get('order'))
        cursor = args.get('cursor')
        distinct: List[str] = list(args.get('distinct') or [])
        for dn in distinct:
            df = self.field(m, dn, '`distinct`')
            if df.is_relation:
                raise data_error(f'Invalid `distinct` argument: `{dn}` is not a scalar field')
        reverse = take is not None and take < 0
        in_sql = cursor is None and not distinct
        sql = Frag(f'SELECT {self.select_list(m, a)} FROM {self.table(m)} AS {self.d.quote(a)} WHERE ') + where
        sql = sql + self.order_sql(m, a, order, reverse)
        if in_sql:
            sql = sql + self.d.limit(abs(take) if take is not None else None, skip)
        res = yield Statement.of(sql)
        rows = [self.decode_row(m, r) for r in res.rows]
        if in_sql:
            return list(reversed(rows)) if reverse else rows
        return self.paginate(m, rows, cursor, take, skip, distinct, reverse)

    def paginate(self, m: ModelInfo, rows: List[Row], cursor: Any, take: Optional[int], skip: int,
                 distinct: List[str], reverse: bool) -> List[Row]:
        """Cursor/distinct/take/skip applied in memory (rows already ordered, reversed for negative take)."""
        if cursor is not None:
            crit = self.unique_criteria(m, cursor, 'cursor')
            idx = next((i for i, r in enumerate(rows) if all(r.get(k) == self._cmp(m.fields[k], v) for k, v in crit.items())), None)
            if idx is None:
                return []
            rows = rows[idx:]
        if distinct:
            seen: set[Tuple[Any, ...]] = set()
            kept: List[Row] = []
            for r in rows:
                key = tuple(repr(r.get(k)) for k in distinct)
                if key not in seen:
                    seen.add(key)
                    kept.append(r)
            rows = kept
        rows = rows[skip:]
        if take is not None:
            rows = rows[:abs(take)]
        if reverse:
            rows.reverse()
        return rows

    def _cmp(self, f: FieldInfo, v: Any) -> Any:
        """A user value in the decoded-row representation, for in-memory comparisons."""
        return self.codec.decode(f, self.codec.encode(f, v))

    def check_include(self, m: ModelInfo, include: Any, model_name: str,
                      allowed: Optional[Callable[[str], bool]] = None) -> None:
        """Validate an include tree before any SQL runs (upstream's query builder does this client-side)."""
        if not include:
            return
        if not isinstance(include, Mapping):
            raise data_error('Invalid `include` argument: expected an object')
        for rel_name, spec in cast(Mapping[str, Any], include).items():
            f = m.fields.get(rel_name)
            if f is None or not f.is_relation or (allowed is not None and not allowed(rel_name)):
                raise UnknownRelationalFieldError(model_name, rel_name)
            if not isinstance(spec, Mapping):
                continue
            nested = _norm(cast(Mapping[str, Any], spec))
            unknown = set(nested) - INCLUDE_ARGS
            if unknown:
                raise unknown_arg(m, sorted(unknown)[0], f'include `{rel_name}`')
            if not f.is_list and set(nested) - {'include'}:
                raise unknown_arg(m, sorted(set(nested) - {'include'})[0], f'include of the to-one relation `{rel_name}`')
            r = self.model(f.type)
            self.check_include(r, nested.get('include'), r.name)

    def includes(self, m: ModelInfo, rows: List[Row], include: Any, model_name: str,
                 allowed: Optional[Callable[[str], bool]] = None) -> Plan:
        """Load included relations into `rows` (the include tree was validated by check_include)."""
        if not include or not rows:
            return rows
        for rel_name, spec in cast(Mapping[str, Any], include).items():
            if not spec:
                continue
            f = m.fields[rel_name]
            nested: Mapping[str, Any] = _norm(cast(Mapping[str, Any], spec)) if isinstance(spec, Mapping) else {}
            yield from self.load_relation(m, rows, f, nested)
        return rows

    def load_relation(self, m: ModelInfo, rows: List[Row], f: FieldInfo, nested: Mapping[str, Any]) -> Plan:
        link = self.schema.link(m, f)
        r = link.related
        a = self.alias()
        keys = {tuple(row[k] for k in link.local) for row in rows}
        keys.discard(tuple(None for _ in link.local))
        keys = {k for k in keys if None not in k}
        groups: Dict[Tuple[Any, ...], List[Row]] = {k: [] for k in keys}
        if keys:
            order = self.order_items(r, nested.get('order_by'))
            where = self.where(r, a, nested.get('where'))
            if link.kind == 'join_table':
                ja = self.alias()
                jt = self.d.table(link.table or '', link.table_schema)
                rid = r.fields[r.id[0]]
                mid = m.fields[m.id[0]]
                selfcol = f'{self.d.quote(ja)}.{self.d.quote(link.self_column)}'
                keylist = Frag.join(', ', [self.param(mid, k[0]) for k in keys])
                sql = (Frag(f'SELECT {self.select_list(r, a)}, {selfcol} FROM {self.table(r)} AS {self.d.quote(a)} '
                            f'INNER JOIN {jt} AS {self.d.quote(ja)} ON {self.d.quote(ja)}.{self.d.quote(link.other_column)} = {self.col(a, rid)} '
                            f'WHERE {selfcol} IN (') + keylist + ') AND ' + where.paren() + self.order_sql(r, a, order, False))
                res = yield Statement.of(sql)
                n = len(r.scalar_fields)
                for raw in res.rows:
                    child = self.decode_row(r, raw[:n])
                    k = (self.codec.decode(mid, raw[n]),)
                    groups.setdefault(k, []).append(child)
            else:
                cond = self.in_keys(r, a, link.remote, sorted(keys, key=repr))
                sql = (Frag(f'SELECT {self.select_list(r, a)} FROM {self.table(r)} AS {self.d.quote(a)} WHERE ') + cond.paren()
                       + ' AND ' + where.paren() + self.order_sql(r, a, order, False))
                res = yield Statement.of(sql)
                for raw in res.rows:
                    child = self.decode_row(r, raw)
                    groups.setdefault(tuple(child[k] for k in link.remote), []).append(child)
        take = nested.get('take')
        for g in list(groups):
            items = groups[g]
            reverse = take is not None and take < 0
            if reverse:
                items = list(reversed(items))
            groups[g] = self.paginate(r, items, nested.get('cursor'), take, nested.get('skip') or 0,
                                      list(nested.get('distinct') or []), reverse)
        all_children = [c for g in groups.values() for c in g]
        if nested.get('include'):
            yield from self.includes(r, all_children, nested.get('include'), r.name)
        for row in rows:
            parent_key = tuple(row[x] for x in link.local)
            children = groups.get(parent_key, [])
            row[f.name] = list(children) if f.is_list else (children[0] if children else None)
        return rows

    def in_keys(self, m: ModelInfo, alias: str, fields: List[str], keys: List[Tuple[Any, ...]]) -> Frag:
        if not keys:
            return FALSE
        if len(fields) == 1:
            f = m.fields[fields[0]]
            return self.col(alias, f) + ' IN (' + Frag.join(', ', [self.param(f, k[0]) for k in keys]) + ')'
        ors = [Frag.join(' AND ', [self.col(alias, m.fields[fn]) + ' = ' + self.param(m.fields[fn], v) for fn, v in zip(fields, k)]).paren()
               for k in keys]
        return Frag.join(' OR ', ors)

    def find_by_keys(self, m: ModelInfo, crit: Mapping[str, Any]) -> Plan:
        a = self.alias()
        sql = (Frag(f'SELECT {self.select_list(m, a)} FROM {self.table(m)} AS {self.d.quote(a)} WHERE ')
               + self.eq_where(m, a, crit))
        res = yield Statement.of(sql)
        return self.decode_row(m, res.rows[0]) if res.rows else None

    # ------------------------------------------------------------------ writing
    def scalar_assignments(self, m: ModelInfo, data: Mapping[str, Any], for_update: bool) -> List[Tuple[FieldInfo, Frag]]:
        out: List[Tuple[FieldInfo, Frag]] = []
        for key, value in data.items():
            f = m.fields.get(key)
            if f is None:
                raise unknown_arg(m, key, '`data`')
            if f.is_relation:
                continue
            col = self.col(None, f)
            if isinstance(value, Mapping) and not isinstance(value, Json) and (for_update or f.is_list):
                ops = _norm(cast(Mapping[str, Any], value))
                if len(ops) != 1:
                    raise data_error(f'Invalid argument for field `{key}`: Expected exactly one field to be present, got {len(ops)}.')
                (op, v), = ops.items()
                if op == 'set':
                    out.append((f, self.param(f, v)))
                elif f.is_list and op == 'push':
                    if self.d.name != 'postgresql':
                        raise data_error('Scalar lists are only supported on PostgreSQL')
                    items: List[Any] = list(v) if isinstance(v, list) else [v]  # pyright: ignore[reportUnknownArgumentType]
                    out.append((f, Frag(f'array_cat({col}, ') + self.param(f, items) + ')'))
                elif op in ('increment', 'decrement', 'multiply', 'divide') and f.type in ('Int', 'BigInt', 'Float', 'Decimal'):
                    p = self.param(f, v)
                    if op == 'increment':
                        out.append((f, col + ' + ' + p))
                    elif op == 'decrement':
                        out.append((f, col + ' - ' + p))
                    elif op == 'multiply':
                        out.append((f, col + ' * ' + p))
                    elif f.type in ('Int', 'BigInt'):
                        out.append((f, self.d.int_divide(col, p)))
                    else:
                        out.append((f, col + ' / ' + p))
                elif f.type == 'Json':
                    out.append((f, self.param(f, value)))
                else:
                    raise unknown_arg(m, op, f'update of field `{key}`')
            else:
                out.append((f, self.param(f, value)))
        return out

    def check_required(self, m: ModelInfo, values: Mapping[str, Any]) -> None:
        for f in m.scalar_fields:
            if f.required and not f.is_list and f.default is None and not f.updated_at and f.name not in values:
                from ..errors import MissingRequiredValueError

                raise MissingRequiredValueError(error_data(
                    'P2012', f'Missing a required value at `{m.name}.{f.name}`: A value is required but not set.',
                    {'path': f'{m.name}.{f.name}'}))

    def create(self, m: ModelInfo, data: Mapping[str, Any], extra: Optional[Mapping[str, Any]] = None) -> Plan:
        """INSERT one record with nested writes; returns the full row of the new record."""
        if not isinstance(data, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise data_error('Invalid `data` argument: expected an object')
        values: Dict[str, Any] = dict(extra or {})
        rel_ops: List[Tuple[FieldInfo, Dict[str, Any]]] = []
        for key, value in data.items():
            f = m.fields.get(key)
            if f is None:
                raise unknown_arg(m, key, '`data`')
            if f.is_relation:
                if not isinstance(value, Mapping):
                    raise data_error(f'Invalid value for relation `{key}`: expected create/connect/connect_or_create')
                rel_ops.append((f, _norm(cast(Mapping[str, Any], value))))
            else:
                values[key] = value
        # Relations whose foreign key lives on this model are written first to fill in the key.
        for f, ops in rel_ops:
            link = self.schema.link(m, f)
            if link.fk_here:
                target = yield from self.resolve_to_one(m, f, link, ops)
                if target is not None:
                    for l, r in zip(link.local, link.remote):
                        values[l] = target[r]
        for f in m.scalar_fields:
            if f.name not in values:
                if f.updated_at:
                    values[f.name] = now_utc()
                else:
                    dv = client_default(f.default)
                    if dv is not MISSING:
                        values[f.name] = dv
        self.check_required(m, values)
        cols: List[str] = []
        params: List[Frag] = []
        for f in m.scalar_fields:
            if f.name in values:
                cols.append(self.col(None, f))
                params.append(self.param(f, values[f.name]))
        table = self.table(m)
        if cols:
            sql = Frag(f'INSERT INTO {table} ({", ".join(cols)}) VALUES (') + Frag.join(', ', params) + ')'
        else:
            sql = Frag(self.d.insert_default_values(table))
        keys = m.key_fields
        if self.d.insert_returning:
            sql = sql + ' RETURNING ' + ', '.join(self.col(None, m.fields[k]) for k in keys)
        res = yield Statement.of(sql, returns_rows=self.d.insert_returning)
        crit: Dict[str, Any] = {}
        if self.d.insert_returning and res.rows:
            crit = {k: self.codec.decode(m.fields[k], v) for k, v in zip(keys, res.rows[0])}
        else:
            for k in keys:
                if k in values:
                    crit[k] = values[k]
                elif res.lastrowid is not None:
                    crit[k] = res.lastrowid
        row = yield from self.find_by_keys(m, crit)
        if row is None:
            raise data_error(f'Could not read back the created {m.name} record', 'P2025')
        for f, ops in rel_ops:
            link = self.schema.link(m, f)
            if not link.fk_here:
                yield from self.write_children(m, row, f, link, ops, creating=True)
        return row

    def resolve_to_one(self, m: ModelInfo, f: FieldInfo, link: RelationLink, ops: Mapping[str, Any]) -> Plan:
        """Nested create/connect/connect_or_create for a relation whose foreign key is on `m`."""
        r = link.related
        if len([k for k in ops if k in ('create', 'connect', 'connect_or_create')]) > 1:
            raise data_error(f'Relation `{f.name}`: Expected exactly one of create, connect, connect_or_create')
        for op, v in ops.items():
            if op == 'create':
                return (yield from self.create(r, v))
            if op == 'connect':
                crit = self.unique_criteria(r, v, 'connect')
                target = yield from self.find_by_keys(r, crit)
                if target is None:
                    raise record_not_found(
                        f"No '{r.name}' record (needed to inline the relation on '{m.name}' record) was found for a nested connect on relation '{f.relation_name}'.")
                return target
            if op == 'connect_or_create':
                spec = _norm(cast(Mapping[str, Any], v))
                crit = self.unique_criteria(r, spec.get('where'), 'connect_or_create.where')
                target = yield from self.find_by_keys(r, crit)
                if target is None:
                    target = yield from self.create(r, spec.get('create') or {})
                return target
            if op not in ('disconnect', 'delete'):
                raise unknown_arg(m, op, f'nested write on `{f.name}`')
        return None

    def _as_list(self, v: Any) -> List[Any]:
        if v is None:
            return []
        return list(v) if isinstance(v, (list, tuple)) else [v]  # pyright: ignore

    def _fk_values(self, link: RelationLink, row: Row) -> Dict[str, Any]:
        return {r: row[l] for l, r in zip(link.local, link.remote)}

    def _jt(self, link: RelationLink) -> str:
        return self.d.table(link.table or '', link.table_schema)

    def _jt_insert(self, m: ModelInfo, link: RelationLink, row: Row, child: Row) -> Plan:
        r = link.related
        mid, rid = m.fields[m.id[0]], r.fields[r.id[0]]
        q = self.d.quote
        sql = (Frag(f'{self.d.insert_ignore_prefix()} {self._jt(link)} ({q(link.self_column)}, {q(link.other_column)}) VALUES (')
               + self.param(mid, row[mid.name]) + ', ' + self.param(rid, child[rid.name]) + ')' + self.d.insert_ignore_suffix())
        yield Statement.of(sql, returns_rows=False)

    def _jt_delete(self, m: ModelInfo, link: RelationLink, row: Row, child: Optional[Row]) -> Plan:
        r = link.related
        mid, rid = m.fields[m.id[0]], r.fields[r.id[0]]
        q = self.d.quote
        sql = Frag(f'DELETE FROM {self._jt(link)} WHERE {q(link.self_column)} = ') + self.param(mid, row[mid.name])
        if child is not None:
            sql = sql + f' AND {q(link.other_column)} = ' + self.param(rid, child[rid.name])
        yield Statement.of(sql, returns_rows=False)

    def _set_fk(self, r: ModelInfo, link: RelationLink, fk: Optional[Mapping[str, Any]], where: Frag) -> Plan:
        sets = [self.col(None, r.fields[k]) + ' = ' + self.param(r.fields[k], fk[k] if fk else None) for k in link.remote]
        sql = Frag(f'UPDATE {self.table(r)} SET ') + Frag.join(', ', sets) + ' WHERE ' + where
        res = yield Statement.of(sql, returns_rows=False)
        return res.rowcount

    def write_children(self, m: ModelInfo, row: Row, f: FieldInfo, link: RelationLink, ops: Mapping[str, Any],
                       creating: bool) -> Plan:
        """Nested writes on a relation whose foreign key is on the related model (or a join table)."""
        r = link.related
        fk = self._fk_values(link, row)
        mine = self.eq_where(r, None, fk) if link.kind == 'inline' else None
        for op, v in ops.items():
            if op == 'create':
                for item in self._as_list(v):
                    if link.kind == 'join_table':
                        child = yield from self.create(r, item)
                        yield from self._jt_insert(m, link, row, child)
                    else:
                        yield from self.create(r, item, extra=fk)
            elif op in ('connect', 'connect_or_create'):
                for item in self._as_list(v):
                    if op == 'connect':
                        crit = self.unique_criteria(r, item, 'connect')
                        child = yield from self.find_by_keys(r, crit)
                        if child is None:
                            raise record_not_found(
                                f"Expected {len(self._as_list(v))} records to be connected, found only {0}." if f.is_list else
                                f"No '{r.name}' record to connect was found for a nested connect on relation '{f.relation_name}'.")
                    else:
                        spec = _norm(cast(Mapping[str, Any], item))
                        crit = self.unique_criteria(r, spec.get('where'), 'connect_or_create.where')
                        child = yield from self.find_by_keys(r, crit)
                        if child is None:
                            if link.kind == 'join_table':
                                child = yield from self.create(r, spec.get('create') or {})
                                yield from self._jt_insert(m, link, row, child)
                            else:
                                yield from self.create(r, spec.get('create') or {}, extra=fk)
                            continue
                    if link.kind == 'join_table':
                        yield from self._jt_insert(m, link, row, child)
                    else:
                        if not f.is_list:
                            # one-to-one: the previous child lets go first (unique foreign key).
                            yield from self._set_fk(r, link, None, self.eq_where(r, None, fk))
                        yield from self._set_fk(r, link, fk, self.eq_where(r, None, crit))
            elif op == 'set' and not creating:
                if link.kind == 'join_table':
                    yield from self._jt_delete(m, link, row, None)
                else:
                    assert mine is not None
                    yield from self._set_fk(r, link, None, mine)
                for item in self._as_list(v):
                    crit = self.unique_criteria(r, item, 'set')
                    child = yield from self.find_by_keys(r, crit)
                    if child is None:
                        raise record_not_found(f"No '{r.name}' record was found for a nested set on relation '{f.relation_name}'.")
                    if link.kind == 'join_table':
                        yield from self._jt_insert(m, link, row, child)
                    else:
                        yield from self._set_fk(r, link, fk, self.eq_where(r, None, crit))
            elif op in ('disconnect', 'delete') and not creating:
                targets: List[Optional[Dict[str, Any]]]
                if f.is_list:
                    targets = [self.unique_criteria(r, item, op) for item in self._as_list(v)]
                elif v is True:
                    targets = [None]
                elif not v:
                    targets = []
                else:
                    targets = [self.unique_criteria(r, v, op)]
                for tcrit in targets:
                    if link.kind == 'join_table':
                        child = (yield from self.find_by_keys(r, tcrit)) if tcrit else None
                        if tcrit and child is None:
                            if op == 'delete':
                                raise record_not_found(f"No '{r.name}' record was found for a nested delete on relation '{f.relation_name}'.")
                            continue
                        yield from self._jt_delete(m, link, row, child)
                        if op == 'delete' and child is not None:
                            yield Statement.of(Frag(f'DELETE FROM {self.table(r)} WHERE ') + self.eq_where(r, None, {k: child[k] for k in r.key_fields}), False)
                        continue
                    assert mine is not None
                    cond = mine if tcrit is None else (mine.paren() + ' AND ' + self.eq_where(r, None, tcrit).paren())
                    if op == 'disconnect':
                        yield from self._set_fk(r, link, None, cond)
                    else:
                        res = yield Statement.of(Frag(f'DELETE FROM {self.table(r)} WHERE ') + cond, False)
                        if res.rowcount == 0:
                            raise record_not_found(f"No '{r.name}' record was found for a nested delete on relation '{f.relation_name}'.")
            else:
                raise unknown_arg(m, op, f'nested write on `{f.name}`')

    def update_record(self, m: ModelInfo, row: Row, data: Mapping[str, Any]) -> Plan:
        """UPDATE one existing record (given as its full row) with nested writes; returns the new row."""
        if not isinstance(data, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise data_error('Invalid `data` argument: expected an object')
        scalar_data: Dict[str, Any] = {}
        rel_ops: List[Tuple[FieldInfo, Dict[str, Any]]] = []
        for key, value in data.items():
            f = m.fields.get(key)
            if f is None:
                raise unknown_arg(m, key, '`data`')
            if f.is_relation:
                if not isinstance(value, Mapping):
                    raise data_error(f'Invalid value for relation `{key}`')
                rel_ops.append((f, _norm(cast(Mapping[str, Any], value))))
            else:
                scalar_data[key] = value
        delete_after: List[Tuple[ModelInfo, Dict[str, Any]]] = []
        for f, ops in rel_ops:
            link = self.schema.link(m, f)
            if not link.fk_here:
                continue
            target = yield from self.resolve_to_one(m, f, link, ops)
            if target is not None:
                for l, r in zip(link.local, link.remote):
                    scalar_data[l] = target[r]
            if ops.get('disconnect') or ops.get('delete'):
                if ops.get('delete'):
                    cur = {r: row[l] for l, r in zip(link.local, link.remote)}
                    if None in cur.values():
                        raise record_not_found(f"No '{link.related.name}' record was found for a nested delete on relation '{f.relation_name}'.")
                    delete_after.append((link.related, cur))
                for l in link.local:
                    scalar_data[l] = None
        for f in m.scalar_fields:
            if f.updated_at and f.name not in scalar_data and (scalar_data or rel_ops):
                scalar_data[f.name] = now_utc()
        sets = self.scalar_assignments(m, scalar_data, True)
        pk = {k: row[k] for k in m.key_fields}
        if sets:
            sql = (Frag(f'UPDATE {self.table(m)} SET ') + Frag.join(', ', [self.col(None, f) + ' = ' + p for f, p in sets])
                   + ' WHERE ' + self.eq_where(m, None, pk))
            yield Statement.of(sql, returns_rows=False)
            for k in m.key_fields:
                v = scalar_data.get(k)
                if k in scalar_data and not isinstance(v, Mapping):
                    pk[k] = v
                elif isinstance(v, Mapping) and 'set' in v:
                    pk[k] = cast(Mapping[str, Any], v)['set']
        for rm, crit in delete_after:
            res = yield Statement.of(Frag(f'DELETE FROM {self.table(rm)} WHERE ') + self.eq_where(rm, None, crit), False)
            if res.rowcount == 0:
                raise record_not_found(f"No '{rm.name}' record was found for a nested delete.")
        new_row = yield from self.find_by_keys(m, pk)
        if new_row is None:
            new_row = yield from self.find_by_keys(m, {k: row[k] for k in m.key_fields})
        if new_row is None:
            raise record_not_found('Record to update not found.')
        for f, ops in rel_ops:
            link = self.schema.link(m, f)
            if not link.fk_here:
                yield from self.write_children(m, new_row, f, link, ops, creating=False)
        return new_row

    def keys_matching(self, m: ModelInfo, where: Any) -> Plan:
        a = self.alias()
        keys = m.key_fields
        sql = (Frag(f'SELECT {", ".join(self.col(a, m.fields[k]) for k in keys)} FROM {self.table(m)} AS {self.d.quote(a)} WHERE ')
               + self.where(m, a, where))
        res = yield Statement.of(sql)
        return [tuple(self.codec.decode(m.fields[k], v) for k, v in zip(keys, r)) for r in res.rows]

    def chunks(self, items: List[Tuple[Any, ...]], size: int = 500) -> List[List[Tuple[Any, ...]]]:
        return [items[i:i + size] for i in range(0, len(items), size)]

    # ------------------------------------------------------------------ actions
    def run_action(self, method: str, model_name: str, args: Mapping[str, Any], model_label: str,
                   allowed: Optional[Callable[[str], bool]] = None) -> Plan:
        m = self.model(model_name)
        args = {k: v for k, v in args.items() if v is not None}
        include = args.get('include')
        self.check_include(m, include, model_label, allowed)
        if method in ('find_many', 'find_first', 'find_first_or_raise'):
            if method != 'find_many':
                args['take'] = -1 if (args.get('take') or 1) < 0 else 1
            rows = yield from self.find_rows(m, args)
            yield from self.includes(m, rows, include, model_label, allowed)
            if method == 'find_many':
                return rows
            if not rows:
                if method == 'find_first_or_raise':
                    raise record_not_found('Expected a record, found none.')
                return None
            return rows[0]
        if method in ('find_unique', 'find_unique_or_raise'):
            crit = self.unique_criteria(m, args.get('where'))
            row = yield from self.find_by_keys(m, crit)
            if row is None:
                if method == 'find_unique_or_raise':
                    raise record_not_found('Expected a record, found none.')
                return None
            yield from self.includes(m, [row], include, model_label, allowed)
            return row
        if method == 'create':
            row = yield from self.create(m, args.get('data') or {})
            yield from self.includes(m, [row], include, model_label, allowed)
            return row
        if method == 'create_many':
            return (yield from self.create_many(m, args))
        if method in ('update', 'delete', 'upsert'):
            crit = self.unique_criteria(m, args.get('where'))
            row = yield from self.find_by_keys(m, crit)
            if method == 'upsert':
                data = _norm(cast(Mapping[str, Any], args.get('data') or {}))
                if 'create' not in data or 'update' not in data:
                    raise data_error('Argument `data` of upsert needs both `create` and `update`.', 'P2012')
                if row is None:
                    row = yield from self.create(m, data['create'])
                else:
                    row = yield from self.update_record(m, row, data['update'])
                yield from self.includes(m, [row], include, model_label, allowed)
                return row
            if row is None:
                return None
            if method == 'update':
                row = yield from self.update_record(m, row, args.get('data') or {})
                yield from self.includes(m, [row], include, model_label, allowed)
                return row
            yield from self.includes(m, [row], include, model_label, allowed)
            sql = Frag(f'DELETE FROM {self.table(m)} WHERE ') + self.eq_where(m, None, {k: row[k] for k in m.key_fields})
            yield Statement.of(sql, returns_rows=False)
            return row
        if method in ('update_many', 'delete_many'):
            keys = yield from self.keys_matching(m, args.get('where'))
            if not keys:
                return 0
            total = 0
            if method == 'update_many':
                data = dict(cast(Mapping[str, Any], args.get('data') or {}))
                for f in m.scalar_fields:
                    if f.updated_at and f.name not in data and data:
                        data[f.name] = now_utc()
                for fname in data:
                    if fname in m.fields and m.fields[fname].is_relation:
                        raise unknown_arg(m, fname, '`data` of update_many')
                sets = self.scalar_assignments(m, data, True)
                if not sets:
                    return len(keys)
            else:
                sets = []
            for chunk in self.chunks(keys):
                cond = self.in_keys(m, '', m.key_fields, chunk) if False else self._key_cond(m, chunk)
                if method == 'update_many':
                    sql = (Frag(f'UPDATE {self.table(m)} SET ') + Frag.join(', ', [self.col(None, f) + ' = ' + p for f, p in sets])
                           + ' WHERE ' + cond)
                else:
                    sql = Frag(f'DELETE FROM {self.table(m)} WHERE ') + cond
                res = yield Statement.of(sql, returns_rows=False)
                total += res.rowcount if res.rowcount >= 0 else len(chunk)
            return total
        if method == 'count':
            return (yield from self.count(m, args))
        if method == 'group_by':
            return (yield from self.group_by(m, args))
        raise data_error(f'Unknown method {method}')

    def _key_cond(self, m: ModelInfo, keys: List[Tuple[Any, ...]]) -> Frag:
        fields = m.key_fields
        if len(fields) == 1:
            f = m.fields[fields[0]]
            return self.col(None, f) + ' IN (' + Frag.join(', ', [self.param(f, k[0]) for k in keys]) + ')'
        return Frag.join(' OR ', [self.eq_where(m, None, dict(zip(fields, k))).paren() for k in keys])

    def create_many(self, m: ModelInfo, args: Mapping[str, Any]) -> Plan:
        data = list(cast(Sequence[Mapping[str, Any]], args.get('data') or []))
        skip = bool(args.get('skip_duplicates'))
        if skip and self.d.name == 'sqlite':
            raise UnsupportedDatabaseError('sqlite', 'create_many_skip_duplicates')
        count = 0
        for item in data:
            values: Dict[str, Any] = {}
            for key, value in item.items():
                f = m.fields.get(key)
                if f is None or f.is_relation:
                    raise unknown_arg(m, key, '`data` of create_many')
                values[key] = value
            for f in m.scalar_fields:
                if f.name not in values:
                    dv = now_utc() if f.updated_at else client_default(f.default)
                    if dv is not MISSING:
                        values[f.name] = dv
            self.check_required(m, values)
            fs = [f for f in m.scalar_fields if f.name in values]
            table = self.table(m)
            prefix = self.d.insert_ignore_prefix() if skip else 'INSERT INTO'
            if fs:
                sql = (Frag(f'{prefix} {table} ({", ".join(self.col(None, f) for f in fs)}) VALUES (')
                       + Frag.join(', ', [self.param(f, values[f.name]) for f in fs]) + ')')
            else:
                sql = Frag(self.d.insert_default_values(table))
            if skip:
                sql = sql + self.d.insert_ignore_suffix()
            res = yield Statement.of(sql, returns_rows=False)
            count += res.rowcount if res.rowcount >= 0 else 1
        return count

    def count(self, m: ModelInfo, args: Mapping[str, Any]) -> Plan:
        select = args.get('select')
        simple = args.get('cursor') is None and args.get('take') is None and not args.get('skip')
        if not select and simple:
            a = self.alias()
            sql = Frag(f'SELECT COUNT(*) FROM {self.table(m)} AS {self.d.quote(a)} WHERE ') + self.where(m, a, args.get('where'))
            res = yield Statement.of(sql)
            return int(res.rows[0][0])
        rows = yield from self.find_rows(m, args)
        if not select:
            return len(rows)
        out: Dict[str, int] = {}
        for key, want in cast(Mapping[str, Any], select).items():
            if not want:
                continue
            if key == '_all':
                out['_all'] = len(rows)
            else:
                f = self.field(m, key, '`select` of count')
                out[key] = sum(1 for r in rows if r.get(f.name) is not None)
        return out

    def group_by(self, m: ModelInfo, args: Mapping[str, Any]) -> Plan:
        by: List[str] = list(args.get('by') or [])
        if not by:
            raise InputError(error_data('P2019', 'Argument `by` of group_by needs at least one field.'))
        for b in by:
            if self.field(m, b, '`by`').is_relation:
                raise InputError(error_data('P2019', f'Argument `by`: `{b}` is not a scalar field.'))
        order = self.order_items(m, args.get('order'))
        for f, _ in order:
            if f.name not in by:
                raise InputError(error_data('P2019', f'Every field used for orderBy must be included in the by-arguments of the query. Missing fields: {f.name}'))
        a = self.alias()
        sel: List[str] = [self.col(a, m.fields[b]) for b in by]
        labels: List[Tuple[str, Optional[str], FieldInfo | None]] = [('', b, m.fields[b]) for b in by]
        for agg, fn in (('_count', 'COUNT'), ('_avg', 'AVG'), ('_sum', 'SUM'), ('_min', 'MIN'), ('_max', 'MAX')):
            spec = args.get(agg.lstrip('_')) if agg != '_count' else args.get('count')
            if not spec:
                continue
            if spec is True and agg == '_count':
                sel.append('COUNT(*)')
                labels.append((agg, '_all', None))
                continue
            for fname, want in cast(Mapping[str, Any], spec).items():
                if not want:
                    continue
                if fname == '_all':
                    sel.append('COUNT(*)')
                    labels.append((agg, '_all', None))
                    continue
                f = self.field(m, fname, f'`{agg}`')
                sel.append(f'{fn}({self.col(a, f)})')
                labels.append((agg, fname, f))
        sql = (Frag(f'SELECT {", ".join(sel)} FROM {self.table(m)} AS {self.d.quote(a)} WHERE ') + self.where(m, a, args.get('where'))
               + f' GROUP BY {", ".join(self.col(a, m.fields[b]) for b in by)}')
        having = args.get('having')
        if having:
            sql = sql + ' HAVING ' + self.having(m, a, having, by)
        if order:
            sql = sql + ' ORDER BY ' + ', '.join(f'{self.col(a, f)} {"DESC" if d else "ASC"}' for f, d in order)
        take, skip = args.get('take'), args.get('skip')
        if take is not None or skip:
            sql = sql + self.d.limit(take, skip)
        res = yield Statement.of(sql)
        out: List[Dict[str, Any]] = []
        for raw in res.rows:
            item: Dict[str, Any] = {}
            for (agg, name, lf), v in zip(labels, raw):
                if not agg:
                    assert lf is not None and name is not None
                    item[name] = self.codec.decode(lf, v)
                    continue
                bucket = item.setdefault(agg, {})
                if agg in ('_count',):
                    bucket[name] = int(v or 0)
                elif agg == '_avg':
                    bucket[name] = float(v) if v is not None else None
                elif lf is not None:
                    bucket[name] = None if v is None else self.codec.decode(lf, v) if agg in ('_min', '_max') else (
                        float(v) if lf.type in ('Float',) else int(v) if lf.type in ('Int', 'BigInt') else self.codec.decode(lf, v))
            out.append(item)
        return out

    def having(self, m: ModelInfo, a: str, having: Mapping[str, Any], by: List[str]) -> Frag:
        parts: List[Frag] = []
        for key, value in having.items():
            if key in ('AND', 'OR', 'NOT'):
                subs = [self.having(m, a, h, by).paren() for h in self._as_list(value)]
                joined = Frag.join(' OR ' if key == 'OR' else ' AND ', subs) if subs else TRUE
                parts.append(('NOT (' + joined + ')') if key == 'NOT' else joined.paren())
                continue
            f = self.field(m, key, '`having`')
            ops = _norm(cast(Mapping[str, Any], value)) if isinstance(value, Mapping) else {'equals': value}
            aggs = {k: v for k, v in ops.items() if k in ('_avg', '_sum', '_min', '_max', '_count')}
            plain = {k: v for k, v in ops.items() if k not in aggs}
            if plain:
                if key not in by:
                    raise InputError(error_data('P2019', f'Every field used in `having` filters must either be an aggregation filter or be included in the selection of the query. Missing fields: {key}'))
                parts.append(self.scalar_filter(f, self.col(a, f), plain))
            for agg, flt in aggs.items():
                fn = {'_avg': 'AVG', '_sum': 'SUM', '_min': 'MIN', '_max': 'MAX', '_count': 'COUNT'}[agg]
                expr = f'{fn}({self.col(a, f)})'
                target = f if agg in ('_min', '_max') else FieldInfo(f.name, 'scalar', 'Int' if agg == '_count' else 'Float', f.db_name, False, False, None, False, None, None)
                parts.append(self.scalar_filter(target, expr, flt))
        return Frag.join(' AND ', [p.paren() for p in parts]) if parts else TRUE
