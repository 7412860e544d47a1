"""Database drivers: sqlite3, psycopg2 / asyncpg (PostgreSQL) and pymysql (MySQL/MariaDB).

Each connection runs `Statement`s whose parameters are marked with sql.PARAM (or, for raw queries, use
the database's own placeholder style) and returns `Result`s. Driver exceptions become Prisma errors.
"""
from __future__ import annotations

import asyncio
import re
import sqlite3
from typing import Any, Dict, List, Protocol, Sequence, Tuple, cast

from .dberrors import lost, wrap
from .sql import PARAM, Result, Statement
from .urls import ConnInfo, mask

_DOLLAR = re.compile(r'\$(\d+)')


class SyncConnection(Protocol):
    provider: str

    def execute(self, stmt: Statement, raw: bool = False) -> Result: ...
    def fetch(self, sql: str, params: List[Any]) -> List[Sequence[Any]]: ...
    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


class AsyncConnection(Protocol):
    provider: str

    async def execute(self, stmt: Statement, raw: bool = False) -> Result: ...
    async def fetch(self, sql: str, params: List[Any]) -> List[Sequence[Any]]: ...
    async def begin(self) -> None: ...
    async def commit(self) -> None: ...
    async def rollback(self) -> None: ...
    async def close(self) -> None: ...


def _format_style(sql: str, raw: bool, provider: str, params: List[Any]) -> Tuple[str, List[Any]]:
    """Convert to the `%s` (pyformat) style used by psycopg2 and pymysql."""
    if raw:
        if provider == 'postgresql' and _DOLLAR.search(sql):
            order: List[int] = []

            def repl(m: 're.Match[str]') -> str:
                order.append(int(m.group(1)) - 1)
                return '%s'

            out = _DOLLAR.sub(repl, sql.replace('%', '%%'))
            return out, [params[i] for i in order]
        if provider == 'mysql':
            return sql.replace('%', '%%').replace('?', '%s') if params else sql, params
        return (sql.replace('%', '%%') if params else sql), params
    return sql.replace('%', '%%').replace(PARAM, '%s'), params


def _native(cache: Dict[str, str], sql: str, placeholder: str, escape_percent: bool) -> str:
    """`sql` (parameters marked with PARAM) in the driver's placeholder style ('$n': numbered, for asyncpg),
    converted once per connection and statement text: the fast path (fastpath.py) runs the same few texts
    over and over."""
    native = cache.get(sql)
    if native is None:
        if len(cache) >= 1000:
            cache.clear()
        if placeholder == '$n':
            native = _dollar_params(sql)
        else:
            native = (sql.replace('%', '%%') if escape_percent else sql).replace(PARAM, placeholder)
        cache[sql] = native
    return native


def _dollar_params(sql: str) -> str:
    """PARAM markers as asyncpg's numbered placeholders $1, $2, ..."""
    pieces = sql.split(PARAM)
    return pieces[0] + ''.join(f'${i}{piece}' for i, piece in enumerate(pieces[1:], 1))


def _log(enabled: bool, sql: str, params: List[Any]) -> None:
    if enabled:
        print(f'prisma:query {sql} {params!r}' if params else f'prisma:query {sql}', flush=True)


class SqliteConnection:
    provider = 'sqlite'

    def __init__(self, info: ConnInfo, timeout: float, log: bool = False) -> None:
        self.log = log
        try:
            self.conn = sqlite3.connect(info.path, timeout=max(timeout, 5.0), isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise lost(f'unable to open the SQLite database at {info.path}: {exc}') from None
        self.conn.execute('PRAGMA foreign_keys = ON')
        self.native: Dict[str, str] = {}
        self.cursor = self.conn.cursor()  # reused by fetch(), which always reads the statement to its end

    def execute(self, stmt: Statement, raw: bool = False) -> Result:
        sql = stmt.sql if raw else stmt.sql.replace(PARAM, '?')
        _log(self.log, sql, stmt.params)
        try:
            cur = self.conn.execute(sql, stmt.params)
            rows = cur.fetchall()
            cols = [d[0] for d in cur.description] if cur.description else []
            return Result(cols, rows, cur.rowcount, cur.lastrowid)
        except Exception as exc:
            raise wrap('sqlite', exc, raw) from None

    def fetch(self, sql: str, params: List[Any]) -> List[Sequence[Any]]:
        """Run one statement (autocommit outside a transaction) and return its rows."""
        native = self.native.get(sql) or _native(self.native, sql, '?', False)
        if self.log:
            _log(True, native, params)
        try:
            return self.cursor.execute(native, params).fetchall()
        except Exception as exc:
            raise wrap('sqlite', exc, False) from None

    def begin(self) -> None:
        self.execute(Statement('BEGIN IMMEDIATE', [], False))

    def commit(self) -> None:
        self.execute(Statement('COMMIT', [], False))

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.execute(Statement('ROLLBACK', [], False))

    def close(self) -> None:
        self.conn.close()


class _DbApiConnection:
    """What psycopg2 and pymysql connections share (both DB-API cursors, `%s` placeholders)."""

    provider: str
    conn: Any
    log: bool
    native: Dict[str, str]
    _begin_sql: str
    _has_lastrowid: bool  # psycopg2's lastrowid is an OID, not the inserted id: report None like before

    def execute(self, stmt: Statement, raw: bool = False) -> Result:
        sql, params = _format_style(stmt.sql, raw, self.provider, stmt.params)
        _log(self.log, sql, params)
        try:
            with self.conn.cursor() as cur:
                cur.execute(sql, params or None)
                rows: List[Any] = list(cur.fetchall()) if cur.description else []
                cols = [d[0] for d in cur.description] if cur.description else []
                return Result(cols, rows, cur.rowcount, cur.lastrowid if self._has_lastrowid else None)
        except Exception as exc:
            raise wrap(self.provider, exc, raw) from None

    def fetch(self, sql: str, params: List[Any]) -> List[Sequence[Any]]:
        """Run one statement (autocommit outside a transaction) and return its rows (the fast path's query)."""
        native = self.native.get(sql) or _native(self.native, sql, '%s', True)
        if self.log:
            _log(True, native, params)
        try:
            with self.conn.cursor() as cur:
                cur.execute(native, params or None)
                if not cur.description:
                    return []
                rows: Any = cur.fetchall()
                return cast(List[Sequence[Any]], rows if type(rows) is list else list(rows))  # pymysql: a tuple
        except Exception as exc:
            raise wrap(self.provider, exc, False) from None

    def begin(self) -> None:
        self.execute(Statement(self._begin_sql, [], False))

    def commit(self) -> None:
        self.execute(Statement('COMMIT', [], False))

    def rollback(self) -> None:
        try:
            self.execute(Statement('ROLLBACK', [], False))
        except Exception:
            pass

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass


class PsycopgConnection(_DbApiConnection):
    provider = 'postgresql'
    _begin_sql = 'BEGIN'
    _has_lastrowid = False

    def __init__(self, info: ConnInfo, timeout: float, log: bool = False) -> None:
        import psycopg2  # pyright: ignore

        self.log = log
        kwargs: dict[str, Any] = {
            'host': info.host, 'port': info.port or 5432, 'user': info.user, 'password': info.password,
            'dbname': info.database or 'postgres', 'connect_timeout': max(1, int(timeout)),
        }
        if info.params.get('sslmode'):
            kwargs['sslmode'] = info.params['sslmode']
        try:
            self.conn: Any = psycopg2.connect(**kwargs)  # pyright: ignore
        except Exception as exc:
            raise lost(f'{mask(info.url)}: {str(exc).strip()}') from None
        self.conn.autocommit = True
        self.in_tx = False
        self.native: Dict[str, str] = {}
        if info.schema:
            self.execute(Statement('SET search_path TO ' + '"' + info.schema.replace('"', '""') + '"', [], False))


class PymysqlConnection(_DbApiConnection):
    provider = 'mysql'
    _begin_sql = 'START TRANSACTION'
    _has_lastrowid = True

    def __init__(self, info: ConnInfo, timeout: float, log: bool = False) -> None:
        import pymysql  # pyright: ignore

        self.log = log
        try:
            self.conn: Any = pymysql.connect(  # pyright: ignore
                host=info.host, port=info.port or 3306, user=info.user or 'root', password=info.password or '',
                database=info.database, connect_timeout=max(1, int(timeout)), autocommit=True, charset='utf8mb4',
                binary_prefix=True)
        except Exception as exc:
            raise lost(f'{mask(info.url)}: {str(exc).strip()}') from None
        self.native: Dict[str, str] = {}
        self.execute(Statement("SET time_zone = '+00:00'", [], False))


def open_sync(info: ConnInfo, timeout: float, log: bool) -> SyncConnection:
    if info.provider == 'postgresql':
        return PsycopgConnection(info, timeout, log)
    if info.provider == 'mysql':
        return PymysqlConnection(info, timeout, log)
    return SqliteConnection(info, timeout, log)


class ThreadedConnection:
    """Async facade over a sync connection: every call runs in a worker thread."""

    def __init__(self, conn: SyncConnection) -> None:
        self.sync = conn
        self.provider = conn.provider

    async def execute(self, stmt: Statement, raw: bool = False) -> Result:
        return await asyncio.to_thread(self.sync.execute, stmt, raw)

    async def fetch(self, sql: str, params: List[Any]) -> List[Sequence[Any]]:
        return await asyncio.to_thread(self.sync.fetch, sql, params)

    async def begin(self) -> None:
        await asyncio.to_thread(self.sync.begin)

    async def commit(self) -> None:
        await asyncio.to_thread(self.sync.commit)

    async def rollback(self) -> None:
        await asyncio.to_thread(self.sync.rollback)

    async def close(self) -> None:
        await asyncio.to_thread(self.sync.close)


class AsyncpgConnection:
    provider = 'postgresql'

    def __init__(self, conn: Any, log: bool) -> None:
        self.conn = conn
        self.log = log
        self.native: Dict[str, str] = {}

    @classmethod
    async def open(cls, info: ConnInfo, timeout: float, log: bool) -> 'AsyncpgConnection':
        import asyncpg  # pyright: ignore

        settings = {'search_path': info.schema} if info.schema else None
        try:
            # Through a dict: asyncpg's own annotations differ between versions (timeout: int in newer ones).
            options: Dict[str, Any] = dict(
                host=info.host, port=info.port or 5432, user=info.user, password=info.password,
                database=info.database or 'postgres', timeout=timeout, server_settings=settings,
                ssl=info.params.get('sslmode') if info.params.get('sslmode') not in (None, 'disable', 'prefer') else None)
            conn: Any = await asyncpg.connect(**options)  # pyright: ignore
        except Exception as exc:
            raise lost(f'{mask(info.url)}: {str(exc).strip()}') from None
        return cls(conn, log)

    async def execute(self, stmt: Statement, raw: bool = False) -> Result:
        sql = stmt.sql if raw else _dollar_params(stmt.sql)
        _log(self.log, sql, stmt.params)
        try:
            if stmt.returns_rows or raw:
                prepared: Any = await self.conn.prepare(sql)
                records: List[Any] = await prepared.fetch(*stmt.params)
                cols = [a.name for a in prepared.get_attributes()]
                status: str = prepared.get_statusmsg() or ''
                count = _status_count(status, len(records))
                return Result(cols, [tuple(r) for r in records], count, None)
            status = await self.conn.execute(sql, *stmt.params)
            return Result([], [], _status_count(status, -1), None)
        except Exception as exc:
            raise wrap('postgresql', exc, raw) from None

    async def fetch(self, sql: str, params: List[Any]) -> List[Sequence[Any]]:
        native = self.native.get(sql) or _native(self.native, sql, '$n', False)
        if self.log:
            _log(True, native, params)
        try:
            records: List[Any] = await self.conn.fetch(native, *params)
            return records
        except Exception as exc:
            raise wrap('postgresql', exc, False) from None

    async def begin(self) -> None:
        await self.execute(Statement('BEGIN', [], False))

    async def commit(self) -> None:
        await self.execute(Statement('COMMIT', [], False))

    async def rollback(self) -> None:
        try:
            await self.execute(Statement('ROLLBACK', [], False))
        except Exception:
            pass

    async def close(self) -> None:
        try:
            await self.conn.close()
        except Exception:
            pass


def _status_count(status: str, default: int) -> int:
    parts = status.split()
    if parts and parts[-1].isdigit():
        return int(parts[-1])
    return default


async def open_async(info: ConnInfo, timeout: float, log: bool) -> AsyncConnection:
    if info.provider == 'postgresql':
        return await AsyncpgConnection.open(info, timeout, log)
    conn = await asyncio.to_thread(open_sync, info, timeout, log)
    return ThreadedConnection(conn)


def describe(info: ConnInfo) -> str:
    return mask(info.url)


