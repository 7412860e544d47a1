"""The query compiler, layer 3: ordering, reading rows, pagination and includes."""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, cast

from ..errors import UnknownRelationalFieldError
from .schema import FieldInfo, ModelInfo
from .sql import FALSE, Frag, Statement
from .compiler_base import INCLUDE_ARGS, arg_keys, data_error, unknown_arg, Row, Plan
from .compiler_filters import FilterCompiler


class OrderTerm:
    """One ORDER BY term: `field` is the model's own scalar field when ordering by it directly (group_by
    and cursor logic need it), else None; `build(alias)` renders the expression for a table alias."""
    __slots__ = ('field', 'desc', 'build')

    def __init__(self, field: Optional[FieldInfo], desc: bool, build: Callable[[str], Frag]) -> None:
        self.field = field
        self.desc = desc
        self.build = build


class ReadCompiler(FilterCompiler):
    # ------------------------------------------------------------------ ordering
    def order_items(self, m: ModelInfo, order: Any) -> List[OrderTerm]:
        """Parse `order` / `order_by`: one-key dicts on a scalar field, a to-one relation (nested),
        a to-many relation's `_count`, or `_relevance` (full-text search, PostgreSQL/MySQL)."""
        if order is None:
            return []
        items: List[Any] = list(order) if isinstance(order, (list, tuple)) else [order]  # pyright: ignore
        return [self.order_term(m, item, '`order`') for item in items]

    def order_term(self, m: ModelInfo, item: Any, ctx: str) -> OrderTerm:
        if not isinstance(item, Mapping) or len(item) != 1:  # pyright: ignore
            n = len(item) if isinstance(item, Mapping) else 0  # pyright: ignore
            raise data_error(f'Invalid {ctx} argument: Expected exactly one field to be present, got {n}.', 'P2009')
        (key, direction), = cast(Mapping[str, Any], item).items()
        if key == '_relevance' and '_relevance' not in m.fields:
            return self.relevance_term(m, direction)
        f = self.field(m, key, ctx)
        if f.is_relation:
            return self.relation_order_term(m, f, direction, ctx)
        if isinstance(direction, Mapping):
            direction = cast(Mapping[str, Any], direction).get('sort', 'asc')
        desc = self._direction(key, direction)
        return OrderTerm(f, desc, lambda alias: Frag(self.col(alias, f)))

    @staticmethod
    def _direction(key: str, direction: Any) -> bool:
        if direction not in ('asc', 'desc'):
            raise data_error(f"Invalid value for `order` on `{key}`: expected 'asc' or 'desc', got {direction!r}")
        return direction == 'desc'

    def relation_order_term(self, m: ModelInfo, f: FieldInfo, spec: Any, ctx: str) -> OrderTerm:
        """Order by a related record's field (to-one, nested as deep as wanted) or by the number of
        related records (to-many `_count`), as a correlated subquery so the FROM clause stays as is."""
        if not isinstance(spec, Mapping):
            raise data_error(f'Invalid value for `order` on relation `{f.name}`: expected an object, got {spec!r}')
        link = self.schema.link(m, f)
        r = link.related
        ca = self.alias()
        if f.is_list:
            inner = cast(Mapping[str, Any], spec)
            if set(inner) != {'_count'}:
                raise data_error(f'Invalid value for `order` on the to-many relation `{f.name}`: only `_count` can be ordered by.')
            desc = self._direction(f'{f.name}._count', inner['_count'])

            def count(alias: str) -> Frag:
                if link.kind == 'join_table':
                    jt = self.d.table(link.table or '', link.table_schema)
                    mid = m.fields[m.id[0]]
                    return Frag(f'(SELECT COUNT(*) FROM {jt} AS {self.d.quote(ca)} '
                                f'WHERE {self.d.quote(ca)}.{self.d.quote(link.self_column)} = {self.col(alias, mid)})')
                return ('(SELECT COUNT(*) FROM ' + Frag(f'{self.table(r)} AS {self.d.quote(ca)} WHERE ')
                        + self.link_cond(link, alias, m, ca) + ')')

            return OrderTerm(None, desc, count)
        sub = self.order_term(r, spec, f'`order` on relation `{f.name}`')

        def value(alias: str) -> Frag:
            return ('(SELECT ' + sub.build(ca) + Frag(f' FROM {self.table(r)} AS {self.d.quote(ca)} WHERE ')
                    + self.link_cond(link, alias, m, ca) + ')')

        return OrderTerm(None, sub.desc, value)

    def relevance_term(self, m: ModelInfo, spec: Any) -> OrderTerm:
        if self.d.name not in ('postgresql', 'mysql'):
            raise unknown_arg(m, '_relevance', '`order`')
        if not isinstance(spec, Mapping) or not {'fields', 'search', 'sort'} <= set(cast(Mapping[str, Any], spec)):
            raise data_error('Invalid value for `_relevance`: expected an object with `fields`, `search` and `sort`.')
        rel = cast(Mapping[str, Any], spec)
        names: List[str] = [rel['fields']] if isinstance(rel['fields'], str) else list(rel['fields'])
        if not names:
            raise data_error('Invalid value for `_relevance`: `fields` needs at least one field.')
        fields: List[FieldInfo] = []
        for n in names:
            f = self.field(m, n, '`_relevance`')
            if f.type != 'String' or f.is_list or f.is_relation:
                raise data_error(f'Invalid value for `_relevance`: `{n}` is not a String field.')
            fields.append(f)
        search = rel['search']
        if not isinstance(search, str):
            raise data_error('Invalid value for `_relevance`: `search` must be a string.')
        desc = self._direction('_relevance', rel['sort'])
        return OrderTerm(None, desc, lambda alias: self.text_search([self.col(alias, f) for f in fields], search, rank=True))

    def order_sql(self, m: ModelInfo, alias: str, items: List[OrderTerm], reverse: bool) -> Frag:
        seen = {t.field.name for t in items if t.field is not None}
        full = list(items) + [self._key_term(m.fields[k]) for k in m.key_fields if k not in seen]
        parts: List[Frag] = []
        for t in full:
            d = t.desc != reverse
            if self.d.name == 'postgresql':
                # Prisma orders NULLs like MySQL/SQLite: first when ascending.
                parts.append(t.build(alias) + (' DESC NULLS LAST' if d else ' ASC NULLS FIRST'))
            else:
                parts.append(t.build(alias) + (' DESC' if d else ' ASC'))
        return ' ORDER BY ' + Frag.join(', ', parts)

    def _key_term(self, f: FieldInfo) -> OrderTerm:
        return OrderTerm(f, False, lambda alias: Frag(self.col(alias, f)))

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
            nested = arg_keys(cast(Mapping[str, Any], spec))
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
            nested: Mapping[str, Any] = arg_keys(cast(Mapping[str, Any], spec)) if isinstance(spec, Mapping) else {}
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
