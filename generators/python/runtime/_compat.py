"""pydantic v1/v2 shims used by the generated models and the runtime.

Everything the package does with pydantic goes through these helpers so the same generated code runs
on both major versions.
"""
from __future__ import annotations

import sys
from enum import Enum
from typing import Any, Callable, Dict, ForwardRef, List, Mapping, Optional, Type, TypeVar, cast, get_args

import pydantic

__all__ = (
    'PYDANTIC_V2',
    'model_parse',
    'model_dict',
    'model_json',
    'model_rebuild',
    'model_fields',
    'model_construct',
    'relation_class',
    'has_validators',
    'required_fields',
    'field_validator',
    'StrEnum',
)

PYDANTIC_V2: bool = pydantic.VERSION.startswith('2.')

_ModelT = TypeVar('_ModelT', bound=pydantic.BaseModel)
_FuncT = TypeVar('_FuncT', bound=Callable[..., Any])


def model_parse(model: Type[_ModelT], obj: Any) -> _ModelT:
    if PYDANTIC_V2:
        return cast(_ModelT, getattr(model, 'model_validate')(obj))
    return cast(_ModelT, getattr(model, 'parse_obj')(obj))


def model_dict(model: pydantic.BaseModel, **kwargs: Any) -> Dict[str, Any]:
    if PYDANTIC_V2:
        return cast(Dict[str, Any], getattr(model, 'model_dump')(**kwargs))
    return cast(Dict[str, Any], getattr(model, 'dict')(**kwargs))


def model_json(model: pydantic.BaseModel, **kwargs: Any) -> str:
    if PYDANTIC_V2:
        return cast(str, getattr(model, 'model_dump_json')(**kwargs))
    return cast(str, getattr(model, 'json')(**kwargs))


def model_rebuild(model: Type[pydantic.BaseModel], **localns: Any) -> None:
    if PYDANTIC_V2:
        # The generated models (defer_build, see _base_model.py) are completed by pydantic on first use:
        # pydantic 2 builds a model's schema together with every model reachable through its relations,
        # so completing all of them here costs O(models x reachable models) (minutes for 500 related models).
        if cast(Dict[str, Any], getattr(model, 'model_config', {})).get('defer_build') and not localns:
            return
        getattr(model, 'model_rebuild')(_types_namespace=localns or None)
    else:
        getattr(model, 'update_forward_refs')(**localns)


def model_fields(model: Type[pydantic.BaseModel]) -> Mapping[str, Optional[str]]:
    """Declared fields of a model class: attribute name -> alias (None when there is no alias)."""
    result: Dict[str, Optional[str]] = {}
    if PYDANTIC_V2:
        fields = cast(Dict[str, Any], getattr(model, 'model_fields'))
        for name, info in fields.items():
            result[name] = cast(Optional[str], getattr(info, 'alias', None))
    else:
        fields = cast(Dict[str, Any], getattr(model, '__fields__'))
        for name, info in fields.items():
            alias = cast(str, getattr(info, 'alias', name))
            result[name] = alias if alias != name else None
    return result


def model_construct(model: Type[_ModelT], values: Dict[str, Any]) -> _ModelT:
    """Build an instance without validation (the caller guarantees the values already have the right types)."""
    if PYDANTIC_V2:
        return cast(_ModelT, getattr(model, 'model_construct')(**values))
    return cast(_ModelT, getattr(model, 'construct')(**values))


def relation_class(model: Type[pydantic.BaseModel], name: str) -> Optional[Type[pydantic.BaseModel]]:
    """The model class inside a field's declared type (`Optional[List['Post']]` -> Post), or None when the
    annotation holds no resolved pydantic class (the runtime then validates instead of constructing)."""
    if PYDANTIC_V2:
        info = cast(Dict[str, Any], getattr(model, 'model_fields')).get(name)
        pending: List[Any] = [getattr(info, 'annotation', None)]
        while pending:
            tp = pending.pop()
            if isinstance(tp, (str, ForwardRef)):
                # a model not completed yet (defer_build) keeps its forward references unresolved
                tp = _resolve_reference(model, tp.__forward_arg__ if isinstance(tp, ForwardRef) else tp)
            if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
                return tp
            pending.extend(get_args(tp))
        return None
    field = cast(Dict[str, Any], getattr(model, '__fields__')).get(name)
    tp = getattr(field, 'type_', None)
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        return tp
    return None


def _resolve_reference(model: Type[pydantic.BaseModel], text: str) -> Any:
    """A generated annotation such as `'models.Post'` or `List['models.Post']`, evaluated in the model's module
    (the generated package's own code, as pydantic itself would evaluate it)."""
    module = sys.modules.get(model.__module__)
    if module is None:
        return None
    try:
        return eval(text, dict(vars(module)))  # noqa: S307 - generated annotation text
    except Exception:
        return None


def required_fields(model: Type[pydantic.BaseModel]) -> List[str]:
    """Fields the class declares without a default (a value must be given)."""
    if PYDANTIC_V2:
        fields = cast(Dict[str, Any], getattr(model, 'model_fields'))
        return [name for name, info in fields.items() if info.is_required()]
    fields = cast(Dict[str, Any], getattr(model, '__fields__'))
    return [name for name, info in fields.items() if getattr(info, 'required', False) is True]


def has_validators(model: Type[pydantic.BaseModel]) -> bool:
    """Whether validating the model could run user or generated validators (then construction must validate)."""
    if PYDANTIC_V2:
        decorators: Any = getattr(model, '__pydantic_decorators__', None)
        if decorators is None:
            return True
        return bool(decorators.field_validators or decorators.model_validators or decorators.root_validators
                    or decorators.validators)
    return bool(getattr(model, '__validators__', None) or getattr(model, '__pre_root_validators__', None)
                or getattr(model, '__post_root_validators__', None))


def field_validator(__field: str, *fields: str, pre: bool = False, allow_reuse: bool = True) -> Callable[[_FuncT], _FuncT]:
    if PYDANTIC_V2:
        mode = 'before' if pre else 'after'
        return cast(Callable[[_FuncT], _FuncT], getattr(pydantic, 'field_validator')(__field, *fields, mode=mode))
    return cast(Callable[[_FuncT], _FuncT], getattr(pydantic, 'validator')(__field, *fields, pre=pre, allow_reuse=allow_reuse))


if sys.version_info >= (3, 11):
    from enum import StrEnum as StrEnum
else:  # pragma: no cover - older interpreters

    class StrEnum(str, Enum):
        def __str__(self) -> str:
            return str(self.value)
