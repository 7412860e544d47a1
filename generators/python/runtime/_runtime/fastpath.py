"""Per-shape cache of compiled statements: the hot path for the common single-statement queries.

The compiler (compiler*.py) builds SQL from the arguments on every call. For the simple, frequent shapes
(find_unique by one unique field, find_first/find_many with plain field filters, scalar `order`,
take/skip, and create with scalar data) the SQL text depends only on the *shape* of the arguments: which
fields, which operators, whether take/skip are given, never on the values. This module

1. reduces the arguments to a shape key plus the values in parameter order (or says "not a simple
   shape": then the compiler runs as before);
2. the first time a shape is seen, lets the compiler run the query as usual and records the statements
   it sent. The shape is learned only when the compiler sent the statements this module expects, with
   exactly the parameters this module computes from the arguments, so the cache can never serve SQL
   that differs from what the compiler would have produced;
3. later calls of the shape skip the compiler: encode the values, run the cached SQL text, decode the
   rows with a per-(model class, columns) row builder (generated code: column -> field converter, then
   the pydantic instance without re-validation, as common.Core.parse does for the same rows).

A single-row create becomes one `INSERT ... RETURNING <all columns>` without BEGIN/COMMIT (a single
statement is atomic on its own) where the database supports RETURNING (PostgreSQL, SQLite >= 3.35);
the compiler's create needs INSERT + SELECT in a transaction (4 round trips on PostgreSQL).
"""
from __future__ import annotations

import functools
import sqlite3
from datetime import timedelta
from time import perf_counter
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union, cast

from .. import _compat
from .compiler_base import data_error, record_not_found
from .defaults import MISSING, client_default, now_utc
from .metrics import METRICS
from .schema import FieldInfo, ModelInfo, SchemaInfo
from .sql import PARAM, Result, Statement, dialect_for
from .values import _EPOCH, ValueCodec  # pyright: ignore[reportPrivateUsage]

RowBuilder = Callable[[Sequence[Any]], Any]


class Builders:
    """Generated functions for one (model class, result columns): one row -> instance, the first row or
    `empty()` when there is none, every row."""

    __slots__ = ('build', 'first', 'many')

    def __init__(self, ns: Dict[str, Any]) -> None:
        self.build = cast(RowBuilder, ns['build'])
        self.first = cast(Callable[[List[Sequence[Any]], Callable[[], Any]], Any], ns['first'])
        self.many = cast(Callable[[List[Sequence[Any]]], List[Any]], ns['many'])


Finish = Callable[[List[Sequence[Any]]], Any]

_READ_KINDS = {
    'find_unique': 'unique', 'find_unique_or_raise': 'unique',
    'find_first': 'first', 'find_first_or_raise': 'first', 'find_many': 'many',
}
_FILTER_OPS = frozenset(('equals', 'lt', 'lte', 'gt', 'gte', 'not'))
NOT_SIMPLE = (dict, list, tuple, set, frozenset)
_MAX_SHAPES = 2000
# Exact Python types the drivers return for columns whose decoding is the identity (ValueCodec.decode
# returns the value unchanged for these); anything else goes through ValueCodec.decode.
_IDENTITY_TYPES: Dict[str, str] = {'String': 'str', 'Int': 'int', 'BigInt': 'int', 'Float': 'float', 'Boolean': 'bool'}
_SQLITE_RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)
_UNKNOWN: Any = object()


class Entry:
    """A learned shape: the SQL text (parameters marked with sql.PARAM) and how to finish the rows."""

    __slots__ = ('sql', 'finish', 'create_plan')

    def __init__(self, sql: str, finish: Finish, create_plan: Optional[List[Tuple[FieldInfo, int]]] = None) -> None:
        self.sql = sql
        self.finish = finish
        self.create_plan = create_plan


class BulkEntry:
    """A learned create_many shape: the compiler's one-row INSERT split around its VALUES tuple, so that
    many rows go into one multi-row INSERT (the compiler sends one statement per row)."""

    __slots__ = ('head', 'row', 'tail', 'plan', 'max_rows', 'texts')

    def __init__(self, head: str, row: str, tail: str, plan: List[Tuple[FieldInfo, int]], max_rows: int) -> None:
        self.head = head
        self.row = row
        self.tail = tail
        self.plan = plan
        self.max_rows = max_rows
        self.texts: Dict[int, str] = {}

    def sql(self, rows: int) -> str:
        text = self.texts.get(rows)
        if text is None:
            text = self.head + ', '.join([self.row] * rows) + self.tail
            if len(self.texts) < 8:
                self.texts[rows] = text
        return text


Hit = Tuple[Union[Entry, BulkEntry], Any]  # a learned shape and its parameters (BulkEntry: statements)


def run_bulk(conn: Any, statements: List[Tuple[Statement, int]]) -> int:
    """Runs a create_many's INSERTs (inside the caller's transaction); the number of rows written. Counted
    for get_metrics() like executor.drive_sync: one client query, one datasource query per statement."""
    METRICS.client_started()
    started = perf_counter()
    total = 0
    try:
        for stmt, rows in statements:
            t = perf_counter()
            res = cast(Result, conn.execute(stmt))
            METRICS.statement((perf_counter() - t) * 1000.0)
            total += res.rowcount if res.rowcount >= 0 else rows
        return total
    finally:
        METRICS.client_finished((perf_counter() - started) * 1000.0)


async def run_bulk_async(conn: Any, statements: List[Tuple[Statement, int]]) -> int:
    METRICS.client_started()
    started = perf_counter()
    total = 0
    try:
        for stmt, rows in statements:
            t = perf_counter()
            res = cast(Result, await conn.execute(stmt))
            METRICS.statement((perf_counter() - t) * 1000.0)
            total += res.rowcount if res.rowcount >= 0 else rows
        return total
    finally:
        METRICS.client_finished((perf_counter() - started) * 1000.0)


class Pending:
    """A shape seen for the first time: what the compiler's statements must look like to learn it."""

    __slots__ = ('key', 'kind', 'method', 'model', 'info', 'params', 'generated', 'unique_field')

    def __init__(self, key: Any, kind: str, method: str, model: Any, info: ModelInfo, params: List[Any],
                 generated: Optional[List[bool]] = None, unique_field: Optional[FieldInfo] = None) -> None:
        self.key = key
        self.kind = kind
        self.method = method
        self.model = model
        self.info = info
        self.params = params
        self.generated = generated  # create: which parameters the client generated (now, cuid, ...)
        self.unique_field = unique_field  # find_unique: the one field of the where


class _RecorderBase:
    """Wraps a connection to keep the statements a compiler plan runs and their results."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.provider: str = conn.provider
        self.seen: List[Tuple[Statement, Result]] = []


class Recorder(_RecorderBase):
    """Over a sync connection."""

    def execute(self, stmt: Statement, raw: bool = False) -> Result:
        res = cast(Result, self.conn.execute(stmt, raw))
        self.seen.append((stmt, res))
        return res


class AsyncRecorder(_RecorderBase):
    """Over an async connection: execute() awaits."""

    async def execute(self, stmt: Statement, raw: bool = False) -> Result:
        res = cast(Result, await self.conn.execute(stmt, raw))
        self.seen.append((stmt, res))
        return res


class FastPaths:
    def __init__(self, schema: SchemaInfo, parse_plan: Callable[[Any], Tuple[Optional[Any], Optional[Any]]]) -> None:
        self.schema = schema
        self.d = dialect_for(schema.provider)
        self.codec = ValueCodec(schema.provider, schema.enums)
        self.parse_plan = parse_plan
        self.entries: Dict[Any, Union[Entry, BulkEntry]] = {}
        # find_unique by one field, the most frequent query: (method, model class, field) -> (entry, encoder)
        self.unique: Dict[Tuple[str, Any, str], Tuple[Entry, Callable[[Any], Any]]] = {}
        self.encoders: Dict[int, Callable[[Any], Any]] = {}
        self.models: Dict[Any, Optional[ModelInfo]] = {}
        self.builders: Dict[Any, Optional[Builders]] = {}
        self.returning = schema.provider == 'postgresql' or (schema.provider == 'sqlite' and _SQLITE_RETURNING)

    # ---------------------------------------------------------------- lookup
    def lookup(self, method: str, model: Any, args: Mapping[str, Any]) -> 'Union[None, Pending, Hit]':
        """(Entry, params) for a learned shape, a Pending for a new simple shape, None otherwise.

        Value errors (encoding) of a learned shape are raised here: the compiler raises the same ones."""
        if (method == 'find_unique' or method == 'find_unique_or_raise') and len(args) == 2 and not args.get('include'):
            unique = self.unique_hit(method, model, args.get('where'))
            if unique is not None:
                return unique
        info: Optional[ModelInfo] = self.models.get(model, _UNKNOWN)
        if info is _UNKNOWN:
            name = getattr(model, '__prisma_model__', None)
            info = self.schema.models.get(name) if isinstance(name, str) else None
            self.models[model] = info
        if info is None:
            return None
        kind = _READ_KINDS.get(method)
        if kind is not None:
            return self._read(method, kind, model, info, args)
        if method == 'create' and self.returning:
            return self._create(model, info, args)
        if method == 'create_many':
            return self._create_many(model, info, args)
        return None

    def unique_hit(self, method: str, model: Any, where: Any) -> Optional[Tuple[Entry, List[Any]]]:
        """find_unique(_or_raise) by one field whose shape is learned: (entry, params), else None."""
        if type(where) is dict and len(cast('Dict[str, Any]', where)) == 1:
            for name, v in cast('Dict[str, Any]', where).items():
                hit = self.unique.get((method, model, name))
                if hit is not None and v is not None and not isinstance(v, NOT_SIMPLE):
                    return hit[0], [hit[1](v)]
        return None

    def _read(self, method: str, kind: str, model: Any, m: ModelInfo, args: Mapping[str, Any]) -> Any:
        where: Any = None
        take: Any = None
        skip: Any = None
        order: Any = None
        for k, v in args.items():
            if v is None:
                continue
            if k == 'where':
                where = v
            elif k == 'take':
                take = v
            elif k == 'skip':
                skip = v
            elif k == 'order':
                order = v
            elif k in ('include', 'distinct'):
                if v:
                    return None
            else:
                return None  # cursor and anything new
        shape: List[Any] = [method, model]
        fields: List[FieldInfo] = []
        values: List[Any] = []
        if where:
            if type(where) is not dict:
                return None
            if kind == 'unique' and len(cast('Dict[str, Any]', where)) != 1:
                return None
            for name, v in cast('Dict[str, Any]', where).items():
                f = m.fields.get(name)
                if f is None or f.kind == 'relation' or f.is_list or f.type == 'Json':
                    return None
                if v is None:
                    if kind == 'unique':
                        return None
                    shape.append((name,))
                elif isinstance(v, dict):
                    if kind == 'unique' or not v:
                        return None
                    ops: List[str] = []
                    for op, ov in cast('Dict[str, Any]', v).items():
                        if op not in _FILTER_OPS or ov is None or isinstance(ov, NOT_SIMPLE):
                            return None
                        ops.append(op)
                        fields.append(f)
                        values.append(ov)
                    shape.append((name, tuple(ops)))
                elif isinstance(v, NOT_SIMPLE):
                    return None
                else:
                    shape.append(name)
                    fields.append(f)
                    values.append(v)
        shape.append('|')
        if kind != 'unique':
            if take is not None and (type(take) is not int or take < 0):
                return None
            if skip is not None and (type(skip) is not int or skip < 0):
                return None
            if order is not None:
                order_items = cast('List[Any]', order) if isinstance(order, list) else [order]
                for item in order_items:
                    if type(item) is not dict or len(cast('Dict[str, Any]', item)) != 1:
                        return None
                    (oname, direction), = cast('Dict[str, Any]', item).items()
                    of = m.fields.get(oname)
                    if of is None or of.kind == 'relation' or direction not in ('asc', 'desc'):
                        return None
                    shape.append((oname, direction))
            if kind == 'first':
                take = 1
            shape.append(take is not None)
            shape.append(bool(skip))
        key = tuple(shape)
        entry = self.entries.get(key)
        if entry is not None:
            params = [self.encoder(f)(v) for f, v in zip(fields, values)]
            if kind != 'unique':
                params.extend(self.d.limit_params(take, skip))
            return entry, params
        if len(self.entries) >= _MAX_SHAPES:
            return None
        try:
            params = [self.encoder(f)(v) for f, v in zip(fields, values)]
        except Exception:
            return None  # the compiler reports it (maybe a different error first)
        if kind != 'unique':
            params.extend(self.d.limit_params(take, skip))
        return Pending(key, kind, method, model, m, params, unique_field=fields[0] if kind == 'unique' else None)

    def encoder(self, f: FieldInfo) -> Callable[[Any], Any]:
        """ValueCodec.encode for one field, with the common already-right values passed through inline."""
        enc = self.encoders.get(id(f))
        if enc is None:
            enc = _make_encoder(self.codec, f)
            self.encoders[id(f)] = enc
        return enc

    def _create(self, model: Any, m: ModelInfo, args: Mapping[str, Any]) -> Any:
        data: Any = None
        for k, v in args.items():
            if v is None:
                continue
            if k == 'data':
                data = v
            elif k == 'include':
                if v:
                    return None
            else:
                return None
        if type(data) is not dict:
            return None
        key = ('create', model) + tuple(cast('Dict[str, Any]', data))
        entry = self.entries.get(key)
        if isinstance(entry, Entry) and entry.create_plan is not None:
            return entry, self._create_params(entry.create_plan, cast('Dict[str, Any]', data))
        if len(self.entries) >= _MAX_SHAPES:
            return None
        return self._new_create(key, 'create', model, m, [data])

    def _create_many(self, model: Any, m: ModelInfo, args: Mapping[str, Any]) -> Any:
        data: Any = None
        skip = False
        for k, v in args.items():
            if v is None:
                continue
            if k == 'data':
                data = v
            elif k == 'skip_duplicates':
                skip = bool(v)
            else:
                return None
        if type(data) is not list or not data:
            return None
        items = cast('List[Any]', data)
        first = items[0]
        if type(first) is not dict or not first:
            return None
        keys = tuple(cast('Dict[str, Any]', first))
        for item in items:
            if type(item) is not dict or tuple(cast('Dict[str, Any]', item)) != keys:
                return None
        key = ('create_many', model, skip) + keys
        entry = self.entries.get(key)
        if isinstance(entry, BulkEntry):
            out: List[Tuple[Statement, int]] = []
            plan, step = entry.plan, entry.max_rows
            for start in range(0, len(items), step):
                chunk = cast('List[Dict[str, Any]]', items[start:start + step])
                params: List[Any] = []
                for item in chunk:
                    params.extend(self._create_params(plan, item))
                out.append((Statement(entry.sql(len(chunk)), params, False), len(chunk)))
            return entry, out
        if entry is not None or len(self.entries) >= _MAX_SHAPES:
            return None
        return self._new_create(key, 'create_many', model, m, items)

    def _new_create(self, key: Tuple[Any, ...], action: str, model: Any, m: ModelInfo, items: List[Any]) -> Any:
        """A shape not seen before (runs once per shape, not per query): None unless every value of every
        record is a plain scalar the fast path can encode, else the Pending entry with the first record's
        parameters."""
        for item in items:
            for name, v in cast('Dict[str, Any]', item).items():
                f = m.fields.get(name)
                if f is None or f.kind == 'relation' or f.is_list or f.type in ('Json', 'Bytes') or isinstance(v, NOT_SIMPLE):
                    return None
        first = cast('Dict[str, Any]', items[0])
        plan = self._create_plan(m, first)
        try:
            params = self._create_params(plan, first)
        except Exception:
            return None
        return Pending(key, action, action, model, m, params, [how != 0 for _, how in plan])

    def _create_plan(self, m: ModelInfo, data: Mapping[str, Any]) -> List[Tuple[FieldInfo, int]]:
        """The inserted columns in the compiler's order (every scalar field with a value) and where each value
        comes from: 0 the data, 1 now (@updatedAt), 2 the field's client-side default."""
        plan: List[Tuple[FieldInfo, int]] = []
        for f in m.scalar_fields:
            if f.name in data:
                plan.append((f, 0))
            elif f.updated_at:
                plan.append((f, 1))
            elif client_default(f.default) is not MISSING:
                plan.append((f, 2))
        return plan

    def _create_params(self, plan: List[Tuple[FieldInfo, int]], data: Mapping[str, Any]) -> List[Any]:
        encode = self.codec.encode
        out: List[Any] = []
        for f, how in plan:
            if how == 0:
                out.append(self.encoder(f)(data[f.name]))
            elif how == 1:
                out.append(encode(f, now_utc()))
            else:
                out.append(encode(f, client_default(f.default)))
        return out

    # ---------------------------------------------------------------- learning
    def learn(self, pending: Pending, seen: List[Tuple[Statement, Result]]) -> None:
        """Called after the compiler ran `pending`'s query successfully; caches the shape when the
        statements are the ones expected."""
        try:
            if pending.kind == 'create':
                entry: Any = self._learn_create(pending, seen)
            elif pending.kind == 'create_many':
                entry = self._learn_create_many(pending, seen)
            else:
                entry = self._learn_read(pending, seen)
        except Exception:
            entry = None
        if entry is not None:
            self.entries[pending.key] = entry
            f = pending.unique_field
            if f is not None:
                self.unique[(pending.method, pending.model, f.name)] = (entry, self.encoder(f))

    def _learn_read(self, p: Pending, seen: List[Tuple[Statement, Result]]) -> Optional[Entry]:
        if len(seen) != 1:
            return None
        stmt, res = seen[0]
        if not stmt.returns_rows or not stmt.sql.startswith('SELECT ') or not _same(stmt.params, p.params):
            return None
        b = self.builder(p.model, p.info, res.columns)
        if b is None:
            return None
        if p.kind == 'many':
            return Entry(stmt.sql, b.many)
        first = b.first
        empty = _not_found if p.method.endswith('_or_raise') else _none
        return Entry(stmt.sql, lambda rows: first(rows, empty))

    def _learn_create_many(self, p: Pending, seen: List[Tuple[Statement, Result]]) -> Optional[BulkEntry]:
        if not seen or p.generated is None:
            return None
        sql = seen[0][0].sql
        if any(stmt.sql != sql or stmt.returns_rows for stmt, _ in seen):
            return None
        n = len(p.params)
        row = '(' + ', '.join([PARAM] * n) + ')'
        at = sql.find(' VALUES (')
        if n == 0 or at < 0 or sql.count(PARAM) != n or not sql.startswith(('INSERT INTO ', 'INSERT IGNORE INTO ')):
            return None
        head, rest = sql[:at + len(' VALUES ')], sql[at + len(' VALUES '):]
        if not rest.startswith(row) or '(' in rest[len(row):]:
            return None
        if not self._params_match(p, seen[0][0].params):
            return None
        plan = self._create_plan(p.info, cast('Dict[str, Any]', dict.fromkeys(p.key[3:])))
        return BulkEntry(head, row, rest[len(row):], plan, max(1, min(1000, _max_params(self.schema.provider) // n)))

    def _params_match(self, p: Pending, theirs: List[Any]) -> bool:
        """The compiler's parameters equal ours, except the client-generated ones (now, cuid, ...): same type."""
        assert p.generated is not None
        if len(theirs) != len(p.params):
            return False
        for generated, mine, their in zip(p.generated, p.params, theirs):
            if (type(mine) is not type(their)) if generated else not _same([mine], [their]):
                return False
        return True

    def _learn_create(self, p: Pending, seen: List[Tuple[Statement, Result]]) -> Optional[Entry]:
        if len(seen) != 2 or p.generated is None:
            return None
        (ins, _), (sel, sel_res) = seen
        m = p.info
        sql = ins.sql
        if self.d.insert_returning:
            suffix = ' RETURNING ' + ', '.join(self.d.quote(m.fields[k].db_name) for k in m.key_fields)
            if not sql.endswith(suffix):
                return None
            sql = sql[:-len(suffix)]
        if not sql.startswith('INSERT INTO ') or ' RETURNING ' in sql or not sel.sql.startswith('SELECT '):
            return None
        if not self._params_match(p, ins.params):
            return None
        columns = sel_res.columns
        b = self.builder(p.model, m, columns)
        if b is None:
            return None
        sql = sql + ' RETURNING ' + ', '.join(self.d.quote(c) for c in columns)
        name = m.name

        def unreadable() -> Any:
            raise data_error(f'Could not read back the created {name} record', 'P2025')
        first = b.first
        return Entry(sql, lambda rows: first(rows, unreadable), self._create_plan(m, cast('Dict[str, Any]', dict.fromkeys(p.key[2:]))))

    # ---------------------------------------------------------------- rows -> models
    def builder(self, model: Any, m: ModelInfo, columns: List[str]) -> Optional[Builders]:
        key = (model, tuple(columns))
        if key in self.builders:
            return self.builders[key]
        try:
            build = self._make_builder(model, m, columns)
        except Exception:
            build = None
        self.builders[key] = build
        return build

    def _make_builder(self, model: Any, m: ModelInfo, columns: List[str]) -> Optional[Builders]:
        """Generated code turning one result row into a model instance, equal to
        `Core.parse(model, compiler.decode_row(...))` for models that Core.parse builds without validation.
        None when the model needs validation (validators, aliases, Json/Bytes columns)."""
        names, special = self.parse_plan(model)
        if names is None or special is None or len(set(columns)) != len(columns):
            return None
        by_db: Dict[str, FieldInfo] = {}
        for f in m.scalar_fields:
            if f.db_name in by_db:
                return None
            by_db[f.db_name] = f
        col_fields: List[FieldInfo] = []
        for c in columns:
            f = by_db.get(c)
            if f is None or f.name in special:
                return None
            col_fields.append(f)
        ns: Dict[str, Any] = {'_cls': model, '_E': _EPOCH, '_td': timedelta, 'str': str, 'int': int, 'float': float,
                              'bool': bool}
        exprs: Dict[str, str] = {}
        for i, f in enumerate(col_fields):
            if f.name not in names:
                continue  # a partial type without this field: Core.parse drops it too
            v = f'v{i}'
            ns[f'_c{i}'] = functools.partial(self.codec.decode, f)
            ident = _IDENTITY_TYPES.get(f.type) if f.kind == 'scalar' and not f.is_list else None
            if ident is not None:
                exprs[f.name] = f'{v} if {v}.__class__ is {ident} else _c{i}({v})'
            elif f.type == 'DateTime' and not f.is_list and self.schema.provider == 'sqlite':
                # decode_datetime for SQLite's integer milliseconds, inline
                exprs[f.name] = f'(_E + _td(0, 0, 0, {v})) if {v}.__class__ is int else _c{i}({v})'
            else:
                exprs[f.name] = f'_c{i}({v})'
        unpack = ', '.join(f'v{i}' for i in range(len(columns))) + (',' if len(columns) == 1 else '')
        fields_set = '{' + ', '.join(repr(n) for n in exprs) + '}' if exprs else 'set()'
        if _compat.PYDANTIC_V2:
            plain = _v2_plain_construct(model)
            if plain is None:
                body = [f'    m = _cls.model_construct(**{{{", ".join(f"{n!r}: {e}" for n, e in exprs.items())}}})']
            else:
                # pydantic 2 `model_construct` without its per-call field loop: __dict__ in declaration order
                # with defaults for absent optional fields, the fields set, no extra and no private values.
                items = []
                for n, fld in plain.items():
                    if n in exprs:
                        items.append(f'{n!r}: {exprs[n]}')
                    elif fld.is_required():
                        return None
                    elif getattr(fld, 'default_factory', None) is None and fld.default is None:
                        items.append(f'{n!r}: None')
                    else:
                        ns[f'_d_{len(items)}'] = functools.partial(fld.get_default, call_default_factory=True)
                        items.append(f'{n!r}: _d_{len(items)}()')
                body = ['    m = _cls.__new__(_cls)',
                        f'    _set(m, "__dict__", {{{", ".join(items)}}})',
                        f'    _set(m, "__pydantic_fields_set__", {fields_set})',
                        '    _set(m, "__pydantic_extra__", None)',
                        '    _set(m, "__pydantic_private__", None)']
                ns['_set'] = object.__setattr__
        else:
            # pydantic v1 `construct`: __dict__ in declaration order with defaults for absent optional fields.
            model_fields = cast('Dict[str, Any]', getattr(model, '__fields__'))
            items: List[str] = []
            for n, fld in model_fields.items():
                if n in exprs:
                    items.append(f'{n!r}: {exprs[n]}')
                elif getattr(fld, 'required', True) is True:
                    return None
                elif getattr(fld, 'default_factory', None) is None and getattr(fld, 'default', None) is None:
                    items.append(f'{n!r}: None')
                else:
                    ns[f'_d_{len(items)}'] = fld.get_default
                    items.append(f'{n!r}: _d_{len(items)}()')
            body = ['    m = _cls.__new__(_cls)',
                    f'    _set(m, "__dict__", {{{", ".join(items)}}})',
                    f'    _set(m, "__fields_set__", {fields_set})']
            if getattr(model, '__private_attributes__', None):
                body.append('    m._init_private_attributes()')
            ns['_set'] = object.__setattr__
        # The same body three times (a function call per row costs as much as a column's conversion).
        one = '\n'.join(body)
        many = '\n'.join('    ' + line for line in body)
        src = (f'def build(r):\n    {unpack} = r\n{one}\n    return m\n\n'
               f'def first(rows, empty):\n    if not rows:\n        return empty()\n    {unpack} = rows[0]\n{one}\n    return m\n\n'
               f'def many(rows):\n    out = []\n    add = out.append\n    for r in rows:\n        {unpack} = r\n{many}\n        add(m)\n'
               '    return out\n')
        exec(compile(src, f'<prisma row builder {m.name}>', 'exec'), ns)
        return Builders(ns)


def dict_constructor(model: Any) -> Callable[[Dict[str, Any]], Any]:
    """`_compat.model_construct(model, values)` as generated code for one class (pydantic v1's construct walks
    every field with `get_default()` per instance). Only for classes without aliases (Core.parse checks)."""
    ns: Dict[str, Any] = {'_cls': model, '_set': object.__setattr__, '_slow': functools.partial(_compat.model_construct, model)}
    items: List[str] = []
    if _compat.PYDANTIC_V2:
        plain = _v2_plain_construct(model)
        if plain is None or any(getattr(fld, 'alias', None) is not None for fld in plain.values()):
            return lambda values: _compat.model_construct(model, values)
        ns['_names'] = frozenset(plain)
        for i, (n, fld) in enumerate(plain.items()):
            if fld.is_required():
                items.append(f'{n!r}: v[{n!r}]')  # KeyError: absent required field, left out as model_construct does
            elif getattr(fld, 'default_factory', None) is None and fld.default is None:
                items.append(f'{n!r}: v[{n!r}] if {n!r} in v else None')
            else:
                ns[f'_d{i}'] = functools.partial(fld.get_default, call_default_factory=True)
                items.append(f'{n!r}: v[{n!r}] if {n!r} in v else _d{i}()')
        src = ('def make(v):\n    try:\n'
               f'        d = {{{", ".join(items)}}}\n'
               '    except KeyError:\n        return _slow(v)\n'
               '    if not v.keys() <= _names:\n        return _slow(v)\n'  # unknown keys: model_construct decides
               '    m = _cls.__new__(_cls)\n    _set(m, "__dict__", d)\n    _set(m, "__pydantic_fields_set__", set(v))\n'
               '    _set(m, "__pydantic_extra__", None)\n    _set(m, "__pydantic_private__", None)\n    return m\n')
        exec(compile(src, f'<prisma constructor {getattr(model, "__name__", "model")}>', 'exec'), ns)
        return cast(Callable[[Dict[str, Any]], Any], ns['make'])
    for i, (n, fld) in enumerate(cast('Dict[str, Any]', getattr(model, '__fields__')).items()):
        if getattr(fld, 'required', True) is True:
            items.append(f'{n!r}: v[{n!r}]')  # KeyError: absent required field, pydantic's construct leaves it out
        elif getattr(fld, 'default_factory', None) is None and getattr(fld, 'default', None) is None:
            items.append(f'{n!r}: v[{n!r}] if {n!r} in v else None')
        else:
            ns[f'_d{i}'] = fld.get_default
            items.append(f'{n!r}: v[{n!r}] if {n!r} in v else _d{i}()')
    private = '    m._init_private_attributes()\n' if getattr(model, '__private_attributes__', None) else ''
    src = ('def make(v):\n    try:\n'
           f'        d = {{{", ".join(items)}}}\n'
           '    except KeyError:\n        return _slow(v)\n'
           '    if len(d) != len(v):\n        d.update(v)\n'
           '    m = _cls.__new__(_cls)\n    _set(m, "__dict__", d)\n    _set(m, "__fields_set__", set(v))\n'
           f'{private}    return m\n')
    exec(compile(src, f'<prisma constructor {getattr(model, "__name__", "model")}>', 'exec'), ns)
    return cast(Callable[[Dict[str, Any]], Any], ns['make'])


def _v2_plain_construct(model: Any) -> Optional[Dict[str, Any]]:
    """pydantic 2: the model's fields when `model_construct` would only fill __dict__ and the fields set (no
    post-init, no private attributes, no extra values, not a root model), else None."""
    if getattr(model, '__pydantic_post_init__', None) or getattr(model, '__private_attributes__', None):
        return None
    if getattr(model, '__pydantic_root_model__', False):
        return None
    if cast('Dict[str, Any]', getattr(model, 'model_config', {})).get('extra') == 'allow':
        return None
    return cast('Dict[str, Any]', getattr(model, 'model_fields'))


def _max_params(provider: str) -> int:
    """Bound parameters per statement: SQLite before 3.32 allows 999, PostgreSQL's protocol 65535."""
    if provider == 'sqlite':
        return 32766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999
    return 32767


def _none() -> Any:
    return None


def _not_found() -> Any:
    raise record_not_found('Expected a record, found none.')


def _make_encoder(codec: ValueCodec, f: FieldInfo) -> Callable[[Any], Any]:
    encode = functools.partial(codec.encode, f)
    if f.kind != 'scalar' or f.is_list:
        return encode
    if f.type == 'String':
        return lambda v: v if v.__class__ is str else encode(v)
    if f.type == 'Int':
        return lambda v: v if v.__class__ is int and -2147483648 <= v <= 2147483647 else encode(v)
    if f.type == 'BigInt':
        return lambda v: v if v.__class__ is int else encode(v)
    if f.type == 'Float':
        return lambda v: v if v.__class__ is float else encode(v)
    return encode


def _same(a: List[Any], b: List[Any]) -> bool:
    """Parameter lists equal value by value and type by type (1 == True == 1.0 in Python)."""
    return len(a) == len(b) and all(type(x) is type(y) and x == y for x, y in zip(a, b))
