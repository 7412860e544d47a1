"""Python client benchmark: prismapp's generated client vs hand-written SQL on the same DB-API driver vs
SQLAlchemy 1.4 ORM, on one schema (User 1-n Post). Run through bench/python/run.sh, which generates the
client into WORK and pushes the schema; this script only measures.

Usage: python3 bench.py WORK PACKAGE PROVIDER URL
Prints a Markdown table: the best round's time per operation (contenders interleaved per round) and the ratios.
"""
from __future__ import annotations

import importlib
import os
import sys
import time
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Tuple

ROUNDS = int(os.environ.get('ROUNDS', '5'))


def timeit(fns: List[Callable[[], Any]], iterations: int) -> Tuple[float, ...]:
    """Best (lowest) per-iteration time in microseconds of each contender over ROUNDS rounds of `iterations`
    calls. The contenders take turns inside every round, so load changes on a shared machine (and the
    disk's fsync latency, which dominates the single-row creates) hit all of them alike."""
    best = [float('inf')] * len(fns)
    for fn in fns:
        fn()  # warm-up (compiles caches, opens connections)
    for _ in range(ROUNDS):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            for _ in range(iterations):
                fn()
            best[i] = min(best[i], (time.perf_counter() - start) / iterations * 1e6)
    return tuple(best)


def timeit_setup(setup: Callable[[], None], fns: List[Callable[[], Any]]) -> Tuple[float, ...]:
    """Best single-run time (microseconds) of each contender, each run preceded by an untimed setup; the
    contenders take turns inside every round (see timeit)."""
    best = [float('inf')] * len(fns)
    for _ in range(ROUNDS):
        for i, fn in enumerate(fns):
            setup()
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], (time.perf_counter() - start) * 1e6)
    return tuple(best)


# ------------------------------------------------------------------------------------------- drivers
def connect_raw(provider: str, url: str) -> Tuple[Any, str]:
    """A DB-API connection of the same driver the client uses, and its placeholder."""
    if provider == 'sqlite':
        import sqlite3

        conn = sqlite3.connect(url, isolation_level=None)
        conn.execute('PRAGMA foreign_keys = ON')
        return conn, '?'
    import psycopg2  # type: ignore

    conn = psycopg2.connect(url)
    conn.autocommit = True
    return conn, '%s'


def sqlalchemy_url(provider: str, url: str) -> str:
    if provider == 'sqlite':
        return 'sqlite:///' + url
    return url.replace('postgresql://', 'postgresql+psycopg2://')


def main() -> None:
    work, package, provider, url = sys.argv[1:5]
    sys.path.insert(0, work)
    os.chdir(work)
    client_mod = importlib.import_module(package + '.client')
    db = client_mod.Prisma()
    db.connect()
    raw_url = url[len('file:'):] if provider == 'sqlite' else url
    conn, ph = connect_raw(provider, raw_url)

    # ---------------------------------------------------------------- SQLAlchemy ORM mapping
    from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Integer, String, create_engine
    from sqlalchemy.orm import Session, declarative_base, relationship, selectinload

    Base: Any = declarative_base()

    class SaUser(Base):  # type: ignore[misc, valid-type]
        __tablename__ = 'User'
        id = Column(Integer, primary_key=True)
        email = Column(String, unique=True, nullable=False)
        name = Column(String)
        age = Column(Integer, nullable=False, default=0)
        createdAt = Column(DateTime if provider != 'sqlite' else BigInteger, nullable=False, default=lambda: now_value())
        updatedAt = Column(DateTime if provider != 'sqlite' else BigInteger, nullable=False, default=lambda: now_value(),
                           onupdate=lambda: now_value())
        posts = relationship('SaPost', back_populates='author')

    class SaPost(Base):  # type: ignore[misc, valid-type]
        __tablename__ = 'Post'
        id = Column(Integer, primary_key=True)
        title = Column(String, nullable=False)
        views = Column(Integer, nullable=False, default=0)
        authorId = Column(Integer, ForeignKey('User.id'))
        author = relationship('SaUser', back_populates='posts')

    engine = create_engine(sqlalchemy_url(provider, raw_url), future=True)

    def now_value() -> Any:
        now = datetime.now(timezone.utc)
        return int(now.timestamp() * 1000) if provider == 'sqlite' else now.replace(tzinfo=None)

    def reset() -> None:
        db.post.delete_many()
        db.user.delete_many()

    # ---------------------------------------------------------------- seed: 200 users x 10 posts
    def seed() -> List[int]:
        reset()
        db.user.create_many(data=[{'email': f'seed{i}@x.io', 'name': f'n{i}', 'age': i % 50} for i in range(200)])
        ids = [u.id for u in db.user.find_many(order={'id': 'asc'})]
        db.post.create_many(data=[{'title': f't{i}-{j}', 'authorId': uid, 'views': j} for i, uid in enumerate(ids) for j in range(10)])
        return ids

    ids = seed()
    target = ids[len(ids) // 2]
    results: List[Tuple[str, float, float, float]] = []

    # find_unique by id -----------------------------------------------------------------------
    # every scalar column: the same data the client returns (a User without relations)
    cols = 'id, email, name, age, "createdAt", "updatedAt"'

    def raw_find_unique() -> Any:
        cur = conn.cursor()
        cur.execute(f'SELECT {cols} FROM "User" WHERE id = {ph}', (target,))
        return cur.fetchone()

    def sa_find_unique() -> Any:
        with Session(engine) as s:
            return s.get(SaUser, target)

    results.append(('find_unique by id', *timeit([lambda: db.user.find_unique(where={'id': target}), raw_find_unique,
                                                  sa_find_unique], 2000)))

    # find_many 100 rows ----------------------------------------------------------------------
    def raw_find_many() -> Any:
        cur = conn.cursor()
        cur.execute(f'SELECT {cols} FROM "User" ORDER BY id LIMIT 100')
        return cur.fetchall()

    def sa_find_many() -> Any:
        with Session(engine) as s:
            return s.query(SaUser).order_by(SaUser.id).limit(100).all()

    results.append(('find_many 100 rows', *timeit([lambda: db.user.find_many(take=100, order={'id': 'asc'}), raw_find_many,
                                                   sa_find_many], 200)))

    # find_many with include of 10 children each (20 parents) ---------------------------------
    def raw_include() -> Any:
        cur = conn.cursor()
        cur.execute(f'SELECT {cols} FROM "User" ORDER BY id LIMIT 20')
        users = cur.fetchall()
        keys = [u[0] for u in users]
        cur.execute(f'SELECT id, title, views, "authorId" FROM "Post" WHERE "authorId" IN ({", ".join([ph] * len(keys))})', keys)
        groups: Dict[int, List[Any]] = {}
        for p in cur.fetchall():
            groups.setdefault(p[3], []).append(p)
        return [(u, groups.get(u[0], [])) for u in users]

    def sa_include() -> Any:
        with Session(engine) as s:
            return s.query(SaUser).options(selectinload(SaUser.posts)).order_by(SaUser.id).limit(20).all()

    results.append(('find_many 20 rows + include 10 children each',
                    *timeit([lambda: db.user.find_many(take=20, order={'id': 'asc'}, include={'posts': True}), raw_include,
                             sa_include], 100)))

    # create (one row, its own transaction, returning the row) ---------------------------------
    counter = [0]

    def next_email() -> str:
        counter[0] += 1
        return f'c{counter[0]}@x.io'

    def raw_create() -> Any:
        cur = conn.cursor()
        cur.execute('BEGIN')
        cur.execute(f'INSERT INTO "User" (email, age, "createdAt", "updatedAt") VALUES ({ph}, {ph}, {ph}, {ph}) RETURNING {cols}',
                    (next_email(), 0, now_value(), now_value()))
        row = cur.fetchone()
        cur.execute('COMMIT')
        return row

    def sa_create() -> Any:
        with Session(engine) as s:
            u = SaUser(email=next_email(), age=0)
            s.add(u)
            s.commit()
            return u.id

    results.append(('create (1 row)', *timeit([lambda: db.user.create(data={'email': next_email()}), raw_create, sa_create], 500)))

    # create_many 10,000 rows -----------------------------------------------------------------
    def rows10k() -> List[Dict[str, Any]]:
        return [{'email': next_email(), 'name': 'bulk', 'age': 1} for _ in range(10_000)]

    def raw_create_many() -> Any:
        data = rows10k()
        ts = now_value()
        cur = conn.cursor()
        cur.execute('BEGIN')
        cur.executemany(f'INSERT INTO "User" (email, name, age, "createdAt", "updatedAt") VALUES ({ph}, {ph}, {ph}, {ph}, {ph})',
                        [(d['email'], d['name'], d['age'], ts, ts) for d in data])
        cur.execute('COMMIT')

    def sa_create_many() -> Any:
        data = rows10k()
        with Session(engine) as s:
            s.add_all([SaUser(**d) for d in data])
            s.commit()

    def clear_bulk() -> None:
        db.user.delete_many(where={'name': 'bulk'})

    results.append(('create_many 10,000 rows', *timeit_setup(clear_bulk, [lambda: db.user.create_many(data=rows10k()),
                                                                        raw_create_many, sa_create_many])))
    clear_bulk()

    import sqlalchemy

    print(f'| operation ({provider}) | prismapp client | hand-written SQL | SQLAlchemy {sqlalchemy.__version__} ORM | client / SQL | client / SQLAlchemy |')
    print('|---|---|---|---|---|---|')
    for name, mine, rawt, sa in results:
        print(f'| {name} | {fmt(mine)} | {fmt(rawt)} | {fmt(sa)} | {mine / rawt:.2f}x | {mine / sa:.2f}x |')
    db.disconnect()


def fmt(us: float) -> str:
    return f'{us / 1000:.2f} ms' if us >= 1000 else f'{us:.1f} µs'


if __name__ == '__main__':
    main()
