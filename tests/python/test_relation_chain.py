"""A long chain of related models (M0 <- M1 <- ... <- M399, each with its parent and children).

pydantic 2 builds a model's schema together with every model reachable through its relations, about 20
Python frames per hop: completing such models at import raised RecursionError (Python's default limit is
1000 frames) and took O(models x reachable models). The generated package must import, construct query
results, validate and serialize nested relations on pydantic 1.10 and 2.x alike (this suite runs on both,
see scripts/test-pydantic2.sh)."""
from __future__ import annotations

import importlib
import json
import sys
import time
import uuid
from typing import Any, Iterator

import pytest

from conftest import push_generate_import

CHAIN = 400


def _schema(pkg: str) -> str:
    out = ['datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n',
           f'generator client {{\n  provider  = "prisma-client-py"\n  interface = "sync"\n  output    = "../{pkg}"\n'
           '  recursive_type_depth = 5\n}\n']
    for i in range(CHAIN):
        lines = [f'model M{i} {{', '  id   Int    @id @default(autoincrement())', '  name String']
        if i > 0:
            lines += ['  parentId Int?', f'  parent   M{i - 1}? @relation(fields: [parentId], references: [id])']
        if i + 1 < CHAIN:
            lines.append(f'  children M{i + 1}[]')
        out.append('\n'.join(lines) + '\n}\n')
    return '\n'.join(out)


@pytest.fixture(scope='module')
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp('chain')
    pkg = f'prismachain_{uuid.uuid4().hex[:8]}'
    (root / 'prisma').mkdir()
    (root / 'prisma' / 'schema.prisma').write_text(_schema(pkg))
    started = time.perf_counter()
    module = push_generate_import(root, pkg)  # RecursionError in the import before (pydantic 2)
    import_seconds = time.perf_counter() - started
    client = importlib.import_module(pkg + '.client').Prisma(datasource={'url': f'file:{root / "prisma" / "dev.db"}'})
    client.connect()
    yield module, client, import_seconds
    client.disconnect()


def test_chain_imports_quickly(chain: Any) -> None:
    _, _, import_seconds = chain
    # Generous bound (a loaded CI machine): the quadratic completion took minutes for 500 models.
    assert import_seconds < 30, f'import took {import_seconds:.1f} s'


def test_chain_queries_with_nested_includes(chain: Any) -> None:
    module, db, _ = chain
    models = importlib.import_module(module.__name__ + '.models')
    root = db.m0.create(data={'name': 'root'})
    mid = db.m1.create(data={'name': 'mid', 'parent': {'connect': {'id': root.id}}})
    leaf = db.m2.create(data={'name': 'leaf', 'parentId': mid.id})
    got = db.m1.find_unique(where={'id': mid.id}, include={'parent': True, 'children': {'include': {'children': True}}})
    assert isinstance(got, models.M1) and isinstance(got.parent, models.M0)
    assert got.parent.name == 'root' and [c.name for c in got.children or []] == ['leaf']
    assert all(isinstance(c, models.M2) for c in got.children or [])
    assert db.m2.find_unique(where={'id': leaf.id}).name == 'leaf'


def test_chain_validates_and_serializes_nested_models(chain: Any) -> None:
    module, _, _ = chain
    models = importlib.import_module(module.__name__ + '.models')
    compat = importlib.import_module(module.__name__ + '._compat')
    mid = CHAIN // 2
    cls = getattr(models, f'M{mid}')
    data = {'id': 1, 'name': 'a', 'parentId': 2, 'parent': {'id': 2, 'name': 'p', 'parentId': None},
            'children': [{'id': 3, 'name': 'c', 'parentId': 1}]}
    obj = compat.model_parse(cls, data)
    assert isinstance(obj.parent, getattr(models, f'M{mid - 1}'))
    assert isinstance(obj.children[0], getattr(models, f'M{mid + 1}'))
    dumped = compat.model_dict(obj, exclude_unset=True)
    assert dumped == data
    assert json.loads(compat.model_json(obj, exclude_unset=True)) == data
    with pytest.raises(Exception) as info:
        compat.model_parse(cls, {'id': 'not a number', 'name': 'x'})
    assert 'id' in str(info.value)
    # the recursion limit raised while pydantic builds the schema is restored afterwards
    assert sys.getrecursionlimit() < 10_000


def test_chain_json_schema(chain: Any) -> None:
    """What web frameworks ask of response models (FastAPI: model_json_schema on pydantic 2, schema() on 1)."""
    module, _, _ = chain
    models = importlib.import_module(module.__name__ + '.models')
    compat = importlib.import_module(module.__name__ + '._compat')
    cls = getattr(models, f'M{CHAIN // 2}')
    schema = cls.model_json_schema() if compat.PYDANTIC_V2 else cls.schema()  # pyright: ignore
    text = json.dumps(schema)
    assert f'M{CHAIN // 2 - 1}' in text and f'M{CHAIN // 2 + 1}' in text
