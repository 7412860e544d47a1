"""Scalar filters per type, combinators and relation filters."""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest


@pytest.fixture
def seeded(db: Any, run: Any) -> Any:
    run(db.user.create(data={'email': 'alice@x.io', 'name': 'Alice', 'age': 30, 'big': 10, 'score': 1.5, 'balance': Decimal('1.10'),
                             'active': True, 'role': 'ADMIN', 'posts': {'create': [{'title': 'A1', 'published': True, 'views': 5}]}}))
    run(db.user.create(data={'email': 'bob@x.io', 'name': 'Bob', 'age': 20, 'big': 20, 'score': 2.5, 'balance': Decimal('2.20'),
                             'active': False, 'posts': {'create': [{'title': 'B1', 'views': 1}, {'title': 'B2', 'published': True}]}}))
    run(db.user.create(data={'email': 'carol@y.io', 'age': 40}))
    return db


def emails(run: Any, db: Any, where: Any) -> list[str]:
    return sorted(u.email for u in run(db.user.find_many(where=where)))


def test_string_filters(seeded: Any, run: Any) -> None:
    db = seeded
    assert emails(run, db, {'name': 'Alice'}) == ['alice@x.io']
    assert emails(run, db, {'name': {'equals': 'Bob'}}) == ['bob@x.io']
    assert emails(run, db, {'name': None}) == ['carol@y.io']
    assert emails(run, db, {'name': {'not': None}}) == ['alice@x.io', 'bob@x.io']
    assert emails(run, db, {'email': {'in': ['bob@x.io', 'zz']}}) == ['bob@x.io']
    assert emails(run, db, {'email': {'not_in': ['bob@x.io']}}) == ['alice@x.io', 'carol@y.io']
    assert emails(run, db, {'email': {'in': []}}) == []
    assert emails(run, db, {'email': {'contains': '@x.'}}) == ['alice@x.io', 'bob@x.io']
    assert emails(run, db, {'email': {'startswith': 'car'}}) == ['carol@y.io']
    assert emails(run, db, {'email': {'endswith': 'y.io'}}) == ['carol@y.io']
    assert emails(run, db, {'email': {'contains': '%'}}) == []
    assert emails(run, db, {'name': {'not': 'Alice'}}) == ['bob@x.io']
    assert emails(run, db, {'name': {'not': {'startswith': 'A'}}}) == ['bob@x.io']
    assert emails(run, db, {'email': {'gt': 'bob@x.io'}}) == ['carol@y.io']
    assert emails(run, db, {'email': {'lte': 'bob@x.io'}}) == ['alice@x.io', 'bob@x.io']


def test_insensitive_mode(seeded: Any, run: Any, gen: Any) -> None:
    if gen.provider != 'postgresql':
        pytest.skip('mode is a PostgreSQL feature')
    assert emails(run, seeded, {'name': {'equals': 'alice', 'mode': 'insensitive'}}) == ['alice@x.io']
    assert emails(run, seeded, {'name': {'contains': 'LI', 'mode': 'insensitive'}}) == ['alice@x.io']
    assert emails(run, seeded, {'name': {'contains': 'LI'}}) == []


def test_number_filters(seeded: Any, run: Any) -> None:
    db = seeded
    assert emails(run, db, {'age': {'gt': 20, 'lt': 40}}) == ['alice@x.io']
    assert emails(run, db, {'age': {'gte': 30}}) == ['alice@x.io', 'carol@y.io']
    assert emails(run, db, {'age': {'lte': 20}}) == ['bob@x.io']
    assert emails(run, db, {'big': {'in': [10, 20]}}) == ['alice@x.io', 'bob@x.io']
    assert emails(run, db, {'score': {'gt': 2.0}}) == ['bob@x.io']
    assert emails(run, db, {'balance': {'gte': Decimal('2')}}) == ['bob@x.io']
    assert emails(run, db, {'age': {'not': {'in': [20, 30]}}}) == ['carol@y.io']


def test_bool_enum_datetime_filters(seeded: Any, run: Any) -> None:
    db = seeded
    assert emails(run, db, {'active': False}) == ['bob@x.io']
    assert emails(run, db, {'active': {'not': False}}) == ['alice@x.io', 'carol@y.io']
    assert emails(run, db, {'role': 'ADMIN'}) == ['alice@x.io']
    assert emails(run, db, {'role': {'in': ['USER']}}) == ['bob@x.io', 'carol@y.io']
    now = datetime.datetime.now(datetime.timezone.utc)
    assert len(emails(run, db, {'createdAt': {'lt': now + datetime.timedelta(hours=1)}})) == 3
    assert emails(run, db, {'createdAt': {'gt': now + datetime.timedelta(hours=1)}}) == []


def test_combinators(seeded: Any, run: Any) -> None:
    db = seeded
    assert emails(run, db, {'OR': [{'age': 20}, {'age': 40}]}) == ['bob@x.io', 'carol@y.io']
    assert emails(run, db, {'AND': [{'age': {'gt': 10}}, {'email': {'contains': 'x.io'}}]}) == ['alice@x.io', 'bob@x.io']
    assert emails(run, db, {'NOT': [{'age': 20}]}) == ['alice@x.io', 'carol@y.io']
    assert emails(run, db, {'OR': []}) == []


def test_relation_filters(seeded: Any, run: Any) -> None:
    db = seeded
    assert emails(run, db, {'posts': {'some': {'published': True}}}) == ['alice@x.io', 'bob@x.io']
    assert emails(run, db, {'posts': {'every': {'published': True}}}) == ['alice@x.io', 'carol@y.io']
    assert emails(run, db, {'posts': {'none': {}}}) == ['carol@y.io']
    titles = sorted(p.title for p in run(db.post.find_many(where={'author': {'is': {'name': 'Bob'}}})))
    assert titles == ['B1', 'B2']
    titles = sorted(p.title for p in run(db.post.find_many(where={'author': {'is_not': {'name': 'Bob'}}})))
    assert titles == ['A1']
    assert run(db.post.count(where={'author': {'is': None}})) == 0
