"""Process-wide client registry used by model-based access (`User.prisma()`)."""
from __future__ import annotations

from typing import Any, Callable, Optional, Union

from .errors import ClientAlreadyRegisteredError, ClientNotRegisteredError

__all__ = ('register', 'get_client', 'RegisteredClient')

RegisteredClient = Union[Any, Callable[[], Any]]
_registered: Optional[RegisteredClient] = None


def register(client: RegisteredClient) -> None:
    """Register a client instance (or a factory returning one). Raises on a second registration."""
    global _registered
    if _registered is not None:
        raise ClientAlreadyRegisteredError()
    _registered = client


def get_client() -> Any:
    registered = _registered
    if registered is None:
        raise ClientNotRegisteredError()
    if callable(registered) and not hasattr(registered, '_execute'):
        client = registered()
        if not hasattr(client, '_execute'):
            raise TypeError(f'Registered function returned {type(client)} instead of a Prisma instance.')
        return client
    return registered


def unregister() -> None:
    global _registered
    _registered = None


def current() -> Optional[RegisteredClient]:
    return _registered


def set_registered(value: Optional[RegisteredClient]) -> None:
    global _registered
    _registered = value
