"""Drives compiler plans on a connection (sync or async)."""
from __future__ import annotations

from typing import Any

from .compiler import Plan
from .drivers import AsyncConnection, SyncConnection


def drive_sync(plan: Plan, conn: SyncConnection) -> Any:
    try:
        stmt = next(plan)
        while True:
            res = conn.execute(stmt)
            stmt = plan.send(res)
    except StopIteration as stop:
        return stop.value


async def drive_async(plan: Plan, conn: AsyncConnection) -> Any:
    try:
        stmt = next(plan)
        while True:
            res = await conn.execute(stmt)
            stmt = plan.send(res)
    except StopIteration as stop:
        return stop.value
