"""Coverage of the issue-6 API list not exercised elsewhere: nested include arguments, per-type filters,
compound unique keys, scalar lists, nested writes, client options, registry, custom models, batches,
concurrent transactions, lost connections, model-bound raw queries and group_by aggregates."""
from __future__ import annotations

import asyncio
import base64
import datetime
import os
import uuid
import warnings
from decimal import Decimal
from typing import Any, List, Optional

import pytest

from conftest import MY_URL, PG_URL


def _titles(posts: Any) -> List[str]:
    return [p.title for p in posts]


# ---------------------------------------------------------------------------------------------- includes
def test_include_cursor_distinct_negative_take(db: Any, run: Any) -> None:
    u = run(db.user.create(data={'email': 'inc@x.io', 'posts': {'create': [
        {'title': 'p1', 'views': 1}, {'title': 'p2', 'views': 1}, {'title': 'p3', 'views': 2}, {'title': 'p4', 'views': 3}]}},
        include={'posts': {'order_by': {'title': 'asc'}}}))
    ids = {p.title: p.id for p in u.posts}
    got = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'cursor': {'id': ids['p2']}, 'take': 2, 'order_by': {'title': 'asc'}}}))
    assert _titles(got.posts) == ['p2', 'p3']
    got = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'distinct': ['views'], 'order_by': {'title': 'asc'}}}))
    assert _titles(got.posts) == ['p1', 'p3', 'p4']
    got = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'take': -2, 'order_by': {'title': 'asc'}}}))
    assert _titles(got.posts) == ['p3', 'p4']
    got = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'where': {'views': {'gt': 1}}, 'skip': 1, 'order_by': {'title': 'desc'}}}))
    assert _titles(got.posts) == ['p3']
    # nested include below a filtered to-many include, and an include on find_many
    run(db.post.update(where={'id': ids['p1']}, data={'categories': {'create': [{'name': 'cat-a'}, {'name': 'cat-b'}]}}))
    users = run(db.user.find_many(include={'posts': {'where': {'title': 'p1'}, 'include': {'categories': {'order_by': {'name': 'desc'}, 'take': 1}}}}))
    assert len(users) == 1 and _titles(users[0].posts) == ['p1']
    assert [c.name for c in users[0].posts[0].categories] == ['cat-b']
    # include with False is the same as leaving it out
    assert run(db.user.find_unique(where={'id': u.id}, include={'posts': False})).posts is None


def test_find_first_and_count_with_cursor(db: Any, run: Any) -> None:
    for i in range(4):
        run(db.user.create(data={'email': f'cur{i}@x.io', 'age': i}))
    first = run(db.user.find_first(cursor={'email': 'cur1@x.io'}, skip=1, order={'email': 'asc'}))
    assert first.email == 'cur2@x.io'
    assert run(db.user.count(cursor={'email': 'cur1@x.io'})) == 3
    assert run(db.user.count(where={'age': {'gte': 1}}, take=2)) == 2
    assert run(db.user.find_first(where={'age': {'gt': 1}}, order={'age': 'desc'})).age == 3
    assert run(db.user.find_first_or_raise(where={'age': 0})).email == 'cur0@x.io'
    assert run(db.user.find_many(where={'age': {'gte': 1}}, distinct=['age'], take=-1, order={'age': 'asc'}))[0].age == 3


# ---------------------------------------------------------------------------------------------- filters
@pytest.fixture
def typed_rows(db: Any, run: Any, gen: Any) -> Any:
    Json, Base64 = gen.fields.Json, gen.fields.Base64
    t1 = datetime.datetime(2021, 1, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
    t2 = datetime.datetime(2022, 6, 15, 8, 30, 0, 250000, tzinfo=datetime.timezone.utc)
    run(db.user.create(data={'email': 'a@t.io', 'age': 1, 'big': -5, 'score': 0.5, 'balance': Decimal('10.25'), 'active': True,
                             'meta': Json({'k': 1}), 'blob': Base64.encode(b'one'), 'role': 'USER', 'createdAt': t1}))
    run(db.user.create(data={'email': 'b@t.io', 'age': 2, 'big': 2**40, 'score': 3.75, 'balance': Decimal('-1.5'), 'active': False,
                             'meta': Json(['x', 2]), 'blob': Base64.encode(b'two'), 'role': 'ADMIN', 'createdAt': t2}))
    run(db.user.create(data={'email': 'c@t.io', 'age': 3}))
    return t1, t2


def _emails(run: Any, db: Any, where: Any) -> List[str]:
    return sorted(u.email for u in run(db.user.find_many(where=where)))


def test_filters_per_type(db: Any, run: Any, gen: Any, typed_rows: Any) -> None:
    t1, t2 = typed_rows
    Base64 = gen.fields.Base64
    e = lambda w: _emails(run, db, w)  # noqa: E731
    # Int
    assert e({'age': {'equals': 2}}) == ['b@t.io']
    assert e({'age': {'in': [1, 3]}}) == ['a@t.io', 'c@t.io']
    assert e({'age': {'not_in': [1, 3]}}) == ['b@t.io']
    assert e({'age': {'not': 2}}) == ['a@t.io', 'c@t.io']
    assert e({'age': {'lt': 2}}) == ['a@t.io']
    # BigInt
    assert e({'big': 2**40}) == ['b@t.io']
    assert e({'big': {'lt': 0}}) == ['a@t.io']
    assert e({'big': {'gte': -5, 'lte': 2**41}}) == ['a@t.io', 'b@t.io']
    assert e({'big': {'not_in': [-5]}}) == ['b@t.io']
    # Float
    assert e({'score': 0.5}) == ['a@t.io']
    assert e({'score': {'in': [3.75]}}) == ['b@t.io']
    assert e({'score': {'lte': 3.75, 'gt': 0.5}}) == ['b@t.io']
    assert e({'score': {'not': 0.5}}) == ['b@t.io']
    # Decimal
    assert e({'balance': Decimal('10.25')}) == ['a@t.io']
    assert e({'balance': {'lt': Decimal('0')}}) == ['b@t.io']
    assert e({'balance': {'in': [Decimal('-1.5'), Decimal('99')]}}) == ['b@t.io']
    assert e({'balance': {'not': {'gt': Decimal('0')}}}) == ['b@t.io']
    assert e({'balance': None}) == ['c@t.io']
    # Boolean
    assert e({'active': True}) == ['a@t.io', 'c@t.io']
    assert e({'active': {'equals': False}}) == ['b@t.io']
    assert e({'active': {'not': True}}) == ['b@t.io']
    # DateTime (the stored value has millisecond precision)
    assert e({'createdAt': t1}) == ['a@t.io']
    assert e({'createdAt': {'equals': t2}}) == ['b@t.io']
    assert e({'createdAt': {'in': [t1, t2]}}) == ['a@t.io', 'b@t.io']
    assert e({'createdAt': {'not_in': [t1, t2]}}) == ['c@t.io']
    assert e({'createdAt': {'gt': t1, 'lte': t2}}) == ['b@t.io']
    assert e({'createdAt': {'lt': t2.replace(tzinfo=None)}}) == ['a@t.io']  # naive means UTC
    assert e({'createdAt': {'not': t1}}) == ['b@t.io', 'c@t.io']
    # Bytes
    assert e({'blob': Base64.encode(b'one')}) == ['a@t.io']
    assert e({'blob': {'equals': Base64.encode(b'two')}}) == ['b@t.io']
    assert e({'blob': {'in': [Base64.encode(b'one'), Base64.encode(b'zzz')]}}) == ['a@t.io']
    assert e({'blob': {'not_in': [Base64.encode(b'one')]}}) == ['b@t.io']
    assert e({'blob': {'not': Base64.encode(b'one')}}) == ['b@t.io']
    assert e({'blob': None}) == ['c@t.io']
    # Enum
    assert e({'role': {'equals': 'ADMIN'}}) == ['b@t.io']
    assert e({'role': {'not_in': ['ADMIN']}}) == ['a@t.io', 'c@t.io']
    assert e({'role': {'not': 'USER'}}) == ['b@t.io']


def test_json_filters(db: Any, run: Any, gen: Any, typed_rows: Any) -> None:
    Json = gen.fields.Json
    assert _emails(run, db, {'meta': {'equals': Json({'k': 1})}}) == ['a@t.io']
    assert _emails(run, db, {'meta': {'equals': Json(['x', 2])}}) == ['b@t.io']
    assert _emails(run, db, {'meta': {'not': Json({'k': 1})}}) == ['b@t.io']
    u = run(db.user.find_unique(where={'email': 'b@t.io'}))
    assert u.meta == ['x', 2]


def test_string_modes(db: Any, run: Any, gen: Any) -> None:
    run(db.user.create(data={'email': 'Mixed@Case.io', 'name': 'ÉLan Vital'}))
    run(db.user.create(data={'email': 'lower@case.io', 'name': 'under_score'}))
    if gen.provider != 'postgresql':
        with pytest.raises(gen.errors.DataError):
            run(db.user.find_many(where={'email': {'equals': 'x', 'mode': 'insensitive'}}))
        # `_` and `%` are matched literally by contains/startswith/endswith
        assert _emails(run, db, {'name': {'contains': 'r_s'}}) == ['lower@case.io']
        assert _emails(run, db, {'name': {'contains': 'e_s'}}) == []
        return
    ins = {'mode': 'insensitive'}
    assert _emails(run, db, {'email': {'startswith': 'mixed', **ins}}) == ['Mixed@Case.io']
    assert _emails(run, db, {'email': {'endswith': 'CASE.IO', **ins}}) == ['Mixed@Case.io', 'lower@case.io']
    assert _emails(run, db, {'email': {'in': ['MIXED@CASE.IO'], **ins}}) == ['Mixed@Case.io']
    assert _emails(run, db, {'email': {'gte': 'm', **ins}}) == ['Mixed@Case.io']
    assert _emails(run, db, {'email': {'not': 'mixed@case.io', **ins}}) == ['lower@case.io']
    assert _emails(run, db, {'name': {'contains': 'élan', **ins}}) == ['Mixed@Case.io']
    assert _emails(run, db, {'email': {'startswith': 'mixed', 'mode': 'default'}}) == []
    assert _emails(run, db, {'name': {'contains': 'r_s', **ins}}) == ['lower@case.io']


def test_relation_filters_to_one_back_side_and_m2n(db: Any, run: Any) -> None:
    run(db.user.create(data={'email': 'with@p.io', 'name': 'W', 'profile': {'create': {'bio': 'hello'}}}))
    run(db.user.create(data={'email': 'without@p.io'}))
    assert _emails(run, db, {'profile': {'is': {'bio': 'hello'}}}) == ['with@p.io']
    assert _emails(run, db, {'profile': {'is_not': {'bio': 'hello'}}}) == ['without@p.io']
    assert _emails(run, db, {'profile': None}) == ['without@p.io']
    assert _emails(run, db, {'profile': {'is_not': None}}) == ['with@p.io']
    assert _emails(run, db, {'profile': {'bio': {'startswith': 'he'}}}) == ['with@p.io']  # shorthand for `is`
    assert run(db.profile.count(where={'user': {'is': {'email': {'contains': 'with@'}}}})) == 1
    c1 = run(db.category.create(data={'name': 'x1'}))
    run(db.post.create(data={'title': 'both', 'categories': {'connect': [{'id': c1.id}], 'create': [{'name': 'x2'}]}}))
    run(db.post.create(data={'title': 'only1', 'categories': {'connect': [{'id': c1.id}]}}))
    run(db.post.create(data={'title': 'none'}))
    titles = lambda w: sorted(p.title for p in run(db.post.find_many(where=w)))  # noqa: E731
    assert titles({'categories': {'every': {'name': 'x1'}}}) == ['none', 'only1']
    assert titles({'categories': {'none': {'name': 'x2'}}}) == ['none', 'only1']
    assert titles({'categories': {'some': {}}}) == ['both', 'only1']
    assert titles({'NOT': {'categories': {'some': {}}}}) == ['none']
    assert titles({'OR': [{'title': 'none'}, {'categories': {'some': {'name': 'x2'}}}], 'NOT': [{'title': 'both'}]}) == ['none']
    assert titles({'AND': {'title': {'contains': 'o'}}, 'categories': {'every': {'name': {'in': ['x1', 'x2']}}}}) == ['both', 'none', 'only1']
    cats = sorted(c.name for c in run(db.category.find_many(where={'posts': {'some': {'title': 'only1'}}})))
    assert cats == ['x1']


# ---------------------------------------------------------------------------------------------- keys, atomic, lists
def test_compound_unique_key(db: Any, run: Any, gen: Any) -> None:
    key = {'org_member': {'org': 'acme', 'member': 'ann'}}
    m = run(db.membership.upsert(where=key, data={'create': {'org': 'acme', 'member': 'ann'}, 'update': {'level': 5}}))
    assert m.level == 1
    m = run(db.membership.upsert(where=key, data={'create': {'org': 'acme', 'member': 'ann'}, 'update': {'level': {'increment': 4}}}))
    assert m.level == 5
    run(db.membership.create(data={'org': 'acme', 'member': 'bob'}))
    run(db.membership.create(data={'org': 'beta', 'member': 'ann'}))
    assert run(db.membership.find_unique(where=key)).level == 5
    assert run(db.membership.find_unique_or_raise(where={'org_member': {'org': 'beta', 'member': 'ann'}})).org == 'beta'
    with pytest.raises(gen.errors.UniqueViolationError):
        run(db.membership.create(data={'org': 'acme', 'member': 'bob'}))
    page = run(db.membership.find_many(cursor={'org_member': {'org': 'acme', 'member': 'bob'}}, order={'id': 'asc'}))
    assert [(x.org, x.member) for x in page] == [('acme', 'bob'), ('beta', 'ann')]
    assert run(db.membership.update(where=key, data={'member': 'anne'})).member == 'anne'
    assert run(db.membership.find_unique(where=key)) is None
    assert run(db.membership.delete(where={'org_member': {'org': 'acme', 'member': 'anne'}})).member == 'anne'
    with pytest.raises(gen.errors.DataError):
        run(db.membership.find_unique(where={'org_member': {'org': 'acme'}}))
    # compound @@id as a cursor and in upsert
    run(db.person.create(data={'firstName': 'A', 'lastName': 'A'}))
    run(db.person.create(data={'firstName': 'B', 'lastName': 'B'}))
    people = run(db.person.find_many(cursor={'firstName_lastName': {'firstName': 'B', 'lastName': 'B'}}, order={'firstName': 'asc'}))
    assert [p.firstName for p in people] == ['B']
    p = run(db.person.upsert(where={'firstName_lastName': {'firstName': 'A', 'lastName': 'A'}},
                             data={'create': {'firstName': 'A', 'lastName': 'A'}, 'update': {'nick': 'aa'}}))
    assert p.nick == 'aa'


def test_atomic_decimal_and_update_many(db: Any, run: Any) -> None:
    u = run(db.user.create(data={'email': 'dec@x.io', 'balance': Decimal('10.50')}))
    u = run(db.user.update(where={'id': u.id}, data={'balance': {'increment': Decimal('0.25')}}))
    assert u.balance == Decimal('10.75')
    u = run(db.user.update(where={'id': u.id}, data={'balance': {'multiply': Decimal('2')}}))
    assert u.balance == Decimal('21.5')
    u = run(db.user.update(where={'id': u.id}, data={'balance': {'decrement': Decimal('1.5')}}))
    assert u.balance == Decimal('20')
    u = run(db.user.update(where={'id': u.id}, data={'balance': {'divide': Decimal('8')}}))
    assert u.balance == Decimal('2.5')
    run(db.user.create(data={'email': 'dec2@x.io', 'age': 4, 'score': 1.0}))
    assert run(db.user.update_many(where={'email': {'startswith': 'dec'}}, data={'age': {'multiply': 3}, 'score': {'set': 2.5}})) == 2
    assert sorted(x.age for x in run(db.user.find_many())) == [0, 12]
    assert run(db.user.update_many(where={'email': 'nobody'}, data={'age': 1})) == 0
    assert run(db.user.delete_many(where={'email': 'nobody'})) == 0
    before = run(db.user.find_unique(where={'email': 'dec2@x.io'})).updatedAt
    run(db.user.update_many(where={'email': 'dec2@x.io'}, data={'name': 'touched'}))
    assert run(db.user.find_unique(where={'email': 'dec2@x.io'})).updatedAt >= before


def test_scalar_lists_all_types(db: Any, run: Any, gen: Any) -> None:
    if gen.provider != 'postgresql':
        pytest.skip('scalar lists exist only on PostgreSQL')
    t0 = datetime.datetime(2020, 5, 1, tzinfo=datetime.timezone.utc)
    t = run(db.tagged.create(data={'tags': [], 'nums': [5], 'flags': [True, False], 'roles': ['ADMIN'], 'stamps': [t0]}))
    assert t.flags == [True, False] and t.roles == ['ADMIN'] and t.stamps == [t0] and t.tags == []
    assert run(db.tagged.count(where={'roles': {'has': 'ADMIN'}})) == 1
    assert run(db.tagged.count(where={'flags': {'has_some': [False]}})) == 1
    assert run(db.tagged.count(where={'stamps': {'has': t0}})) == 1
    assert run(db.tagged.count(where={'tags': {'is_empty': True}})) == 1
    assert run(db.tagged.count(where={'nums': {'has_every': [5, 6]}})) == 0
    t = run(db.tagged.update(where={'id': t.id}, data={'nums': {'push': 6}, 'roles': {'push': ['USER']}, 'tags': ['z']}))
    assert t.nums == [5, 6] and t.roles == ['ADMIN', 'USER'] and t.tags == ['z']
    assert run(db.tagged.update_many(where={'nums': {'has': 6}}, data={'flags': {'set': [True]}})) == 1
    assert run(db.tagged.find_first(where={'flags': {'equals': [True]}})).id == t.id
    empty = run(db.tagged.create(data={}))
    assert empty.tags == [] and empty.nums == []


# ---------------------------------------------------------------------------------------------- nested writes
def test_nested_writes_more(db: Any, run: Any, gen: Any) -> None:
    owner = run(db.user.create(data={'email': 'owner@x.io'}))
    # connect_or_create finds the existing record instead of creating one
    p = run(db.post.create(data={'title': 'coc', 'author': {'connect_or_create': {'where': {'email': 'owner@x.io'}, 'create': {'email': 'owner@x.io'}}}},
                           include={'author': True}))
    assert p.author.id == owner.id and run(db.user.count()) == 1
    # to-one with the foreign key on this side: create and connect in update
    p = run(db.post.update(where={'id': p.id}, data={'author': {'create': {'email': 'second@x.io'}}}, include={'author': True}))
    assert p.author.email == 'second@x.io'
    p = run(db.post.update(where={'id': p.id}, data={'author': {'connect': {'email': 'owner@x.io'}}}, include={'author': True}))
    assert p.author.id == owner.id
    # to-one on the other side: connect moves a profile between users (unique foreign key)
    run(db.user.update(where={'id': owner.id}, data={'profile': {'create': {'bio': 'mine'}}}))
    other = run(db.user.create(data={'email': 'other@x.io'}))
    prof = run(db.profile.find_first(where={'bio': 'mine'}))
    other = run(db.user.update(where={'id': other.id}, data={'profile': {'connect': {'id': prof.id}}}, include={'profile': True}))
    assert other.profile.bio == 'mine'
    assert run(db.user.find_unique(where={'id': owner.id}, include={'profile': True})).profile is None
    # connect_or_create on a to-many relation in update, then nested delete of the related to-one record
    owner = run(db.user.update(where={'id': owner.id}, data={'posts': {'connect_or_create': [
        {'where': {'id': 'does-not-exist'}, 'create': {'title': 'made'}}]}}, include={'posts': {'order_by': {'title': 'asc'}}}))
    assert _titles(owner.posts) == ['coc', 'made']
    p = run(db.post.update(where={'id': p.id}, data={'author': {'delete': True}}, include={'author': True}))
    assert p.author is None and run(db.user.find_unique(where={'id': owner.id})) is None
    # disconnect on a to-many relation whose record is not connected: no error, nothing changes
    second = run(db.user.find_unique_or_raise(where={'email': 'second@x.io'}))
    made = run(db.post.find_first_or_raise(where={'title': 'made'}))
    run(db.user.update(where={'id': second.id}, data={'posts': {'disconnect': [{'id': made.id}]}}))
    # nested writes that fail roll the whole operation back
    with pytest.raises(gen.errors.RecordNotFoundError):
        run(db.user.update(where={'id': second.id}, data={'name': 'changed', 'posts': {'connect': [{'id': 'missing'}]}}))
    assert run(db.user.find_unique(where={'id': second.id})).name is None
    with pytest.raises(gen.errors.RecordNotFoundError):
        run(db.user.update(where={'id': second.id}, data={'posts': {'delete': [{'id': 'missing'}]}}))


# ---------------------------------------------------------------------------------------------- errors
def test_more_errors(db: Any, run: Any, gen: Any) -> None:
    u = run(db.user.create(data={'email': 'err@x.io'}))
    p = run(db.post.create(data={'title': 't', 'authorId': u.id}))
    with pytest.raises(gen.errors.ForeignKeyViolationError) as fk:
        run(db.post.update(where={'id': p.id}, data={'authorId': 999999}))
    assert fk.value.code == 'P2003'
    with pytest.raises(gen.errors.UniqueViolationError) as uq:
        run(db.user.create(data={'email': 'err@x.io'}))
    assert uq.value.code == 'P2002' and 'Unique constraint failed' in str(uq.value)
    with pytest.raises(gen.errors.RecordNotFoundError) as nf:
        run(db.user.find_unique_or_raise(where={'id': u.id + 1000}))
    assert nf.value.code == 'P2025'
    with pytest.raises(gen.errors.MissingRequiredValueError):
        run(db.post.create(data={}))
    with pytest.raises(gen.errors.MissingRequiredValueError):
        run(db.user.create_many(data=[{'name': 'no email'}]))
    with pytest.raises(gen.errors.DataError):
        run(db.user.find_many(take='ten'))
    with pytest.raises(gen.errors.DataError):
        run(db.user.find_many(skip=-1))
    with pytest.raises(gen.errors.DataError):
        run(db.user.find_many(order={'email': 'sideways'}))
    with pytest.raises(gen.errors.FieldNotFoundError):
        run(db.user.update(where={'id': u.id}, data={'age': {'explode': 1}}))
    with pytest.raises(gen.errors.UnknownRelationalFieldError, match='Field: "nope" either does not exist'):
        run(db.user.find_unique(where={'id': u.id}, include={'nope': True}))
    with pytest.raises(gen.errors.UnknownRelationalFieldError):
        run(db.user.find_many(include={'posts': {'include': {'email': True}}}))
    # errors are all PrismaError subclasses, and data errors keep the engine-shaped payload
    assert isinstance(fk.value, gen.errors.PrismaError) and fk.value.data['user_facing_error']['error_code'] == 'P2003'


def _kill_sessions(provider: str, dbname: str) -> None:
    if provider == 'postgresql':
        import psycopg2  # type: ignore

        c = psycopg2.connect(PG_URL)
        c.autocommit = True
        cur = c.cursor()
        cur.execute('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()', (dbname,))
        c.close()
        return
    import pymysql  # type: ignore
    from urllib.parse import urlsplit

    parts = urlsplit(MY_URL)
    c = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username, password=parts.password or '', autocommit=True)
    cur = c.cursor()
    cur.execute('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = %s AND ID <> CONNECTION_ID()', (dbname,))
    for (pid,) in cur.fetchall():
        try:
            cur.execute(f'KILL {int(pid)}')
        except Exception:
            pass
    c.close()


def test_lost_connection(db: Any, run: Any, gen: Any) -> None:
    if gen.provider == 'sqlite':
        pytest.skip('SQLite has no server connection that could be lost')
    run(db.user.create(data={'email': 'alive@x.io'}))
    schema = __import__(gen.module.__name__ + '._schema', fromlist=['x'])
    dbname = str(schema.DATASOURCE['url']).rsplit('/', 1)[1].split('?')[0]
    _kill_sessions(gen.provider, dbname)
    engine_errors = __import__(gen.module.__name__ + '.engine.errors', fromlist=['x'])
    with pytest.raises(engine_errors.EngineConnectionError, match='connection was lost'):
        run(db.user.count())
    # the broken connection was dropped from the pool: the next query reconnects
    assert run(db.user.count()) == 1
    # a lost connection inside a transaction fails the transaction; the client keeps working afterwards
    with pytest.raises(engine_errors.EngineConnectionError):
        if gen.interface == 'sync':
            with db.tx() as tx:
                tx.user.create(data={'email': 'in-tx@x.io'})
                _kill_sessions(gen.provider, dbname)
                tx.user.count()
        else:
            async def go() -> None:
                async with db.tx() as tx:
                    await tx.user.create(data={'email': 'in-tx@x.io'})
                    _kill_sessions(gen.provider, dbname)
                    await tx.user.count()
            run(go())
    assert run(db.user.find_unique(where={'email': 'in-tx@x.io'})) is None
    assert run(db.user.count()) == 1


# ---------------------------------------------------------------------------------------------- client options
def _db_url(gen: Any) -> str:
    schema = __import__(gen.module.__name__ + '._schema', fromlist=['x'])
    url = str(schema.DATASOURCE['url'])
    if gen.provider == 'sqlite':
        return 'file:' + str(gen.root / 'prisma' / 'dev.db')
    return url


def test_client_options(gen: Any, run: Any, db: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    registry = __import__(gen.module.__name__ + '._registry', fromlist=['x'])
    testing = __import__(gen.module.__name__ + '.testing', fromlist=['x'])
    run(db.user.create(data={'email': 'opt@x.io'}))
    # datasource override pointing at the same database
    other = gen.client_mod.Prisma(datasource={'url': _db_url(gen)})
    run(other.connect())
    assert run(other.user.count()) == 1
    assert other._active_provider == gen.provider
    run(other.disconnect())
    # auto_register
    with testing.reset_client():
        auto = gen.client_mod.Prisma(auto_register=True)
        assert auto.is_registered() and registry.get_client() is auto
        assert not db.is_registered()
    # register a factory
    with testing.reset_client():
        registry.register(lambda: db)
        assert registry.get_client() is db
        assert run(gen.models.User.prisma().count()) == 1
    # deprecated numeric timeouts still work but warn
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        legacy = gen.client_mod.Prisma(connect_timeout=5)
        run(legacy.connect())
        run(legacy.disconnect(timeout=1))
    assert sum(issubclass(w.category, DeprecationWarning) for w in caught) >= 2
    # disconnect twice is harmless; querying afterwards raises ClientNotConnectedError
    run(legacy.disconnect())
    with pytest.raises(gen.errors.ClientNotConnectedError):
        run(legacy.user.count())


def test_use_dotenv(gen: Any, run: Any, db: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """A schema whose url is env("..."): `.env` (and prisma/.env) are loaded unless use_dotenv=False, and never
    override variables that are already set."""
    import importlib
    import subprocess
    import sys

    from conftest import BINARY, MODELS, PG_EXTRA

    run(db.user.create(data={'email': 'env@x.io'}))
    var = 'PRISMAPP_PY_TEST_URL_' + uuid.uuid4().hex[:8].upper()
    pkg = f'prismagen_env_{gen.provider}_{gen.interface}_{uuid.uuid4().hex[:6]}'
    (tmp_path / 'prisma').mkdir()
    (tmp_path / 'prisma' / 'schema.prisma').write_text(
        f'datasource db {{\n  provider = "{gen.provider}"\n  url      = env("{var}")\n}}\n\n'
        f'generator client {{\n  provider  = "prisma-client-py"\n  interface = "{gen.interface}"\n  output    = "../{pkg}"\n'
        f'  enable_experimental_decimal = true\n  recursive_type_depth = -1\n}}\n' + MODELS + (PG_EXTRA if gen.provider == 'postgresql' else ''))
    proc = subprocess.run([BINARY, 'generate', '--schema', 'prisma/schema.prisma'], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        client_mod = importlib.import_module(pkg + '.client')
        engine_errors = importlib.import_module(pkg + '.engine.errors')
    finally:
        sys.path.remove(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / 'prisma' / '.env').write_text(f'{var}="{_db_url(gen)}"\n')
    try:
        no_env = client_mod.Prisma(use_dotenv=False)
        with pytest.raises(engine_errors.EngineConnectionError, match=var):
            run(no_env.connect())
        assert var not in os.environ
        client = client_mod.Prisma()
        assert os.environ.get(var) == _db_url(gen)
        run(client.connect())
        assert run(client.user.count()) == 1
        run(client.disconnect())
        # an already-set variable wins over .env
        monkeypatch.setenv(var, 'file:/nonexistent-dir/x.db' if gen.provider == 'sqlite' else _db_url(gen).replace('@127.0.0.1:', '@127.0.0.1:1'))
        (tmp_path / '.env').write_text(f'{var}="{_db_url(gen)}"\n')
        with pytest.raises(engine_errors.EngineConnectionError):
            run(client_mod.Prisma().connect())
    finally:
        os.environ.pop(var, None)


def test_custom_and_partial_models(db: Any, run: Any, gen: Any) -> None:
    bases = __import__(gen.module.__name__ + '.bases', fromlist=['x'])

    class UserOnlyName(bases.BaseUser):  # type: ignore[misc, valid-type]
        id: int
        name: Optional[str] = None

    class UserUnknown(bases.BaseUser):  # type: ignore[misc, valid-type]
        id: int
        foo_field: Optional[str] = None

    run(db.user.create(data={'email': 'part@x.io', 'name': 'P', 'profile': {'create': {'bio': 'b'}}}))
    got = run(UserOnlyName.prisma(db).find_first(where={'email': 'part@x.io'}))
    assert isinstance(got, UserOnlyName) and got.name == 'P' and not hasattr(got, 'email')
    many = run(UserOnlyName.prisma(db).find_many())
    assert [type(x) for x in many] == [UserOnlyName]
    with pytest.raises(gen.errors.UnknownRelationalFieldError,
                       match='Field: "profile" either does not exist or is not a relational field on the UserOnlyName model'):
        run(UserOnlyName.prisma(db).find_first(include={'profile': True}))
    with pytest.raises(gen.errors.FieldNotFoundError, match="Field 'foo_field' not found in enclosing type 'User'"):
        run(UserUnknown.prisma(db).find_first())
    raw = run(db.query_first('SELECT * FROM ' + ('`User`' if gen.provider == 'mysql' else '"User"'), model=UserOnlyName))
    assert isinstance(raw, UserOnlyName) and raw.name == 'P'


# ---------------------------------------------------------------------------------------------- batches and transactions
def test_batch_all_operations(db: Any, run: Any, gen: Any) -> None:
    q = '`User`' if gen.provider == 'mysql' else '"User"'
    ph = '$1' if gen.provider == 'postgresql' else '?'
    run(db.user.create(data={'email': 'keep@x.io'}))

    def fill(b: Any) -> None:
        b.user.create(data={'email': 'b1@x.io', 'age': 1})
        b.user.create_many(data=[{'email': 'b2@x.io'}, {'email': 'b3@x.io'}])
        b.user.update(where={'email': 'b1@x.io'}, data={'age': {'increment': 10}})
        b.user.upsert(where={'email': 'b4@x.io'}, data={'create': {'email': 'b4@x.io', 'age': 4}, 'update': {'age': 0}})
        b.user.update_many(where={'email': {'in': ['b2@x.io', 'b3@x.io']}}, data={'age': 7})
        b.user.delete(where={'email': 'b3@x.io'})
        b.user.delete_many(where={'email': 'keep@x.io'})
        b.execute_raw(f'UPDATE {q} SET name = {ph} WHERE email = \'b4@x.io\'', 'raw')

    if gen.interface == 'sync':
        with db.batch_() as b:
            fill(b)
    else:
        async def go() -> None:
            async with db.batch_() as b:
                fill(b)
        run(go())
    users = {u.email: u for u in run(db.user.find_many())}
    assert sorted(users) == ['b1@x.io', 'b2@x.io', 'b4@x.io']
    assert users['b1@x.io'].age == 11 and users['b2@x.io'].age == 7 and users['b4@x.io'].name == 'raw'
    # an exception inside the context manager discards the queued operations
    with pytest.raises(RuntimeError):
        if gen.interface == 'sync':
            with db.batch_() as b:
                b.user.create(data={'email': 'never@x.io'})
                raise RuntimeError('stop')
        else:
            async def go2() -> None:
                async with db.batch_() as b:
                    b.user.create(data={'email': 'never@x.io'})
                    raise RuntimeError('stop')
            run(go2())
    assert run(db.user.find_unique(where={'email': 'never@x.io'})) is None


def test_batch_in_transaction_and_concurrency(db: Any, run: Any, gen: Any) -> None:
    if gen.interface == 'sync':
        with db.tx(timeout=datetime.timedelta(seconds=10)) as tx:
            with tx.batch_() as b:
                b.user.create(data={'email': 'tb1@x.io'})
                b.user.create(data={'email': 'tb2@x.io'})
            assert db.user.count() == 0 and tx.user.count() == 2
        assert db.user.count() == 2
        with db.tx() as tx:
            with pytest.warns(UserWarning, match='already in a transaction') as rec:
                tx.tx()  # warns on creation (entering would wait for SQLite's write lock)
        assert len(rec) == 1 and rec[0].filename == __file__
        if gen.provider == 'sqlite':
            return
        with db.tx() as tx1, db.tx() as tx2:
            tx1.user.create(data={'email': 'c1@x.io'})
            tx2.user.create(data={'email': 'c2@x.io'})
            assert tx1.user.find_unique(where={'email': 'c2@x.io'}) is None
            assert tx2.user.find_unique(where={'email': 'c1@x.io'}) is None
            assert db.user.count() == 2
        assert db.user.count() == 4
        return

    async def go() -> None:
        async with db.tx(timeout=datetime.timedelta(seconds=10)) as tx:
            async with tx.batch_() as b:
                b.user.create(data={'email': 'tb1@x.io'})
                b.user.create(data={'email': 'tb2@x.io'})
            assert await db.user.count() == 0 and await tx.user.count() == 2
        assert await db.user.count() == 2
        async with db.tx() as tx:
            with pytest.warns(UserWarning, match='already in a transaction'):
                tx.tx()
        if gen.provider == 'sqlite':
            return
        async with db.tx() as tx1, db.tx() as tx2:
            await asyncio.gather(tx1.user.create(data={'email': 'c1@x.io'}), tx2.user.create(data={'email': 'c2@x.io'}))
            assert await tx1.user.find_unique(where={'email': 'c2@x.io'}) is None
            assert await tx2.user.find_unique(where={'email': 'c1@x.io'}) is None
            assert await db.user.count() == 2
        assert await db.user.count() == 4
        # concurrent queries on one client use the pool
        counts = await asyncio.gather(*[db.user.count() for _ in range(8)])
        assert counts == [4] * 8

    run(go())


# ---------------------------------------------------------------------------------------------- raw and group_by
def test_model_bound_raw_and_result_types(db: Any, run: Any, gen: Any) -> None:
    Base64 = gen.fields.Base64
    u = run(db.user.create(data={'email': 'rawm@x.io', 'balance': Decimal('1.5'), 'blob': Base64.encode(b'foo'), 'active': True}))
    q = '`User`' if gen.provider == 'mysql' else '"User"'
    ph = '$1' if gen.provider == 'postgresql' else '?'
    users = run(db.user.query_raw(f'SELECT * FROM {q} WHERE id = {ph}', u.id))
    assert [x.email for x in users] == ['rawm@x.io'] and isinstance(users[0], gen.models.User)
    assert users[0].balance == Decimal('1.5') and users[0].blob.decode() == b'foo' and users[0].createdAt == u.createdAt
    first = run(db.user.query_first(f'SELECT * FROM {q} WHERE email = {ph}', 'nobody'))
    assert first is None
    bq = '`blob`' if gen.provider == 'mysql' else 'blob'
    row = run(db.query_first(f'SELECT {bq}, balance FROM {q} WHERE id = {ph}', u.id))
    assert row['blob'] == base64.b64encode(b'foo').decode() and row['balance'] == 1.5
    assert run(db.query_raw(f'SELECT id FROM {q} WHERE id = {ph}', -1)) == []
    assert run(db.execute_raw(f'DELETE FROM {q} WHERE id = {ph}', -1)) == 0


def test_group_by_aggregates(db: Any, run: Any, gen: Any) -> None:
    for i, (name, age, score) in enumerate([('a', 1, 1.0), ('a', 3, 2.0), ('b', 5, None), ('c', 7, 4.0)]):
        run(db.user.create(data={'email': f'gb{i}@x.io', 'name': name, 'age': age, 'score': score}))
    rows = run(db.user.group_by(by=['name'], min={'age': True}, max={'age': True, 'score': True}, count={'score': True, '_all': True},
                                order={'name': 'asc'}))
    assert rows == [
        {'name': 'a', '_min': {'age': 1}, '_max': {'age': 3, 'score': 2.0}, '_count': {'score': 2, '_all': 2}},
        {'name': 'b', '_min': {'age': 5}, '_max': {'age': 5, 'score': None}, '_count': {'score': 0, '_all': 1}},
        {'name': 'c', '_min': {'age': 7}, '_max': {'age': 7, 'score': 4.0}, '_count': {'score': 1, '_all': 1}},
    ]
    rows = run(db.user.group_by(by=['name'], order={'name': 'desc'}, take=2, skip=1))
    assert rows == [{'name': 'b'}, {'name': 'a'}]
    rows = run(db.user.group_by(by=['name'], where={'age': {'gt': 1}}, having={'AND': [{'age': {'_avg': {'gte': 3}}}, {'name': {'not': 'c'}}]},
                                avg={'age': True}, order={'name': 'asc'}))
    assert rows == [{'name': 'a', '_avg': {'age': 3.0}}, {'name': 'b', '_avg': {'age': 5.0}}]
    with pytest.raises(gen.errors.InputError):
        run(db.user.group_by(by=['name'], order={'age': 'asc'}))
    with pytest.raises(gen.errors.InputError):
        run(db.user.group_by(by=['name'], having={'age': {'gt': 1}}))
    with pytest.raises(TypeError, match="Missing argument: 'order' which is required when 'skip' is present"):
        run(db.user.group_by(by=['name'], skip=1))
