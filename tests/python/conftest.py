"""Fixtures: for each database (SQLite, PostgreSQL, MariaDB/MySQL) and interface (sync, asyncio), write a
schema, run `prismapp db push` and `prismapp generate`, import the generated package under a unique name
and hand tests a connected client. Server databases are created fresh and dropped afterwards."""
from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Tuple
from urllib.parse import urlsplit, urlunsplit

import pytest

BINARY = os.environ.get('PRISMAPP_BINARY', '/work/main/build-speed/prismapp')
PG_URL = os.environ.get('PRISMAPP_TEST_POSTGRES_URL', 'postgresql://postgres:postgres@127.0.0.1:5432/postgres')
MY_URL = os.environ.get('PRISMAPP_TEST_MYSQL_URL', 'mysql://prisma:prisma@127.0.0.1:3306/')
PROVIDERS = ['sqlite', 'postgresql', 'mysql']
INTERFACES = ['sync', 'asyncio']

MODELS = '''
enum Role {
  USER
  ADMIN @map("admin")
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  age       Int      @default(0)
  big       BigInt?
  score     Float?
  balance   Decimal?
  active    Boolean  @default(true)
  meta      Json?
  blob      Bytes?
  role      Role     @default(USER)
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  posts     Post[]
  profile   Profile?
}

model Post {
  id         String     @id @default(cuid())
  uid        String     @unique @default(uuid())
  title      String
  published  Boolean    @default(false)
  views      Int        @default(0)
  authorId   Int?
  author     User?      @relation(fields: [authorId], references: [id])
  categories Category[]
}

model Category {
  id    Int    @id @default(autoincrement())
  name  String @unique
  posts Post[]
}

model Profile {
  id     Int    @id @default(autoincrement())
  bio    String
  userId Int    @unique
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
}

model Membership {
  id     Int    @id @default(autoincrement())
  org    String
  member String
  level  Int    @default(1)
  @@unique([org, member], name: "org_member")
}

model Person {
  firstName String
  lastName  String
  nick      String? @default(nanoid())
  @@id([firstName, lastName])
}
'''

PG_EXTRA = '''
model Tagged {
  id   Int      @id @default(autoincrement())
  tags   String[]
  nums   Int[]
  flags  Boolean[]
  roles  Role[]
  stamps DateTime[]
}
'''


def _server_db(provider: str) -> Tuple[str, Callable[[], None]]:
    name = 'prismapp_test_py_' + uuid.uuid4().hex[:10]
    if provider == 'postgresql':
        import psycopg2  # type: ignore

        conn = psycopg2.connect(PG_URL)
        conn.autocommit = True
        conn.cursor().execute(f'CREATE DATABASE "{name}"')
        conn.close()
        parts = urlsplit(PG_URL)

        def drop() -> None:
            c = psycopg2.connect(PG_URL)
            c.autocommit = True
            c.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            c.close()

        return urlunsplit((parts.scheme, parts.netloc, '/' + name, '', '')), drop
    import pymysql  # type: ignore

    parts = urlsplit(MY_URL)
    kw: Dict[str, Any] = dict(host=parts.hostname, port=parts.port or 3306, user=parts.username, password=parts.password or '', autocommit=True)
    conn = pymysql.connect(**kw)
    conn.cursor().execute(f'CREATE DATABASE `{name}`')
    conn.close()

    def drop_my() -> None:
        c = pymysql.connect(**kw)
        c.cursor().execute(f'DROP DATABASE IF EXISTS `{name}`')
        c.close()

    return urlunsplit((parts.scheme, parts.netloc, '/' + name, '', '')), drop_my


# Development aid: PRISMAPP_PY_RUNTIME_OVERLAY=1 copies generators/python/runtime/** over each generated
# package, so runtime edits can be tested without rebuilding the binary (which embeds the runtime).
# Leave it unset to test exactly what the binary writes.
RUNTIME_OVERLAY = os.environ.get('PRISMAPP_PY_RUNTIME_OVERLAY') == '1'
RUNTIME_SRC = Path(__file__).resolve().parents[2] / 'generators' / 'python' / 'runtime'


def _overlay_runtime(pkg_dir: Path) -> None:
    for src in RUNTIME_SRC.rglob('*'):
        if src.is_file() and '__pycache__' not in src.parts and src.suffix != '.pyc':
            dst = pkg_dir / src.relative_to(RUNTIME_SRC)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(src.read_bytes())


def _run(args: list[str], cwd: Path) -> None:
    proc = subprocess.run([BINARY, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f'`prismapp {" ".join(args)}` failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}')


def push_generate_import(root: Path, pkg: str) -> Any:
    """`db push` and `generate` for the project in `root` (schema in prisma/schema.prisma), then import the
    generated package `pkg` (written into `root`)."""
    _run(['db', 'push', '--schema', 'prisma/schema.prisma', '--skip-generate'], root)
    _run(['generate', '--schema', 'prisma/schema.prisma'], root)
    if RUNTIME_OVERLAY:
        _overlay_runtime(root / pkg)
    sys.path.insert(0, str(root))
    return importlib.import_module(pkg)


class Generated:
    def __init__(self, provider: str, interface: str, module: Any, root: Path) -> None:
        self.provider = provider
        self.interface = interface
        self.module = module
        self.root = root
        self.client_mod = importlib.import_module(module.__name__ + '.client')
        self.errors = importlib.import_module(module.__name__ + '.errors')
        self.fields = importlib.import_module(module.__name__ + '.fields')
        self.models = importlib.import_module(module.__name__ + '.models')


_generated: Dict[Tuple[str, str], Generated] = {}
_generate_failures: Dict[Tuple[str, str], str] = {}
_drops: list[Callable[[], None]] = []


def generate(provider: str, interface: str, tmp_root: Path) -> Generated:
    key = (provider, interface)
    if key in _generated:
        return _generated[key]
    if key in _generate_failures:  # report the first failure again, not a confusing FileExistsError
        raise AssertionError(f'generating the {provider}/{interface} client failed earlier:\n{_generate_failures[key]}')
    try:
        gen = _generate(provider, interface, tmp_root)
    except BaseException as exc:
        _generate_failures[key] = f'{type(exc).__name__}: {exc}'
        raise
    _generated[key] = gen
    return gen


def _generate(provider: str, interface: str, tmp_root: Path) -> Generated:
    if not os.access(BINARY, os.X_OK):
        raise AssertionError(f'prismapp binary not found at {BINARY} (set PRISMAPP_BINARY)')
    root = tmp_root / f'{provider}_{interface}'
    root.mkdir(parents=True)
    if provider == 'sqlite':
        url = 'file:./dev.db'
    else:
        url, drop = _server_db(provider)
        _drops.append(drop)
    pkg = f'prismagen_{provider}_{interface}_{uuid.uuid4().hex[:8]}'
    models = MODELS + (PG_EXTRA if provider == 'postgresql' else '')
    schema = (f'datasource db {{\n  provider = "{provider}"\n  url      = "{url}"\n}}\n\n'
              f'generator client {{\n  provider  = "prisma-client-py"\n  interface = "{interface}"\n'
              f'  output    = "../{pkg}"\n  enable_experimental_decimal = true\n  recursive_type_depth = -1\n}}\n' + models)
    (root / 'prisma').mkdir()
    (root / 'prisma' / 'schema.prisma').write_text(schema)
    return Generated(provider, interface, push_generate_import(root, pkg), root)


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    for drop in _drops:
        try:
            drop()
        except Exception:
            pass


@pytest.fixture(scope='session')
def gen_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp('prismapp_py')


class Runner:
    """Lets one test body drive both interfaces: `run(db.user.find_many())` awaits when async."""

    def __init__(self, interface: str) -> None:
        self.loop = asyncio.new_event_loop() if interface == 'asyncio' else None

    def __call__(self, value: Any) -> Any:
        if inspect.isawaitable(value):
            assert self.loop is not None
            return self.loop.run_until_complete(value)  # type: ignore[arg-type]
        return value

    def close(self) -> None:
        if self.loop is not None:
            self.loop.close()


@pytest.fixture(params=PROVIDERS)
def provider(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=INTERFACES)
def interface(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def gen(provider: str, interface: str, gen_root: Path) -> Generated:
    return generate(provider, interface, gen_root)


@pytest.fixture
def run(interface: str) -> Iterator[Runner]:
    r = Runner(interface)
    yield r
    r.close()


@pytest.fixture
def db(gen: Generated, run: Runner, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.chdir(gen.root)
    client = gen.client_mod.Prisma()
    run(client.connect())
    for model in ('profile', 'post', 'category', 'user', 'person', 'membership'):
        run(getattr(client, model).delete_many())
    if gen.provider == 'postgresql':
        run(client.tagged.delete_many())
    yield client
    if client.is_connected():
        run(client.disconnect())
