"""pyright (strict) and mypy over a generated package plus usage samples: 0 errors for correct code,
errors for an unknown field, a wrong value type and a wrong relation in include."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, List

import pytest

from conftest import generate

GOOD = '''
from __future__ import annotations
from typing import List, Optional
from {pkg}.client import Prisma
from {pkg}.models import User, Post

def use(db: Prisma) -> None:
    db.connect()
    user: User = db.user.create(data={{'email': 'a@x.io', 'name': 'A'}}, include={{'posts': True}})
    users: List[User] = db.user.find_many(where={{'age': {{'gt': 1}}, 'OR': [{{'name': {{'contains': 'x'}}}}]}}, take=2, order={{'email': 'asc'}})
    first: Optional[Post] = db.post.find_first(where={{'author': {{'is': {{'email': 'a@x.io'}}}}}})
    n: int = db.user.count()
    print(user.email, users, first, n)
    db.disconnect()
'''

BAD = {
    'unknown_field': "db.user.find_many(where={{'nope': 1}})",
    'wrong_type': "db.user.create(data={{'email': 123}})",
    'wrong_include': "db.user.find_many(include={{'author': True}})",
}


def _sample(pkg: str, body: str) -> str:
    return f'from {pkg}.client import Prisma\n\ndef use(db: Prisma) -> None:\n    {body.format()}\n'


def _pyright() -> str:
    exe = shutil.which('pyright')
    if exe is None:
        pytest.skip('pyright not found on PATH (install it with `npm i -g pyright`)')
    return exe


def _pyright_errors(exe: str, root: Path, files: List[str]) -> List[Any]:
    config = {'typeCheckingMode': 'strict', 'pythonVersion': f'{sys.version_info.major}.{sys.version_info.minor}',
              'pythonPlatform': 'Linux', 'extraPaths': [str(root)],
              'reportPrivateUsage': False, 'reportUnnecessaryIsInstance': False}
    (root / 'pyrightconfig.json').write_text(json.dumps(config))
    proc = subprocess.run([exe, '--outputjson', '-p', str(root / 'pyrightconfig.json'), *files], cwd=root,
                          capture_output=True, text=True, timeout=600)
    data = json.loads(proc.stdout)
    return [d for d in data.get('generalDiagnostics', []) if d.get('severity') == 'error']


def _mypy_errors(root: Path, files: List[str]) -> List[str]:
    proc = subprocess.run([sys.executable, '-m', 'mypy', '--ignore-missing-imports', '--no-incremental',
                           '--follow-imports=silent', *files], cwd=root, capture_output=True, text=True, timeout=900)
    return [line for line in proc.stdout.splitlines() if ': error:' in line]


@pytest.fixture(scope='module')
def typed_pkg(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return generate('sqlite', 'sync', tmp_path_factory.mktemp('typing'))


def test_pyright_strict_clean(typed_pkg: Any) -> None:
    exe = _pyright()
    root: Path = typed_pkg.root
    pkg = typed_pkg.module.__name__
    (root / 'good_sample.py').write_text(GOOD.format(pkg=pkg))
    errors = _pyright_errors(exe, root, [pkg, 'good_sample.py'])
    assert errors == [], '\n'.join(f"{e['file']}:{e['range']['start']['line'] + 1}: {e['message']}" for e in errors[:30])


@pytest.mark.parametrize('case', sorted(BAD))
def test_pyright_rejects(typed_pkg: Any, case: str) -> None:
    exe = _pyright()
    root: Path = typed_pkg.root
    pkg = typed_pkg.module.__name__
    name = f'bad_{case}.py'
    (root / name).write_text(_sample(pkg, BAD[case]))
    assert _pyright_errors(exe, root, [name]), f'pyright accepted the {case} sample'


def test_mypy_clean(typed_pkg: Any) -> None:
    root: Path = typed_pkg.root
    pkg = typed_pkg.module.__name__
    (root / 'good_sample.py').write_text(GOOD.format(pkg=pkg))
    errors = _mypy_errors(root, ['-p', pkg, 'good_sample.py'])
    assert errors == [], '\n'.join(errors[:30])


@pytest.mark.parametrize('case', sorted(BAD))
def test_mypy_rejects(typed_pkg: Any, case: str) -> None:
    root: Path = typed_pkg.root
    pkg = typed_pkg.module.__name__
    name = f'bad_{case}.py'
    (root / name).write_text(_sample(pkg, BAD[case]))
    assert _mypy_errors(root, [name]), f'mypy accepted the {case} sample'
