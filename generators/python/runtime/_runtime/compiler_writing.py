"""The query compiler, layer 4: scalar assignments, creates, updates and nested relation writes."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple, cast

from ..errors import error_data
from ..fields import Json
from .defaults import MISSING, client_default, now_utc
from .schema import FieldInfo, ModelInfo, RelationLink
from .sql import Frag, Statement
from .compiler_base import arg_keys, data_error, unknown_arg, record_not_found, Row, Plan
from .compiler_reading import ReadCompiler


class WriteCompiler(ReadCompiler):
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
                ops = arg_keys(cast(Mapping[str, Any], value))
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

    def _split_data(self, m: ModelInfo, data: Mapping[str, Any], scalars: Dict[str, Any],
                    relation_hint: str) -> List[Tuple[FieldInfo, Dict[str, Any]]]:
        """Checks a create/update `data` argument: scalar values go into `scalars`, relation fields come back
        as (field, nested operations) in the order given. `relation_hint` ends the bad-relation-value message."""
        if not isinstance(data, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise data_error('Invalid `data` argument: expected an object')
        rel_ops: List[Tuple[FieldInfo, Dict[str, Any]]] = []
        for key, value in data.items():
            f = m.fields.get(key)
            if f is None:
                raise unknown_arg(m, key, '`data`')
            if f.is_relation:
                if not isinstance(value, Mapping):
                    raise data_error(f'Invalid value for relation `{key}`{relation_hint}')
                rel_ops.append((f, arg_keys(cast(Mapping[str, Any], value))))
            else:
                scalars[key] = value
        return rel_ops

    def create(self, m: ModelInfo, data: Mapping[str, Any], extra: Optional[Mapping[str, Any]] = None) -> Plan:
        """INSERT one record with nested writes; returns the full row of the new record."""
        values: Dict[str, Any] = dict(extra or {})
        rel_ops = self._split_data(m, data, values, ': expected create/connect/connect_or_create')
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
                spec = arg_keys(cast(Mapping[str, Any], v))
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
                        spec = arg_keys(cast(Mapping[str, Any], item))
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
        scalar_data: Dict[str, Any] = {}
        rel_ops = self._split_data(m, data, scalar_data, '')
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
