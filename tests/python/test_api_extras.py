"""The rest of the 0.15 API surface: prisma.validate(), Prisma.get_metrics(), load_env(), the client module's
constants and exports, Json/Base64 helpers, the registry helpers, TableNotFoundError, InvalidModelError,
tx(max_wait=...) and the batch/action signature equality upstream's test suite checks."""
from __future__ import annotations

import importlib
import inspect
import os
import warnings
from datetime import timedelta
from pathlib import Path
from typing import Any

import pydantic
import pytest


def _types(gen: Any) -> Any:
    return importlib.import_module(gen.module.__name__ + '.types')


# ---------------------------------------------------------------------------------------------- validate
def test_validate(gen: Any, db: Any, run: Any) -> None:
    types, validate = _types(gen), gen.module.validate
    data = validate(types.UserCreateInput, {'email': 'v@x.io', 'name': 'V', 'age': '7'})
    assert data == {'email': 'v@x.io', 'name': 'V', 'age': 7}  # converted, only the given keys
    user = run(db.user.create(data=data))
    assert (user.email, user.age) == ('v@x.io', 7)
    # recursive input types (recursive_type_depth = -1), keys that are keywords or start with `_`
    where = validate(types.UserWhereInput, {'email': {'contains': 'v', 'not': {'in': ['a']}}, 'OR': [{'age': {'gt': 1}}],
                                            'posts': {'none': {'title': 'x'}}})
    assert [u.email for u in run(db.user.find_many(where=where))] == ['v@x.io']
    for bad in ({'name': 'missing email'}, {'email': 'a@x.io', 'nope': 1}, {'email': ['not', 'a', 'string']}):
        with pytest.raises(pydantic.ValidationError):
            validate(types.UserCreateInput, bad)
    with pytest.raises(pydantic.ValidationError):
        validate(types.UserWhereInput, {'email': {'containz': 'x'}})  # unknown keys are rejected when nested too
    with pytest.raises(TypeError, match='Only TypedDict types are supported'):
        validate(gen.models.User, {})


# ---------------------------------------------------------------------------------------------- metrics
def test_get_metrics(gen: Any, db: Any, run: Any) -> None:
    before = run(db.get_metrics())
    run(db.user.create(data={'email': 'm@x.io', 'posts': {'create': [{'title': 't'}]}}))
    run(db.user.find_many(include={'posts': True}))
    metrics = run(db.get_metrics(global_labels={'app': 'test'}))
    assert isinstance(metrics, gen.module.Metrics)
    counters = {c.key: c.value for c in metrics.counters}
    before_counters = {c.key: c.value for c in before.counters}
    # exactly two client queries ran in between; each needed at least one SQL statement
    assert counters['prisma_client_queries_total'] - before_counters['prisma_client_queries_total'] == 2
    assert counters['prisma_datasource_queries_total'] - before_counters['prisma_datasource_queries_total'] >= 3
    gauges = {g.key: g.value for g in metrics.gauges}
    assert gauges['prisma_pool_connections_open'] >= 1
    assert gauges['prisma_client_queries_active'] == 0
    assert all(m.labels == {'app': 'test'} for m in metrics.counters + metrics.gauges + metrics.histograms)
    hist = {h.key: h.value for h in metrics.histograms}['prisma_client_queries_duration_histogram_ms']
    assert hist.count >= 2 and hist.sum > 0 and len(hist.buckets) > 0
    assert sum(b.total_count for b in hist.buckets) <= hist.count
    assert all(b.max_value >= 0 and b.total_count >= 0 for b in hist.buckets)
    text = run(db.get_metrics(format='prometheus'))
    for name in ('prisma_client_queries_total', 'prisma_datasource_queries_total', 'prisma_client_queries_active',
                 'prisma_client_queries_duration_histogram_ms_bucket', 'prisma_pool_connections_open'):
        assert name in text
    assert '# TYPE prisma_client_queries_total counter' in text
    assert 'prisma_client_queries_duration_histogram_ms_bucket{le="+Inf"}' in text


def test_get_metrics_counts_learned_find_unique(gen: Any, db: Any, run: Any) -> None:
    """find_unique of a learned shape skips the executor (fastpath + _find_unique) and queues its counts
    without a lock: they must still add up, past the queue's fold threshold too, and nothing stays active.
    (Category: User has Json/Bytes columns, whose rows are validated, so it never takes the fast path.)"""
    cat = run(db.category.create(data={'name': 'fu'}))
    run(db.category.find_unique(where={'id': cat.id}))  # learns the shape
    run(db.category.find_unique_or_raise(where={'name': 'fu'}))
    learned = {(k[0], k[2]) for k in db._core.fast.unique}
    assert {('find_unique', 'id'), ('find_unique_or_raise', 'name')} <= learned
    before = {c.key: c.value for c in run(db.get_metrics()).counters}
    calls = 4200 if gen.provider == 'sqlite' else 50  # above FOLD_AT (4096) once, on the fast database
    for _ in range(calls):
        assert run(db.category.find_unique(where={'id': cat.id})).name == 'fu'
    assert run(db.category.find_unique(where={'id': cat.id + 1000})) is None
    with pytest.raises(gen.errors.RecordNotFoundError):
        run(db.category.find_unique_or_raise(where={'name': 'nobody'}))
    metrics = run(db.get_metrics())
    after = {c.key: c.value for c in metrics.counters}
    assert after['prisma_client_queries_total'] - before['prisma_client_queries_total'] == calls + 2
    assert after['prisma_datasource_queries_total'] - before['prisma_datasource_queries_total'] == calls + 2
    assert {g.key: g.value for g in metrics.gauges}['prisma_client_queries_active'] == 0
    hists = {h.key: h.value for h in metrics.histograms}
    assert hists['prisma_client_queries_duration_histogram_ms'].count == after['prisma_client_queries_total']
    assert hists['prisma_datasource_queries_duration_histogram_ms'].count == after['prisma_datasource_queries_total']


def test_fast_built_instances_equal_model_construct(gen: Any, db: Any, run: Any) -> None:
    """The generated row builders and dict constructors set pydantic's internals directly (v1: __dict__ and
    __fields_set__; v2: also __pydantic_extra__/__pydantic_private__): same instance as model_construct."""
    compat = importlib.import_module(gen.module.__name__ + '._compat')
    Category = gen.models.Category
    cat = run(db.category.create(data={'name': 'fc'}))
    run(db.category.find_unique(where={'id': cat.id}))  # learns the shape
    fast = run(db.category.find_unique(where={'id': cat.id}))
    ref = compat.model_construct(Category, {'id': cat.id, 'name': 'fc'})
    fields_set = 'model_fields_set' if compat.PYDANTIC_V2 else '__fields_set__'
    for built in (fast, db._core._constructor(Category)({'id': cat.id, 'name': 'fc'})):
        assert type(built) is Category and built == ref
        assert compat.model_dict(built) == compat.model_dict(ref) == {'id': cat.id, 'name': 'fc', 'posts': None}
        assert getattr(built, fields_set) == getattr(ref, fields_set) == {'id', 'name'}
        assert compat.model_json(built) == compat.model_json(ref)
    partial = db._core._constructor(Category)({'id': 5})  # absent optional fields get their defaults
    assert partial == compat.model_construct(Category, {'id': 5})


# ---------------------------------------------------------------------------------------------- load_env
def test_load_env(gen: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_env = gen.client_mod.load_env
    assert gen.module.load_env is load_env and 'load_env' in gen.client_mod.__all__
    monkeypatch.chdir(tmp_path)
    (tmp_path / 'prisma').mkdir()
    (tmp_path / '.env').write_text('PYFEAT_A=from-root\nPYFEAT_B="quoted value"\n')
    (tmp_path / 'prisma' / '.env').write_text('PYFEAT_A=from-prisma\nPYFEAT_C=c\n')
    for key in ('PYFEAT_A', 'PYFEAT_B', 'PYFEAT_C'):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv('PYFEAT_C', 'already-set')
    load_env()
    assert (os.environ['PYFEAT_A'], os.environ['PYFEAT_B'], os.environ['PYFEAT_C']) == ('from-root', 'quoted value', 'already-set')
    load_env(override=True)
    assert (os.environ['PYFEAT_A'], os.environ['PYFEAT_C']) == ('from-prisma', 'c')


# ---------------------------------------------------------------------------------------------- client module
def test_client_module_surface(gen: Any, db: Any) -> None:
    cm = gen.client_mod
    for name in ('ENGINE_TYPE', 'SCHEMA_PATH', 'BINARY_PATHS', 'Batch', 'Prisma', 'Client', 'load_env', 'register', 'get_client'):
        assert name in cm.__all__, name
    assert cm.Client is cm.Prisma
    assert cm.SCHEMA_PATH == gen.root / 'prisma' / 'schema.prisma'
    assert cm.PACKAGED_SCHEMA_PATH.is_file()
    assert cm.PACKAGED_SCHEMA_PATH.read_text() == cm.SCHEMA_PATH.read_text()
    for name in ('errors', 'models', 'partials', 'bases', 'validate', 'Metrics', 'Metric', 'MetricHistogram', 'Json', 'Base64'):
        assert hasattr(gen.module, name), name
    meta = importlib.import_module(gen.module.__name__ + '.metadata')
    assert {'User', 'Post', 'Category'} <= meta.PRISMA_MODELS
    assert meta.RELATIONAL_FIELD_MAPPINGS['Post'] == {'author': 'User', 'categories': 'Category'}
    enums = importlib.import_module(gen.module.__name__ + '.enums')
    assert enums.Role.ADMIN == 'ADMIN' and isinstance(enums.Role.ADMIN, str)
    copy = db._copy()
    assert copy is not db and copy.user._client is copy and copy.is_connected()


def test_batch_signatures_match_actions(gen: Any) -> None:
    cm = gen.client_mod
    actions = importlib.import_module(gen.module.__name__ + '.actions')
    for method in ('create', 'create_many', 'delete', 'update', 'upsert', 'update_many', 'delete_many'):
        batch = inspect.signature(getattr(cm.UserBatchActions, method))
        action = inspect.signature(getattr(actions.UserActions, method))
        assert list(batch.parameters)[1:] == list(action.parameters)[1:], method
        for name in list(batch.parameters)[1:]:
            assert batch.parameters[name].kind == action.parameters[name].kind, (method, name)
            assert batch.parameters[name].default == action.parameters[name].default, (method, name)


# ---------------------------------------------------------------------------------------------- fields
def test_json_and_base64_helpers(gen: Any, db: Any, run: Any) -> None:
    Json, Base64 = gen.fields.Json, gen.fields.Base64
    u = run(db.user.create(data={'email': 'j@x.io', 'meta': Json.keys(a=1, b=[True, None]), 'blob': Base64.encode(b'\x00\xffhi')}))
    assert u.meta == {'a': 1, 'b': [True, None]}
    assert u.blob.decode() == b'\x00\xffhi'
    b = Base64.fromb64('aGVsbG8=')
    assert b.decode_str() == 'hello' and b._raw == b'aGVsbG8='
    assert Base64.fromb64(b'aGVsbG8=').decode() == b'hello'
    with pytest.raises(TypeError, match='not serializable'):
        run(db.user.create(data={'email': 'k@x.io', 'meta': Json.keys(foo=gen.client_mod.Prisma)}))


# ---------------------------------------------------------------------------------------------- registry
def test_registry_helpers(gen: Any, db: Any) -> None:
    testing = importlib.import_module(gen.module.__name__ + '.testing')
    errors = gen.errors
    testing.unregister_client()
    with pytest.raises(errors.ClientNotRegisteredError):
        gen.module.get_client()
    gen.module.register(db)
    try:
        with pytest.raises(errors.ClientAlreadyRegisteredError):
            gen.module.register(db)
        assert db.is_registered()
        with testing.reset_client():
            with pytest.raises(errors.ClientNotRegisteredError):
                gen.module.get_client()
        assert gen.module.get_client() is db
    finally:
        testing.unregister_client()
    gen.module.register(lambda: db)  # a factory
    try:
        assert gen.module.get_client() is db
    finally:
        testing.unregister_client()


# ---------------------------------------------------------------------------------------------- errors
def test_table_not_found(gen: Any, db: Any, run: Any) -> None:
    q = {'postgresql': '"', 'mysql': '`', 'sqlite': '"'}[gen.provider]
    run(db.execute_raw(f'ALTER TABLE {q}Membership{q} RENAME TO {q}Membership_gone{q}'))
    try:
        with pytest.raises(gen.errors.TableNotFoundError) as exc:
            run(db.membership.find_many())
        assert exc.value.code == 'P2021' and 'Membership' in str(exc.value.table)
    finally:
        run(db.execute_raw(f'ALTER TABLE {q}Membership_gone{q} RENAME TO {q}Membership{q}'))
    assert run(db.membership.count()) == 0


def test_invalid_model(gen: Any, db: Any, run: Any) -> None:
    class NotAModel(pydantic.BaseModel):
        id: int

    actions = type(db.user)(db, NotAModel)
    with pytest.raises(gen.errors.InvalidModelError):
        run(actions.find_many())


def test_tx_max_wait_and_int_deprecation(gen: Any, db: Any, run: Any) -> None:
    async_ = gen.interface == 'asyncio'

    def in_tx(**kw: Any) -> int:
        async def body_async() -> int:
            async with db.tx(**kw) as tx:
                await tx.user.create(data={'email': f'tx{len(kw)}@x.io'})
                return int(await tx.user.count())

        def body_sync() -> int:
            with db.tx(**kw) as tx:
                tx.user.create(data={'email': f'tx{len(kw)}@x.io'})
                return int(tx.user.count())

        return run(body_async()) if async_ else body_sync()

    assert in_tx(max_wait=timedelta(seconds=3), timeout=timedelta(seconds=10)) == 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        assert in_tx(max_wait=3000) == 2
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)
