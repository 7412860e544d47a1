"""The query compiler, layer 2: `where` filters (scalar, list, relation) and unique criteria."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, cast

from ..errors import FieldNotFoundError, error_data
from ..fields import Json
from .schema import FieldInfo, ModelInfo, RelationLink
from .sql import FALSE, TRUE, Frag
from .compiler_base import SCALAR_OPS, arg_keys, data_error, unknown_arg, CompilerBase


class FilterCompiler(CompilerBase):
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
            ops = arg_keys(cast(Mapping[str, Any], value))
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
                if op == 'mode':
                    continue
                if op == 'search':
                    parts.append(self.search_filter(f, col, v))
                    continue
                parts.append(self.op(f, col, op, v, insensitive))
            return Frag.join(' AND ', [p.paren() for p in parts]) if parts else TRUE
        if f.is_list:
            return self.list_filter(f, col, {'equals': value})
        return self.eq(f, col, value)

    def search_filter(self, f: FieldInfo, col: str, query: Any) -> Frag:
        """`search` (full-text, PostgreSQL and MySQL only, as in Prisma): to_tsquery / MATCH ... AGAINST."""
        if self.d.name not in ('postgresql', 'mysql') or f.type != 'String':
            raise FieldNotFoundError(error_data(
                'P2009', f'Unknown argument `search` in filter on field `{f.name}`: full-text search needs PostgreSQL or MySQL.',
                {'kind': 'UnknownInputField', 'argument': 'search'}))
        if not isinstance(query, str):
            raise data_error(f'Invalid value for `search` on field `{f.name}`: expected a string')
        return self.text_search([col], query)

    def text_search(self, cols: List[str], query: str, rank: bool = False) -> Frag:
        """Full-text match (or its relevance when `rank`): Prisma's SQL for `search` / `_relevance`."""
        if self.d.name == 'postgresql':
            vector = f"to_tsvector(concat_ws(' ', {', '.join(cols)}))"
            if rank:
                return Frag(f'ts_rank({vector}, to_tsquery(') + Frag.param(query) + '))'
            return Frag(f'{vector} @@ to_tsquery(') + Frag.param(query) + ')'
        return Frag(f'MATCH ({", ".join(cols)}) AGAINST (') + Frag.param(query) + ' IN BOOLEAN MODE)'

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
            ops = arg_keys(cast(Mapping[str, Any], value))
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
        ops = arg_keys(cast(Mapping[str, Any], value))
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
