"""Connection pools: a thread-safe one for the sync client and an asyncio one for the async client."""
from __future__ import annotations

import asyncio
import threading
import time
from typing import Callable, Awaitable, List, Optional

from ..errors import DataError, error_data
from .drivers import AsyncConnection, SyncConnection


def _pool_timeout(limit: int, timeout: float) -> DataError:
    return DataError(error_data('P2024', f'Timed out fetching a new connection from the connection pool. '
                                         f'(Current connection pool timeout: {timeout}, connection limit: {limit})'))


class SyncPool:
    def __init__(self, factory: Callable[[], SyncConnection], size: int, timeout: float) -> None:
        self.factory = factory
        self.size = size
        self.timeout = timeout
        self.idle: List[SyncConnection] = []
        self.total = 0
        self.cond = threading.Condition()
        self.closed = False
        self.waiting = 0  # threads blocked in acquire(): release() notifies only when there are some

    def acquire(self, timeout: Optional[float] = None) -> SyncConnection:
        if not self.closed:
            try:
                return self.idle.pop()  # atomic: the common case needs no lock
            except IndexError:
                pass
        wait = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + wait
        with self.cond:
            while True:
                # `waiting` is raised before `idle` is looked at: release() appends without the lock
                # and then checks `waiting`, so either it sees this waiter (and notifies once we wait)
                # or we see its connection here.
                self.waiting += 1
                try:
                    if self.idle:
                        return self.idle.pop()
                    if self.total < self.size:
                        self.total += 1
                        break
                    remaining = deadline - time.monotonic()
                    woken = remaining > 0 and self.cond.wait(remaining)
                finally:
                    self.waiting -= 1
                if not woken:
                    if not self.idle and self.total >= self.size:
                        raise _pool_timeout(self.size, wait)
        try:
            return self.factory()
        except BaseException:
            with self.cond:
                self.total -= 1
                self.cond.notify()
            raise

    def release(self, conn: SyncConnection, broken: bool = False) -> None:
        if not broken and not self.closed:
            self.idle.append(conn)  # atomic: the common case needs no lock (see acquire)
            if self.waiting or self.closed:
                with self.cond:
                    if self.closed and conn in self.idle:  # close() ran meanwhile: do not keep it open
                        self.idle.remove(conn)
                        self.total -= 1
                        try:
                            conn.close()
                        except Exception:
                            pass
                    self.cond.notify()
            return
        with self.cond:
            if broken or self.closed:
                self.total -= 1
                # A lost connection usually means the server dropped every session (restart, failover,
                # an administrator's kill): the idle ones are closed too so the next query reconnects.
                stale = [conn] + (self.idle if broken else [])
                self.total -= len(stale) - 1
                if broken:
                    self.idle = []
                for c in stale:
                    try:
                        c.close()
                    except Exception:
                        pass
            else:
                self.idle.append(conn)
            if self.waiting:
                self.cond.notify()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            for c in self.idle:
                try:
                    c.close()
                except Exception:
                    pass
            self.total -= len(self.idle)
            self.idle.clear()


class AsyncPool:
    def __init__(self, factory: Callable[[], Awaitable[AsyncConnection]], size: int, timeout: float) -> None:
        self.factory = factory
        self.size = size
        self.timeout = timeout
        self.idle: List[AsyncConnection] = []
        self.total = 0
        self.cond: Optional[asyncio.Condition] = None
        self.closed = False

    def _cond(self) -> asyncio.Condition:
        if self.cond is None:
            self.cond = asyncio.Condition()
        return self.cond

    async def acquire(self, timeout: Optional[float] = None) -> AsyncConnection:
        wait = self.timeout if timeout is None else timeout
        cond = self._cond()
        async with cond:
            if not self.idle and self.total >= self.size:
                try:
                    await asyncio.wait_for(cond.wait_for(lambda: bool(self.idle) or self.total < self.size), wait)
                except asyncio.TimeoutError:
                    raise _pool_timeout(self.size, wait) from None
            if self.idle:
                return self.idle.pop()
            self.total += 1
        try:
            return await self.factory()
        except BaseException:
            async with cond:
                self.total -= 1
                cond.notify()
            raise

    async def release(self, conn: AsyncConnection, broken: bool = False) -> None:
        cond = self._cond()
        async with cond:
            if broken or self.closed:
                stale = [conn] + (self.idle if broken else [])  # see SyncPool.release
                self.total -= len(stale)
                if broken:
                    self.idle = []
                for c in stale:
                    try:
                        await c.close()
                    except Exception:
                        pass
            else:
                self.idle.append(conn)
            cond.notify()

    async def close(self) -> None:
        self.closed = True
        idle, self.idle = self.idle, []
        self.total -= len(idle)
        for c in idle:
            await c.close()
