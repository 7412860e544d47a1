"""Errors, connection handling, transactions, batches and raw queries."""
from __future__ import annotations

import asyncio
import datetime
import time
from typing import Any

import pytest


def test_unique_and_fk_violations(db: Any, run: Any, gen: Any) -> None:
    run(db.user.create(data={'email': 'e@x.io'}))
    with pytest.raises(gen.errors.UniqueViolationError, match='Unique constraint failed') as exc:
        run(db.user.create(data={'email': 'e@x.io'}))
    assert exc.value.code == 'P2002'
    with pytest.raises(gen.errors.ForeignKeyViolationError) as fk:
        run(db.post.create(data={'title': 't', 'authorId': 987654}))
    assert fk.value.code == 'P2003'


def test_invalid_query_shapes(db: Any, run: Any, gen: Any) -> None:
    with pytest.raises(gen.errors.DataError, match='unknown_field'):
        run(db.user.find_many(where={'unknown_field': 1}))
    with pytest.raises(gen.errors.DataError, match='bogus'):
        run(db.user.create(data={'email': 'x@x.io', 'bogus': 1}))
    with pytest.raises(gen.errors.DataError):
        run(db.user.find_unique(where={'id': 1, 'email': 'x'}))
    with pytest.raises(gen.errors.DataError):
        run(db.user.find_unique(where={'name': 'x'}))
    with pytest.raises(gen.errors.DataError, match='Expected exactly one field to be present, got 2'):
        run(db.user.find_many(order={'email': 'asc', 'name': 'asc'}))
    with pytest.raises(gen.errors.MissingRequiredValueError):
        run(db.user.create(data={'name': 'no email'}))
    with pytest.raises(gen.errors.DataError):
        run(db.user.create(data={'email': 123}))
    with pytest.raises(gen.errors.UnknownRelationalFieldError, match='either does not exist or is not a relational field'):
        run(db.user.find_many(include={'email': True}))


def test_not_connected_and_already_connected(gen: Any, run: Any, db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(gen.root)
    fresh = gen.client_mod.Prisma()
    assert not fresh.is_connected()
    with pytest.raises(gen.errors.ClientNotConnectedError, match=r'connect\(\)'):
        run(fresh.user.find_many())
    engine_errors = __import__(gen.module.__name__ + '.engine.errors', fromlist=['x'])
    with pytest.raises(engine_errors.AlreadyConnectedError):
        run(db.connect())


def test_unreachable_database(gen: Any, run: Any) -> None:
    if gen.provider == 'sqlite':
        url = 'file:/nonexistent-dir/x/y.db'
    elif gen.provider == 'postgresql':
        url = 'postgresql://postgres:postgres@127.0.0.1:1/postgres'
    else:
        url = 'mysql://prisma:prisma@127.0.0.1:1/x'
    client = gen.client_mod.Prisma(datasource={'url': url})
    engine_errors = __import__(gen.module.__name__ + '.engine.errors', fromlist=['x'])
    with pytest.raises(engine_errors.EngineConnectionError):
        run(client.connect())


def test_context_manager(gen: Any, run: Any, db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(gen.root)
    client = gen.client_mod.Prisma()
    if gen.interface == 'sync':
        with client as c:
            assert c.is_connected()
            c.user.count()
    else:
        async def go() -> None:
            async with client as c:
                assert c.is_connected()
                await c.user.count()
        run(go())
    assert not client.is_connected()


def test_transaction_commit_and_rollback(db: Any, run: Any, gen: Any) -> None:
    if gen.interface == 'sync':
        with db.tx() as tx:
            tx.user.create(data={'email': 'tx@x.io'})
            assert db.user.find_unique(where={'email': 'tx@x.io'}) is None
            assert tx.is_transaction()
        assert db.user.count() == 1
        with pytest.raises(RuntimeError):
            with db.tx() as tx:
                tx.user.create(data={'email': 'tx2@x.io'})
                raise RuntimeError('boom')
        assert db.user.count() == 1
        with pytest.raises(gen.errors.TransactionExpiredError, match='Transaction already closed'):
            tx.user.count()
        # Upstream (databases/sync_tests/test_transactions.py::test_timeout): a query after the timeout raises
        # TransactionExpiredError, and the clean exit of the block raises it again when it tries to commit.
        with pytest.raises(gen.errors.TransactionExpiredError):
            with db.tx(timeout=datetime.timedelta(milliseconds=50)) as tx2:
                time.sleep(0.1)
                with pytest.raises(gen.errors.TransactionExpiredError, match='expired transaction'):
                    tx2.user.create(data={'email': 'late@x.io'})
        assert db.user.find_unique(where={'email': 'late@x.io'}) is None
        manager = db.tx()
        with pytest.raises(gen.errors.TransactionNotStartedError):
            manager.commit()
        with pytest.raises(gen.errors.TransactionNotStartedError):
            manager.rollback()
        # Manual start/commit, and model-based access through the transaction client.
        manager = db.tx()
        tx3 = manager.start()
        gen.models.User.prisma(tx3).create(data={'email': 'manual@x.io'})
        assert db.user.find_unique(where={'email': 'manual@x.io'}) is None
        manager.commit()
        assert db.user.find_unique(where={'email': 'manual@x.io'}) is not None
        manager = db.tx()
        tx4 = manager.start()
        tx4.user.create(data={'email': 'rolled@x.io'})
        manager.rollback()
        assert db.user.find_unique(where={'email': 'rolled@x.io'}) is None
        return

    async def go() -> None:
        async with db.tx() as tx:
            await tx.user.create(data={'email': 'tx@x.io'})
            assert await db.user.find_unique(where={'email': 'tx@x.io'}) is None
        assert await db.user.count() == 1
        with pytest.raises(RuntimeError):
            async with db.tx() as tx:
                await tx.user.create(data={'email': 'tx2@x.io'})
                raise RuntimeError('boom')
        assert await db.user.count() == 1
        with pytest.raises(gen.errors.TransactionExpiredError, match='Transaction already closed'):
            await tx.user.count()
        with pytest.raises(gen.errors.TransactionExpiredError):
            async with db.tx(timeout=datetime.timedelta(milliseconds=50)) as tx2:
                await asyncio.sleep(0.1)
                with pytest.raises(gen.errors.TransactionExpiredError, match='expired transaction'):
                    await tx2.user.create(data={'email': 'late@x.io'})
        assert await db.user.find_unique(where={'email': 'late@x.io'}) is None
        manager = db.tx()
        with pytest.raises(gen.errors.TransactionNotStartedError):
            await manager.commit()
        with pytest.raises(gen.errors.TransactionNotStartedError):
            await manager.rollback()
        manager = db.tx()
        tx3 = await manager.start()
        await gen.models.User.prisma(tx3).create(data={'email': 'manual@x.io'})
        assert await db.user.find_unique(where={'email': 'manual@x.io'}) is None
        await manager.commit()
        assert await db.user.find_unique(where={'email': 'manual@x.io'}) is not None
        manager = db.tx()
        tx4 = await manager.start()
        await tx4.user.create(data={'email': 'rolled@x.io'})
        await manager.rollback()
        assert await db.user.find_unique(where={'email': 'rolled@x.io'}) is None

    run(go())


def test_batch(db: Any, run: Any, gen: Any) -> None:
    batcher = db.batch_()
    batcher.user.create(data={'email': 'b1@x.io'})
    batcher.user.create(data={'email': 'b2@x.io'})
    run(batcher.commit())
    assert run(db.user.count()) == 2
    batcher = db.batch_()
    batcher.user.create(data={'email': 'b3@x.io'})
    batcher.user.create(data={'email': 'b1@x.io'})
    with pytest.raises(gen.errors.UniqueViolationError, match='Unique constraint failed'):
        run(batcher.commit())
    assert run(db.user.count()) == 2


def test_raw_queries(db: Any, run: Any, gen: Any) -> None:
    u = run(db.user.create(data={'email': 'raw@x.io', 'big': 5}))
    q = '"User"' if gen.provider != 'mysql' else '`User`'
    ph = '$1' if gen.provider == 'postgresql' else '?'
    rows = run(db.query_raw(f'SELECT id, email, big FROM {q} WHERE id = {ph}', u.id))
    assert rows == [{'id': u.id, 'email': 'raw@x.io', 'big': 5}]
    first = run(db.query_first(f'SELECT email FROM {q} WHERE id = {ph}', u.id))
    assert first == {'email': 'raw@x.io'}
    typed = run(db.query_first(f'SELECT * FROM {q} WHERE id = {ph}', u.id, model=gen.models.User))
    assert typed.email == 'raw@x.io' and typed.createdAt == u.createdAt
    assert run(db.execute_raw(f'UPDATE {q} SET age = 7 WHERE id = {ph}', u.id)) == 1
    assert run(db.user.find_unique(where={'id': u.id})).age == 7
    with pytest.raises(gen.errors.RawQueryError):
        run(db.query_raw('SELECT * FROM no_such_table_here'))


def test_log_queries(gen: Any, run: Any, db: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(gen.root)
    client = gen.client_mod.Prisma(log_queries=True)
    run(client.connect())
    run(client.user.count())
    run(client.disconnect())
    assert 'SELECT COUNT(*)' in capsys.readouterr().out
