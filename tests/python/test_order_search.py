"""Ordering by relations (to-one fields, nested; to-many `_count`) and full-text search (`search` filter,
`_relevance` order) on PostgreSQL (fullTextSearchPostgres) and MySQL/MariaDB (@@fulltext indexes)."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, Tuple

import pytest

from conftest import Runner, _drops, _server_db, push_generate_import


def _seed(db: Any, run: Any) -> Dict[str, Any]:
    zed = run(db.user.create(data={'email': 'zed@x.io', 'name': 'Zed', 'profile': {'create': {'bio': 'aaa'}}}))
    amy = run(db.user.create(data={'email': 'amy@x.io', 'name': 'Amy', 'profile': {'create': {'bio': 'zzz'}}}))
    bob = run(db.user.create(data={'email': 'bob@x.io', 'name': 'Bob'}))
    for title, author in (('z1', zed), ('z2', zed), ('z3', zed), ('a1', amy), ('b1', bob), ('b2', bob), ('none', None)):
        data: Dict[str, Any] = {'title': title}
        if author is not None:
            data['author'] = {'connect': {'id': author.id}}
        run(db.post.create(data=data))
    return {'zed': zed, 'amy': amy, 'bob': bob}


def test_order_by_to_one_relation(db: Any, run: Any) -> None:
    _seed(db, run)
    posts = run(db.post.find_many(order=[{'author': {'name': 'asc'}}, {'title': 'asc'}]))
    # a post without author orders like a NULL value: first when ascending
    assert [p.title for p in posts] == ['none', 'a1', 'b1', 'b2', 'z1', 'z2', 'z3']
    posts = run(db.post.find_many(order=[{'author': {'name': 'desc'}}, {'title': 'desc'}], take=3))
    assert [p.title for p in posts] == ['z3', 'z2', 'z1']
    # nested to-one path, from the side that does not hold the foreign key (User.profile)
    posts = run(db.post.find_many(where={'author': {'is': {'profile': {'is_not': None}}}},
                                  order=[{'author': {'profile': {'bio': 'desc'}}}, {'title': 'asc'}]))
    assert [p.title for p in posts] == ['a1', 'z1', 'z2', 'z3']
    first = run(db.post.find_first(where={'authorId': {'not': None}}, order={'author': {'email': 'asc'}}))
    assert first.title == 'a1'
    # relation ordering with a cursor and negative take (paged in memory after the SQL ordering)
    posts = run(db.post.find_many(order=[{'author': {'name': 'asc'}}, {'title': 'asc'}], take=-2))
    assert [p.title for p in posts] == ['z2', 'z3']
    # inside an include's order_by
    users = run(db.user.find_many(where={'email': 'zed@x.io'},
                                  include={'posts': {'order_by': [{'author': {'email': 'asc'}}, {'title': 'desc'}]}}))
    assert [p.title for p in users[0].posts] == ['z3', 'z2', 'z1']


def test_order_by_relation_count(db: Any, run: Any) -> None:
    _seed(db, run)
    users = run(db.user.find_many(order=[{'posts': {'_count': 'desc'}}, {'email': 'asc'}]))
    assert [u.name for u in users] == ['Zed', 'Bob', 'Amy']
    users = run(db.user.find_many(order={'posts': {'_count': 'asc'}}, take=1))
    assert [u.name for u in users] == ['Amy']
    # implicit many-to-many (join table)
    run(db.category.create(data={'name': 'one'}))
    run(db.category.create(data={'name': 'two'}))
    for title in ('z1', 'z2'):
        p = run(db.post.find_first(where={'title': title}))
        run(db.post.update(where={'id': p.id}, data={'categories': {'connect': [{'name': 'two'}]}}))
    p = run(db.post.find_first(where={'title': 'a1'}))
    run(db.post.update(where={'id': p.id}, data={'categories': {'connect': [{'name': 'one'}]}}))
    cats = run(db.category.find_many(order=[{'posts': {'_count': 'desc'}}]))
    assert [c.name for c in cats] == ['two', 'one']
    posts = run(db.post.find_many(where={'title': {'in': ['z1', 'a1', 'b1']}}, order=[{'categories': {'_count': 'asc'}}, {'title': 'asc'}]))
    assert [p.title for p in posts] == ['b1', 'a1', 'z1']


def test_order_by_relation_errors(db: Any, run: Any, gen: Any) -> None:
    _seed(db, run)
    errors = gen.errors
    with pytest.raises(errors.DataError):
        run(db.user.find_many(order={'posts': {'title': 'asc'}}))  # to-many: only _count
    with pytest.raises(errors.DataError, match='exactly one field'):
        run(db.post.find_many(order={'author': {'name': 'asc', 'email': 'asc'}}))
    with pytest.raises(errors.FieldNotFoundError):
        run(db.post.find_many(order={'author': {'nope': 'asc'}}))
    with pytest.raises(errors.InputError):
        run(db.post.group_by(['title'], order={'author': {'name': 'asc'}}))
    if gen.provider == 'sqlite':
        with pytest.raises(errors.FieldNotFoundError):
            run(db.post.find_many(where={'title': {'search': 'z1'}}))
        with pytest.raises(errors.FieldNotFoundError):
            run(db.post.find_many(order={'_relevance': {'fields': ['title'], 'search': 'z1', 'sort': 'asc'}}))


# ---------------------------------------------------------------------------------------------- full-text search
FTS_MODELS = {
    'postgresql': '''
model Article {
  id    Int    @id @default(autoincrement())
  title String
  body  String
}
''',
    'mysql': '''
model Article {
  id    Int    @id @default(autoincrement())
  title String @db.VarChar(191)
  body  String @db.Text

  @@fulltext([title])
  @@fulltext([body])
  @@fulltext([title, body])
}
''',
}
_fts: Dict[Tuple[str, str], Any] = {}


def _fts_client(provider: str, interface: str, tmp_root: Path) -> Tuple[Any, Path]:
    key = (provider, interface)
    if key not in _fts:
        root = tmp_root / f'fts_{provider}_{interface}'
        root.mkdir(parents=True)
        url, drop = _server_db(provider)
        _drops.append(drop)
        pkg = f'prismafts_{provider}_{interface}_{uuid.uuid4().hex[:8]}'
        preview = 'fullTextSearchPostgres' if provider == 'postgresql' else 'fullTextIndex'
        schema = (f'datasource db {{\n  provider = "{provider}"\n  url      = "{url}"\n}}\n\n'
                  f'generator client {{\n  provider = "prisma-client-py"\n  interface = "{interface}"\n'
                  f'  output = "../{pkg}"\n  recursive_type_depth = -1\n  previewFeatures = ["{preview}"]\n}}\n'
                  + FTS_MODELS[provider])
        (root / 'prisma').mkdir()
        (root / 'prisma' / 'schema.prisma').write_text(schema)
        _fts[key] = (push_generate_import(root, pkg), root)
    return _fts[key]


@pytest.fixture
def fts(provider: str, interface: str, gen_root: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if provider == 'sqlite':
        pytest.skip('full-text search exists on PostgreSQL and MySQL only (as in Prisma)')
    module, root = _fts_client(provider, interface, gen_root)
    monkeypatch.chdir(root)
    client = module.Prisma()
    run(client.connect())
    run(client.article.delete_many())
    yield client
    run(client.disconnect())


def test_full_text_search(fts: Any, run: Any, provider: str) -> None:
    rows = [('cats and dogs', 'a story about a cat'), ('dogs only', 'nothing about felines here'),
            ('birds', 'cat cat cat bird'), ('fish', 'water')]
    for title, body in rows:
        run(fts.article.create(data={'title': title, 'body': body}))
    # PostgreSQL: to_tsquery syntax (`&`, `|`, `!`); MySQL: boolean mode (`+word`, `-word`)
    q_dog = 'dogs'
    got = run(fts.article.find_many(where={'title': {'search': q_dog}}, order={'id': 'asc'}))
    assert [a.title for a in got] == ['cats and dogs', 'dogs only']
    q_and = 'cats & dogs' if provider == 'postgresql' else '+cats +dogs'
    got = run(fts.article.find_many(where={'title': {'search': q_and}}))
    assert [a.title for a in got] == ['cats and dogs']
    got = run(fts.article.find_many(where={'title': {'not': {'search': q_dog}}}, order={'id': 'asc'}))
    assert [a.title for a in got] == ['birds', 'fish']
    assert run(fts.article.count(where={'body': {'search': 'cat'}})) == 2
    # relevance: more matches rank higher
    got = run(fts.article.find_many(where={'body': {'search': 'cat'}},
                                    order={'_relevance': {'fields': ['body'], 'search': 'cat', 'sort': 'desc'}}))
    assert [a.title for a in got] == ['birds', 'cats and dogs']
    got = run(fts.article.find_many(where={'body': {'search': 'cat'}},
                                    order=[{'_relevance': {'fields': ['title', 'body'], 'search': 'cat', 'sort': 'asc'}}]))
    assert got[-1].title == 'birds'
    with pytest.raises(Exception):
        run(fts.article.find_many(order={'_relevance': {'fields': ['id'], 'search': 'cat', 'sort': 'asc'}}))
