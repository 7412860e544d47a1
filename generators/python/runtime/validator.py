"""`prisma.validate(TypedDictType, data)`: check untrusted input against a generated TypedDict.

Like upstream: only TypedDict types are accepted (TypeError otherwise), unknown keys are rejected,
forward references resolve in the TypedDict's own module (e.g. `types.py`), a pydantic
`ValidationError` is raised for invalid data, and the result is a plain dict holding only the keys
that were given (with values converted to the declared types).
"""
from __future__ import annotations

import sys
from typing import Any, Dict, ForwardRef, Literal, Set, Type, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from ._compat import PYDANTIC_V2

__all__ = ('validate',)

# Would be bound=TypedDict, which type checkers do not support.
T = TypeVar('T')

_cache: Dict[Any, Any] = {}


def _is_typeddict(typ: Any) -> bool:
    return isinstance(typ, type) and issubclass(typ, dict) and '__total__' in dir(cast(Any, typ))


def _validator(typ: Any) -> Any:
    cached = _cache.get(typ)
    if cached is not None:
        return cached
    if PYDANTIC_V2:
        from pydantic import TypeAdapter  # type: ignore[attr-defined]

        _forbid_extra_v2(typ, set())
        adapter = TypeAdapter(typ)  # type: ignore  # pyright: ignore

        def run(data: Any) -> Dict[str, Any]:
            return cast(Dict[str, Any], adapter.validate_python(data))  # pyright: ignore
    else:
        model = _V1Models().model(typ)

        def run(data: Any) -> Dict[str, Any]:
            instance = model.parse_obj(data)  # pyright: ignore
            return cast(Dict[str, Any], instance.dict(by_alias=True, exclude_unset=True))  # pyright: ignore
    _cache[typ] = run
    return run


def _forbid_extra_v2(typ: Any, seen: Set[Any]) -> None:
    """pydantic v2 takes a TypedDict's config from its `__pydantic_config__` (TypeAdapter refuses a
    `config=` for TypedDicts), and each nested TypedDict is validated with its own: mark every TypedDict
    reachable from `typ` so that unknown keys are rejected at any depth, as with v1."""
    pending = [typ]
    while pending:
        hint = pending.pop()
        if _is_typeddict(hint):
            if hint in seen:
                continue
            seen.add(hint)
            if '__pydantic_config__' not in vars(hint):
                from pydantic import ConfigDict  # type: ignore[attr-defined]

                setattr(hint, '__pydantic_config__', ConfigDict(extra='forbid'))  # pyright: ignore
            pending.extend(get_type_hints(hint, vars(sys.modules[hint.__module__])).values())
        else:
            pending.extend(get_args(hint))


class _V1Models:
    """pydantic v1: one model per TypedDict, nested TypedDicts referenced by name so that recursive
    inputs (`recursive_type_depth = -1`: WhereInput inside AND/OR/NOT) do not recurse forever, and
    every key carried as an alias (keys such as `_count` or `not` cannot be v1 field names)."""

    def __init__(self) -> None:
        self.names: Dict[Any, str] = {}
        self.models: Dict[str, Any] = {}

    def model(self, typ: Any) -> Any:
        self._build(typ)
        for m in self.models.values():
            m.update_forward_refs(**self.models)
        return self.models[self.names[typ]]

    def _build(self, typ: Any) -> str:
        name = self.names.get(typ)
        if name is not None:
            return name
        taken = set(self.names.values())
        name = typ.__name__ if typ.__name__ not in taken else f'{typ.__name__}_{len(self.names)}'
        self.names[typ] = name
        from pydantic import BaseConfig, Extra, Field, create_model  # type: ignore[attr-defined]

        hints = get_type_hints(typ, vars(sys.modules[typ.__module__]))
        required = getattr(typ, '__required_keys__', frozenset(hints) if getattr(typ, '__total__', True) else frozenset())
        fields: Dict[str, Any] = {}
        for i, (key, hint) in enumerate(hints.items()):
            default = ... if key in required else None
            fields[f'f{i}'] = (self._convert(hint), Field(default, alias=key))

        class Config(BaseConfig):  # pyright: ignore
            extra = Extra.forbid  # pyright: ignore

        self.models[name] = create_model(name, __config__=Config, **fields)  # pyright: ignore
        return name

    def _convert(self, hint: Any) -> Any:
        if _is_typeddict(hint):
            return ForwardRef(self._build(hint))
        args = get_args(hint)
        origin = get_origin(hint)
        if not args or origin is None or origin is Literal:
            return hint
        converted = tuple(self._convert(a) for a in args)
        if origin is Union:
            return Union[converted]  # pyright: ignore
        copy_with = getattr(hint, 'copy_with', None)
        return copy_with(converted) if copy_with is not None else hint


def validate(type: Type[T], data: Any) -> T:  # noqa: A002 - upstream's parameter name
    """Validate untrusted data against a TypedDict, e.g.

        from prisma import validate, types

        def user_create_handler(data: Any) -> None:
            validated = validate(types.UserCreateInput, data)
            user = client.user.create(data=validated)
    """
    if not _is_typeddict(type):
        raise TypeError(f'Only TypedDict types are supported, got: {type} instead.')
    return cast(T, _validator(type)(data))
