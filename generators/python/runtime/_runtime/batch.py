"""Batched writes: queued actions run in one database transaction on commit()."""
from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Type

if TYPE_CHECKING:
    from .client import AsyncBasePrisma, SyncBasePrisma

__all__ = ('SyncBatcher', 'AsyncBatcher', 'Batcher')

_Op = Tuple[str, Any, Dict[str, Any]]


class _Queue:
    """Queueing shared by both batchers; only commit() differs (it awaits in the async one)."""

    def __init__(self) -> None:
        self._ops: List[_Op] = []

    def _add(self, *, method: str, model: Any, arguments: Dict[str, Any]) -> None:
        self._ops.append((method, model, dict(arguments)))

    def execute_raw(self, query: str, *args: Any) -> None:
        self._ops.append(('execute_raw', None, {'query': query, 'args': list(args)}))


class SyncBatcher(_Queue):
    def __init__(self, client: 'SyncBasePrisma') -> None:
        super().__init__()
        self._client = client

    def commit(self) -> None:
        ops, self._ops = self._ops, []
        if ops:
            self._client._run_batch(ops)  # pyright: ignore[reportPrivateUsage]

    def __enter__(self) -> 'SyncBatcher':
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc is None:
            self.commit()


class AsyncBatcher(_Queue):
    def __init__(self, client: 'AsyncBasePrisma') -> None:
        super().__init__()
        self._client = client

    async def commit(self) -> None:
        ops, self._ops = self._ops, []
        if ops:
            await self._client._run_batch(ops)  # pyright: ignore[reportPrivateUsage]

    async def __aenter__(self) -> 'AsyncBatcher':
        return self

    async def __aexit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc is None:
            await self.commit()


Batcher = SyncBatcher
