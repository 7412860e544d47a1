"""partial_type_generator: `prismapp generate` runs the user's script (a module path or a file; default
prisma/partial_types.py) after writing the package, and renders the partial models it declares into
partials.py: typed (pyright strict / mypy), usable for queries, and clear errors when the script fails."""
from __future__ import annotations

import importlib
import subprocess
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import pydantic
import pytest

from conftest import BINARY, MODELS, Runner, _drops, _server_db, push_generate_import

SCRIPT = '''
from {pkg}.models import User, Post

Post.create_partial('PostTitle', include=['id', 'title'])
User.create_partial('UserOnlyEmail', include={{'id', 'email'}})
User.create_partial('UserNoExtras', exclude=['blob', 'meta', 'balance'], optional=['email'], exclude_relational_fields=True)
User.create_partial('UserRequiredName', include=['id', 'name'], required=['name'])
User.create_partial('UserWithPosts', include=['id', 'email', 'posts'], relations={{'posts': 'PostTitle'}})
'''


def _schema(provider: str, url: str, interface: str, pkg: str, extra: str = '') -> str:
    return (f'datasource db {{\n  provider = "{provider}"\n  url      = "{url}"\n}}\n\n'
            f'generator client {{\n  provider  = "prisma-client-py"\n  interface = "{interface}"\n'
            f'  output    = "../{pkg}"\n  enable_experimental_decimal = true\n  recursive_type_depth = 5\n{extra}}}\n' + MODELS)


def _generate(root: Path, args: Tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BINARY, 'generate', '--schema', 'prisma/schema.prisma', *args], cwd=root,
                          capture_output=True, text=True, timeout=300)


def _project(tmp: Path, provider: str = 'sqlite', interface: str = 'sync', extra: str = '',
             url: Optional[str] = None) -> Tuple[Path, str]:
    root = tmp / f'proj_{uuid.uuid4().hex[:8]}'
    (root / 'prisma').mkdir(parents=True)
    pkg = f'prismapart_{provider}_{interface}_{uuid.uuid4().hex[:8]}'
    (root / 'prisma' / 'schema.prisma').write_text(_schema(provider, url or 'file:./dev.db', interface, pkg, extra))
    return root, pkg


_packages: Dict[Tuple[str, str], Tuple[Any, Path]] = {}


def _partials_package(provider: str, interface: str, tmp_root: Path) -> Tuple[Any, Path]:
    """A package whose generator runs `scripts.partials` (a module path, as upstream allows)."""
    key = (provider, interface)
    if key not in _packages:
        url = None
        if provider != 'sqlite':
            url, drop = _server_db(provider)
            _drops.append(drop)
        root, pkg = _project(tmp_root, provider, interface, '  partial_type_generator = "scripts.partials"\n', url)
        (root / 'scripts').mkdir()
        (root / 'scripts' / 'partials.py').write_text(SCRIPT.format(pkg=pkg))
        _packages[key] = (push_generate_import(root, pkg), root)
    return _packages[key]


@pytest.fixture
def part(provider: str, interface: str, gen_root: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    module, root = _partials_package(provider, interface, gen_root)
    monkeypatch.chdir(root)
    client = module.Prisma()
    run(client.connect())
    for model in ('profile', 'post', 'category', 'user'):
        run(getattr(client, model).delete_many())
    yield module, client
    run(client.disconnect())


def _fields(model: Any) -> Dict[str, bool]:
    """field name -> required"""
    raw = getattr(model, 'model_fields', None) or model.__fields__
    out: Dict[str, bool] = {}
    for name, info in raw.items():
        req = info.is_required() if callable(getattr(info, 'is_required', None)) else info.required
        out[name] = bool(req)
    return out


def test_partial_models_generated(part: Any) -> None:
    module, _ = part
    partials = importlib.import_module(module.__name__ + '.partials')
    assert _fields(partials.PostTitle) == {'id': True, 'title': True}
    assert _fields(partials.UserOnlyEmail) == {'id': True, 'email': True}
    no_extras = _fields(partials.UserNoExtras)
    assert 'blob' not in no_extras and 'posts' not in no_extras and 'profile' not in no_extras
    assert no_extras['email'] is False and no_extras['id'] is True and no_extras['name'] is False
    assert _fields(partials.UserRequiredName) == {'id': True, 'name': True}
    assert _fields(partials.UserWithPosts) == {'id': True, 'email': True, 'posts': False}
    assert issubclass(partials.UserOnlyEmail, module.bases.BaseUser)
    assert partials.UserOnlyEmail.__prisma_model__ == 'User'
    assert set(partials.__all__) == {'PostTitle', 'UserOnlyEmail', 'UserNoExtras', 'UserRequiredName', 'UserWithPosts'}


def test_partial_models_query(part: Any, run: Any) -> None:
    module, db = part
    partials = importlib.import_module(module.__name__ + '.partials')
    run(db.user.create(data={'email': 'p@x.io', 'name': 'P', 'posts': {'create': [{'title': 'b'}, {'title': 'a'}]}}))
    run(db.user.create(data={'email': 'q@x.io'}))
    users = run(partials.UserOnlyEmail.prisma(db).find_many(order={'email': 'asc'}))
    assert [type(u).__name__ for u in users] == ['UserOnlyEmail', 'UserOnlyEmail']
    assert [u.email for u in users] == ['p@x.io', 'q@x.io']
    assert not hasattr(users[0], 'name')
    u = run(partials.UserWithPosts.prisma(db).find_first(where={'email': 'p@x.io'}, include={'posts': {'order_by': {'title': 'asc'}}}))
    assert [type(p).__name__ for p in u.posts] == ['PostTitle', 'PostTitle']
    assert [p.title for p in u.posts] == ['a', 'b']
    with pytest.raises(module.errors.UnknownRelationalFieldError):
        run(partials.UserOnlyEmail.prisma(db).find_first(include={'posts': True}))
    named = run(partials.UserRequiredName.prisma(db).find_unique(where={'email': 'p@x.io'}))
    assert named is not None and named.name == 'P'
    # `required=['name']` on a nullable column: a NULL is a validation error (as upstream's parse_obj), never
    # a `None` in a field typed `str` — also once the query shape is learned by the fast path
    for _ in range(2):
        with pytest.raises(pydantic.ValidationError):
            run(partials.UserRequiredName.prisma(db).find_unique(where={'email': 'q@x.io'}))
        with pytest.raises(pydantic.ValidationError):
            run(partials.UserRequiredName.prisma(db).find_many(where={'email': 'q@x.io'}))


def test_create_partial_outside_generation(part: Any) -> None:
    module, _ = part
    with pytest.raises(RuntimeError, match='outside of client generation'):
        module.models.User.create_partial('Nope', include=['id'])


def test_default_location_and_regenerate(tmp_path: Path) -> None:
    root, pkg = _project(tmp_path)
    (root / 'prisma' / 'partial_types.py').write_text(f'from {pkg}.models import Post\nPost.create_partial("PostOnlyId", include=["id"])\n')
    proc = _generate(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (root / pkg / 'partials.py').read_text()
    assert 'class PostOnlyId(bases.BasePost):' in text
    # a file path given explicitly, with the default file gone: the partials follow the new script
    (root / 'prisma' / 'partial_types.py').unlink()
    (root / 'gen_partials.py').write_text(f'from {pkg}.models import Post\nPost.create_partial("PostOnlyTitle", include=["title"])\n')
    schema = (root / 'prisma' / 'schema.prisma').read_text().replace(
        'recursive_type_depth = 5\n', 'recursive_type_depth = 5\n  partial_type_generator = "gen_partials.py"\n')
    (root / 'prisma' / 'schema.prisma').write_text(schema)
    proc = _generate(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (root / pkg / 'partials.py').read_text()
    assert 'PostOnlyTitle' in text and 'PostOnlyId' not in text
    # no generator at all: an empty partials module again
    schema = schema.replace('  partial_type_generator = "gen_partials.py"\n', '')
    (root / 'prisma' / 'schema.prisma').write_text(schema)
    proc = _generate(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert 'PostOnlyTitle' not in (root / pkg / 'partials.py').read_text()


@pytest.mark.parametrize('case', ['raises', 'bad_key', 'required_and_optional', 'include_and_exclude', 'unknown_partial',
                                  'duplicate', 'not_found', 'relative'])
def test_partial_generator_errors(tmp_path: Path, case: str) -> None:
    root, pkg = _project(tmp_path)
    calls = {
        'raises': ('import foo_does_not_exist', "No module named 'foo_does_not_exist'"),
        'bad_key': ("Post.create_partial('PostWithoutFoo', exclude=['foo'])", 'foo is not a valid Post / PostWithoutFoo field'),
        'required_and_optional': ("Post.create_partial('P', required=['title'], optional=['title'])",
                                  'Cannot make the same field(s) required and optional'),
        'include_and_exclude': ("Post.create_partial('P', include=['id'], exclude=['title'])", 'mutually exclusive'),
        'unknown_partial': ("User.create_partial('U', relations={'posts': 'Missing'})", 'Unknown partial type: "Missing"'),
        'duplicate': ("Post.create_partial('P', include=['id'])\nPost.create_partial('P', include=['id'])",
                      'Partial type "P" has already been created'),
    }
    if case in calls:
        body, expected = calls[case]
        (root / 'prisma' / 'partial_types.py').write_text(f'from {pkg}.models import Post, User\n{body}\n')
        proc = _generate(root)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1, out
        assert 'An exception ocurred while running the partial type generator' in out
        assert expected in out, out
        assert 'partial_types.py' in out  # the traceback points at the user's script
        return
    option = 'foo.bar.baz' if case == 'not_found' else './nowhere.py'
    schema = (root / 'prisma' / 'schema.prisma').read_text().replace(
        'recursive_type_depth = 5\n', f'recursive_type_depth = 5\n  partial_type_generator = "{option}"\n')
    (root / 'prisma' / 'schema.prisma').write_text(schema)
    proc = _generate(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    expected = ('Could not find a python file or module at foo.bar.baz' if case == 'not_found'
                else 'No file found at ./nowhere.py and relative imports are not allowed.')
    assert expected in out, out


# ---------------------------------------------------------------------------------------------- typing
TYPED_SAMPLE = '''
from __future__ import annotations
from typing import List, Optional
from {pkg}.client import Prisma
from {pkg}.partials import UserOnlyEmail, UserWithPosts, PostTitle

def use(db: Prisma) -> None:
    users: List[UserOnlyEmail] = UserOnlyEmail.prisma(db).find_many(take=1)
    first: Optional[UserWithPosts] = UserWithPosts.prisma(db).find_first(include={{'posts': True}})
    email: str = users[0].email
    if first is not None and first.posts is not None:
        titles: List[str] = [p.title for p in first.posts]
        post: PostTitle = first.posts[0]
        print(titles, post)
    print(email)
'''
TYPED_BAD = '''
from {pkg}.client import Prisma
from {pkg}.partials import UserOnlyEmail

def use(db: Prisma) -> None:
    u = UserOnlyEmail.prisma(db).find_first()
    if u is not None:
        print(u.name)
'''


@pytest.fixture(scope='module')
def typed_partials(tmp_path_factory: pytest.TempPathFactory) -> Tuple[Any, Path]:
    return _partials_package('sqlite', 'sync', tmp_path_factory.mktemp('partials_typing'))


def test_partials_pyright(typed_partials: Tuple[Any, Path]) -> None:
    from test_typing import _pyright, _pyright_errors

    exe = _pyright()
    module, root = typed_partials
    pkg = module.__name__
    (root / 'partial_sample.py').write_text(TYPED_SAMPLE.format(pkg=pkg))
    (root / 'partial_bad.py').write_text(TYPED_BAD.format(pkg=pkg))
    errors = _pyright_errors(exe, root, [f'{pkg}/partials.py', 'partial_sample.py'])
    assert errors == [], '\n'.join(f"{e['file']}:{e['range']['start']['line'] + 1}: {e['message']}" for e in errors[:30])
    bad = _pyright_errors(exe, root, ['partial_bad.py'])
    assert any('name' in e['message'] for e in bad), bad


def test_partials_mypy(typed_partials: Tuple[Any, Path]) -> None:
    from test_typing import _mypy_errors

    module, root = typed_partials
    pkg = module.__name__
    (root / 'partial_sample.py').write_text(TYPED_SAMPLE.format(pkg=pkg))
    (root / 'partial_bad.py').write_text(TYPED_BAD.format(pkg=pkg))
    # one mypy run (it takes minutes on a generated package): only the bad sample may have errors
    errors = _mypy_errors(root, [f'{pkg}/partials.py', 'partial_sample.py', 'partial_bad.py'])
    assert [e for e in errors if not e.startswith('partial_bad.py')] == [], '\n'.join(errors[:30])
    assert any('"name"' in e for e in errors), errors
