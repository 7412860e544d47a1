"""Interactive transactions: `with db.tx() as tx:` yields a copy of the client bound to one connection."""
from __future__ import annotations

import logging
from datetime import timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Generic, Optional, Tuple, Type, TypeVar, Union

from ..engine.errors import EngineConnectionError
from ..errors import TransactionNotStartedError
from .common import TxState, to_seconds

if TYPE_CHECKING:
    from .client import AsyncBasePrisma, SyncBasePrisma

log = logging.getLogger('prisma')
_SyncT = TypeVar('_SyncT', bound='SyncBasePrisma')
_AsyncT = TypeVar('_AsyncT', bound='AsyncBasePrisma')

__all__ = ('SyncTransactionManager', 'AsyncTransactionManager', 'TransactionManager')


class _Manager:
    """Argument handling and close bookkeeping shared by both managers; the steps that talk to the
    connection (begin, commit, rollback, release) stay in each class because the async one awaits them."""

    def __init__(self, max_wait: Union[int, timedelta], timeout: Union[int, timedelta]) -> None:
        self._max_wait = to_seconds(max_wait, 2.0, 'max_wait', int_is_ms=True)
        self._timeout = to_seconds(timeout, 5.0, 'timeout', int_is_ms=True)
        self._state: Optional[TxState] = None

    def _close_state(self) -> Optional[Tuple[TxState, bool]]:
        """Marks the transaction closed and returns it with whether it expired; None if already closed."""
        state = self._state
        if state is None:
            raise TransactionNotStartedError()
        if state.closed:
            return None
        expired = state.expired()
        state.closed = True
        return state, expired


class SyncTransactionManager(_Manager, Generic[_SyncT]):
    def __init__(self, client: _SyncT, *, max_wait: Union[int, timedelta], timeout: Union[int, timedelta]) -> None:
        super().__init__(max_wait, timeout)
        self._client = client
        self._tx_client: Optional[_SyncT] = None

    def start(self) -> _SyncT:
        pool = self._client._pool()  # pyright: ignore[reportPrivateUsage]
        conn = pool.acquire(self._max_wait)
        try:
            conn.begin()
        except BaseException:
            pool.release(conn, True)
            raise
        self._state = TxState(conn, self._timeout)
        tx_client: _SyncT = self._client._copy()  # pyright: ignore[reportPrivateUsage]
        tx_client._tx = self._state  # pyright: ignore[reportPrivateUsage]
        self._tx_client = tx_client
        return tx_client

    def _finish(self, commit: bool, lost: bool = False) -> None:
        closing = self._close_state()
        if closing is None:
            return
        state, expired = closing
        pool = self._client._pool()  # pyright: ignore[reportPrivateUsage]
        broken = lost  # a connection that failed inside the transaction must not go back to the pool
        try:
            if commit and not expired:
                state.conn.commit()
            else:
                state.conn.rollback()
        except Exception:
            broken = True
            raise
        finally:
            pool.release(state.conn, broken)
        if commit and expired:
            raise state.expired_error()

    def commit(self) -> None:
        self._finish(True)

    def rollback(self) -> None:
        self._finish(False)

    def __enter__(self) -> _SyncT:
        return self.start()

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc is None:
            self.commit()
            return
        try:
            self._finish(False, lost=isinstance(exc, EngineConnectionError))
        except Exception:
            log.warning('Encountered exception while attempting to rollback transaction', exc_info=True)


class AsyncTransactionManager(_Manager, Generic[_AsyncT]):
    def __init__(self, client: _AsyncT, *, max_wait: Union[int, timedelta], timeout: Union[int, timedelta]) -> None:
        super().__init__(max_wait, timeout)
        self._client = client

    async def start(self) -> _AsyncT:
        pool = self._client._pool()  # pyright: ignore[reportPrivateUsage]
        conn = await pool.acquire(self._max_wait)
        try:
            await conn.begin()
        except BaseException:
            await pool.release(conn, True)
            raise
        self._state = TxState(conn, self._timeout)
        tx_client: _AsyncT = self._client._copy()  # pyright: ignore[reportPrivateUsage]
        tx_client._tx = self._state  # pyright: ignore[reportPrivateUsage]
        return tx_client

    async def _finish(self, commit: bool, lost: bool = False) -> None:
        closing = self._close_state()
        if closing is None:
            return
        state, expired = closing
        pool = self._client._pool()  # pyright: ignore[reportPrivateUsage]
        broken = lost  # a connection that failed inside the transaction must not go back to the pool
        try:
            if commit and not expired:
                await state.conn.commit()
            else:
                await state.conn.rollback()
        except Exception:
            broken = True
            raise
        finally:
            await pool.release(state.conn, broken)
        if commit and expired:
            raise state.expired_error()

    async def commit(self) -> None:
        await self._finish(True)

    async def rollback(self) -> None:
        await self._finish(False)

    async def __aenter__(self) -> _AsyncT:
        return await self.start()

    async def __aexit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc is None:
            await self.commit()
            return
        try:
            await self._finish(False, lost=isinstance(exc, EngineConnectionError))
        except Exception:
            log.warning('Encountered exception while attempting to rollback transaction', exc_info=True)


TransactionManager = SyncTransactionManager
