"""Drives compiler plans on a connection (sync or async).

Each drive is one client query and each statement one datasource query for `get_metrics()`
(metrics.py): two clock reads and a counter update per statement.
"""
from __future__ import annotations

from time import perf_counter
from typing import Any

from .compiler import Plan
from .drivers import AsyncConnection, SyncConnection
from .metrics import METRICS


def drive_sync(plan: Plan, conn: SyncConnection) -> Any:
    METRICS.client_started()
    started = perf_counter()
    try:
        stmt = next(plan)
        while True:
            t = perf_counter()
            res = conn.execute(stmt)
            METRICS.statement((perf_counter() - t) * 1000.0)
            stmt = plan.send(res)
    except StopIteration as stop:
        return stop.value
    finally:
        METRICS.client_finished((perf_counter() - started) * 1000.0)


async def drive_async(plan: Plan, conn: AsyncConnection) -> Any:
    METRICS.client_started()
    started = perf_counter()
    try:
        stmt = next(plan)
        while True:
            t = perf_counter()
            res = await conn.execute(stmt)
            METRICS.statement((perf_counter() - t) * 1000.0)
            stmt = plan.send(res)
    except StopIteration as stop:
        return stop.value
    finally:
        METRICS.client_finished((perf_counter() - started) * 1000.0)
