"""Turns Prisma Client Python arguments into SQL.

Every action is a *plan*: a generator that yields `Statement`s and receives each `Result`. The same plan
runs on the sync drivers and on the async drivers (see executor.py), so query logic exists once.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, cast

from ..errors import InputError, UnsupportedDatabaseError, error_data
from .defaults import MISSING, client_default, now_utc
from .schema import FieldInfo, ModelInfo
from .sql import TRUE, Frag, Statement
from .compiler_base import Plan, Row, arg_keys, data_error, record_not_found, unknown_arg
from .compiler_writing import WriteCompiler

__all__ = ['Compiler', 'Plan', 'Row']


class Compiler(WriteCompiler):
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
                data = arg_keys(cast(Mapping[str, Any], args.get('data') or {}))
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
        for t in order:
            if t.field is None or t.field.name not in by:
                missing = t.field.name if t.field is not None else 'a relation or _relevance'
                raise InputError(error_data('P2019', f'Every field used for orderBy must be included in the by-arguments of the query. Missing fields: {missing}'))
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
            sql = sql + ' ORDER BY ' + ', '.join(f'{self.col(a, t.field)} {"DESC" if t.desc else "ASC"}' for t in order if t.field is not None)
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
            ops = arg_keys(cast(Mapping[str, Any], value)) if isinstance(value, Mapping) else {'equals': value}
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
