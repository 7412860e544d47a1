"""Types shared by every generated schema."""
from __future__ import annotations

from typing import Any, Literal, TypedDict

__all__ = ('SortOrder', 'SortMode', 'MetricsFormat', 'DatasourceOverride', 'HttpConfig', 'PrismaMethod', 'TransactionId')

SortOrder = Literal['asc', 'desc']
SortMode = Literal['default', 'insensitive']
MetricsFormat = Literal['json', 'prometheus']
TransactionId = str

PrismaMethod = Literal[
    'create', 'create_many', 'find_unique', 'find_unique_or_raise', 'find_first', 'find_first_or_raise',
    'find_many', 'update', 'update_many', 'upsert', 'delete', 'delete_many', 'count', 'group_by',
    'query_raw', 'query_first', 'execute_raw',
]


class _DatasourceOverrideOptional(TypedDict, total=False):
    env: str
    name: str


class DatasourceOverride(_DatasourceOverrideOptional):
    url: str


class HttpConfig(TypedDict, total=False):
    """Accepted for compatibility; there is no HTTP engine to configure."""

    app: Any
    http1: bool
    http2: bool
    limits: Any
    timeout: Any
    trust_env: bool
    max_redirects: int
