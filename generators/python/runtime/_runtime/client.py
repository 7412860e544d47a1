"""Base classes of the generated `Prisma` client (sync and asyncio interfaces)."""
from __future__ import annotations

import copy
import logging
import warnings
from datetime import timedelta
from time import perf_counter
from types import ModuleType, TracebackType
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Type, TypeVar, Union, cast

from .. import _registry
from ..engine.errors import AlreadyConnectedError, EngineConnectionError
from ..errors import ClientNotConnectedError, PrismaError
from .common import READ_METHODS, Core, TxState, to_seconds
from .drivers import AsyncConnection, SyncConnection, open_async, open_sync
from .executor import drive_async, drive_sync
from .metrics import FOLD_AT, SINGLES, STARTED, fold
from .fastpath import AsyncRecorder, BulkEntry, Entry, Pending, Recorder, run_bulk, run_bulk_async
from .pool import AsyncPool, SyncPool
from .sql import Statement

log = logging.getLogger('prisma')
_SyncT = TypeVar('_SyncT', bound='SyncBasePrisma')
_AsyncT = TypeVar('_AsyncT', bound='AsyncBasePrisma')


class _Shared:
    """State shared by a client and the copies bound to transactions."""

    def __init__(self) -> None:
        self.sync_pool: Optional[SyncPool] = None
        self.async_pool: Optional[AsyncPool] = None


class _BaseClient:
    def __init__(self, schema_module: ModuleType, *, use_dotenv: bool = True, log_queries: bool = False,
                 auto_register: bool = False, datasource: Optional[Any] = None,
                 connect_timeout: Union[int, timedelta] = timedelta(seconds=10), http: Optional[Any] = None) -> None:
        self._core = Core(schema_module, use_dotenv=use_dotenv, log_queries=log_queries, datasource=datasource,
                          connect_timeout=connect_timeout)
        self._shared = _Shared()
        self._tx: Optional[TxState] = None
        self._http_config = http
        if auto_register:
            _registry.register(self)

    @property
    def _active_provider(self) -> str:
        return self._core.schema.provider

    @property
    def _tx_id(self) -> Optional[str]:
        return self._tx.id if self._tx else None

    def is_registered(self) -> bool:
        current = _registry.current()
        return current is self

    def is_transaction(self) -> bool:
        return self._tx is not None

    def _copy(self: Any) -> Any:
        new = copy.copy(self)
        attrs: Dict[str, Any] = cast(Dict[str, Any], dict(vars(self)))  # pyright: ignore[reportUnknownArgumentType]
        for name, value in attrs.items():
            # Model action attributes hold a reference to the client: rebind them to the copy.
            if hasattr(value, '_client') and getattr(value, '_client') is self:
                action = copy.copy(value)
                setattr(action, '_client', new)
                setattr(new, name, action)
        return new

    def _warn_nested_tx(self) -> None:
        if self._tx is not None:
            warnings.warn('The current client is already in a transaction. This can lead to surprising behaviour.',
                          UserWarning, stacklevel=3)


class SyncBasePrisma(_BaseClient):
    def connect(self, timeout: Union[int, timedelta, None] = None) -> None:
        if self._shared.sync_pool is not None:
            raise AlreadyConnectedError('Already connected to the query engine')
        seconds = to_seconds(timeout, self._core.connect_timeout, 'timeout')
        info = self._core.conn_info()
        log_q = self._core.log_queries
        pool = SyncPool(lambda: open_sync(info, seconds, log_q), info.pool_size, info.pool_timeout)
        conn = pool.acquire()  # fail fast when the database is unreachable
        pool.release(conn)
        self._shared.sync_pool = pool

    def disconnect(self, timeout: Union[float, timedelta, None] = None) -> None:
        if timeout is not None and not isinstance(timeout, timedelta):
            warnings.warn('Passing a number as `timeout` is deprecated; use a datetime.timedelta instead', DeprecationWarning, stacklevel=2)
        pool, self._shared.sync_pool = self._shared.sync_pool, None
        if pool is not None:
            pool.close()

    def is_connected(self) -> bool:
        return self._shared.sync_pool is not None

    def __enter__(self: _SyncT) -> _SyncT:
        self.connect()
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if self.is_connected():
            self.disconnect()

    def _pool(self) -> SyncPool:
        pool = self._shared.sync_pool
        if pool is None:
            raise ClientNotConnectedError()
        return pool

    def _run(self, fn: Callable[[SyncConnection], Any], write: bool) -> Any:
        """Run fn(conn) on the transaction's connection, or on a pooled one inside its own transaction."""
        if self._tx is not None:
            self._tx.check()
            return fn(self._tx.conn)
        pool = self._pool()
        conn = pool.acquire()
        broken = False
        try:
            if not write:
                return fn(conn)
            conn.begin()
            try:
                result = fn(conn)
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
            return result
        except EngineConnectionError:
            broken = True
            raise
        finally:
            pool.release(conn, broken)

    def _single(self, entry: Entry, params: List[Any]) -> Any:
        """A learned shape (fastpath.py): one statement with the cached SQL text, no transaction needed.
        Counted for get_metrics() like executor.drive_sync: one client query, one datasource query."""
        next(STARTED)
        started = perf_counter()
        statement_ms = -1.0
        try:
            tx = self._tx
            if tx is not None:
                tx.check()
                rows = tx.conn.fetch(entry.sql, params)
            else:
                pool = self._shared.sync_pool
                if pool is None:
                    raise ClientNotConnectedError()
                conn = pool.acquire()
                try:
                    rows = conn.fetch(entry.sql, params)
                except EngineConnectionError:
                    pool.release(conn, True)
                    raise
                except BaseException:
                    pool.release(conn)
                    raise
                pool.release(conn)
            statement_ms = (perf_counter() - started) * 1000.0
            return entry.finish(rows)
        finally:
            SINGLES.append((statement_ms, (perf_counter() - started) * 1000.0))
            if len(SINGLES) > FOLD_AT:
                fold()

    def _find_unique(self, method: str, model: Any, where: Mapping[str, Any], include: Any) -> Any:
        """find_unique(_or_raise) of the generated actions: the most frequent query, straight to its learned
        statement (FastPaths.unique) without the generic arguments dict; anything else goes to _execute."""
        hit = self._core.fast.unique_hit(method, model, where) if include is None else None
        if hit is not None:
            return self._single(*hit)
        return self._execute(method=method, model=model, arguments={'where': where, 'include': include})

    def _execute(self, *, method: str, model: Any, arguments: Dict[str, Any], root_selection: Optional[List[str]] = None) -> Any:
        if method in ('query_raw', 'query_first'):
            query, args = arguments['query'], tuple(arguments.get('args') or ())
            if method == 'query_raw':
                return self.query_raw(query, *args, model=model)
            return self.query_first(query, *args, model=model)
        hit = self._core.fast.lookup(method, model, arguments)
        if hit is None:
            plan, finish = self._core.plan(method, model, arguments)
            return finish(self._run(lambda conn: drive_sync(plan, conn), method not in READ_METHODS))
        if not isinstance(hit, Pending):
            entry, params = hit
            if isinstance(entry, BulkEntry):
                return self._run(lambda conn: run_bulk(conn, params), True)
            return self._single(entry, params)
        plan, finish = self._core.plan(method, model, arguments)
        rec: List[Recorder] = []

        def run_recorded(conn: SyncConnection) -> Any:
            rec.append(Recorder(conn))
            return drive_sync(plan, cast(SyncConnection, rec[-1]))

        result = finish(self._run(run_recorded, method not in READ_METHODS))
        self._core.fast.learn(hit, rec[-1].seen)
        return result

    def _raw(self, query: str, args: Any, returns: bool) -> Any:
        stmt = Statement(query, list(args), True)
        return self._run(lambda conn: conn.execute(stmt, raw=True), False)

    def query_raw(self, query: str, *args: Any, model: Optional[Any] = None) -> List[Any]:
        res = self._raw(query, args, True)
        return self._core.raw_rows(res.columns, res.rows, model)

    def query_first(self, query: str, *args: Any, model: Optional[Any] = None) -> Any:
        rows = self.query_raw(query, *args, model=model)
        return rows[0] if rows else (None if model is not None else {})

    def execute_raw(self, query: str, *args: Any) -> int:
        res = self._raw(query, args, False)
        return max(int(res.rowcount), 0)

    def tx(self: _SyncT, *, max_wait: Union[int, timedelta] = timedelta(milliseconds=2000),
           timeout: Union[int, timedelta] = timedelta(milliseconds=5000)) -> 'SyncTransactionManager[_SyncT]':
        self._warn_nested_tx()
        return SyncTransactionManager(self, max_wait=max_wait, timeout=timeout)

    def batch_(self) -> 'SyncBatcher':
        return SyncBatcher(self)

    def _run_batch(self, ops: List[Any]) -> None:
        def run_all(conn: SyncConnection) -> None:
            for method, model, arguments in ops:
                if method == 'execute_raw':
                    conn.execute(Statement(arguments['query'], list(arguments['args']), True), raw=True)
                    continue
                plan, _ = self._core.plan(method, model, arguments)
                drive_sync(plan, conn)

        self._run(run_all, True)


class AsyncBasePrisma(_BaseClient):
    async def connect(self, timeout: Union[int, timedelta, None] = None) -> None:
        if self._shared.async_pool is not None:
            raise AlreadyConnectedError('Already connected to the query engine')
        seconds = to_seconds(timeout, self._core.connect_timeout, 'timeout')
        info = self._core.conn_info()
        log_q = self._core.log_queries
        pool = AsyncPool(lambda: open_async(info, seconds, log_q), info.pool_size, info.pool_timeout)
        conn = await pool.acquire()
        await pool.release(conn)
        self._shared.async_pool = pool

    async def disconnect(self, timeout: Union[float, timedelta, None] = None) -> None:
        if timeout is not None and not isinstance(timeout, timedelta):
            warnings.warn('Passing a number as `timeout` is deprecated; use a datetime.timedelta instead', DeprecationWarning, stacklevel=2)
        pool, self._shared.async_pool = self._shared.async_pool, None
        if pool is not None:
            await pool.close()

    def is_connected(self) -> bool:
        return self._shared.async_pool is not None

    async def __aenter__(self: _AsyncT) -> _AsyncT:
        await self.connect()
        return self

    async def __aexit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if self.is_connected():
            await self.disconnect()

    def _pool(self) -> AsyncPool:
        pool = self._shared.async_pool
        if pool is None:
            raise ClientNotConnectedError()
        return pool

    async def _run(self, fn: Callable[[AsyncConnection], Awaitable[Any]], write: bool) -> Any:
        if self._tx is not None:
            self._tx.check()
            return await fn(self._tx.conn)
        pool = self._pool()
        conn = await pool.acquire()
        broken = False
        try:
            if not write:
                return await fn(conn)
            await conn.begin()
            try:
                result = await fn(conn)
            except BaseException:
                await conn.rollback()
                raise
            await conn.commit()
            return result
        except EngineConnectionError:
            broken = True
            raise
        finally:
            await pool.release(conn, broken)

    async def _single(self, entry: Entry, params: List[Any]) -> Any:
        """See SyncBasePrisma._single."""
        next(STARTED)
        started = perf_counter()
        statement_ms = -1.0
        try:
            rows = await self._run(lambda conn: conn.fetch(entry.sql, params), False)
            statement_ms = (perf_counter() - started) * 1000.0
            return entry.finish(rows)
        finally:
            SINGLES.append((statement_ms, (perf_counter() - started) * 1000.0))
            if len(SINGLES) > FOLD_AT:
                fold()

    async def _find_unique(self, method: str, model: Any, where: Mapping[str, Any], include: Any) -> Any:
        """See SyncBasePrisma._find_unique."""
        hit = self._core.fast.unique_hit(method, model, where) if include is None else None
        if hit is not None:
            return await self._single(*hit)
        return await self._execute(method=method, model=model, arguments={'where': where, 'include': include})

    async def _execute(self, *, method: str, model: Any, arguments: Dict[str, Any], root_selection: Optional[List[str]] = None) -> Any:
        if method in ('query_raw', 'query_first'):
            query, args = arguments['query'], tuple(arguments.get('args') or ())
            if method == 'query_raw':
                return await self.query_raw(query, *args, model=model)
            return await self.query_first(query, *args, model=model)
        hit = self._core.fast.lookup(method, model, arguments)
        if hit is None:
            plan, finish = self._core.plan(method, model, arguments)
            return finish(await self._run(lambda conn: drive_async(plan, conn), method not in READ_METHODS))
        if not isinstance(hit, Pending):
            entry, params = hit
            if isinstance(entry, BulkEntry):
                return await self._run(lambda conn: run_bulk_async(conn, params), True)
            return await self._single(entry, params)
        plan, finish = self._core.plan(method, model, arguments)
        rec: List[AsyncRecorder] = []

        async def run_recorded(conn: AsyncConnection) -> Any:
            rec.append(AsyncRecorder(conn))
            return await drive_async(plan, cast(AsyncConnection, rec[-1]))

        result = finish(await self._run(run_recorded, method not in READ_METHODS))
        self._core.fast.learn(hit, rec[-1].seen)
        return result

    async def _raw(self, query: str, args: Any) -> Any:
        stmt = Statement(query, list(args), True)
        return await self._run(lambda conn: conn.execute(stmt, raw=True), False)

    async def query_raw(self, query: str, *args: Any, model: Optional[Any] = None) -> List[Any]:
        res = await self._raw(query, args)
        return self._core.raw_rows(res.columns, res.rows, model)

    async def query_first(self, query: str, *args: Any, model: Optional[Any] = None) -> Any:
        rows = await self.query_raw(query, *args, model=model)
        return rows[0] if rows else (None if model is not None else {})

    async def execute_raw(self, query: str, *args: Any) -> int:
        res = await self._raw(query, args)
        return max(int(res.rowcount), 0)

    def tx(self: _AsyncT, *, max_wait: Union[int, timedelta] = timedelta(milliseconds=2000),
           timeout: Union[int, timedelta] = timedelta(milliseconds=5000)) -> 'AsyncTransactionManager[_AsyncT]':
        self._warn_nested_tx()
        return AsyncTransactionManager(self, max_wait=max_wait, timeout=timeout)

    def batch_(self) -> 'AsyncBatcher':
        return AsyncBatcher(self)

    async def _run_batch(self, ops: List[Any]) -> None:
        async def run_all(conn: AsyncConnection) -> None:
            for method, model, arguments in ops:
                if method == 'execute_raw':
                    await conn.execute(Statement(arguments['query'], list(arguments['args']), True), raw=True)
                    continue
                plan, _ = self._core.plan(method, model, arguments)
                await drive_async(plan, conn)

        await self._run(run_all, True)


from .transactions import AsyncTransactionManager, SyncTransactionManager  # noqa: E402
from .batch import AsyncBatcher, SyncBatcher  # noqa: E402

__all__ = ('SyncBasePrisma', 'AsyncBasePrisma', 'PrismaError', 'log')
