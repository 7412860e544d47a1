"""Every model action, on every database and both interfaces."""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest


def test_create_and_find_unique(db: Any, run: Any, gen: Any) -> None:
    Json, Base64 = gen.fields.Json, gen.fields.Base64
    user = run(db.user.create(data={
        'email': 'a@x.io', 'name': 'Alice', 'big': 2**40, 'score': 1.25, 'balance': Decimal('12.5'),
        'meta': Json({'a': [1, None, 'x']}), 'blob': Base64.encode(b'\x00bytes'), 'role': 'ADMIN'}))
    assert user.id > 0 and user.email == 'a@x.io' and user.age == 0 and user.active is True
    assert user.big == 2**40 and user.score == 1.25 and user.balance == Decimal('12.5')
    assert user.meta == {'a': [1, None, 'x']} and user.blob.decode() == b'\x00bytes'
    assert user.role == 'ADMIN'
    assert user.createdAt.tzinfo is not None and user.createdAt.microsecond % 1000 == 0
    found = run(db.user.find_unique(where={'email': 'a@x.io'}))
    assert found == user
    assert run(db.user.find_unique(where={'id': user.id + 1000})) is None
    assert run(db.user.find_unique_or_raise(where={'id': user.id})).email == 'a@x.io'
    with pytest.raises(gen.errors.RecordNotFoundError):
        run(db.user.find_unique_or_raise(where={'id': user.id + 1000}))


def test_client_side_defaults(db: Any, run: Any) -> None:
    post = run(db.post.create(data={'title': 'hello'}))
    assert post.id.startswith('c') and len(post.id) == 25
    assert len(post.uid) == 36 and post.uid.count('-') == 4
    person = run(db.person.create(data={'firstName': 'A', 'lastName': 'B'}))
    assert person.nick is not None and len(person.nick) == 21


def test_datetime_roundtrip(db: Any, run: Any) -> None:
    naive = datetime.datetime(2022, 12, 25, 12, 1, 34, 123456)
    u = run(db.user.create(data={'email': 'd@x.io'}))
    before = u.updatedAt
    u2 = run(db.user.update(where={'id': u.id}, data={'name': 'x'}))
    assert u2.updatedAt >= before
    p = run(db.user.find_first(where={'createdAt': {'lte': datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=1)}}))
    assert p is not None
    assert run(db.user.count(where={'createdAt': {'lt': naive}})) == 0


def test_find_many_paging(db: Any, run: Any) -> None:
    for i in range(5):
        run(db.user.create(data={'email': f'u{i}@x.io', 'age': i % 3, 'name': f'n{i}'}))
    assert [u.email for u in run(db.user.find_many(order={'email': 'asc'}, take=2))] == ['u0@x.io', 'u1@x.io']
    assert [u.email for u in run(db.user.find_many(order={'email': 'asc'}, take=2, skip=1))] == ['u1@x.io', 'u2@x.io']
    assert [u.email for u in run(db.user.find_many(order={'email': 'asc'}, take=-2))] == ['u3@x.io', 'u4@x.io']
    assert [u.email for u in run(db.user.find_many(order={'email': 'asc'}, cursor={'email': 'u2@x.io'}, take=2))] == ['u2@x.io', 'u3@x.io']
    assert [u.email for u in run(db.user.find_many(order={'email': 'asc'}, cursor={'email': 'u2@x.io'}, take=-2))] == ['u1@x.io', 'u2@x.io']
    assert [u.email for u in run(db.user.find_many(order={'email': 'asc'}, cursor={'email': 'u2@x.io'}, skip=1))] == ['u3@x.io', 'u4@x.io']
    assert [u.age for u in run(db.user.find_many(distinct=['age'], order={'age': 'asc'}))] == [0, 1, 2]
    assert [u.email for u in run(db.user.find_many(order=[{'age': 'desc'}, {'email': 'desc'}]))][:2] == ['u2@x.io', 'u4@x.io']
    assert run(db.user.find_first(order={'email': 'desc'})).email == 'u4@x.io'
    assert run(db.user.find_first(where={'email': 'none'})) is None
    assert run(db.user.find_first(skip=1, order={'email': 'asc'})).email == 'u1@x.io'


def test_find_first_or_raise(db: Any, run: Any, gen: Any) -> None:
    with pytest.raises(gen.errors.RecordNotFoundError):
        run(db.user.find_first_or_raise(where={'email': 'missing'}))


def test_update_and_atomic(db: Any, run: Any, gen: Any) -> None:
    u = run(db.user.create(data={'email': 'u@x.io', 'age': 10, 'score': 2.0, 'big': 9}))
    u = run(db.user.update(where={'id': u.id}, data={'age': {'increment': 5}, 'score': {'multiply': 3}, 'big': {'decrement': 4}}))
    assert (u.age, u.score, u.big) == (15, 6.0, 5)
    u = run(db.user.update(where={'id': u.id}, data={'age': {'divide': 2}, 'score': {'divide': 4}, 'big': {'set': 1}}))
    assert (u.age, u.score, u.big) == (7, 1.5, 1)
    u = run(db.user.update(where={'id': u.id}, data={'name': None, 'age': 3}))
    assert u.name is None and u.age == 3
    assert run(db.user.update(where={'id': u.id + 999}, data={'age': 1})) is None
    with pytest.raises(gen.errors.DataError, match='Expected exactly one field to be present, got 2'):
        run(db.user.update(where={'id': u.id}, data={'age': {'increment': 1, 'decrement': 1}}))


def test_upsert(db: Any, run: Any) -> None:
    a = run(db.user.upsert(where={'email': 'up@x.io'}, data={'create': {'email': 'up@x.io', 'age': 1}, 'update': {'age': 2}}))
    assert a.age == 1
    b = run(db.user.upsert(where={'email': 'up@x.io'}, data={'create': {'email': 'up@x.io', 'age': 1}, 'update': {'age': 2}}))
    assert b.id == a.id and b.age == 2


def test_many_actions(db: Any, run: Any, gen: Any) -> None:
    n = run(db.user.create_many(data=[{'email': 'm1@x.io'}, {'email': 'm2@x.io', 'age': 5}]))
    assert n == 2
    if gen.provider == 'sqlite':
        with pytest.raises(gen.errors.UnsupportedDatabaseError, match='create_many_skip_duplicates is not supported by sqlite'):
            run(db.user.create_many(data=[{'email': 'm1@x.io'}], skip_duplicates=True))
    else:
        assert run(db.user.create_many(data=[{'email': 'm1@x.io'}, {'email': 'm3@x.io'}], skip_duplicates=True)) == 1
    assert run(db.user.update_many(where={'email': {'startswith': 'm'}}, data={'age': {'increment': 1}})) >= 2
    assert run(db.user.count(where={'age': {'gte': 1}})) >= 2
    assert run(db.user.delete_many(where={'email': 'm1@x.io'})) == 1
    assert run(db.user.delete_many()) >= 1
    assert run(db.user.count()) == 0


def test_delete(db: Any, run: Any) -> None:
    u = run(db.user.create(data={'email': 'del@x.io', 'posts': {'create': [{'title': 't'}]}}))
    deleted = run(db.user.delete(where={'id': u.id}, include={'posts': True}))
    assert deleted.email == 'del@x.io' and len(deleted.posts) == 1
    assert run(db.user.delete(where={'id': u.id})) is None


def test_count_select(db: Any, run: Any) -> None:
    run(db.user.create(data={'email': 'c1@x.io', 'name': 'x'}))
    run(db.user.create(data={'email': 'c2@x.io'}))
    assert run(db.user.count()) == 2
    assert run(db.user.count(take=1)) == 1
    assert run(db.user.count(skip=1)) == 1
    assert run(db.user.count(select={'_all': True, 'name': True})) == {'_all': 2, 'name': 1}


def test_group_by(db: Any, run: Any) -> None:
    for i, age in enumerate([1, 1, 2]):
        run(db.user.create(data={'email': f'g{i}@x.io', 'age': age, 'name': 'a' if age == 1 else 'b'}))
    rows = run(db.user.group_by(by=['name'], count=True, sum={'age': True}, avg={'age': True}, order={'name': 'asc'}))
    assert rows == [
        {'name': 'a', '_count': {'_all': 2}, '_sum': {'age': 2}, '_avg': {'age': 1.0}},
        {'name': 'b', '_count': {'_all': 1}, '_sum': {'age': 2}, '_avg': {'age': 2.0}},
    ]
    rows = run(db.user.group_by(by=['name'], having={'age': {'_sum': {'gt': 2}}}, order={'name': 'asc'}))
    assert rows == []
    with pytest.raises(TypeError, match="Missing argument: 'order' which is required when 'take' is present"):
        run(db.user.group_by(by=['name'], take=1))


def test_compound_id(db: Any, run: Any) -> None:
    run(db.person.create(data={'firstName': 'Ada', 'lastName': 'Lovelace', 'nick': 'ada'}))
    p = run(db.person.find_unique(where={'firstName_lastName': {'firstName': 'Ada', 'lastName': 'Lovelace'}}))
    assert p.nick == 'ada'
    p = run(db.person.update(where={'firstName_lastName': {'firstName': 'Ada', 'lastName': 'Lovelace'}}, data={'nick': 'countess'}))
    assert p.nick == 'countess'
    assert run(db.person.delete(where={'firstName_lastName': {'firstName': 'Ada', 'lastName': 'Lovelace'}})) is not None


def test_scalar_lists(db: Any, run: Any, gen: Any) -> None:
    if gen.provider != 'postgresql':
        pytest.skip('scalar lists exist only on PostgreSQL')
    t = run(db.tagged.create(data={'tags': ['a', 'b'], 'nums': [1, 2, 3]}))
    assert t.tags == ['a', 'b'] and t.nums == [1, 2, 3]
    assert run(db.tagged.count(where={'tags': {'has': 'a'}})) == 1
    assert run(db.tagged.count(where={'tags': {'has_every': ['a', 'b']}})) == 1
    assert run(db.tagged.count(where={'tags': {'has_some': ['z', 'b']}})) == 1
    assert run(db.tagged.count(where={'nums': {'is_empty': True}})) == 0
    assert run(db.tagged.count(where={'tags': {'equals': ['a', 'b']}})) == 1
    t = run(db.tagged.update(where={'id': t.id}, data={'tags': {'push': ['c']}, 'nums': {'set': []}}))
    assert t.tags == ['a', 'b', 'c'] and t.nums == []


def test_model_based_access_and_registry(db: Any, run: Any, gen: Any) -> None:
    testing = __import__(gen.module.__name__ + '.testing', fromlist=['x'])
    registry = __import__(gen.module.__name__ + '._registry', fromlist=['x'])
    with testing.reset_client(db):
        run(gen.models.User.prisma().create(data={'email': 'reg@x.io'}))
        assert run(gen.models.User.prisma().count()) == 1
        with pytest.raises(gen.errors.ClientAlreadyRegisteredError):
            registry.register(db)
    with testing.reset_client(None):
        with pytest.raises(gen.errors.ClientNotRegisteredError):
            gen.models.User.prisma()
