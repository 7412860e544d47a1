"""Helpers for tests: swap or clear the registered client."""
from __future__ import annotations

import contextlib
from typing import Any, Generator, Optional

from . import _registry

__all__ = ('reset_client', 'unregister_client')


def unregister_client() -> None:
    _registry.unregister()


@contextlib.contextmanager
def reset_client(new: Optional[Any] = None) -> Generator[None, None, None]:
    """Register `new` (or nothing) for the duration of the block, then restore the previous client."""
    previous = _registry.current()
    _registry.set_registered(new)
    try:
        yield
    finally:
        _registry.set_registered(previous)
