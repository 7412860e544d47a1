"""Base class of every generated model (pydantic config shared by v1 and v2)."""
from __future__ import annotations

import contextlib
import sys
from typing import Any, ClassVar, Generator, List, Type

from pydantic import BaseModel

from ._compat import PYDANTIC_V2
from .fields import Base64

__all__ = ('_PrismaModel',)


class _PrismaModel(BaseModel):
    __prisma_model__: ClassVar[str]

    if PYDANTIC_V2:
        model_config: ClassVar[Any] = {  # pyright: ignore
            'use_enum_values': True,
            'arbitrary_types_allowed': True,
            'populate_by_name': True,
            # Built on first validation/serialization, not at import (see _compat.model_rebuild); the
            # runtime constructs query results without the schema.
            'defer_build': True,
        }

        @classmethod
        def model_rebuild(cls, *args: Any, **kwargs: Any) -> Any:  # pyright: ignore
            """pydantic 2 generates the schema of every model reachable through relations recursively, about 20
            Python frames per relation hop: a chain of a few hundred related models needs more than Python's
            default recursion limit (1000). Raised for the duration of the build (pydantic's lazy completion
            on first use comes through here too)."""
            depth = kwargs.get('_parent_namespace_depth', 2)
            if isinstance(depth, int) and depth > 0:
                kwargs['_parent_namespace_depth'] = depth + 1  # this frame sits between pydantic and the caller
            with _deep_recursion():
                return getattr(super(), 'model_rebuild')(*args, **kwargs)

        @classmethod
        def model_json_schema(cls, *args: Any, **kwargs: Any) -> Any:  # pyright: ignore
            """The JSON schema walks every model reachable through relations too (see model_rebuild)."""
            with _deep_recursion():
                return getattr(super(), 'model_json_schema')(*args, **kwargs)
    else:

        class Config:
            use_enum_values = True
            arbitrary_types_allowed = True
            allow_population_by_field_name = True
            json_encoders = {Base64: str}

        @classmethod
        def schema(cls, *args: Any, **kwargs: Any) -> Any:  # pyright: ignore
            """pydantic 1's JSON schema recurses through every model reachable through relations: raise the
            recursion limit for it (see model_rebuild of the pydantic 2 branch)."""
            with _deep_recursion():
                return getattr(super(), 'schema')(*args, **kwargs)


def _count_models() -> int:
    """How many model classes derive from _PrismaModel (bases, models, partials): bounds the relation depth."""
    count = 0
    pending: List[Type[Any]] = [_PrismaModel]
    while pending:
        subclasses = pending.pop().__subclasses__()
        count += len(subclasses)
        pending.extend(subclasses)
    return count


@contextlib.contextmanager
def _deep_recursion() -> Generator[None, None, None]:
    """Python's recursion limit raised by 40 frames per model class while pydantic walks the relation graph."""
    old = sys.getrecursionlimit()
    needed = old + 40 * _count_models()
    sys.setrecursionlimit(needed)
    try:
        yield
    finally:
        if sys.getrecursionlimit() == needed:  # unless someone changed it meanwhile
            sys.setrecursionlimit(old)
