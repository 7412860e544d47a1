"""Includes and nested writes (create/connect/connect_or_create/set/disconnect/delete), m:n tables."""
from __future__ import annotations

from typing import Any

import pytest


def test_nested_create_and_include(db: Any, run: Any) -> None:
    u = run(db.user.create(
        data={'email': 'n@x.io', 'profile': {'create': {'bio': 'hi'}},
              'posts': {'create': [{'title': 'p1', 'categories': {'create': [{'name': 'c1'}]}}, {'title': 'p2'}]}},
        include={'profile': True, 'posts': {'order_by': {'title': 'asc'}, 'include': {'categories': True}}}))
    assert u.profile.bio == 'hi'
    assert [p.title for p in u.posts] == ['p1', 'p2']
    assert [c.name for c in u.posts[0].categories] == ['c1'] and u.posts[1].categories == []
    u2 = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'take': 1, 'order_by': {'title': 'desc'}}}))
    assert [p.title for p in u2.posts] == ['p2']
    u3 = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'where': {'title': 'p1'}}}))
    assert [p.title for p in u3.posts] == ['p1']
    u4 = run(db.user.find_unique(where={'id': u.id}, include={'posts': {'skip': 1, 'order_by': {'title': 'asc'}}}))
    assert [p.title for p in u4.posts] == ['p2']
    plain = run(db.user.find_unique(where={'id': u.id}))
    assert plain.posts is None and plain.profile is None
    post = run(db.post.find_first(where={'title': 'p1'}, include={'author': {'include': {'profile': True}}}))
    assert post.author.email == 'n@x.io' and post.author.profile.bio == 'hi'


def test_connect_and_connect_or_create(db: Any, run: Any) -> None:
    u = run(db.user.create(data={'email': 'c@x.io'}))
    p = run(db.post.create(data={'title': 't', 'author': {'connect': {'id': u.id}}}, include={'author': True}))
    assert p.author.id == u.id
    p2 = run(db.post.create(data={'title': 't2', 'author': {'connect_or_create': {'where': {'email': 'new@x.io'}, 'create': {'email': 'new@x.io'}}}},
                            include={'author': True}))
    assert p2.author.email == 'new@x.io'
    p3 = run(db.post.create(data={'title': 't3', 'authorId': u.id}, include={'author': True}))
    assert p3.author.id == u.id
    u = run(db.user.update(where={'id': u.id}, data={'posts': {'connect': [{'id': p2.id}]}}, include={'posts': True}))
    assert sorted(x.title for x in u.posts) == ['t', 't2', 't3']


def test_update_relations(db: Any, run: Any, gen: Any) -> None:
    u = run(db.user.create(data={'email': 'r@x.io', 'posts': {'create': [{'title': 'a'}, {'title': 'b'}, {'title': 'c'}]}}, include={'posts': True}))
    ids = {p.title: p.id for p in u.posts}
    u = run(db.user.update(where={'id': u.id}, data={'posts': {'disconnect': [{'id': ids['a']}]}}, include={'posts': True}))
    assert sorted(p.title for p in u.posts) == ['b', 'c']
    u = run(db.user.update(where={'id': u.id}, data={'posts': {'delete': [{'id': ids['b']}]}}, include={'posts': True}))
    assert [p.title for p in u.posts] == ['c']
    assert run(db.post.find_unique(where={'id': ids['b']})) is None
    u = run(db.user.update(where={'id': u.id}, data={'posts': {'set': [{'id': ids['a']}]}}, include={'posts': True}))
    assert [p.title for p in u.posts] == ['a']
    u = run(db.user.update(where={'id': u.id}, data={'posts': {'create': [{'title': 'd'}]}, 'profile': {'create': {'bio': 'b'}}},
                           include={'posts': True, 'profile': True}))
    assert sorted(p.title for p in u.posts) == ['a', 'd'] and u.profile.bio == 'b'
    u = run(db.user.update(where={'id': u.id}, data={'profile': {'delete': True}}, include={'profile': True}))
    assert u.profile is None
    p = run(db.post.update(where={'id': ids['a']}, data={'author': {'disconnect': True}}, include={'author': True}))
    assert p.author is None and p.authorId is None
    with pytest.raises(gen.errors.RecordNotFoundError):
        run(db.post.create(data={'title': 'x', 'author': {'connect': {'id': 123456}}}))


def test_many_to_many(db: Any, run: Any) -> None:
    c1 = run(db.category.create(data={'name': 'one'}))
    p = run(db.post.create(data={'title': 'm', 'categories': {'connect': [{'id': c1.id}], 'create': [{'name': 'two'}]}}, include={'categories': True}))
    assert sorted(c.name for c in p.categories) == ['one', 'two']
    c = run(db.category.find_unique(where={'name': 'one'}, include={'posts': True}))
    assert [x.title for x in c.posts] == ['m']
    assert run(db.post.count(where={'categories': {'some': {'name': 'two'}}})) == 1
    p = run(db.post.update(where={'id': p.id}, data={'categories': {'disconnect': [{'id': c1.id}]}}, include={'categories': True}))
    assert [x.name for x in p.categories] == ['two']
    p = run(db.post.update(where={'id': p.id}, data={'categories': {'set': [{'id': c1.id}]}}, include={'categories': True}))
    assert [x.name for x in p.categories] == ['one']
    p = run(db.post.update(where={'id': p.id}, data={'categories': {'connect_or_create': [{'where': {'name': 'three'}, 'create': {'name': 'three'}}]}},
                           include={'categories': {'order_by': {'name': 'asc'}}}))
    assert [x.name for x in p.categories] == ['one', 'three']


def test_nested_write_is_atomic(db: Any, run: Any, gen: Any) -> None:
    run(db.user.create(data={'email': 'dup@x.io'}))
    with pytest.raises(gen.errors.UniqueViolationError):
        run(db.post.create(data={'title': 'atomic', 'author': {'create': {'email': 'dup@x.io'}}}))
    assert run(db.post.count(where={'title': 'atomic'})) == 0
